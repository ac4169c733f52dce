#include "core/data/csv_scan.h"

#include <algorithm>
#include <cstdint>
#include <thread>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kiln {

namespace {

constexpr std::size_t kNone = std::string_view::npos;

// Set bits of a 16-bit mask, without a call: x86-64's baseline has no POPCNT instruction, and
// __builtin_popcount then calls libgcc for every sixteen bytes.
unsigned bitCount16(unsigned x) {
    x = x - ((x >> 1) & 0x5555u);
    x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
    x = (x + (x >> 4)) & 0x0F0Fu;
    return (x + (x >> 8)) & 0x1Fu;
}

// Notes the record ends among `ends` (a bit per byte from `at`), given the quote bits of the
// same bytes and the quotes counted before them.
void noteEnds(PieceScan& scan, std::size_t at, unsigned ends, unsigned quotes) {
    for (; ends; ends &= ends - 1) {
        const int bit = __builtin_ctz(ends);
        // With start state s, a byte is outside quotes iff s equals the parity before it.
        const std::size_t before = scan.quotes + std::size_t(bitCount16(quotes & ((1u << bit) - 1)));
        std::size_t& slot = scan.firstEnd[before & 1];
        if (slot == kNone) slot = at + std::size_t(bit) + 1;
    }
}

}  // namespace

TextFacts scanTextPiece(std::string_view text, std::size_t from, std::size_t to, char newline) {
    TextFacts facts;
    PieceScan& scan = facts.quotes;
    const char* s = text.data();
    std::size_t i = from;
    unsigned high = 0;
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), end = _mm_set1_epi8(newline),
                  zero = _mm_setzero_si128();
    for (; to - i >= 16; i += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
        const unsigned quotes = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(x, quote)));
        const unsigned nuls = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(x, zero)));
        if (nuls && facts.firstNul == kNone) facts.firstNul = i + std::size_t(__builtin_ctz(nuls));
        high |= unsigned(_mm_movemask_epi8(x));
        if (scan.firstEnd[0] == kNone || scan.firstEnd[1] == kNone)
            noteEnds(scan, i, unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(x, end))), quotes);
        scan.quotes += bitCount16(quotes);
    }
#endif
    for (; i < to; ++i) {
        const char c = s[i];
        if (c == 0 && facts.firstNul == kNone) facts.firstNul = i;
        high |= std::uint8_t(c) & 0x80;
        if (c == newline) noteEnds(scan, i, 1, 0);
        scan.quotes += c == '"';
    }
    facts.nonAscii = high != 0;
    return facts;
}

std::vector<std::size_t> pieceStarts(std::string_view text, std::size_t begin,
                                     std::size_t pieceBytes) {
    const std::size_t size = text.size();
    const std::size_t pieces =
        std::max<std::size_t>(1, (size - std::min(begin, size)) / std::max<std::size_t>(pieceBytes, 1));
    std::vector<std::size_t> starts{begin};
    for (std::size_t k = 1; k < pieces; ++k) {
        std::size_t at = begin + (size - begin) * k / pieces;
        while (at > starts.back() && (std::uint8_t(text[at]) & 0xC0) == 0x80) --at;
        if (at > starts.back()) starts.push_back(at);
    }
    starts.push_back(std::max(begin, size));
    return starts;
}

std::vector<std::size_t> chunkBoundaries(const QuoteScan& scan, std::size_t begin,
                                         bool& unterminated) {
    const std::size_t size = scan.starts.back();
    std::vector<std::size_t> bounds{begin};
    int state = 0;  // 1: inside quotes at the start of the piece
    for (std::size_t k = 0; k < scan.pieces.size(); ++k) {
        if (scan.starts[k] > begin) {
            std::size_t end = scan.pieces[k].firstEnd[state];
            if (end != kNone && end > bounds.back() && end < size) bounds.push_back(end);
        }
        state ^= int(scan.pieces[k].quotes & 1);
    }
    unterminated = state != 0;
    bounds.push_back(size);
    return bounds;
}

std::vector<std::size_t> findChunkBoundaries(
    std::string_view text, std::size_t begin, std::size_t chunkBytes, unsigned threads,
    bool& unterminated, const std::function<void(std::size_t, std::size_t)>& scanned) {
    QuoteScan scan;
    scan.newline = text.find('\n', begin) != std::string_view::npos ? '\n' : '\r';
    scan.starts = pieceStarts(text, begin, chunkBytes);
    const std::size_t pieces = scan.starts.size() - 1;
    scan.pieces.resize(pieces);
    std::vector<std::thread> workers;
    const unsigned n = unsigned(std::clamp<std::size_t>(threads, 1, pieces));
    for (unsigned t = 0; t < n; ++t)
        workers.emplace_back([&, t] {
            for (std::size_t k = t; k < pieces; k += n) {
                const std::size_t from = scan.starts[k], to = scan.starts[k + 1];
                scan.pieces[k] = scanTextPiece(text, from, to, scan.newline).quotes;
                if (scanned) scanned(from, to);
            }
        });
    for (auto& w : workers) w.join();
    return chunkBoundaries(scan, begin, unterminated);
}

}  // namespace kiln
