#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"

namespace kiln {

class Catalog;
struct MonitorReport;

// One column of a saved report, as a drift-over-time chart draws it.
struct MonitorHistoryColumn {
    std::string column;
    std::string test;        // "ks", "wasserstein", "chi_squared", "jensen_shannon", "none"
    std::string effectName;  // what `effect` measures ("wasserstein_sd", …)
    double effect = 0;       // NaN when the report had none
    bool drifted = false;
};

// One saved report (catalog table monitor_reports), oldest first in a listing.
struct MonitorHistoryEntry {
    std::int64_t id = 0;
    std::string createdAt;  // ISO 8601 UTC with milliseconds
    std::string model;
    std::int64_t modelVersion = 0;
    std::string reference, current;  // the datasets' labels ("wine@2")
    std::optional<std::int64_t> pipelineRunId;
    double driftedShare = 0;
    std::size_t columnsCompared = 0, columnsDrifted = 0;
    std::vector<MonitorHistoryColumn> columns;
    std::optional<MonitorHistoryColumn> prediction;
};

// Saves `report` (its model, version, reference version id, current label and hash, drifted
// share and the whole report as JSON) with the pipeline run that made it, if any. Returns the
// row's id. InvalidArgument when the report names no model; the catalog's errors (Busy, …)
// as they come. Uses `catalog` on the calling thread.
Result<std::int64_t> saveMonitorReport(Catalog& catalog, const MonitorReport& report,
                                       std::optional<std::int64_t> pipelineRunId = std::nullopt);

// The saved reports of `model` (every version, or only `version`), oldest first: what a chart
// of drift over time reads. Corrupt naming the row when a stored report is not JSON.
Result<std::vector<MonitorHistoryEntry>> listMonitorReports(
    Catalog& catalog, const std::string& model, std::optional<std::int64_t> version = std::nullopt);

// The stored JSON of report `id` (MonitorReport::toJson()); NotFound when there is none.
Result<std::string> loadMonitorReport(Catalog& catalog, std::int64_t id);

// An entry as JSON: {"id", "created_at", "model", "model_version", "reference", "current",
// "pipeline_run_id", "drifted_share", "columns_compared", "columns_drifted", "columns":
// [{"column", "test", "effect_name", "effect", "drifted"}], "prediction"}.
std::string historyEntryJson(const MonitorHistoryEntry& entry);

}  // namespace kiln
