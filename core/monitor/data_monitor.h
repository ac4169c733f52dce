#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/data/drift.h"
#include "core/monitor/drift_tests.h"
#include "core/monitor/monitor_options.h"

namespace kiln {

class JobContext;
class Table;

// One column's drift: the test monitor_options.h chose and its outcome, the p-value adjusted
// across the report's columns, and whether it counts as drifted.
struct ColumnMonitor {
    std::string column;
    std::string type;  // the reference column's type ("float", "categorical", …)
    DriftTestResult test;
    double pAdjusted = 1;  // Benjamini-Hochberg; NaN when the test has no p-value
    bool drifted = false;
    double missingReference = 0, missingCurrent = 0;       // shares of the sampled rows
    std::uint64_t referenceValues = 0, currentValues = 0;  // the present values compared
    std::string note;  // why there is no test, when there is none
};

// What `kiln monitor` found: every compared column, the share that drifted, the schema changes,
// and (from monitorModel) the drift of the model's predictions. Kept in the catalog as toJson()
// (core/monitor/monitor_store.h).
struct MonitorReport {
    // What was compared; monitorTables leaves these for its caller to fill.
    std::string model;  // the model's name ("" when tables were compared without a model)
    std::int64_t modelVersion = 0;
    std::string reference;                // the reference's label ("wine@2")
    std::int64_t referenceVersionId = 0;  // dataset_versions.id of the reference, 0 unknown
    std::string current, currentHash;     // the current data's label and manifest hash
    std::uint64_t referenceRows = 0, currentRows = 0;
    std::uint64_t referenceSampled = 0, currentSampled = 0;  // rows per column the tests read
    MonitorOptions options;  // what decided (alpha, thresholds, sampling)

    std::vector<ColumnMonitor> columns;       // the compared columns, in the reference's order
    std::optional<ColumnMonitor> prediction;  // the model's predictions, column "prediction"
    std::vector<SchemaChange> schemaChanges;  // added, removed and retyped columns
    std::size_t columnsDrifted = 0;
    double driftedShare = 0;         // columnsDrifted / columns.size(); 0 when none was compared
    std::vector<std::string> notes;  // sampling, columns left out and why

    // The report as one JSON document (numbers through jsonNumber: NaN as null).
    std::string toJson(int indent = -1) const;
};

// Compares `current` with `reference` column by column, matched by name: the columns in
// options.features when given (every column both tables share otherwise), never
// options.target. Columns run side by side on options.threads; each side of a column is read
// through an even sample of at most options.maxRows rows (said in the notes when it is).
// InvalidArgument when options.features names a column the reference lacks; Cancelled when the
// job is cancelled (checked once per column).
Result<MonitorReport> monitorTables(const Table& reference, const Table& current,
                                    const MonitorOptions& options, JobContext& job);

// Adjusts the p-values of `report.columns` (Benjamini-Hochberg), decides which drifted and sets
// the counts and share. monitorTables calls it; callers that add columns call it again.
void decideDrift(MonitorReport& report);

// Sets `column.drifted` from its test, by monitor_options.h's rule, with `column.pAdjusted` as
// the p-value that decides (a test of its own, such as the predictions', sets it to its p-value).
void decideColumn(ColumnMonitor& column, double alpha);

}  // namespace kiln
