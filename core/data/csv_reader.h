#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kiln {

// Splits CSV text into records and fields (RFC 4180 and what real files do beyond it): quoted
// fields may hold delimiters, `""` escapes and line breaks; records end at LF, CRLF or CR.
// A quote inside an unquoted field, or text after a closing quote, is kept literally and flagged
// (strayQuote()). Reads [begin, end) of a buffer the caller keeps alive. Not thread-safe: one
// reader per thread. Field views stay valid until the next call to next().
class RecordReader {
public:
    enum class Step { Record, End, UnterminatedQuote };

    RecordReader(const char* begin, const char* end, char delimiter);

    // Reads the next record. UnterminatedQuote: the text ended inside a quoted field, which
    // starts at errorPosition().
    Step next();
    const std::vector<std::string_view>& fields() const { return m_fields; }
    // Where each field of the last record starts in the buffer (for error columns).
    const std::vector<const char*>& fieldStarts() const { return m_starts; }
    // True when the last record was an empty line (skipped by callers).
    bool blankLine() const { return m_fields.size() == 1 && m_fields[0].empty() && !m_quoted; }
    const char* recordStart() const { return m_recordStart; }
    const char* position() const { return m_pos; }
    const char* errorPosition() const { return m_error; }
    bool strayQuote() const { return m_stray; }

private:
    bool readQuoted(const char*& p, std::size_t field);
    void finishRecord();

    const char* m_pos;
    const char* m_end;
    char m_delimiter;
    const char* m_recordStart = nullptr;
    const char* m_error = nullptr;
    bool m_stray = false;
    bool m_quoted = false;
    std::vector<std::string_view> m_fields;
    std::vector<const char*> m_starts;
    std::string m_scratch;                                           // unescaped quoted fields
    std::vector<std::pair<std::size_t, std::size_t>> m_scratchRefs;  // field -> scratch offset
};

// Line (1-based) and column (1-based, in characters) of byte `offset` of UTF-8 `text`.
// Lines end at LF, CRLF or CR. Linear in `offset`; for error messages only.
struct TextLocation {
    std::uint64_t line = 1;
    std::uint64_t column = 1;
};
TextLocation locate(std::string_view text, std::size_t offset);

// Chunk boundaries for a parallel parse of the records in `text` starting at `begin`: each
// boundary is the start of a record, found with a quote-parity scan (RFC 4180: quotes pair up),
// about `chunkBytes` apart. The first element is `begin`, the last `text.size()`. Pieces are
// scanned on `threads` threads; `scanned(from, to)` (optional, called on those threads) hears
// when a piece is done, so its pages can be released. `unterminated` is set when the text ends
// inside quotes.
std::vector<std::size_t> findChunkBoundaries(
    std::string_view text, std::size_t begin, std::size_t chunkBytes, unsigned threads,
    bool& unterminated, const std::function<void(std::size_t, std::size_t)>& scanned = {});

// Offset of the first NUL byte in `text`, or npos. Binary files contain them; text never does.
std::size_t findNulByte(std::string_view text);

}  // namespace kiln
