#include "core/data/validation.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/base/json_number.h"
#include "core/base/parallel.h"
#include "core/data/distinct_counter.h"
#include "core/data/table.h"

namespace kiln {

namespace {

std::string percent(double share) {
    std::ostringstream out;
    out.precision(share < 0.01 ? 2 : 1);
    out << std::fixed << share * 100 << "%";
    return out.str();
}

std::uint64_t cellHash(const ColumnView& column, std::uint64_t row) {
    if (column.isMissing(row)) return 0x5bd1e995u;
    switch (column.info().type) {
        case ColumnType::Categorical: return std::uint64_t(column.code(row)) + 1;
        case ColumnType::Text: {
            const std::int64_t* off = column.textOffsets();
            const char* bytes = reinterpret_cast<const char*>(column.bytes());
            return std::hash<std::string_view>{}(
                std::string_view(bytes + off[row], std::size_t(off[row + 1] - off[row])));
        }
        default: {
            double x = column.number(row);
            std::uint64_t bits;
            std::memcpy(&bits, &x, sizeof bits);
            return bits;
        }
    }
}

// Counts rows equal to an earlier row, by sorting (hash, row) pairs.
void findDuplicates(const Table& table, int threads, ValidationReport& report) {
    std::vector<std::pair<std::uint64_t, std::uint64_t>> keyed(table.rows());
    parallelSlices(table.rows(), threads, [&](int, std::uint64_t begin, std::uint64_t end) {
        for (std::uint64_t r = begin; r < end; ++r) {
            std::uint64_t h = 0x84222325cbf29ce4ULL;
            for (std::size_t c = 0; c < table.columnCount(); ++c)
                h = DistinctCounter::mix(h ^ cellHash(table.column(c), r));
            keyed[r] = {h, r};
        }
    });
    std::sort(keyed.begin(), keyed.end());
    for (std::size_t i = 1; i < keyed.size(); ++i) {
        if (keyed[i].first != keyed[i - 1].first) continue;
        ++report.duplicateRows;
        std::size_t first = i - 1;
        while (first > 0 && keyed[first - 1].first == keyed[i].first) --first;
        if (report.firstDuplicateRow < 0 || std::int64_t(keyed[i].second) < report.firstDuplicateRow) {
            report.firstDuplicateRow = std::int64_t(keyed[i].second);
            report.firstDuplicateOf = std::int64_t(keyed[first].second);
        }
    }
}

bool isIncreasing(const ColumnView& column) {
    for (std::uint64_t r = 1; r < column.rows(); ++r)
        if (!(column.number(r) > column.number(r - 1))) return false;
    return true;
}

void checkColumn(const ColumnView& view, const ColumnProfile& c, const ValidationOptions& options,
                 std::uint64_t rows, ValidationReport& report) {
    auto add = [&](const char* kind, IssueSeverity severity, std::string message, double value) {
        report.findings.push_back({kind, severity, c.name, std::move(message), value});
    };
    if (rows > 0 && c.missing == rows) {
        add("all_missing", IssueSeverity::Error, "every value is missing", double(rows));
        return;
    }
    double missingShare = rows ? double(c.missing) / double(rows) : 0;
    if (missingShare > options.mostlyMissing)
        add("mostly_missing", IssueSeverity::Warning, percent(missingShare) + " of values are missing",
            missingShare);
    else if (missingShare > options.someMissing)
        add("some_missing", IssueSeverity::Warning,
            percent(missingShare) + " of values are missing: as the target those rows are left out of "
                                    "training; as a feature the cells are filled (or, for trees, kept)",
            missingShare);
    if (c.distinct == 1)
        add("constant", IssueSeverity::Warning, "has a single value: it carries no information", 1);
    bool unique = c.count == rows && (c.distinctIsEstimate ? double(c.distinct) >= 0.98 * double(rows)
                                                           : c.distinct == rows);
    bool integerId = c.type == ColumnType::Integer && unique && rows > 1 && isIncreasing(view);
    if ((c.type == ColumnType::Text || c.type == ColumnType::Categorical || integerId) && unique && rows > 1) {
        add("id_like", IssueSeverity::Warning,
            "every value is different: looks like an identifier, not a feature", double(c.distinct));
    } else if ((c.type == ColumnType::Categorical && c.distinct > 100) ||
               (c.type == ColumnType::Text && c.count && double(c.distinct) > 0.5 * double(c.count))) {
        add("high_cardinality", IssueSeverity::Info,
            std::to_string(c.distinct) + (c.distinctIsEstimate ? " (estimated)" : "") +
                " distinct values: encode as text or drop before training",
            double(c.distinct));
    }
    if (c.numeric && c.numeric->infinite() > 0) {
        const auto& s = *c.numeric;
        add("infinite_values", IssueSeverity::Warning,
            std::to_string(s.infinite()) + (s.infinite() == 1 ? " infinite value (" : " infinite values (") +
                std::to_string(s.positiveInfinite) + " inf, " +
                std::to_string(s.negativeInfinite) +
                " -inf), left out of the statistics; replace or drop them before training",
            double(s.infinite()));
    }
    if (c.numeric && c.type != ColumnType::Boolean && c.numeric->outliersLow + c.numeric->outliersHigh > 0) {
        auto n = c.numeric->outliersLow + c.numeric->outliersHigh;
        add("outliers", IssueSeverity::Info,
            std::to_string(n) + (n == 1 ? " value (" : " values (") + percent(double(n) / double(c.count)) +
                (n == 1 ? ") lies" : ") lie") + " beyond 1.5 IQR of the quartiles (" + std::to_string(c.numeric->outliersLow) +
                " low, " + std::to_string(c.numeric->outliersHigh) + " high)",
            double(n));
    }
}

// Class counts of the target from its profile (categorical, boolean) or its values (integers).
std::vector<CategoryCount> classCounts(const ColumnView& column, const ColumnProfile& c) {
    if (!c.top.empty() && (c.type == ColumnType::Categorical || c.type == ColumnType::Boolean) &&
        c.top.size() == c.distinct)
        return c.top;
    std::vector<CategoryCount> counts;
    if (c.type != ColumnType::Integer || c.distinct > 50) return counts;
    std::map<std::int64_t, std::uint64_t> byValue;
    for (std::uint64_t r = 0; r < column.rows(); ++r)
        if (!column.isMissing(r)) ++byValue[std::int64_t(column.number(r))];
    for (auto [value, count] : byValue) counts.push_back({std::to_string(value), count});
    return counts;
}

void checkImbalance(const ColumnView& column, const ColumnProfile& c, double threshold,
                    ValidationReport& report) {
    auto counts = classCounts(column, c);
    if (counts.size() < 2) return;
    auto [minIt, maxIt] = std::minmax_element(counts.begin(), counts.end(),
                                              [](const auto& a, const auto& b) { return a.count < b.count; });
    double ratio = double(minIt->count) / double(maxIt->count);
    if (ratio >= threshold) return;
    std::ostringstream message;
    message.precision(3);
    message << "class imbalance: '" << minIt->value << "' has " << minIt->count << " rows, '"
            << maxIt->value << "' has " << maxIt->count << " (ratio " << ratio
            << "); consider class weights or stratified splits";
    report.findings.push_back({"class_imbalance", IssueSeverity::Warning, c.name, message.str(), ratio});
}

}  // namespace

Result<ValidationReport> validateTable(const Table& table, const TableProfile& profile,
                                       const ValidationOptions& options, JobContext& job) {
    ValidationReport report;
    report.rows = table.rows();
    report.columns = table.columnCount();
    int targetIndex = options.target.empty() ? -1 : table.columnIndex(options.target);
    if (!options.target.empty() && targetIndex < 0)
        return makeError(ErrorCode::NotFound, "no column named '" + options.target + "' to use as target");
    job.progress(0, 2, "Checking columns");
    for (const auto& c : profile.columns) {
        int index = table.columnIndex(c.name);
        if (index >= 0) checkColumn(table.column(std::size_t(index)), c, options, report.rows, report);
    }
    if (targetIndex >= 0)
        if (const ColumnProfile* c = profile.column(options.target))
            checkImbalance(table.column(std::size_t(targetIndex)), *c, options.imbalanceRatio, report);
    if (job.cancelled()) return makeError(ErrorCode::Cancelled, "validation cancelled");
    job.progress(1, 2, "Looking for duplicate rows");
    findDuplicates(table, options.threads > 0 ? options.threads : defaultThreadCount(), report);
    if (report.duplicateRows > 0)
        report.findings.push_back(
            {"duplicate_rows", IssueSeverity::Warning, "",
             std::to_string(report.duplicateRows) + (report.duplicateRows == 1 ? " row (" : " rows (") +
                 percent(double(report.duplicateRows) / double(report.rows)) +
                 (report.duplicateRows == 1 ? ") repeats" : ") repeat") +
                 " an earlier row; first: row " + std::to_string(report.firstDuplicateRow + 1) +
                 " equals row " + std::to_string(report.firstDuplicateOf + 1),
             double(report.duplicateRows)});
    job.progress(2, 2, "Validated");
    return report;
}

bool ValidationReport::has(const std::string& kind, const std::string& column) const {
    return std::any_of(findings.begin(), findings.end(), [&](const ValidationFinding& f) {
        return f.kind == kind && (column.empty() || f.column == column);
    });
}

std::string ValidationReport::toJson(int indent) const {
    static const char* kSeverity[] = {"info", "warning", "error"};
    nlohmann::json list = nlohmann::json::array();
    for (const auto& f : findings)
        list.push_back({{"kind", f.kind}, {"severity", kSeverity[int(f.severity)]},
                        {"column", f.column}, {"message", f.message}, {"value", jsonNumber(f.value)}});
    return nlohmann::json{{"rows", rows}, {"columns", columns}, {"duplicate_rows", duplicateRows},
                          {"findings", list}}
        .dump(indent);
}

}  // namespace kiln
