#include "core/data/json_line_parser.h"
#include "core/data/text_encoding.h"

#include <array>
#include <cstdint>
#include <cstring>

namespace kiln {

namespace {

// Deeper nesting than this is refused (a hostile line must not exhaust the stack).
constexpr int kMaxDepth = 64;

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// Bytes a string holds as they are: not the quote, the backslash, a control byte or the start
// of a multi-byte UTF-8 sequence (checked apart).
constexpr auto kPlainStringByte = [] {
    std::array<bool, 256> plain{};
    for (int c = 0x20; c < 0x80; ++c) plain[std::size_t(c)] = c != '"' && c != '\\';
    return plain;
}();

// memcmp(a, b, n) == 0 for the short names of JSON keys, inline: eight bytes at a time.
inline bool sameBytes(const char* a, const char* b, std::size_t n) {
    for (; n >= 8; a += 8, b += 8, n -= 8) {
        std::uint64_t x, y;
        std::memcpy(&x, a, 8);
        std::memcpy(&y, b, 8);
        if (x != y) return false;
    }
    for (; n; ++a, ++b, --n)
        if (*a != *b) return false;
    return true;
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}


// The length of the valid UTF-8 sequence at `p` (lead byte >= 0x80), or 0.
std::size_t utf8Length(const unsigned char* p, const unsigned char* end) {
    auto cont = [&](std::size_t i, unsigned lo = 0x80, unsigned hi = 0xBF) {
        return p + i < end && p[i] >= lo && p[i] <= hi;
    };
    const unsigned c = p[0];
    if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
    if (c == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
    if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return cont(1) && cont(2) ? 3 : 0;
    if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
    if (c == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
    if (c >= 0xF1 && c <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
    if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
    return 0;
}

// Whether a name is written in JSON as it is: without escapes, so its raw key can be compared
// byte for byte.
bool isPlain(const std::string& name) {
    for (char c : name)
        if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20) return false;
    return true;
}

}  // namespace

bool JsonLineParser::parse(std::string_view line, std::vector<std::string>& cells) {
    m_begin = m_p = line.data();
    m_end = line.data() + line.size();
    if (m_end > m_begin && m_end[-1] == '\r') --m_end;
    const std::size_t knownColumns = m_names.size();
    cells.resize(knownColumns);
    for (auto& cell : cells) cell.clear();
    m_keyNumber = 0;
    m_name.clear();
    skipSpace();
    bool ok = false;
    if (m_p == m_end || *m_p != '{') {
        ok = fail(m_p, "expected a JSON object");
    } else if (parseObject(0, cells, 0)) {
        skipSpace();
        ok = m_p == m_end || fail(m_p, "text after the object");
    }
    if (ok) return true;
    // A bad line adds no columns: forget the names it introduced.
    for (std::size_t c = knownColumns; c < m_names.size(); ++c) m_index.erase(m_names[c]);
    m_names.resize(knownColumns);
    m_plain.resize(knownColumns);
    cells.resize(knownColumns);
    m_order.clear();  // it may name the forgotten columns
    return false;
}

bool JsonLineParser::fail(const char* at, std::string message) {
    m_failure.offset = std::size_t(at - m_begin);
    m_failure.message = std::move(message);
    return false;
}

void JsonLineParser::skipSpaceSlow() {
    while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\r' || *m_p == '\n')) ++m_p;
}

// At '{'. Members' names are `m_name` from `prefixLength` on.
bool JsonLineParser::parseObject(std::size_t prefixLength, std::vector<std::string>& cells,
                                 int depth) {
    if (depth >= kMaxDepth) return fail(m_p, "nested more than 64 levels deep");
    ++m_p;
    skipSpace();
    if (m_p < m_end && *m_p == '}') return ++m_p, true;
    for (;;) {
        if (m_p == m_end || *m_p != '"') return fail(m_p, "expected a key in double quotes");
        ++m_p;
        // Most lines repeat the previous line's keys in its order: a plain key is compared
        // with the expected column's name in place, without building the dotted name.
        const std::size_t expected = expectedColumn(prefixLength);
        if (expected == kNoColumn) {
            m_name.resize(prefixLength);
            if (!parseString(m_name)) return false;
        }
        skipSpace();
        if (m_p == m_end || *m_p != ':') return fail(m_p, "expected ':' after the key");
        ++m_p;
        skipSpace();
        if (m_p < m_end && *m_p == '{') {
            if (expected != kNoColumn) m_name.assign(m_names[expected]);
            m_name += '.';
            if (!parseObject(m_name.size(), cells, depth + 1)) return false;
        } else if (!parseValue(expected != kNoColumn ? takeExpected(expected) : columnFor(cells),
                               cells)) {
            return false;
        }
        skipSpace();
        if (m_p < m_end && *m_p == ',') {
            ++m_p;
            skipSpace();
            continue;
        }
        if (m_p < m_end && *m_p == '}') return ++m_p, true;
        return fail(m_p, "expected ',' or '}' in the object");
    }
}

// After a key's opening quote: when the key is plain (no escapes, no control bytes) and names
// the column the previous line had at this place, `m_p` moves past its closing quote and that
// column is returned; else kNoColumn and `m_p` stays.
std::size_t JsonLineParser::expectedColumn(std::size_t prefixLength) {
    if (m_keyNumber >= m_order.size()) return kNoColumn;
    const std::size_t column = m_order[m_keyNumber];
    const std::string& name = m_names[column];
    if (name.size() <= prefixLength) return kNoColumn;
    const std::size_t length = name.size() - prefixLength;
    if (std::size_t(m_end - m_p) <= length || m_p[length] != '"') return kNoColumn;
    if (!sameBytes(m_p, name.data() + prefixLength, length)) return kNoColumn;
    if (prefixLength && !sameBytes(name.data(), m_name.data(), prefixLength)) return kNoColumn;
    if (!m_plain[column]) return kNoColumn;  // its raw key would differ from the name
    m_p += length + 1;
    return column;
}

std::size_t JsonLineParser::takeExpected(std::size_t column) {
    ++m_keyNumber;
    return column;
}

std::size_t JsonLineParser::columnFor(std::vector<std::string>& cells) {
    std::size_t column = m_names.size();
    if (m_keyNumber < m_order.size() && m_names[m_order[m_keyNumber]] == m_name) {
        column = m_order[m_keyNumber];
    } else if (auto it = m_index.find(m_name); it != m_index.end()) {
        column = it->second;
    } else {
        m_names.push_back(m_name);
        m_plain.push_back(isPlain(m_name));
        m_index.emplace(m_name, column);
        cells.resize(m_names.size());
        cells.back().clear();
    }
    if (m_keyNumber < m_order.size())
        m_order[m_keyNumber] = column;
    else
        m_order.push_back(column);
    ++m_keyNumber;
    return column;
}

bool JsonLineParser::parseValue(std::size_t column, std::vector<std::string>& cells) {
    std::string& cell = cells[column];
    cell.clear();  // a repeated key: the last value counts
    if (m_p == m_end) return fail(m_p, "expected a value");
    switch (*m_p) {
        case '"':
            return ++m_p, parseString(cell);
        case '[':
            return copyCompact(cell, 0);
        case 't':
            return parseLiteral("true") && (cell = "true", true);
        case 'f':
            return parseLiteral("false") && (cell = "false", true);
        case 'n':
            return parseLiteral("null");  // missing
        default:
            break;
    }
    if (*m_p == '-' || isDigit(*m_p)) return parseNumber(cell);
    return fail(m_p, "expected a value (a string, number, object, array, true, false or null)");
}

// After the opening quote; appends the unescaped text and leaves `m_p` after the closing quote.
bool JsonLineParser::parseString(std::string& out) {
    const char* opening = m_p - 1;
    for (;;) {
        const char* run = m_p;
        while (m_p < m_end) {
            const auto c = static_cast<unsigned char>(*m_p);
            if (!kPlainStringByte[c]) break;
            ++m_p;
        }
        out.append(run, std::size_t(m_p - run));
        if (m_p == m_end) return fail(opening, "unterminated string");
        const auto c = static_cast<unsigned char>(*m_p);
        if (c == '"') return ++m_p, true;
        if (c == '\\') {
            if (!parseEscape(out)) return false;
            continue;
        }
        if (c < 0x20) return fail(m_p, "control character in a string (escape it)");
        const auto length = utf8Length(reinterpret_cast<const unsigned char*>(m_p),
                                       reinterpret_cast<const unsigned char*>(m_end));
        if (!length) return fail(m_p, "invalid UTF-8 in a string");
        out.append(m_p, length);
        m_p += length;
    }
}

// At '\\'.
bool JsonLineParser::parseEscape(std::string& out) {
    const char* at = m_p++;
    if (m_p == m_end) return fail(at, "unterminated string");
    const char c = *m_p++;
    switch (c) {
        case '"':
            out += '"';
            return true;
        case '\\':
            out += '\\';
            return true;
        case '/':
            out += '/';
            return true;
        case 'b':
            out += '\b';
            return true;
        case 'f':
            out += '\f';
            return true;
        case 'n':
            out += '\n';
            return true;
        case 'r':
            out += '\r';
            return true;
        case 't':
            out += '\t';
            return true;
        case 'u':
            break;
        default:
            return fail(at, std::string("invalid escape '\\") +
                                (c >= 0x20 && c < 0x7F ? std::string(1, c) : "?") + "'");
    }
    auto hex4 = [&](unsigned& value) {
        if (m_end - m_p < 4) return false;
        value = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hexValue(m_p[i]);
            if (h < 0) return false;
            value = value * 16 + unsigned(h);
        }
        m_p += 4;
        return true;
    };
    unsigned cp = 0;
    if (!hex4(cp)) return fail(at, "invalid \\u escape: four hex digits expected");
    if (cp >= 0xDC00 && cp <= 0xDFFF) return fail(at, "invalid \\u escape: a lone low surrogate");
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        unsigned low = 0;
        if (m_end - m_p < 2 || m_p[0] != '\\' || m_p[1] != 'u')
            return fail(at, "invalid \\u escape: a high surrogate without its low half");
        m_p += 2;
        if (!hex4(low) || low < 0xDC00 || low > 0xDFFF)
            return fail(at, "invalid \\u escape: a high surrogate without its low half");
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    appendUtf8(out, cp);
    return true;
}

// JSON's number grammar; appends the number as written.
bool JsonLineParser::parseNumber(std::string& out) {
    const char* start = m_p;
    auto digits = [&] {
        const char* from = m_p;
        while (m_p < m_end && isDigit(*m_p)) ++m_p;
        return m_p > from;
    };
    if (*m_p == '-') ++m_p;
    if (m_p < m_end && *m_p == '0')
        ++m_p;
    else if (!digits())
        return fail(start, "bad number");
    if (m_p < m_end && *m_p == '.') {
        ++m_p;
        if (!digits()) return fail(start, "bad number: digits expected after '.'");
    }
    if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
        ++m_p;
        if (m_p < m_end && (*m_p == '+' || *m_p == '-')) ++m_p;
        if (!digits()) return fail(start, "bad number: digits expected in the exponent");
    }
    out.append(start, std::size_t(m_p - start));
    return true;
}

bool JsonLineParser::parseLiteral(const char* word) {
    const std::size_t length = std::strlen(word);
    if (std::size_t(m_end - m_p) < length || std::memcmp(m_p, word, length) != 0)
        return fail(m_p, "expected a value (a string, number, object, array, true, false or null)");
    m_p += length;
    return true;
}

// A string as written (escapes kept), checked; for values inside arrays.
bool JsonLineParser::copyString(std::string& out) {
    const char* start = m_p++;
    m_scratch.clear();
    if (!parseString(m_scratch)) return false;
    out.append(start, std::size_t(m_p - start));
    return true;
}

// Any value, appended as compact JSON (no white space outside strings).
bool JsonLineParser::copyCompact(std::string& out, int depth) {
    if (depth >= kMaxDepth) return fail(m_p, "nested more than 64 levels deep");
    if (m_p == m_end) return fail(m_p, "expected a value");
    const char open = *m_p;
    if (open == '"') return copyString(out);
    if (open == '-' || isDigit(open)) return parseNumber(out);
    if (open == 't' || open == 'f' || open == 'n') {
        const char* word = open == 't' ? "true" : open == 'f' ? "false" : "null";
        return parseLiteral(word) && (out += word, true);
    }
    if (open != '[' && open != '{')
        return fail(m_p, "expected a value (a string, number, object, array, true, false or null)");
    const char close = open == '[' ? ']' : '}';
    out += open;
    ++m_p;
    skipSpace();
    if (m_p < m_end && *m_p == close) return ++m_p, out += close, true;
    for (;;) {
        if (open == '{') {
            if (m_p == m_end || *m_p != '"') return fail(m_p, "expected a key in double quotes");
            if (!copyString(out)) return false;
            skipSpace();
            if (m_p == m_end || *m_p != ':') return fail(m_p, "expected ':' after the key");
            ++m_p, out += ':';
            skipSpace();
        }
        if (!copyCompact(out, depth + 1)) return false;
        skipSpace();
        if (m_p < m_end && *m_p == ',') {
            ++m_p, out += ',';
            skipSpace();
            continue;
        }
        if (m_p < m_end && *m_p == close) return ++m_p, out += close, true;
        return fail(m_p, open == '[' ? "expected ',' or ']' in the array"
                                     : "expected ',' or '}' in the object");
    }
}

}  // namespace kiln
