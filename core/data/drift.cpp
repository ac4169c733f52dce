#include "core/data/drift.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <set>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "core/base/json_number.h"
#include "core/data/numeric_summary.h"
#include "core/data/profile.h"
#include "core/data/table.h"

namespace kiln {

namespace {

constexpr std::uint64_t kKsSample = 1000000;
constexpr double kPsiFloor = 1e-4;  // a share of 0 would make PSI infinite

double psiOf(const std::vector<double>& expected, const std::vector<double>& actual) {
    double psi = 0;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        double e = std::max(expected[i], kPsiFloor), a = std::max(actual[i], kPsiFloor);
        psi += (a - e) * std::log(a / e);
    }
    return psi;
}

std::vector<double> shares(const std::vector<std::uint64_t>& counts) {
    std::uint64_t total = 0;
    for (auto c : counts) total += c;
    std::vector<double> out;
    for (auto c : counts) out.push_back(total ? double(c) / double(total) : 0.0);
    return out;
}

// Bin counts over the reference's decile edges; then -inf, +inf and missing values, a bin each.
std::vector<std::uint64_t> decileCounts(const std::vector<double>& values, const std::vector<double>& edges) {
    const std::size_t finiteBins = edges.size() + 1;
    std::vector<std::uint64_t> counts(finiteBins + 3, 0);
    for (double x : values) {
        if (std::isnan(x)) ++counts[finiteBins + 2];
        else if (std::isinf(x)) ++counts[finiteBins + (x > 0 ? 1 : 0)];
        else ++counts[std::size_t(std::upper_bound(edges.begin(), edges.end(), x) - edges.begin())];
    }
    return counts;
}

// An evenly spaced sample of the present values (±inf included: they have a place in the order),
// ascending.
std::vector<double> sortedSample(const std::vector<double>& values) {
    std::uint64_t stride = values.size() > kKsSample ? (values.size() + kKsSample - 1) / kKsSample : 1;
    std::vector<double> out;
    for (std::uint64_t i = 0; i < values.size(); i += stride)
        if (!std::isnan(values[i])) out.push_back(values[i]);
    std::sort(out.begin(), out.end());
    return out;
}

// The reference's decile edges over its finite values (infinite ones have bins of their own).
std::vector<double> decileEdges(const std::vector<double>& sorted) {
    auto first = std::find_if(sorted.begin(), sorted.end(), [](double x) { return std::isfinite(x); });
    auto last = std::find_if(first, sorted.end(), [](double x) { return !std::isfinite(x); });
    std::vector<double> edges;
    const auto n = std::uint64_t(last - first);
    for (int k = 1; k < 10 && n > 0; ++k) edges.push_back(quantileOfSorted(&*first, n, k / 10.0));
    return edges;
}

void numericDrift(const ColumnView& ref, const ColumnView& cur, ColumnDrift& drift) {
    auto a = columnAsDoubles(ref), b = columnAsDoubles(cur);
    auto sa = sortedSample(a), sb = sortedSample(b);
    std::vector<double> edges = decileEdges(sa);
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    drift.psi = psiOf(shares(decileCounts(a, edges)), shares(decileCounts(b, edges)));
    if (!sa.empty() && !sb.empty()) {
        drift.ks = ksStatistic(sa, sb);
        drift.ksPValue = ksPValue(*drift.ks, sa.size(), sb.size());
    }
}

// Cell values as strings for categorical, boolean and text columns ("" for missing).
std::map<std::string, std::uint64_t> valueCounts(const ColumnView& column) {
    std::map<std::string, std::uint64_t> counts;
    for (std::uint64_t r = 0; r < column.rows(); ++r) ++counts[column.isMissing(r) ? std::string("\x01missing") : column.text(r)];
    return counts;
}

void categoricalDrift(const ColumnView& ref, const ColumnView& cur, ColumnDrift& drift) {
    auto a = valueCounts(ref), b = valueCounts(cur);
    std::vector<std::uint64_t> ca, cb;
    for (const auto& [value, count] : a) ca.push_back(count), cb.push_back(b.count(value) ? b[value] : 0);
    for (const auto& [value, count] : b)
        if (!a.count(value)) ca.push_back(0), cb.push_back(count);
    drift.psi = psiOf(shares(ca), shares(cb));
}

bool isOrdered(ColumnType t) {
    return t == ColumnType::Integer || t == ColumnType::Float || t == ColumnType::Date ||
           t == ColumnType::DateTime;
}

}  // namespace

double ksStatistic(const std::vector<double>& a, const std::vector<double>& b) {
    std::size_t i = 0, j = 0;
    double d = 0;
    while (i < a.size() && j < b.size()) {
        double x = std::min(a[i], b[j]);
        while (i < a.size() && a[i] == x) ++i;
        while (j < b.size() && b[j] == x) ++j;
        d = std::max(d, std::fabs(double(i) / double(a.size()) - double(j) / double(b.size())));
    }
    return d;
}

double ksPValue(double d, std::size_t n1, std::size_t n2) {
    double ne = double(n1) * double(n2) / double(n1 + n2);
    double lambda = (std::sqrt(ne) + 0.12 + 0.11 / std::sqrt(ne)) * d;
    if (lambda < 1e-3) return 1.0;
    double sum = 0;  // Kolmogorov's Q(lambda) = 2 sum (-1)^(k-1) exp(-2 k^2 lambda^2)
    for (int k = 1; k <= 100; ++k) {
        double term = 2.0 * ((k % 2) ? 1.0 : -1.0) * std::exp(-2.0 * k * k * lambda * lambda);
        sum += term;
        if (std::fabs(term) < 1e-12) break;
    }
    return std::clamp(sum, 0.0, 1.0);
}

Result<DriftReport> compareTables(const Table& reference, const Table& current, JobContext& job) {
    DriftReport report;
    for (std::size_t i = 0; i < reference.columnCount(); ++i) {
        const auto& info = reference.column(i).info();
        int j = current.columnIndex(info.name);
        if (j < 0) report.schemaChanges.push_back({info.name, "removed", columnTypeName(info.type), ""});
        else if (current.column(std::size_t(j)).info().type != info.type)
            report.schemaChanges.push_back({info.name, "type changed", columnTypeName(info.type),
                                            columnTypeName(current.column(std::size_t(j)).info().type)});
    }
    for (std::size_t j = 0; j < current.columnCount(); ++j) {
        const auto& info = current.column(j).info();
        if (reference.columnIndex(info.name) < 0)
            report.schemaChanges.push_back({info.name, "added", "", columnTypeName(info.type)});
    }
    for (std::size_t i = 0; i < reference.columnCount(); ++i) {
        job.progress(i, reference.columnCount(), "Comparing " + reference.column(i).info().name);
        if (job.cancelled()) return makeError(ErrorCode::Cancelled, "comparison cancelled");
        const ColumnView& ref = reference.column(i);
        int j = current.columnIndex(ref.info().name);
        if (j < 0 || current.column(std::size_t(j)).info().type != ref.info().type) continue;
        ColumnDrift drift{ref.info().name, columnTypeName(ref.info().type)};
        if (isOrdered(ref.info().type)) numericDrift(ref, current.column(std::size_t(j)), drift);
        else categoricalDrift(ref, current.column(std::size_t(j)), drift);
        drift.level = drift.psi < 0.1 ? "stable" : (drift.psi < 0.25 ? "moderate" : "major");
        report.columns.push_back(drift);
    }
    job.progress(reference.columnCount(), reference.columnCount(), "Compared");
    return report;
}

std::string DriftReport::toJson(int indent) const {
    nlohmann::json changes = nlohmann::json::array(), cols = nlohmann::json::array();
    for (const auto& c : schemaChanges)
        changes.push_back({{"column", c.column}, {"change", c.change}, {"from", c.from}, {"to", c.to}});
    for (const auto& d : columns) {
        nlohmann::json j = {{"column", d.column}, {"type", d.type}, {"psi", jsonNumber(d.psi)}, {"level", d.level}};
        if (d.ks) j["ks"] = jsonNumber(*d.ks), j["ks_p_value"] = jsonNumber(*d.ksPValue);
        cols.push_back(j);
    }
    return nlohmann::json{{"schema_changes", changes}, {"columns", cols}}.dump(indent);
}

namespace {

constexpr std::uint64_t kPairSample = 1'000'000;

// Calls `visit(row)` for evenly spaced rows, at most kPairSample of them.
template <class Visit>
void sampleRows(const ColumnView& column, Visit&& visit) {
    const std::uint64_t rows = column.rows(), n = std::min(rows, kPairSample);
    for (std::uint64_t i = 0; i < n; ++i) visit(rows <= kPairSample ? i : i * rows / n);
}

void normalise(std::vector<double>& counts) {
    double total = 0;
    for (double c : counts) total += c;
    if (total > 0)
        for (double& c : counts) c /= total;
}

double missingShare(const ColumnView& column) {
    std::uint64_t seen = 0, missing = 0;
    sampleRows(column, [&](std::uint64_t row) {
        ++seen;
        missing += column.isMissing(row);
    });
    return seen ? double(missing) / double(seen) : 0;
}

std::string binLabel(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.4g", value);
    return text;
}

void pairNumbers(const ColumnView& ref, const ColumnView& cur, int bins, DistributionPair& out) {
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const ColumnView* c : {&ref, &cur})
        sampleRows(*c, [&](std::uint64_t row) {
            if (c->isMissing(row)) return;
            const double v = c->number(row);
            if (!std::isfinite(v)) return;
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        });
    if (!std::isfinite(lo)) return;
    if (hi <= lo) hi = lo + 1;
    const double width = (hi - lo) / bins;
    out.reference.assign(std::size_t(bins), 0);
    out.current.assign(std::size_t(bins), 0);
    for (int b = 0; b < bins; ++b) out.labels.push_back(binLabel(lo + b * width));
    auto count = [&](const ColumnView& c, std::vector<double>& counts) {
        sampleRows(c, [&](std::uint64_t row) {
            if (c.isMissing(row)) return;
            const double v = c.number(row);
            if (!std::isfinite(v)) return;
            counts[std::size_t(std::clamp(int((v - lo) / width), 0, bins - 1))] += 1;
        });
    };
    count(ref, out.reference);
    count(cur, out.current);
}

void pairValues(const ColumnView& ref, const ColumnView& cur, int categories, DistributionPair& out) {
    std::map<std::string, std::pair<double, double>> counts;  // value → (reference, current)
    sampleRows(ref, [&](std::uint64_t row) {
        if (!ref.isMissing(row)) counts[ref.text(row)].first += 1;
    });
    sampleRows(cur, [&](std::uint64_t row) {
        if (!cur.isMissing(row)) counts[cur.text(row)].second += 1;
    });
    std::vector<std::pair<std::string, std::pair<double, double>>> ordered(counts.begin(), counts.end());
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) {
        return a.second.first + a.second.second > b.second.first + b.second.second;
    });
    double otherRef = 0, otherCur = 0;
    for (std::size_t i = 0; i < ordered.size(); ++i) {
        if (int(i) < categories) {
            out.labels.push_back(ordered[i].first);
            out.reference.push_back(ordered[i].second.first);
            out.current.push_back(ordered[i].second.second);
        } else {
            otherRef += ordered[i].second.first;
            otherCur += ordered[i].second.second;
        }
    }
    if (otherRef + otherCur > 0) {
        out.labels.push_back("other");
        out.reference.push_back(otherRef);
        out.current.push_back(otherCur);
    }
}

// Whole numbers with at most `most` distinct values (years, counts of cylinders): values, not bins.
bool fewWholeNumbers(const ColumnView& a, const ColumnView& b, int most) {
    if (a.info().type != ColumnType::Integer) return false;
    std::set<double> seen;
    bool few = true;
    for (const ColumnView* c : {&a, &b})
        sampleRows(*c, [&](std::uint64_t row) {
            if (!few || c->isMissing(row)) return;
            seen.insert(c->number(row));
            few = int(seen.size()) <= most;
        });
    return few;
}

}  // namespace

DistributionPair pairDistributions(const ColumnView& reference, const ColumnView& current,
                                   int bins, int categories) {
    DistributionPair out;
    const ColumnType type = current.info().type;
    out.numeric = type == ColumnType::Integer || type == ColumnType::Float ||
                  type == ColumnType::Date || type == ColumnType::DateTime;
    if (out.numeric && reference.info().type == type && !fewWholeNumbers(reference, current, categories))
        pairNumbers(reference, current, std::max(1, bins), out);
    else {
        out.numeric = false;
        pairValues(reference, current, std::max(1, categories), out);
    }
    normalise(out.reference);
    normalise(out.current);
    out.referenceMissing = missingShare(reference);
    out.currentMissing = missingShare(current);
    return out;
}

}  // namespace kiln
