#include "core/monitor/data_monitor.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>

#include "core/base/json_number.h"
#include "core/base/parallel.h"
#include "core/data/table.h"
#include "core/jobs/job_context.h"
#include "core/monitor/column_sample.h"

namespace kiln {

namespace {

using nlohmann::json;

// A column both tables have, of kinds that compare, with its place in each.
struct ColumnPair {
    std::size_t reference = 0, current = 0;
};

struct Plan {
    std::vector<ColumnPair> pairs;
    std::vector<SchemaChange> schemaChanges;
    std::vector<std::string> notCompared;  // why a shared column is not, for the notes
};

bool allMissing(const ColumnView& column) {
    return column.info().missing >= column.rows();
}

bool wanted(const std::string& name, const MonitorOptions& o) {
    if (name == o.target) return false;
    return o.features.empty() ||
           std::find(o.features.begin(), o.features.end(), name) != o.features.end();
}

Status checkFeatures(const Table& reference, const MonitorOptions& o) {
    for (const auto& name : o.features)
        if (reference.columnIndex(name) < 0)
            return makeError(ErrorCode::InvalidArgument,
                             "the reference data has no column '" + name + "' to compare");
    return {};
}

// Which columns to compare, and what changed between the two schemas. Added columns are
// reported only when every column is compared: a feature list says what matters.
Plan planColumns(const Table& reference, const Table& current, const MonitorOptions& o) {
    Plan plan;
    for (std::size_t i = 0; i < reference.columnCount(); ++i) {
        const ColumnInfo& info = reference.column(i).info();
        if (!wanted(info.name, o)) continue;
        const int j = current.columnIndex(info.name);
        const char* from = columnTypeName(info.type);
        if (j < 0) {
            plan.schemaChanges.push_back({info.name, "removed", from, ""});
            continue;
        }
        const ColumnType now = current.column(std::size_t(j)).info().type;
        if (now != info.type)
            plan.schemaChanges.push_back({info.name, "type changed", from, columnTypeName(now)});
        // A column with no values on one side is typed as text there: compared all the same
        // (it drifted), whatever the types.
        const bool empty =
            allMissing(reference.column(i)) || allMissing(current.column(std::size_t(j)));
        const ValueKind kind = valueKindOf(info.type);
        if (empty || (kind == valueKindOf(now) && kind != ValueKind::None))
            plan.pairs.push_back({i, std::size_t(j)});
        else if (kind == ValueKind::None && valueKindOf(now) == ValueKind::None)
            plan.notCompared.push_back("text column '" + info.name + "' is not compared");
        else
            plan.notCompared.push_back("'" + info.name + "' is not compared: " + from +
                                       " in the reference, " + columnTypeName(now) + " now");
    }
    for (std::size_t j = 0; j < current.columnCount() && o.features.empty(); ++j) {
        const ColumnInfo& info = current.column(j).info();
        if (reference.columnIndex(info.name) < 0 && info.name != o.target)
            plan.schemaChanges.push_back({info.name, "added", "", columnTypeName(info.type)});
    }
    return plan;
}

double share(std::uint64_t part, std::uint64_t whole) {
    return whole ? double(part) / double(whole) : 0;
}

// The test of a column without values on one side: drifted when the other side has some.
void noValues(ColumnMonitor& c) {
    c.drifted = c.referenceValues + c.currentValues > 0;
    c.note = c.referenceValues == 0 && c.currentValues == 0 ? "no values on either side"
             : c.referenceValues == 0                       ? "no values in the reference"
                                                            : "no values in the current data";
}

ColumnMonitor compareNumbers(const ColumnView& ref, const ColumnView& cur,
                             const MonitorOptions& o) {
    const NumberSample a = sampleNumbers(ref, o.maxRows), b = sampleNumbers(cur, o.maxRows);
    ColumnMonitor c;
    c.test = testNumbers(a.sorted, b.sorted, o);
    c.missingReference = share(a.missing, a.rows);
    c.missingCurrent = share(b.missing, b.rows);
    c.referenceValues = a.sorted.size();
    c.currentValues = b.sorted.size();
    return c;
}

ColumnMonitor compareCategories(const ColumnView& ref, const ColumnView& cur,
                                const MonitorOptions& o) {
    const CategorySample a = sampleCategories(ref, o.maxRows), b = sampleCategories(cur, o.maxRows);
    std::vector<double> ca, cb;
    alignCounts(a, b, ca, cb);
    ColumnMonitor c;
    c.test = testCategories(ca, cb, o);
    c.missingReference = share(a.missing, a.rows);
    c.missingCurrent = share(b.missing, b.rows);
    c.referenceValues = a.rows - a.missing;
    c.currentValues = b.rows - b.missing;
    return c;
}

// The missing cells of an even sample of a column, counted.
std::uint64_t sampledMissing(const ColumnView& column, std::uint64_t rows) {
    std::uint64_t missing = 0;
    for (std::uint64_t i = 0; i < rows; ++i)
        missing += column.isMissing(sampledRow(i, column.rows(), rows));
    return missing;
}

// A column without values on one side (or both): no test, only the missing shares.
ColumnMonitor compareMissing(const ColumnView& ref, const ColumnView& cur,
                             const MonitorOptions& o) {
    ColumnMonitor c;
    c.test.test = "none";
    c.test.pValue = std::numeric_limits<double>::quiet_NaN();
    c.test.threshold = o.alpha;
    const std::uint64_t a = sampledRowCount(ref.rows(), o.maxRows),
                        b = sampledRowCount(cur.rows(), o.maxRows);
    const std::uint64_t missingA = sampledMissing(ref, a), missingB = sampledMissing(cur, b);
    c.missingReference = share(missingA, a);
    c.missingCurrent = share(missingB, b);
    c.referenceValues = a - missingA;
    c.currentValues = b - missingB;
    return c;
}

ColumnMonitor compareColumn(const ColumnView& ref, const ColumnView& cur, const MonitorOptions& o) {
    ColumnMonitor c = allMissing(ref) || allMissing(cur) ? compareMissing(ref, cur, o)
                      : valueKindOf(ref.info().type) == ValueKind::Category
                          ? compareCategories(ref, cur, o)
                          : compareNumbers(ref, cur, o);
    c.column = ref.info().name;
    c.type = columnTypeName(ref.info().type);
    if (c.test.test == "none") noValues(c);
    return c;
}

// Every pair compared, side by side: each thread takes the next column until none is left (a
// sorted number column costs far more than a counted category, so fixed slices would idle).
Status compareAll(const Table& reference, const Table& current, const Plan& plan,
                  const MonitorOptions& o, JobContext& job, std::vector<ColumnMonitor>& out) {
    out.resize(plan.pairs.size());
    std::atomic<std::size_t> next{0}, done{0};
    std::atomic<bool> cancelled{false};
    const int threads = std::max(1, std::min(o.threads > 0 ? o.threads : defaultThreadCount(),
                                             int(std::max<std::size_t>(plan.pairs.size(), 1))));
    parallelSlices(std::uint64_t(threads), threads, [&](int, std::uint64_t, std::uint64_t) {
        for (std::size_t k; !cancelled && (k = next++) < plan.pairs.size();) {
            if (job.cancelled()) {
                cancelled = true;
                break;
            }
            const ColumnPair& p = plan.pairs[k];
            out[k] = compareColumn(reference.column(p.reference), current.column(p.current), o);
            job.progress(++done, plan.pairs.size(), "Comparing columns");
        }
    });
    if (cancelled) return makeError(ErrorCode::Cancelled, "monitoring cancelled");
    return {};
}

std::string rowsText(std::uint64_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

void noteSampling(MonitorReport& r) {
    if (r.referenceSampled < r.referenceRows)
        r.notes.push_back("the reference's " + rowsText(r.referenceRows) +
                          " rows were sampled evenly: " + rowsText(r.referenceSampled) +
                          " rows per column");
    if (r.currentSampled < r.currentRows)
        r.notes.push_back("the current data's " + rowsText(r.currentRows) +
                          " rows were sampled evenly: " + rowsText(r.currentSampled) +
                          " rows per column");
}

json changesJson(const std::vector<SchemaChange>& changes) {
    json out = json::array();
    for (const auto& c : changes) {
        json j = {{"column", c.column}, {"change", c.change}};
        if (!c.from.empty()) j["from"] = c.from;
        if (!c.to.empty()) j["to"] = c.to;
        out.push_back(j);
    }
    return out;
}

json optionsJson(const MonitorOptions& o) {
    return {{"alpha", o.alpha},
            {"small_sample", o.smallSample},
            {"wasserstein_threshold", o.wassersteinThreshold},
            {"jensen_shannon_threshold", o.jensenShannonThreshold},
            {"max_rows", o.maxRows},
            {"prediction_rows", o.predictionRows},
            {"features", o.features},
            {"target", o.target}};
}

json columnJson(const ColumnMonitor& c) {
    json j = {{"column", c.column},
              {"type", c.type},
              {"test", c.test.test},
              {"statistic", jsonNumber(c.test.statistic)},
              {"p_value", jsonNumber(c.test.pValue)},
              {"p_adjusted", jsonNumber(c.pAdjusted)},
              {"effect", jsonNumber(c.test.effect)},
              {"effect_name", c.test.effectName},
              {"threshold", jsonNumber(c.test.threshold)},
              {"decided_by", c.test.test == "none"    ? "values"
                             : c.test.decidedByPValue ? "p_adjusted"
                                                      : "effect"},
              {"drifted", c.drifted},
              {"missing_reference", c.missingReference},
              {"missing_current", c.missingCurrent},
              {"missing_change", c.missingCurrent - c.missingReference},
              {"reference_values", c.referenceValues},
              {"current_values", c.currentValues}};
    if (!c.note.empty()) j["note"] = c.note;
    return j;
}

}  // namespace

void decideDrift(MonitorReport& r) {
    std::vector<double> p;
    for (const auto& c : r.columns) p.push_back(c.test.pValue);
    const std::vector<double> adjusted = benjaminiHochberg(p);
    r.columnsDrifted = 0;
    for (std::size_t i = 0; i < r.columns.size(); ++i) {
        ColumnMonitor& c = r.columns[i];
        c.pAdjusted = adjusted[i];
        decideColumn(c, r.options.alpha);
        r.columnsDrifted += c.drifted;
    }
    r.driftedShare = r.columns.empty() ? 0 : double(r.columnsDrifted) / double(r.columns.size());
}

Result<MonitorReport> monitorTables(const Table& reference, const Table& current,
                                    const MonitorOptions& options, JobContext& job) {
    if (auto st = checkFeatures(reference, options); !st) return st.error();
    MonitorReport r;
    r.options = options;
    r.referenceRows = reference.rows();
    r.currentRows = current.rows();
    r.referenceSampled = sampledRowCount(reference.rows(), options.maxRows);
    r.currentSampled = sampledRowCount(current.rows(), options.maxRows);
    Plan plan = planColumns(reference, current, options);
    r.schemaChanges = std::move(plan.schemaChanges);
    try {
        if (auto st = compareAll(reference, current, plan, options, job, r.columns); !st)
            return st.error();
    } catch (const std::exception& e) {  // out of memory on a huge sample, most likely
        return makeError(ErrorCode::Internal,
                         std::string("comparing the columns failed: ") + e.what());
    }
    decideDrift(r);
    noteSampling(r);
    r.notes.insert(r.notes.end(), plan.notCompared.begin(), plan.notCompared.end());
    return r;
}

void decideColumn(ColumnMonitor& c, double alpha) {
    if (c.test.test == "none") return;  // noValues decided: values on one side only
    c.drifted = c.test.decidedByPValue ? c.pAdjusted < alpha : c.test.effect >= c.test.threshold;
}

std::string MonitorReport::toJson(int indent) const {
    json columnsDoc = json::array();
    for (const auto& c : columns) columnsDoc.push_back(columnJson(c));
    json doc = {{"model", model},
                {"model_version", modelVersion},
                {"reference",
                 {{"label", reference},
                  {"version_id", referenceVersionId},
                  {"rows", referenceRows},
                  {"sampled_rows", referenceSampled}}},
                {"current",
                 {{"label", current},
                  {"hash", currentHash},
                  {"rows", currentRows},
                  {"sampled_rows", currentSampled}}},
                {"options", optionsJson(options)},
                {"columns", columnsDoc},
                {"prediction", prediction ? columnJson(*prediction) : json(nullptr)},
                {"schema_changes", changesJson(schemaChanges)},
                {"columns_compared", columns.size()},
                {"columns_drifted", columnsDrifted},
                {"drifted_share", driftedShare},
                {"notes", notes}};
    return doc.dump(indent);
}

}  // namespace kiln
