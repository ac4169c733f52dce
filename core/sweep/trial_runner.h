#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "core/base/result.h"
#include "core/sweep/sweep_spec.h"
#include "core/train/run_spec.h"

namespace kiln {

class Catalog;

// One trial of a sweep: its number (1-based), its values and the full spec to run.
struct Trial {
    int number = 0;
    Assignment assignment;
    RunSpec spec;
    int slot = 0;  // which of the parallel places runs it (0 … parallel−1): picks the GPU
};

// How a trial ended.
struct TrialResult {
    int number = 0;
    Assignment assignment;
    std::string runId;                // empty when no run was recorded
    std::string status;               // completed | cancelled | failed | stopped (median rule)
    std::optional<double> value;      // the sweep's metric (best epoch or last), if recorded
    std::string error;                // why it failed
};

// What a trial runner tells the scheduler while a trial runs. Thread-safe.
class TrialMonitor {
public:
    virtual ~TrialMonitor() = default;
    // The trial's run was recorded under `runId`.
    virtual void started(const std::string& runId) = 0;
    // The sweep's metric reached `value` at `epoch`. False: stop the trial now (the sweep was
    // cancelled or the median rule judged it hopeless).
    virtual bool report(std::int64_t epoch, double value) = 0;
    // True once the trial should stop; runners poll this (every 100 ms or so).
    virtual bool shouldStop() const = 0;
    // True when the stop came from the median rule, not from a cancel.
    virtual bool stoppedEarly() const = 0;
};

// Runs one trial to its end. Called from several scheduler threads at once: implementations
// must be thread-safe. Expected failures of the trial go in TrialResult (status failed); an
// Error means the runner itself could not work.
class TrialRunner {
public:
    virtual ~TrialRunner() = default;
    virtual Result<TrialResult> run(const Trial& trial, TrialMonitor& monitor) = 0;
};

// Runs each trial as an ordinary recorded run in a local `kiln worker` process, tagged
// sweep=<id> and trial=<n>; metric events reach the monitor as they arrive. Opens the workspace
// once per trial (one catalog connection per thread). A trial that already has a run of this
// sweep (the sweep is resumed) is not run again: a completed, failed or median-stopped run is
// its result; a worker still training is waited for; an interrupted or cancelled run continues
// from its checkpoint.
class LocalTrialRunner : public TrialRunner {
public:
    LocalTrialRunner(std::filesystem::path workspace, std::int64_t datasetVersionId,
                     std::string sweepId, std::string metric, bool maximize, MetricReduce reduce,
                     std::filesystem::path kilnPath = {});
    Result<TrialResult> run(const Trial& trial, TrialMonitor& monitor) override;

private:
    TrialResult recordedResult(Catalog& catalog, const Trial& trial, const std::string& runId,
                               const std::string& status, const TrialMonitor& monitor) const;

    std::filesystem::path m_workspace;
    std::int64_t m_datasetVersionId;
    std::string m_sweepId;
    std::string m_metric;
    bool m_maximize;
    MetricReduce m_reduce;
    std::filesystem::path m_kilnPath;
};

}  // namespace kiln
