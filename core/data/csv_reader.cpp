#include "core/data/csv_reader.h"

#include <cstring>

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

const char* unquotedFieldEnd(const char* p, const char* end, char delimiter, bool& stray) {
    while ((p = findFieldEnd(p, end, delimiter)) < end && *p == '"') {
        stray = true;  // a quote inside an unquoted field is kept literally
        ++p;
    }
    return p;
}

bool readQuotedField(const char*& p, const char* end, char delimiter, QuotedField& field,
                     std::string& scratch, bool& stray) {
    const char* open = p;
    ++p;  // opening quote
    const char* contentStart = p;
    field.escaped = false;
    field.scratchStart = scratch.size();
    for (;;) {
        const char* q = static_cast<const char*>(std::memchr(p, '"', std::size_t(end - p)));
        if (!q) {
            p = open;
            return false;
        }
        if (q + 1 < end && q[1] == '"') {  // "" escape
            scratch.append(p, std::size_t(q + 1 - p));
            field.escaped = true;
            p = q + 2;
            continue;
        }
        if (field.escaped) scratch.append(p, std::size_t(q - p));
        const char* contentEnd = q;
        p = q + 1;
        // Text after the closing quote (`"ab"c`) is kept literally.
        if (p < end && *p != delimiter && *p != '\n' && *p != '\r') {
            if (!field.escaped) scratch.append(contentStart, std::size_t(contentEnd - contentStart));
            field.escaped = true;
            stray = true;
            while (p < end && *p != delimiter && *p != '\n' && *p != '\r') scratch += *p++;
        }
        if (!field.escaped)
            field.text = std::string_view(contentStart, std::size_t(contentEnd - contentStart));
        return true;
    }
}

RecordReader::RecordReader(const char* begin, const char* end, char delimiter)
    : m_pos(begin), m_end(end), m_delimiter(delimiter) {}

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
            QuotedField quoted;
            if (!readQuotedField(p, m_end, m_delimiter, quoted, m_scratch, m_stray)) {
                m_error = p;
                return Step::UnterminatedQuote;
            }
            if (quoted.escaped)
                m_scratchRefs.push_back({field, quoted.scratchStart});
            else
                m_fields[field] = quoted.text;
        } else {
            const char* start = p;
            p = unquotedFieldEnd(p, m_end, m_delimiter, m_stray);
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

std::size_t findNulByte(std::string_view text) {
    const void* p = std::memchr(text.data(), 0, text.size());
    return p ? std::size_t(static_cast<const char*>(p) - text.data()) : std::string_view::npos;
}

}  // namespace kiln
