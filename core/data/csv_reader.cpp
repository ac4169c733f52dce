#include "core/data/csv_reader.h"

#include <cstring>
#include <thread>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kiln {

namespace {

// The first byte in [p, end) that ends an unquoted field or is a quote: the delimiter, '\n',
// '\r' or '"'; `end` when there is none. Sixteen bytes at a time where SSE2 is there (every
// x86-64), a byte at a time otherwise.
const char* findFieldEnd(const char* p, const char* end, char delimiter) {
#if defined(__SSE2__)
    const __m128i d = _mm_set1_epi8(delimiter), n = _mm_set1_epi8('\n'), r = _mm_set1_epi8('\r'),
                  q = _mm_set1_epi8('"');
    for (; end - p >= 16; p += 16) {
        __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, d), _mm_cmpeq_epi8(x, n)),
                                   _mm_or_si128(_mm_cmpeq_epi8(x, r), _mm_cmpeq_epi8(x, q)));
        if (int mask = _mm_movemask_epi8(hit)) return p + __builtin_ctz(unsigned(mask));
    }
#endif
    for (; p < end; ++p) {
        char c = *p;
        if (c == delimiter || c == '\n' || c == '\r' || c == '"') return p;
    }
    return end;
}

}  // namespace

RecordReader::RecordReader(const char* begin, const char* end, char delimiter)
    : m_pos(begin), m_end(end), m_delimiter(delimiter) {}

bool RecordReader::readQuoted(const char*& p, std::size_t field) {
    const char* open = p;
    ++p;  // opening quote
    const char* contentStart = p;
    bool escaped = false;
    std::size_t scratchStart = m_scratch.size();
    for (;;) {
        const char* q = static_cast<const char*>(std::memchr(p, '"', std::size_t(m_end - p)));
        if (!q) {
            m_error = open;
            return false;
        }
        if (q + 1 < m_end && q[1] == '"') {  // "" escape
            m_scratch.append(p, std::size_t(q + 1 - p));
            escaped = true;
            p = q + 2;
            continue;
        }
        if (escaped) m_scratch.append(p, std::size_t(q - p));
        const char* contentEnd = q;
        p = q + 1;
        // Text after the closing quote (`"ab"c`) is kept literally.
        if (p < m_end && *p != m_delimiter && *p != '\n' && *p != '\r') {
            if (!escaped) m_scratch.append(contentStart, std::size_t(contentEnd - contentStart));
            escaped = true;
            m_stray = true;
            while (p < m_end && *p != m_delimiter && *p != '\n' && *p != '\r') m_scratch += *p++;
        }
        if (escaped)
            m_scratchRefs.push_back({field, scratchStart});
        else
            m_fields[field] =
                std::string_view(contentStart, std::size_t(contentEnd - contentStart));
        return true;
    }
}

RecordReader::Step RecordReader::next() {
    if (m_pos >= m_end) return Step::End;
    m_fields.clear();
    m_starts.clear();
    m_scratch.clear();
    m_scratchRefs.clear();
    m_quoted = false;
    m_recordStart = m_pos;
    const char* p = m_pos;
    for (;;) {
        std::size_t field = m_fields.size();
        m_fields.emplace_back();
        m_starts.push_back(p);
        if (p < m_end && *p == '"') {
            m_quoted = true;
            if (!readQuoted(p, field)) return Step::UnterminatedQuote;
        } else {
            const char* start = p;
            while ((p = findFieldEnd(p, m_end, m_delimiter)) < m_end && *p == '"') {
                m_stray = true;  // a quote inside an unquoted field is kept literally
                ++p;
            }
            m_fields[field] = std::string_view(start, std::size_t(p - start));
        }
        if (p < m_end && *p == m_delimiter) {
            ++p;
            continue;
        }
        break;
    }
    if (p < m_end && *p == '\r') {
        ++p;
        if (p < m_end && *p == '\n') ++p;
    } else if (p < m_end && *p == '\n') {
        ++p;
    }
    m_pos = p;
    finishRecord();
    return Step::Record;
}

void RecordReader::finishRecord() {
    // Fields that needed unescaping live in m_scratch; point them there now it stops growing.
    for (std::size_t i = 0; i < m_scratchRefs.size(); ++i) {
        auto [field, start] = m_scratchRefs[i];
        std::size_t end =
            i + 1 < m_scratchRefs.size() ? m_scratchRefs[i + 1].second : m_scratch.size();
        m_fields[field] = std::string_view(m_scratch.data() + start, end - start);
    }
}

TextLocation locate(std::string_view text, std::size_t offset) {
    TextLocation loc;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        char c = text[i];
        if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
            ++loc.line;
            lineStart = i + 1;
        }
    }
    for (std::size_t i = lineStart; i < offset && i < text.size(); ++i)
        if ((std::uint8_t(text[i]) & 0xC0) != 0x80) ++loc.column;
    return loc;
}

namespace {

// What one piece of text says about record ends, for either quote state at its start.
struct PieceScan {
    std::size_t quotes = 0;
    std::size_t firstEnd[2] = {std::string_view::npos, std::string_view::npos};  // by start state
};

// Record ends are LF, or CR when the text has no LF at all (old Mac files).
PieceScan scanPiece(std::string_view text, std::size_t from, std::size_t to, char newline) {
    PieceScan scan;
    const char* s = text.data();
    std::size_t i = from;
    for (; i < to && (scan.firstEnd[0] == std::string_view::npos ||
                      scan.firstEnd[1] == std::string_view::npos);
         ++i) {
        char c = s[i];
        if (c == '"') {
            ++scan.quotes;
        } else if (c == newline) {
            int state = int(scan.quotes & 1);  // inside quotes iff start state ^ parity
            // Start state 0 is outside at i iff parity even; start state 1 iff parity odd.
            std::size_t& slot = scan.firstEnd[state];
            if (slot == std::string_view::npos) slot = i + 1;
        }
    }
    const char* p = s + i;
    const char* end = s + to;
    while (p < end) {
        const void* q = std::memchr(p, '"', std::size_t(end - p));
        if (!q) break;
        ++scan.quotes;
        p = static_cast<const char*>(q) + 1;
    }
    return scan;
}

}  // namespace

std::vector<std::size_t> findChunkBoundaries(
    std::string_view text, std::size_t begin, std::size_t chunkBytes, unsigned threads,
    bool& unterminated, const std::function<void(std::size_t, std::size_t)>& scanned) {
    char newline = text.find('\n', begin) != std::string_view::npos ? '\n' : '\r';
    std::size_t size = text.size();
    std::size_t pieces =
        std::max<std::size_t>(1, (size - begin) / std::max<std::size_t>(chunkBytes, 1));
    std::vector<PieceScan> scans(pieces);
    auto pieceStart = [&](std::size_t k) { return begin + (size - begin) * k / pieces; };
    std::vector<std::thread> workers;
    unsigned n = std::max(1u, threads);
    for (unsigned t = 0; t < n; ++t)
        workers.emplace_back([&, t] {
            for (std::size_t k = t; k < pieces; k += n) {
                scans[k] = scanPiece(text, pieceStart(k), pieceStart(k + 1), newline);
                if (scanned) scanned(pieceStart(k), pieceStart(k + 1));
            }
        });
    for (auto& w : workers) w.join();
    std::vector<std::size_t> bounds{begin};
    int state = 0;  // 1: inside quotes at the start of the piece
    for (std::size_t k = 0; k < pieces; ++k) {
        if (k > 0) {
            std::size_t end = scans[k].firstEnd[state];
            if (end != std::string_view::npos && end > bounds.back() && end < size)
                bounds.push_back(end);
        }
        state ^= int(scans[k].quotes & 1);
    }
    unterminated = state != 0;
    bounds.push_back(size);
    return bounds;
}

std::size_t findNulByte(std::string_view text) {
    const void* p = std::memchr(text.data(), 0, text.size());
    return p ? std::size_t(static_cast<const char*>(p) - text.data()) : std::string_view::npos;
}

}  // namespace kiln
