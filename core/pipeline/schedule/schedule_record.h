#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"

namespace kiln {

class Catalog;

// A schedule installed on this machine for a pipeline of the workspace (catalog
// pipeline_schedules, migration 7).
struct ScheduleRecord {
    std::string pipeline;
    std::string calendar;      // normalised, as the timer or crontab line says it
    std::string backend;       // "systemd" or "cron"
    std::string unit;          // the timer unit ("kiln-pipeline-NAME.timer"), or "crontab"
    std::string file;          // the pipeline file, absolute
    int pauseAfter = 3;        // consecutive failures that pause it
    bool paused = false;
    std::string pausedReason;  // why it paused ("3 scheduled runs failed in a row: …")
    std::string installedAt;   // UTC, the catalog's format
};

// Reads and writes pipeline_schedules. One thread (the catalog's).
class ScheduleStore {
public:
    explicit ScheduleStore(Catalog& catalog) : m_catalog(catalog) {}

    // The pipeline's schedule, nullopt when it has none.
    Result<std::optional<ScheduleRecord>> find(const std::string& pipeline);
    // Every schedule, by pipeline name.
    Result<std::vector<ScheduleRecord>> all();
    // Records `record` (installed now, not paused), creating the pipeline's row when missing
    // with its file and `specHash`.
    Status save(const ScheduleRecord& record, const std::string& specHash);
    Status markPaused(const std::string& pipeline, const std::string& reason);
    Status remove(const std::string& pipeline);

private:
    Catalog& m_catalog;
};

}  // namespace kiln
