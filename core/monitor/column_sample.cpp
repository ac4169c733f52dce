#include "core/monitor/column_sample.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <utility>

#include "core/data/table.h"

namespace kiln {

namespace {

constexpr int kDigitBits = 11;  // six passes over 64-bit keys; 2,048 counters stay in L1
constexpr int kPasses = (64 + kDigitBits - 1) / kDigitBits;
constexpr std::uint64_t kDigitMask = (1u << kDigitBits) - 1;
constexpr std::size_t kRadixFrom = 4096;  // below this std::sort is as fast

// A key whose unsigned order is the double's order: negative numbers have every bit flipped,
// positive ones only the sign bit.
std::uint64_t orderedKey(double x) {
    std::uint64_t u;
    std::memcpy(&u, &x, sizeof u);
    return (u >> 63) ? ~u : (u | (1ull << 63));
}

double fromOrderedKey(std::uint64_t key) {
    const std::uint64_t u = (key >> 63) ? (key & ~(1ull << 63)) : ~key;
    double x;
    std::memcpy(&x, &u, sizeof x);
    return x;
}

// Least significant digit first; a digit every key shares is skipped (numbers of one sign and
// magnitude share their top bits).
void radixSort(std::vector<double>& values) {
    std::vector<std::uint64_t> keys(values.size()), spare(values.size());
    std::vector<std::array<std::size_t, kDigitMask + 1>> counts(kPasses);
    for (auto& c : counts) c.fill(0);
    for (std::size_t i = 0; i < values.size(); ++i) {
        keys[i] = orderedKey(values[i]);
        for (int p = 0; p < kPasses; ++p)
            ++counts[std::size_t(p)][(keys[i] >> (p * kDigitBits)) & kDigitMask];
    }
    for (int p = 0; p < kPasses; ++p) {
        auto& c = counts[std::size_t(p)];
        if (std::any_of(c.begin(), c.end(), [&](std::size_t n) { return n == keys.size(); }))
            continue;
        std::size_t offset = 0;
        for (auto& n : c) offset += std::exchange(n, offset);
        for (std::uint64_t key : keys) spare[c[(key >> (p * kDigitBits)) & kDigitMask]++] = key;
        keys.swap(spare);
    }
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = fromOrderedKey(keys[i]);
}

// The label of a boolean cell: the column's words for 0 and 1 when it has them.
std::string booleanLabel(const ColumnInfo& info, bool value) {
    if (info.labels.size() == 2) return info.labels[value ? 1 : 0];
    return value ? "true" : "false";
}

void countCodes(const ColumnView& column, CategorySample& s) {
    const auto& info = column.info();
    std::vector<double> byCode(info.categories.size(), 0);
    const std::int32_t* codes = column.codes();
    for (std::uint64_t i = 0; i < s.rows; ++i) {
        const std::int32_t code = codes[sampledRow(i, column.rows(), s.rows)];
        if (code < 0 || std::size_t(code) >= byCode.size())
            ++s.missing;
        else
            byCode[std::size_t(code)] += 1;
    }
    for (std::size_t c = 0; c < byCode.size(); ++c)
        if (byCode[c] > 0) s.counts[info.categories[c]] += byCode[c];
}

void countBooleans(const ColumnView& column, CategorySample& s) {
    double ones = 0, zeros = 0;
    for (std::uint64_t i = 0; i < s.rows; ++i) {
        const std::uint64_t row = sampledRow(i, column.rows(), s.rows);
        if (column.isMissing(row))
            ++s.missing;
        else
            (column.bytes()[row] ? ones : zeros) += 1;
    }
    if (zeros > 0) s.counts[booleanLabel(column.info(), false)] = zeros;
    if (ones > 0) s.counts[booleanLabel(column.info(), true)] = ones;
}

}  // namespace

ValueKind valueKindOf(ColumnType type) {
    switch (type) {
        case ColumnType::Integer:
        case ColumnType::Float:
            return ValueKind::Number;
        case ColumnType::Date:
            return ValueKind::Date;
        case ColumnType::DateTime:
            return ValueKind::DateTime;
        case ColumnType::Categorical:
        case ColumnType::Boolean:
            return ValueKind::Category;
        default:
            return ValueKind::None;
    }
}

std::uint64_t sampledRowCount(std::uint64_t rows, std::uint64_t maxRows) {
    return maxRows == 0 ? rows : std::min(rows, maxRows);
}

std::uint64_t sampledRow(std::uint64_t i, std::uint64_t rows, std::uint64_t sampled) {
    return sampled >= rows ? i : i * rows / sampled;
}

NumberSample sampleNumbers(const ColumnView& column, std::uint64_t maxRows) {
    NumberSample s;
    s.rows = sampledRowCount(column.rows(), maxRows);
    s.sorted.reserve(s.rows);
    for (std::uint64_t i = 0; i < s.rows; ++i) {
        const double x = column.number(sampledRow(i, column.rows(), s.rows));
        if (std::isfinite(x)) s.sorted.push_back(x);
    }
    s.missing = s.rows - s.sorted.size();
    sortNumbers(s.sorted);
    return s;
}

CategorySample sampleCategories(const ColumnView& column, std::uint64_t maxRows) {
    CategorySample s;
    s.rows = sampledRowCount(column.rows(), maxRows);
    if (column.info().type == ColumnType::Categorical)
        countCodes(column, s);
    else
        countBooleans(column, s);
    return s;
}

void sortNumbers(std::vector<double>& values) {
    if (values.size() < kRadixFrom)
        std::sort(values.begin(), values.end());
    else
        radixSort(values);
}

void alignCounts(const CategorySample& reference, const CategorySample& current,
                 std::vector<double>& referenceCounts, std::vector<double>& currentCounts) {
    referenceCounts.clear();
    currentCounts.clear();
    auto a = reference.counts.begin(), b = current.counts.begin();
    while (a != reference.counts.end() || b != current.counts.end()) {
        const bool takeA =
            b == current.counts.end() || (a != reference.counts.end() && a->first <= b->first);
        const bool takeB =
            a == reference.counts.end() || (b != current.counts.end() && b->first <= a->first);
        referenceCounts.push_back(takeA ? a->second : 0);
        currentCounts.push_back(takeB ? b->second : 0);
        if (takeA) ++a;
        if (takeB) ++b;
    }
}

}  // namespace kiln
