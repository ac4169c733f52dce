#pragma once

#include <cstddef>
#include <cstdint>
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

// The pieces RecordReader reads fields with, for parsers that take each field as it comes.

// The end of the unquoted field starting at `p`: the first delimiter, '\n' or '\r', or `end`.
// A quote on the way is kept literally and sets `stray`.
const char* unquotedFieldEnd(const char* p, const char* end, char delimiter, bool& stray);

// A quoted field's content: a view into the text, or (escaped: it held `""` or text after its
// closing quote) the bytes appended to a scratch string from scratchStart on.
struct QuotedField {
    std::string_view text;
    bool escaped = false;
    std::size_t scratchStart = 0;
};
// Reads the quoted field at `p` (*p == '"'), leaving `p` after it; text after the closing quote
// is kept and sets `stray`. False when the text ends before the quote closes (`p` stays on the
// opening quote).
bool readQuotedField(const char*& p, const char* end, char delimiter, QuotedField& field,
                     std::string& scratch, bool& stray);

// Line (1-based) and column (1-based, in characters) of byte `offset` of UTF-8 `text`.
// Lines end at LF, CRLF or CR. Linear in `offset`; for error messages only.
struct TextLocation {
    std::uint64_t line = 1;
    std::uint64_t column = 1;
};
TextLocation locate(std::string_view text, std::size_t offset);

// Offset of the first NUL byte in `text`, or npos. Binary files contain them; text never does.
std::size_t findNulByte(std::string_view text);

}  // namespace kiln
