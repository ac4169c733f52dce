#include "core/data/row_query.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <numeric>
#include <optional>

#include "core/data/cell_parser.h"
#include "core/data/table.h"

namespace kiln {

namespace {

char folded(char c) { return char(std::tolower(static_cast<unsigned char>(c))); }

std::string foldedText(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = folded(c);
    return out;
}

bool sameFolded(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return folded(x) == folded(y);
           });
}

// Whether `text` contains `needle` (already folded), ignoring ASCII case.
bool containsFolded(std::string_view text, std::string_view needle) {
    if (needle.empty()) return true;
    return std::search(text.begin(), text.end(), needle.begin(), needle.end(),
                       [](char x, char y) { return folded(x) == y; }) != text.end();
}

bool holdsNumbers(ColumnType type) {
    return type == ColumnType::Integer || type == ColumnType::Float || type == ColumnType::Boolean ||
           type == ColumnType::Date || type == ColumnType::DateTime;
}

std::string_view textCell(const ColumnView& view, std::uint64_t row) {
    const std::int64_t* offsets = view.textOffsets();
    const auto* bytes = reinterpret_cast<const char*>(view.bytes());
    return {bytes + offsets[row], std::size_t(offsets[row + 1] - offsets[row])};
}

// ---- reading a condition -----------------------------------------------------------------

std::string_view trimmed(std::string_view text) { return trimSpaces(text); }

std::string unquoted(std::string_view text) {
    text = trimmed(text);
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"') return std::string(text.substr(1, text.size() - 2));
    return std::string(text);
}

// Splits on " and " (any case) outside double quotes and backticks.
std::vector<std::string_view> clausesOf(std::string_view text) {
    std::vector<std::string_view> clauses;
    std::size_t start = 0;
    char quote = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quote) {
            if (c == quote) quote = 0;
            continue;
        }
        if (c == '"' || c == '`') {
            quote = c;
            continue;
        }
        if (c == ' ' && i + 5 <= text.size() && sameFolded(text.substr(i, 5), " and ") ) {
            clauses.push_back(text.substr(start, i - start));
            start = i + 5;
            i += 4;
        }
    }
    clauses.push_back(text.substr(start));
    return clauses;
}

// The column a clause starts with (the longest name that fits), and what follows it.
int leadingColumn(const Table& table, std::string_view clause, std::string_view& rest) {
    if (!clause.empty() && clause.front() == '`') {
        const std::size_t end = clause.find('`', 1);
        if (end == std::string_view::npos) return -1;
        const int column = table.columnIndex(clause.substr(1, end - 1));
        rest = clause.substr(end + 1);
        return column;
    }
    int best = -1;
    std::size_t bestLength = 0;
    for (std::size_t c = 0; c < table.columnCount(); ++c) {
        const std::string& name = table.column(c).info().name;
        if (name.size() <= bestLength || clause.substr(0, name.size()) != name) continue;
        const std::string_view after = clause.substr(name.size());
        const bool boundary = after.empty() || after.front() == ' ' || after.front() == '=' ||
                              after.front() == '!' || after.front() == '<' || after.front() == '>';
        if (!boundary) continue;
        best = int(c);
        bestLength = name.size();
    }
    if (best >= 0) rest = clause.substr(bestLength);
    return best;
}

struct Operator {
    const char* word;
    RowTest test;
};
// Longer spellings first, so "<=" is not read as "<".
const Operator kOperators[] = {
    {"is not missing", RowTest::IsPresent}, {"is missing", RowTest::IsMissing}, {"contains", RowTest::Contains},
    {"!=", RowTest::NotEquals},             {"<>", RowTest::NotEquals},         {"<=", RowTest::LessOrEqual},
    {">=", RowTest::GreaterOrEqual},        {"==", RowTest::Equals},            {"=", RowTest::Equals},
    {"<", RowTest::Less},                   {">", RowTest::Greater},
};

// A condition's value in the units of a column of numbers, dates or booleans (days, ms, 0/1; a
// boolean column's own words count), or nothing when it is not one.
std::optional<double> numberIn(const ColumnInfo& info, const std::string& value) {
    switch (info.type) {
        case ColumnType::Boolean: {
            if (std::uint8_t flag = 0; parseBoolean(value, flag)) return double(flag);
            for (std::size_t i = 0; i < info.labels.size(); ++i)
                if (sameFolded(info.labels[i], value)) return double(i);
            return std::nullopt;
        }
        case ColumnType::Date:
        case ColumnType::DateTime: {
            ParsedDate date;
            if (!parseDate(value, DateOrder::DayFirst, date)) return std::nullopt;
            return info.type == ColumnType::Date ? double(date.days) : double(date.days * 86400000 + date.msOfDay);
        }
        default: {
            double number = 0;
            if (!parseDouble(value, false, number)) return std::nullopt;
            return number;
        }
    }
}

Status checkValue(const ColumnView& view, const RowCondition& condition) {
    if (condition.test == RowTest::IsMissing || condition.test == RowTest::IsPresent ||
        condition.test == RowTest::Contains)
        return {};
    const ColumnInfo& info = view.info();
    const std::string& value = condition.value;
    if (info.type == ColumnType::Categorical && info.ordered && condition.test != RowTest::Equals &&
        condition.test != RowTest::NotEquals &&
        std::find(info.categories.begin(), info.categories.end(), value) == info.categories.end()) {
        std::string levels;
        for (const auto& level : info.categories) levels += (levels.empty() ? "" : " < ") + level;
        return makeError(ErrorCode::InvalidArgument,
                         "'" + value + "' is not one of the values of " + info.name + " (" + levels + ")");
    }
    if (!holdsNumbers(info.type) || numberIn(info, value)) return {};
    const char* kind = info.type == ColumnType::Boolean ? "a yes/no value"
                     : info.type == ColumnType::Date || info.type == ColumnType::DateTime ? "a date (2024-01-31)"
                                                                                           : "a number";
    return makeError(ErrorCode::InvalidArgument, "'" + value + "' is not " + kind + ", as " + info.name +
                                                     " (" + columnTypeName(info.type) + ") needs");
}

Result<RowCondition> readClause(const Table& table, std::string_view clause) {
    clause = trimmed(clause);
    std::string_view rest;
    const int column = leadingColumn(table, clause, rest);
    if (column < 0) return RowCondition{-1, RowTest::Contains, unquoted(clause)};
    rest = trimmed(rest);
    for (const Operator& op : kOperators) {
        const std::string_view word = op.word;
        if (rest.size() < word.size() || !sameFolded(rest.substr(0, word.size()), word)) continue;
        RowCondition condition{column, op.test, unquoted(rest.substr(word.size()))};
        const bool needsValue = op.test != RowTest::IsMissing && op.test != RowTest::IsPresent;
        if (!needsValue && !condition.value.empty()) continue;  // "is missing x": not this operator
        if (needsValue && condition.value.empty())
            return makeError(ErrorCode::InvalidArgument,
                             "'" + std::string(clause) + "' needs a value after '" + op.word + "'");
        if (auto s = checkValue(table.column(std::size_t(column)), condition); !s) return s.error();
        return condition;
    }
    return makeError(ErrorCode::InvalidArgument,
                     "after " + table.column(std::size_t(column)).info().name +
                         " comes one of = != < <= > >= contains, 'is missing' or 'is not missing', not '" +
                         std::string(rest) + "'");
}

// ---- testing rows -------------------------------------------------------------------------

template <typename T>
bool compared(RowTest test, const T& cell, const T& value) {
    switch (test) {
        case RowTest::Equals: return cell == value;
        case RowTest::NotEquals: return cell != value;
        case RowTest::Less: return cell < value;
        case RowTest::LessOrEqual: return cell <= value;
        case RowTest::Greater: return cell > value;
        case RowTest::GreaterOrEqual: return cell >= value;
        default: return false;
    }
}

// A condition made ready for one column: the value in the column's own terms.
class RowTester {
public:
    RowTester(const ColumnView& view, const RowCondition& condition)
        : m_view(view), m_test(condition.test), m_needle(foldedText(condition.value)), m_value(condition.value) {
        const ColumnInfo& info = view.info();
        if (info.type == ColumnType::Categorical) prepareCodes(info);
        if (holdsNumbers(info.type) && condition.test != RowTest::Contains)
            m_number = numberIn(info, condition.value).value_or(0);  // checked when the condition was read
    }

    bool holds(std::uint64_t row) const {
        const bool missing = m_view.isMissing(row);
        if (m_test == RowTest::IsMissing) return missing;
        if (m_test == RowTest::IsPresent || missing) return !missing && m_test == RowTest::IsPresent;
        const ColumnType type = m_view.info().type;
        if (type == ColumnType::Categorical) return m_codes[std::size_t(m_view.codes()[row])] != 0;
        if (m_test == RowTest::Contains) return containsFolded(m_view.text(row), m_needle);
        if (holdsNumbers(type)) return compared(m_test, m_view.number(row), m_number);
        const std::string_view cell = textCell(m_view, row);
        if (m_test == RowTest::Equals) return sameFolded(cell, m_value);
        if (m_test == RowTest::NotEquals) return !sameFolded(cell, m_value);
        return compared(m_test, cell, std::string_view(m_value));
    }

private:
    // Categories: whether each code holds, decided once.
    void prepareCodes(const ColumnInfo& info) {
        m_codes.assign(info.categories.size(), 0);
        const auto levelOf = [&](const std::string& text) {
            return std::find(info.categories.begin(), info.categories.end(), text) - info.categories.begin();
        };
        const auto valueLevel = levelOf(m_value);
        for (std::size_t code = 0; code < info.categories.size(); ++code) {
            const std::string& category = info.categories[code];
            bool holds = false;
            switch (m_test) {
                case RowTest::Contains: holds = containsFolded(category, m_needle); break;
                case RowTest::Equals: holds = sameFolded(category, m_value); break;
                case RowTest::NotEquals: holds = !sameFolded(category, m_value); break;
                default:
                    holds = info.ordered ? compared(m_test, std::ptrdiff_t(code), std::ptrdiff_t(valueLevel))
                                         : compared(m_test, std::string_view(category), std::string_view(m_value));
            }
            m_codes[code] = holds;
        }
    }

    const ColumnView& m_view;
    RowTest m_test;
    std::string m_needle;  // folded, for contains
    std::string m_value;
    double m_number = 0;
    std::vector<char> m_codes;
};

// A search: whether any cell of the row contains the text.
class RowSearch {
public:
    RowSearch(const Table& table, const std::string& text) : m_table(table), m_needle(foldedText(text)) {
        m_codes.resize(table.columnCount());
        for (std::size_t c = 0; c < table.columnCount(); ++c) {
            const ColumnInfo& info = table.column(c).info();
            if (info.type != ColumnType::Categorical) continue;
            for (const auto& category : info.categories) m_codes[c].push_back(containsFolded(category, m_needle));
        }
    }

    bool holds(std::uint64_t row) const {
        for (std::size_t c = 0; c < m_table.columnCount(); ++c) {
            const ColumnView& view = m_table.column(c);
            if (view.isMissing(row)) continue;
            const ColumnType type = view.info().type;
            if (type == ColumnType::Categorical) {
                if (m_codes[c][std::size_t(view.codes()[row])]) return true;
            } else if (type == ColumnType::Text) {
                if (containsFolded(textCell(view, row), m_needle)) return true;
            } else if (containsFolded(view.text(row), m_needle)) {
                return true;
            }
        }
        return false;
    }

private:
    const Table& m_table;
    std::string m_needle;
    std::vector<std::vector<char>> m_codes;
};

// ---- sorting --------------------------------------------------------------------------------

// Text as a person sorts it: ignoring ASCII case, then by bytes ("calm" < "Clear" < "clear").
bool textLess(std::string_view a, std::string_view b) {
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i)
        if (const char x = folded(a[i]), y = folded(b[i]); x != y) return x < y;
    if (a.size() != b.size()) return a.size() < b.size();
    return a < b;
}

void sortRows(const ColumnView& view, bool descending, std::vector<std::uint64_t>& rows) {
    const auto missingAt = std::stable_partition(rows.begin(), rows.end(),
                                                 [&](std::uint64_t r) { return !view.isMissing(r); });
    const ColumnInfo& info = view.info();
    auto sortBy = [&](auto key, auto less) {
        using Key = decltype(key(std::uint64_t{}));
        std::vector<std::pair<Key, std::uint64_t>> keyed;
        keyed.reserve(std::size_t(missingAt - rows.begin()));
        for (auto it = rows.begin(); it != missingAt; ++it) keyed.emplace_back(key(*it), *it);
        // Ties keep table order: the row number breaks them, ascending either way.
        std::sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
            if (less(a.first, b.first)) return !descending;
            if (less(b.first, a.first)) return descending;
            return a.second < b.second;
        });
        for (std::size_t i = 0; i < keyed.size(); ++i) rows[i] = keyed[i].second;
    };
    if (info.type == ColumnType::Categorical) {
        std::vector<std::int32_t> rank(info.categories.size());
        std::iota(rank.begin(), rank.end(), 0);
        if (!info.ordered) {
            std::vector<std::int32_t> byText(rank);
            std::sort(byText.begin(), byText.end(), [&](std::int32_t a, std::int32_t b) {
                return textLess(info.categories[std::size_t(a)], info.categories[std::size_t(b)]);
            });
            for (std::size_t i = 0; i < byText.size(); ++i) rank[std::size_t(byText[i])] = std::int32_t(i);
        }
        const std::int32_t* codes = view.codes();
        sortBy([&](std::uint64_t r) { return rank[std::size_t(codes[r])]; }, std::less<std::int32_t>());
    } else if (info.type == ColumnType::Text) {
        sortBy([&](std::uint64_t r) { return textCell(view, r); }, textLess);
    } else {
        sortBy([&](std::uint64_t r) { return view.number(r); }, std::less<double>());
    }
}

}  // namespace

Result<std::vector<RowCondition>> parseRowConditions(const Table& table, std::string_view text) {
    std::vector<RowCondition> conditions;
    if (trimmed(text).empty()) return conditions;
    const std::string whole = foldedText(trimmed(text));
    if (whole == "and" || whole.rfind("and ", 0) == 0 ||
        (whole.size() >= 4 && whole.compare(whole.size() - 4, 4, " and") == 0))
        return makeError(ErrorCode::InvalidArgument, "an 'and' with nothing on one side");
    for (std::string_view clause : clausesOf(text)) {
        if (trimmed(clause).empty())
            return makeError(ErrorCode::InvalidArgument, "an 'and' with nothing on one side");
        auto condition = readClause(table, clause);
        if (!condition) return condition.error();
        conditions.push_back(std::move(*condition));
    }
    return conditions;
}

Result<std::vector<std::uint64_t>> selectRows(const Table& table, const RowQuery& query) {
    for (const RowCondition& c : query.conditions)
        if (c.column >= int(table.columnCount()))
            return makeError(ErrorCode::InvalidArgument, "a condition names column " + std::to_string(c.column) +
                                                             " of a table of " + std::to_string(table.columnCount()));
    if (query.sortColumn >= int(table.columnCount()))
        return makeError(ErrorCode::InvalidArgument, "no column " + std::to_string(query.sortColumn) + " to sort by");
    std::vector<RowTester> testers;
    std::vector<RowSearch> searches;
    for (const RowCondition& c : query.conditions) {
        if (c.column < 0)
            searches.emplace_back(table, c.value);
        else
            testers.emplace_back(table.column(std::size_t(c.column)), c);
    }
    std::vector<std::uint64_t> rows;
    for (std::uint64_t r = 0; r < table.rows(); ++r) {
        const bool kept = std::all_of(testers.begin(), testers.end(), [r](const RowTester& t) { return t.holds(r); }) &&
                          std::all_of(searches.begin(), searches.end(), [r](const RowSearch& s) { return s.holds(r); });
        if (kept) rows.push_back(r);
    }
    if (query.sortColumn >= 0) sortRows(table.column(std::size_t(query.sortColumn)), query.descending, rows);
    return rows;
}

}  // namespace kiln
