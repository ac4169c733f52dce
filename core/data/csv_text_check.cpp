#include "core/data/csv_text_check.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

#include "core/data/csv_reader.h"
#include "core/data/csv_scan.h"

namespace kiln {

namespace {

constexpr std::size_t kSampleBytes = 256 * 1024;  // where control bytes are counted
constexpr std::size_t kMaxSamples = 5;            // invalid bytes reported by place

// The text being checked and how errors name it.
struct Source {
    TextSource& source;
    const std::string& path;
    bool strict;
    EncodingRepairs& repairs;
    std::string_view view() const { return {source.data(), source.size()}; }
};

Error errorAt(const Source& plan, std::size_t offset, const std::string& message) {
    auto loc = locate(plan.view(), offset);
    return makeError(ErrorCode::InvalidArgument, message,
                     plan.path + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column));
}

// Scans the text in pieces shared by `threads` threads, reading each piece once: for NUL bytes
// (binary files), as UTF-8 (only pieces with bytes >= 0x80 are weighed), and for the quotes and
// record ends that chunk boundaries are cut from (`quotes`). Releases each piece's pages as it
// goes so the scan does not hold the whole file in memory. Reports the first NUL byte.
Status scanText(const Source& plan, bool checkUtf8, Utf8Evidence& evidence, unsigned threads,
                std::size_t pieceBytes, QuoteScan& quotes) {
    const std::string_view text = plan.view();
    quotes.newline = '\n';
    quotes.starts = pieceStarts(text, 0, pieceBytes);
    const std::size_t pieces = quotes.starts.size() - 1;
    quotes.pieces.assign(pieces, {});
    std::atomic<std::size_t> next{0}, firstNul{std::string_view::npos};
    std::mutex mutex;
    auto work = [&] {
        for (std::size_t k; (k = next++) < pieces;) {
            const std::size_t at = quotes.starts[k], end = quotes.starts[k + 1];
            if (at > firstNul) break;  // an earlier piece found one
            plan.source.prefetch(at, end);
            auto facts = scanTextPiece(text, at, end, quotes.newline);
            if (facts.firstNul != std::string_view::npos) {
                for (std::size_t seen = firstNul; facts.firstNul < seen;)
                    if (firstNul.compare_exchange_weak(seen, facts.firstNul)) break;
                break;
            }
            quotes.pieces[k] = facts.quotes;
            if (checkUtf8 && facts.nonAscii) {
                // A piece begins at a character's first byte (pieceStarts), so a character cut
                // off at a piece's end is cut off in the file too: an invalid byte, whichever
                // piece it ends.
                auto e = weighUtf8(text.data() + at, end - at, true, kMaxSamples);
                std::lock_guard lock(mutex);
                evidence.invalidBytes += e.invalidBytes;
                evidence.multibyteChars += e.multibyteChars;
                for (auto offset : e.firstInvalid) evidence.firstInvalid.push_back(at + offset);
            }
            plan.source.release(at, end);
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < std::min<std::size_t>(threads, pieces); ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    std::sort(evidence.firstInvalid.begin(), evidence.firstInvalid.end());
    if (evidence.firstInvalid.size() > kMaxSamples) evidence.firstInvalid.resize(kMaxSamples);
    if (firstNul != std::string_view::npos)
        return errorAt(plan, firstNul, "binary data (a NUL byte): this is not a text file");
    return {};
}

// True when the scan found a record end in some piece: the text has LF line ends, as `quotes`
// assumed (a text with CR alone is cut again with CR).
bool hasLineFeeds(const QuoteScan& quotes) {
    return std::any_of(quotes.pieces.begin(), quotes.pieces.end(), [](const PieceScan& p) {
        return p.firstEnd[0] != std::string_view::npos || p.firstEnd[1] != std::string_view::npos;
    });
}

std::string hexByte(std::uint8_t b) {
    static const char kDigits[] = "0123456789ABCDEF";
    return std::string("0x") + kDigits[b >> 4] + kDigits[b & 15];
}

// Settles the encoding of a UTF-8 source with invalid bytes from the whole file's evidence: a
// file with a BOM, or whose valid multi-byte characters far outnumber its invalid bytes, is
// UTF-8 with a few bad bytes (replaced by U+FFFD and reported; refused in strict mode); any
// other is Latin-1.
Status settleEncoding(Source& plan, const Utf8Evidence& e) {
    if (e.invalidBytes == 0) return {};
    if (plan.source.encoding() != TextEncoding::Utf8Bom && !mostlyUtf8(e)) {
        plan.source.reinterpretAsLatin1();
        return {};
    }
    const auto first = std::uint8_t(plan.view()[e.firstInvalid.front()]);
    if (plan.strict)
        return errorAt(plan, e.firstInvalid.front(),
                       "invalid UTF-8 byte " + hexByte(first) + " (" +
                           std::to_string(e.invalidBytes) +
                           " in all; --strict-encoding refuses them, without it they are "
                           "replaced by U+FFFD)");
    auto& repairs = plan.repairs;
    repairs.count = e.invalidBytes;
    for (auto offset : e.firstInvalid) {
        auto loc = locate(plan.view(), offset);
        repairs.samples.push_back({loc.line, loc.column,
                                   "invalid UTF-8 byte " +
                                       hexByte(std::uint8_t(plan.view()[offset])) +
                                       " replaced by U+FFFD"});
    }
    plan.source.replaceInvalidUtf8();
    return {};
}

// Refuses empty and binary files and settles the encoding; keeps the scan's quotes in
// `quotes` when the text stayed as it was read (clears them when it was repaired or transcoded).
Status checkText(Source& plan, unsigned threads, std::size_t pieceBytes, QuoteScan& quotes) {
    if (plan.source.size() == 0)
        return makeError(ErrorCode::InvalidArgument, "the file is empty", plan.path + ":1:1");
    auto enc = plan.source.encoding();
    Utf8Evidence evidence;
    if (auto s = scanText(plan, enc == TextEncoding::Utf8 || enc == TextEncoding::Utf8Bom, evidence,
                          threads, pieceBytes, quotes);
        !s)
        return s;
    if (auto s = settleEncoding(plan, evidence); !s) return s;
    if (evidence.invalidBytes > 0 || !hasLineFeeds(quotes)) quotes = QuoteScan{};
    std::size_t controls = 0, sample = std::min<std::size_t>(plan.source.size(), kSampleBytes);
    for (std::size_t i = 0; i < sample; ++i) {
        auto c = std::uint8_t(plan.source.data()[i]);
        controls += c < 0x20 && c != '\n' && c != '\r' && c != '\t';
    }
    if (controls * 20 > sample)
        return makeError(ErrorCode::InvalidArgument,
                         "binary data (control bytes): this is not a text file",
                         plan.path + ":1:1");
    return {};
}

}  // namespace

// "3 invalid UTF-8 bytes replaced by U+FFFD (the first at line 5, column 4)".
std::string encodingRepairsNote(const EncodingRepairs& r) {
    return std::to_string(r.count) + " invalid UTF-8 byte" + (r.count == 1 ? "" : "s") +
           " replaced by U+FFFD (the first at line " + std::to_string(r.samples[0].line) +
           ", column " + std::to_string(r.samples[0].column) + ")";
}

Status checkCsvText(TextSource& source, const std::string& path, bool strictEncoding,
                    unsigned threads, EncodingRepairs& repairs, QuoteScan* quotes,
                    std::size_t pieceBytes) {
    Source plan{source, path, strictEncoding, repairs};
    QuoteScan scan;
    auto status = checkText(plan, threads, pieceBytes, scan);
    if (quotes) *quotes = std::move(scan);
    return status;
}

}  // namespace kiln
