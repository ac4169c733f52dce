#include "core/sweep/trial_runner.h"

#include <signal.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <thread>

#include "core/runs/launcher.h"
#include "core/runs/run_recorder.h"
#include "core/store/workspace.h"

namespace kiln {

namespace {


Status tagRun(Catalog& catalog, const std::string& runId, const std::string& key,
              const std::string& value) {
    auto st = catalog.prepare("INSERT OR REPLACE INTO tags (run_id, key, value) VALUES (?, ?, ?)");
    if (!st) return st.error();
    if (auto b = st->bind({runId, key, value}); !b) return b;
    auto step = st->step();
    return step ? Status{} : Status(step.error());
}

// The trial's value of `metric`: its best epoch (by mode) or its last point.
std::optional<double> trialValue(Catalog& catalog, const std::string& runId,
                                 const std::string& metric, bool maximize, MetricReduce reduce) {
    std::string sql = reduce == MetricReduce::Final
                          ? "SELECT value FROM metrics WHERE run_id = ? AND key = ? "
                            "ORDER BY step DESC LIMIT 1"
                          : std::string("SELECT ") + (maximize ? "MAX" : "MIN") +
                                "(value) FROM metrics WHERE run_id = ? AND key = ?";
    auto v = catalog.queryValue(sql, {runId, metric});
    if (!v || !std::holds_alternative<double>(*v)) return std::nullopt;
    return std::get<double>(*v);
}

// Passes the monitor's stop on to followRun's cancel flag while the worker runs.
class StopWatcher {
public:
    StopWatcher(const TrialMonitor& monitor, std::atomic<bool>& flag)
        : m_thread([this, &monitor, &flag] {
              while (!m_done) {
                  if (monitor.shouldStop()) flag = true;
                  std::this_thread::sleep_for(std::chrono::milliseconds(50));
              }
          }) {}
    ~StopWatcher() {
        m_done = true;
        m_thread.join();
    }

private:
    std::atomic<bool> m_done{false};
    std::thread m_thread;
};


// The run an earlier session of sweep `sweepId` recorded for trial `number` (the newest), or "".
std::string earlierRun(Catalog& catalog, const std::string& sweepId, int number) {
    auto v = catalog.queryValue(
        "SELECT r.id FROM runs r "
        "JOIN tags s ON s.run_id = r.id AND s.key = 'sweep' AND s.value = ? "
        "JOIN tags t ON t.run_id = r.id AND t.key = 'trial' AND t.value = ? "
        "ORDER BY r.created_at DESC, r.id DESC LIMIT 1",
        {sweepId, std::to_string(number)});
    return v && std::holds_alternative<std::string>(*v) ? std::get<std::string>(*v) : "";
}

// Whether the median rule stopped the run (it then ended as cancelled, tagged early_stopped).
bool isStopped(Catalog& catalog, const std::string& runId) {
    auto v = catalog.queryValue(
        "SELECT COUNT(*) FROM tags WHERE run_id = ? AND key = 'early_stopped'", {runId});
    return v && std::holds_alternative<std::int64_t>(*v) && std::get<std::int64_t>(*v) > 0;
}

// Brings an earlier run of a trial to rest: a worker that still trains (its sweep's parent was
// killed, the worker went on) is waited for — or asked to stop when the sweep is stopped — and
// its events recorded; a worker gone without finishing leaves the run interrupted. Returns the
// run's status then.
Result<std::string> settle(Workspace& ws, const std::string& runId, const TrialMonitor& monitor) {
    Catalog& catalog = ws.catalog();
    bool stopSent = false;
    for (;;) {
        if (auto r = reattachRuns(ws); !r) return r.error();
        auto run = RunStore(catalog).get(runId);
        if (!run) return run.error();
        const std::int64_t worker = run->workerPid.value_or(0);
        if (!isActive(run->status)) return std::string(runStatusName(run->status));
        if (!isWorkerProcess(worker)) return std::string("interrupted");  // queued, never started
        if (monitor.shouldStop() && !stopSent) {
            ::kill(pid_t(worker), SIGTERM);  // it checkpoints and finishes as cancelled
            stopSent = true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
}

}  // namespace

LocalTrialRunner::LocalTrialRunner(std::filesystem::path workspace, std::int64_t datasetVersionId,
                                   std::string sweepId, std::string metric, bool maximize,
                                   MetricReduce reduce, std::filesystem::path kilnPath)
    : m_workspace(std::move(workspace)),
      m_datasetVersionId(datasetVersionId),
      m_sweepId(std::move(sweepId)),
      m_metric(std::move(metric)),
      m_maximize(maximize),
      m_reduce(reduce),
      m_kilnPath(std::move(kilnPath)) {}

Result<TrialResult> LocalTrialRunner::run(const Trial& trial, TrialMonitor& monitor) {
    auto ws = Workspace::open(m_workspace, false);
    if (!ws) return ws.error();
    Catalog& catalog = (*ws)->catalog();
    std::string runId = earlierRun(catalog, m_sweepId, trial.number);
    bool resume = !runId.empty();
    if (resume) {  // the sweep is resumed: this trial was recorded before
        monitor.started(runId);
        auto status = settle(**ws, runId, monitor);
        if (!status) return status.error();
        if (*status == "completed" || *status == "failed" || isStopped(catalog, runId))
            return recordedResult(catalog, trial, runId, *status, monitor);
    } else {
        auto created = recordRun(**ws, trial.spec, m_datasetVersionId);
        if (!created) return created.error();
        runId = *created;
        for (auto [key, value] :
             {std::pair{"sweep", m_sweepId}, std::pair{"trial", std::to_string(trial.number)}})
            if (auto st = tagRun(catalog, runId, key, value); !st) return st.error();
        monitor.started(runId);
    }
    LaunchOptions options;
    options.mode = resume ? LaunchMode::Resume : LaunchMode::Fresh;
    options.kilnPath = m_kilnPath;
    auto executor = launchRun(**ws, runId, options);
    if (!executor) {  // a new trial's run is marked failed; a resumed one stays resumable
        TrialResult result{trial.number, trial.assignment, runId, "failed", std::nullopt, {}};
        result.error = executor.error().message;
        return result;
    }
    std::atomic<bool> stop{false};
    Result<std::string> status = std::string();
    {
        StopWatcher watcher(monitor, stop);
        status = (*executor)->follow(
            [&](const WorkerEvent& e) {
                auto* metric = e.as<event::Metric>();
                if (!metric || metric->key != m_metric || std::isnan(metric->value)) return;
                if (!monitor.report(metric->epoch, metric->value)) stop = true;
            },
            &stop);
    }
    if (!status) return status.error();
    return recordedResult(catalog, trial, runId, *status, monitor);
}

TrialResult LocalTrialRunner::recordedResult(Catalog& catalog, const Trial& trial,
                                             const std::string& runId, const std::string& status,
                                             const TrialMonitor& monitor) const {
    TrialResult result{trial.number, trial.assignment, runId, status, std::nullopt, {}};
    if (status == "cancelled" && monitor.stoppedEarly())
        (void)tagRun(catalog, runId, "early_stopped", "median");
    if (status == "cancelled" && isStopped(catalog, runId)) result.status = "stopped";
    auto error = catalog.queryValue("SELECT error FROM runs WHERE id = ?", {runId});
    if (error && std::holds_alternative<std::string>(*error)) result.error = std::get<std::string>(*error);
    result.value = trialValue(catalog, runId, m_metric, m_maximize, m_reduce);
    return result;
}

}  // namespace kiln
