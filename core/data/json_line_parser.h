#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kiln {

// Parses one JSON Lines record (one object on one line) straight into text cells, one pass, no
// DOM: nested objects flatten to dotted names ("address.city"), arrays keep their compact JSON
// text, null is missing (an empty cell), true/false and numbers keep their JSON text, strings are
// unescaped (\uXXXX with surrogate pairs to UTF-8). Columns are the union of keys in the order
// first met, kept across lines. Not thread-safe: one parser per source.
class JsonLineParser {
public:
    struct Failure {
        std::size_t offset = 0;  // byte offset in the line where the problem is
        std::string message;
    };

    // Parses `line` (no line break; a trailing CR is allowed) into `cells`, resized to
    // columnNames().size() with every cell the line does not set left empty. False with
    // failure() set for bad JSON, a value that is not an object, or text after the object; the
    // columns first met on a bad line are forgotten again.
    bool parse(std::string_view line, std::vector<std::string>& cells);
    const Failure& failure() const { return m_failure; }
    const std::vector<std::string>& columnNames() const { return m_names; }

private:
    bool fail(const char* at, std::string message);
    // Most JSON Lines writers put no white space between tokens: one test, then the loop.
    void skipSpace() {
        if (m_p<m_end&& static_cast<unsigned char>(*m_p)> ' ') return;
        skipSpaceSlow();
    }
    void skipSpaceSlow();
    bool parseObject(std::size_t prefixLength, std::vector<std::string>& cells, int depth);
    bool parseValue(std::size_t column, std::vector<std::string>& cells);
    bool parseString(std::string& out);
    bool parseEscape(std::string& out);
    bool parseNumber(std::string& out);
    bool parseLiteral(const char* word);
    bool copyString(std::string& out);
    bool copyCompact(std::string& out, int depth);
    std::size_t columnFor(std::vector<std::string>& cells);
    static constexpr std::size_t kNoColumn = std::size_t(-1);
    std::size_t expectedColumn(std::size_t prefixLength);
    std::size_t takeExpected(std::size_t column);

    const char* m_begin = nullptr;
    const char* m_p = nullptr;
    const char* m_end = nullptr;
    Failure m_failure;
    std::vector<std::string> m_names;
    std::vector<bool> m_plain;  // by column: the name needs no escapes in JSON
    std::unordered_map<std::string, std::size_t> m_index;
    std::string m_name;  // the dotted name being read: prefix + key
    std::string m_scratch;
    // The columns in the order the previous line gave them: the next line most likely repeats
    // it, so a key is compared with one name before the hash lookup.
    std::vector<std::size_t> m_order;
    std::size_t m_keyNumber = 0;
};

}  // namespace kiln
