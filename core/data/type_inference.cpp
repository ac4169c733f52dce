#include "core/data/type_inference.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

namespace kiln {

namespace {

bool allFit(const std::vector<std::string_view>& values, const ColumnSpec& spec) {
    return std::all_of(values.begin(), values.end(),
                       [&](std::string_view v) { return cellFits(spec, v); });
}

// Integer, or Float when some integer overflows int64; false when a value is not an integer.
bool tryInteger(const std::vector<std::string_view>& values, ColumnSpec& spec) {
    bool overflow = false;
    for (auto v : values) {
        std::int64_t x;
        auto outcome = parseInt64(v, x);
        if (outcome == ParseOutcome::Invalid) return false;
        overflow |= outcome == ParseOutcome::Overflow;
    }
    spec.type = overflow ? ColumnType::Float : ColumnType::Integer;
    if (overflow) spec.note = "integers beyond 64 bits: stored as float";
    return true;
}

// Date or DateTime, deciding the order of slashed dates from the values.
bool tryDate(const std::vector<std::string_view>& values, ColumnSpec& spec) {
    bool firstOver12 = false, secondOver12 = false, slashed = false, time = false;
    for (auto v : values) {
        ParsedDate d;
        if (!parseDate(v, DateOrder::DayFirst, d) && !parseDate(v, DateOrder::MonthFirst, d))
            return false;
        slashed |= d.slashed;
        time |= d.hasTime;
        firstOver12 |= d.slashed && d.first > 12;
        secondOver12 |= d.slashed && d.second > 12;
    }
    if (firstOver12 && secondOver12) return false;
    spec.type = time ? ColumnType::DateTime : ColumnType::Date;
    if (!slashed) return true;
    if (secondOver12) {
        spec.dateOrder = DateOrder::MonthFirst;
        spec.note = "month-first dates (MM/DD/YYYY): a second number above 12 was seen";
    } else if (firstOver12) {
        spec.dateOrder = DateOrder::DayFirst;
        spec.note = "day-first dates (DD/MM/YYYY): a first number above 12 was seen";
    } else {
        spec.dateOrder = DateOrder::DayFirst;
        spec.note =
            "ambiguous dates (no number above 12): assumed day-first (DD/MM/YYYY); "
            "use --type COL=date-mdy for month-first";
    }
    return allFit(values, spec);
}

// Float with digit groups, when every value reads so and some value has a separator; the
// file's decimal mark decides which reading is tried first ("1,234" is ambiguous).
bool tryGrouped(const std::vector<std::string_view>& values, ColumnSpec& spec) {
    const char order[2] = {spec.decimalComma ? '.' : ',', spec.decimalComma ? ',' : '.'};
    for (char sep : order) {
        char decimal = sep == ',' ? '.' : ',';
        bool any = false, all = true;
        for (auto v : values) {
            double x;
            if (!parseGroupedNumber(v, sep, decimal, x)) {
                all = false;
                break;
            }
            any |= hasDigitGroups(v, sep);
        }
        if (!all || !any) continue;
        spec.type = ColumnType::Float;
        spec.thousands = sep;
        spec.note = std::string("numbers with '") + sep + "' between digit groups and '" + decimal +
                    "' as decimal mark (1" + sep + "234" + decimal + "5): read as float";
        return true;
    }
    return false;
}

void chooseTextKind(const std::vector<std::string_view>& values, std::size_t rows,
                    ColumnSpec& spec) {
    std::unordered_set<std::string_view> distinct;
    for (auto v : values) distinct.insert(v);
    std::size_t limit = std::max<std::size_t>(20, rows / 20);
    bool uniqueish = distinct.size() * 2 > values.size();
    spec.type =
        (distinct.size() <= limit && !uniqueish) ? ColumnType::Categorical : ColumnType::Text;
    if (spec.type == ColumnType::Categorical)
        spec.note = std::to_string(distinct.size()) + " distinct values in the sample";
}

// The words a Boolean column is shown with: those of its first value's kind, in its case
// ("Yes" gives No/Yes, "TRUE" FALSE/TRUE); none for false/true, how every other column reads.
std::vector<std::string> booleanLabels(std::string_view first) {
    const std::string_view word = trimSpaces(first);
    const auto upper = [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; };
    const bool allCaps = word.size() > 1 && upper(word[0]) && upper(word[1]);
    const bool capital = !allCaps && !word.empty() && upper(word[0]);
    const char head = char(std::tolower(static_cast<unsigned char>(word.empty() ? 't' : word[0])));
    if (head != 'y' && head != 'n' && !allCaps && !capital) return {};
    std::vector<std::string> labels = head == 'y' || head == 'n' ? std::vector<std::string>{"no", "yes"}
                                                                 : std::vector<std::string>{"false", "true"};
    for (std::string& label : labels)
        for (std::size_t i = 0; i < label.size(); ++i)
            if (allCaps || (capital && i == 0)) label[i] = char(std::toupper(static_cast<unsigned char>(label[i])));
    return labels;
}

}  // namespace

ColumnSpec inferColumn(std::string name, const std::vector<std::string>& cells, bool decimalComma) {
    ColumnSpec spec;
    spec.name = std::move(name);
    spec.fileName = spec.name;
    spec.decimalComma = decimalComma;
    std::vector<std::string_view> values;
    for (const auto& c : cells)
        if (!isMissingMarker(c)) values.push_back(c);
    if (values.empty()) {
        spec.type = ColumnType::Text;
        spec.undecided = true;
        spec.note = "no values in the sample: read as text";
        return spec;
    }
    auto zero = std::find_if(values.begin(), values.end(), hasLeadingZero);
    if (zero != values.end() && tryInteger(values, spec)) {
        chooseTextKind(values, cells.size(), spec);
        spec.note = "digit strings with leading zeros ('" + std::string(trimSpaces(*zero)) +
                    "'): kept as " + columnTypeName(spec.type) +
                    " so the zeros are not lost; --type " + spec.name +
                    "=integer reads them as numbers";
        return spec;
    }
    if (tryInteger(values, spec)) return spec;
    spec.type = ColumnType::Float;
    if (allFit(values, spec)) return spec;
    spec.type = ColumnType::Boolean;
    if (allFit(values, spec)) return spec.labels = booleanLabels(values.front()), spec;
    if (tryDate(values, spec)) return spec;
    spec.note.clear();
    if (tryGrouped(values, spec)) return spec;
    chooseTextKind(values, cells.size(), spec);
    return spec;
}

bool cellFits(const ColumnSpec& spec, std::string_view cell) {
    if (isMissingMarker(cell)) return true;
    switch (spec.type) {
        case ColumnType::Integer: {
            std::int64_t x;
            return parseInt64(cell, x) == ParseOutcome::Ok;
        }
        case ColumnType::Float: {
            double x;
            if (spec.thousands)
                return parseGroupedNumber(cell, spec.thousands, spec.thousands == ',' ? '.' : ',',
                                          x);
            return parseDouble(cell, spec.decimalComma, x);
        }
        case ColumnType::Boolean: {
            std::uint8_t x;
            return parseBoolean(cell, x);
        }
        case ColumnType::Date:
        case ColumnType::DateTime: {
            ParsedDate d;
            return parseDate(cell, spec.dateOrder, d) &&
                   (spec.type == ColumnType::DateTime || !d.hasTime);
        }
        default:
            return true;
    }
}

ColumnType widenedType(ColumnType type) {
    if (type == ColumnType::Integer) return ColumnType::Float;
    if (type == ColumnType::Date) return ColumnType::DateTime;
    return ColumnType::Text;
}

}  // namespace kiln
