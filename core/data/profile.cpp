#include "core/data/profile.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "core/data/correlation.h"
#include "core/data/distinct_counter.h"
#include "core/data/table.h"

namespace kiln {

namespace {

bool hasNumericSummary(ColumnType type) {
    return type == ColumnType::Integer || type == ColumnType::Float || type == ColumnType::Boolean ||
           type == ColumnType::Date || type == ColumnType::DateTime;
}

std::vector<CategoryCount> topOf(std::vector<CategoryCount> all, int topCount) {
    std::stable_sort(all.begin(), all.end(),
                     [](const auto& a, const auto& b) { return a.count > b.count; });
    if (int(all.size()) > topCount) all.resize(std::size_t(topCount));
    return all;
}

void profileCategorical(const ColumnView& column, ColumnProfile& p, int topCount) {
    const auto& categories = column.info().categories;
    std::vector<std::uint64_t> counts(categories.size(), 0);
    const std::int32_t* codes = column.codes();
    for (std::uint64_t i = 0; i < column.rows(); ++i)
        if (codes[i] >= 0 && std::size_t(codes[i]) < counts.size()) ++counts[std::size_t(codes[i])];
    std::vector<CategoryCount> all;
    for (std::size_t c = 0; c < counts.size(); ++c) {
        if (!counts[c]) continue;
        all.push_back({categories[c], counts[c]});
        p.count += counts[c];
    }
    p.distinct = all.size();
    p.missing = column.rows() - p.count;
    p.top = topOf(std::move(all), topCount);
}

void profileText(const ColumnView& column, ColumnProfile& p, int topCount) {
    const std::int64_t* offsets = column.textOffsets();
    const char* bytes = reinterpret_cast<const char*>(column.bytes());
    std::unordered_map<std::string_view, std::uint64_t> counts;
    DistinctCounter sketch;
    TextLengths lengths{UINT64_MAX, 0, 0};
    double totalLength = 0;
    const bool exact = column.rows() <= kExactDistinctLimit;
    for (std::uint64_t i = 0; i < column.rows(); ++i) {
        if (column.isMissing(i)) continue;
        std::string_view cell(bytes + offsets[i], std::size_t(offsets[i + 1] - offsets[i]));
        ++p.count;
        lengths.min = std::min<std::uint64_t>(lengths.min, cell.size());
        lengths.max = std::max<std::uint64_t>(lengths.max, cell.size());
        totalLength += double(cell.size());
        if (exact) ++counts[cell];
        else sketch.add(std::hash<std::string_view>{}(cell));
    }
    p.missing = column.rows() - p.count;
    if (p.count == 0) lengths.min = 0;
    lengths.mean = p.count ? totalLength / double(p.count) : 0;
    p.textLengths = lengths;
    p.distinctIsEstimate = !exact;
    p.distinct = exact ? counts.size() : sketch.estimate();
    std::vector<CategoryCount> all;
    for (const auto& [value, count] : counts) all.push_back({std::string(value), count});
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.value < b.value; });
    p.top = topOf(std::move(all), topCount);
}

// `labels`: the column's words for false and true (ColumnInfo::labels), or none.
void profileBooleanCounts(ColumnProfile& p, const std::vector<std::string>& labels) {
    if (!p.numeric || p.numeric->count == 0) return;
    auto trues = std::uint64_t(std::llround(p.numeric->mean * double(p.numeric->count)));
    const bool spelled = labels.size() == 2;
    std::vector<CategoryCount> all = {{spelled ? labels[1] : "true", trues},
                                      {spelled ? labels[0] : "false", p.numeric->count - trues}};
    p.top = topOf(std::move(all), 2);
}

// The columns the correlations cover (see ProfileOptions::correlationColumns), and how many
// numeric columns were profiled.
Result<std::vector<std::size_t>> correlationIndices(const Table& table, const std::vector<std::size_t>& profiled,
                                                    const ProfileOptions& options, std::uint64_t& numeric) {
    std::vector<std::size_t> chosen;
    numeric = 0;
    for (std::size_t index : profiled) {
        if (!isCorrelatable(table.column(index).info().type)) continue;
        ++numeric;
        if (options.correlationColumns.empty() && (options.correlationLimit == 0 || chosen.size() < options.correlationLimit))
            chosen.push_back(index);
    }
    if (options.correlationColumns.empty()) return chosen;
    for (const auto& name : options.correlationColumns) {
        int index = table.columnIndex(name);
        if (index < 0) return makeError(ErrorCode::NotFound, "no column named '" + name + "' to correlate");
        ColumnType type = table.column(std::size_t(index)).info().type;
        if (!isCorrelatable(type))
            return makeError(ErrorCode::InvalidArgument, "column '" + name + "' is " + columnTypeName(type) +
                                                             ": correlations are over integer, float and boolean columns");
        chosen.push_back(std::size_t(index));
    }
    return chosen;
}

}  // namespace

std::vector<double> columnAsDoubles(const ColumnView& column) {
    std::vector<double> out;
    if (!hasNumericSummary(column.info().type)) return out;
    out.resize(column.rows());
    for (std::uint64_t i = 0; i < column.rows(); ++i) out[i] = column.number(i);
    return out;
}

ColumnProfile profileColumn(const ColumnView& column, const ProfileOptions& options) {
    ColumnProfile p;
    p.name = column.info().name;
    p.type = column.info().type;
    NumericSummaryOptions numericOptions;
    numericOptions.bins = options.bins;
    numericOptions.threads = options.threads;
    numericOptions.integral = p.type == ColumnType::Integer || p.type == ColumnType::Boolean ||
                              p.type == ColumnType::Date;
    if (p.type == ColumnType::Float) {
        p.numeric = summariseNumeric(column.floats(), column.rows(), nullptr, numericOptions);
    } else if (hasNumericSummary(p.type)) {
        auto values = columnAsDoubles(column);
        p.numeric = summariseNumeric(values.data(), values.size(), nullptr, numericOptions);
    } else if (p.type == ColumnType::Categorical) {
        profileCategorical(column, p, options.topCount);
    } else {
        profileText(column, p, options.topCount);
    }
    if (p.numeric) {
        p.count = p.numeric->count + p.numeric->infinite();  // present cells, infinite ones too
        p.missing = p.numeric->missing;
        p.distinct = p.numeric->distinct;
        p.distinctIsEstimate = p.numeric->distinctIsEstimate;
    }
    if (p.type == ColumnType::Boolean) profileBooleanCounts(p, column.info().labels);
    return p;
}

Result<TableProfile> profileTable(const Table& table, const ProfileOptions& options, JobContext& job) {
    std::vector<std::size_t> indices;
    for (const auto& name : options.columns) {
        int index = table.columnIndex(name);
        if (index < 0) return makeError(ErrorCode::NotFound, "no column named '" + name + "'");
        indices.push_back(std::size_t(index));
    }
    if (options.columns.empty())
        for (std::size_t i = 0; i < table.columnCount(); ++i) indices.push_back(i);

    std::uint64_t numeric = 0;
    auto correlated = correlationIndices(table, indices, options, numeric);
    if (!correlated) return correlated.error();
    TableProfile profile;
    profile.rows = table.rows();
    const std::uint64_t steps = indices.size() + (options.correlations ? 1 : 0);
    for (std::size_t k = 0; k < indices.size(); ++k) {
        job.progress(k, steps, "Profiling " + table.column(indices[k]).info().name);
        if (job.cancelled()) return makeError(ErrorCode::Cancelled, "profiling cancelled");
        profile.columns.push_back(profileColumn(table.column(indices[k]), options));
    }
    if (options.correlations) {
        job.progress(indices.size(), steps, "Correlations");
        profile.correlation = correlate(table, *correlated, options.threads, job);
        profile.correlation.numericColumns = numeric;
        profile.correlation.limited = options.correlationColumns.empty() && correlated->size() < numeric;
        if (job.cancelled()) return makeError(ErrorCode::Cancelled, "profiling cancelled");
    }
    job.progress(steps, steps, "Profiled");
    return profile;
}

const ColumnProfile* TableProfile::column(std::string_view name) const {
    for (const auto& c : columns)
        if (c.name == name) return &c;
    return nullptr;
}

std::string ProfileOptions::cacheKey() const {
    std::string key = "bins=" + std::to_string(bins) + ";top=" + std::to_string(topCount) +
                      ";corr=" + (correlations ? "1" : "0") + ";cols=";
    for (const auto& c : columns) key += c + ",";
    // Since infinite values are counted apart (format 2), and correlations are limited.
    key += ";format=2;corrlimit=" + std::to_string(correlationLimit) + ";corrcols=";
    for (const auto& c : correlationColumns) key += c + ",";
    return key;
}

}  // namespace kiln
