#pragma once

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

namespace kiln {

// What one read of a piece of CSV text finds without parsing it: the facts that the check
// before the parse (binary data, encoding) and the split into chunks for a parallel parse
// (quote parity, where records end) both need, so that the text is read once for both.

// Quotes and record ends in one piece of text.
struct PieceScan {
    std::size_t quotes = 0;  // '"' bytes in the piece
    // Just after the piece's first record end, for either quote state at its start (0: outside
    // quotes, 1: inside); npos when the piece has none. A record end is the newline byte chosen
    // for the text: LF, or CR in a text without LF (old Mac files).
    std::size_t firstEnd[2] = {std::string_view::npos, std::string_view::npos};
};

// A piece's quotes and record ends, its first NUL byte and whether it holds bytes >= 0x80.
struct TextFacts {
    PieceScan quotes;
    std::size_t firstNul = std::string_view::npos;  // offset into the text
    bool nonAscii = false;
};

// Reads [from, to) of `text` once, sixteen bytes at a time where SSE2 is there.
TextFacts scanTextPiece(std::string_view text, std::size_t from, std::size_t to, char newline);

// A whole text cut into pieces, each with its scan: what chunk boundaries are cut from.
struct QuoteScan {
    std::vector<std::size_t> starts;  // piece k is [starts[k], starts[k + 1]); last: text size
    std::vector<PieceScan> pieces;
    char newline = '\n';
};

// Where pieces of about `pieceBytes` start in [begin, text.size()), each moved back to the start
// of a UTF-8 character (so that each piece can be weighed as UTF-8 on its own); the last element
// is text.size().
std::vector<std::size_t> pieceStarts(std::string_view text, std::size_t begin,
                                     std::size_t pieceBytes);

// Chunk boundaries for a parallel parse of the records from `begin` on, cut from a scan that
// covers `begin` (begin must be a record start outside quotes): each boundary is a record start
// (RFC 4180: quotes pair up), one per piece at most. The first element is `begin`, the last the
// text's size. `unterminated` is set when the text ends inside quotes.
std::vector<std::size_t> chunkBoundaries(const QuoteScan& scan, std::size_t begin,
                                         bool& unterminated);

// Scans `text` from `begin` in pieces of about `chunkBytes` on `threads` threads and cuts chunk
// boundaries from it (see chunkBoundaries). `scanned(from, to)` (optional, called on those
// threads) hears when a piece is done, so its pages can be released.
std::vector<std::size_t> findChunkBoundaries(
    std::string_view text, std::size_t begin, std::size_t chunkBytes, unsigned threads,
    bool& unterminated, const std::function<void(std::size_t, std::size_t)>& scanned = {});

}  // namespace kiln
