#include "core/sweep/trial_runner.h"

#include <atomic>
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/remote/local_executor.h"
#include "core/store/workspace.h"
#include "core/train/run_recorder.h"

namespace kiln {

namespace {

using nlohmann::json;

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
    auto runId = createRun(**ws, trial.spec, m_datasetVersionId);
    if (!runId) return runId.error();
    for (auto [key, value] : {std::pair{"sweep", m_sweepId},
                              std::pair{"trial", std::to_string(trial.number)}})
        if (auto st = tagRun(catalog, *runId, key, value); !st) return st.error();
    monitor.started(*runId);
    TrialResult result{trial.number, trial.assignment, *runId, "failed", std::nullopt, {}};
    auto executor = LocalExecutor::start(m_workspace, *runId, false, m_kilnPath);
    if (!executor) {
        (void)markRun(catalog, *runId, "failed", executor.error().message);
        result.error = executor.error().message;
        return result;
    }
    std::atomic<bool> stop{false};
    Result<std::string> status = std::string();
    {
        StopWatcher watcher(monitor, stop);
        status = followRun(**ws, *runId, **executor, [&](const std::string& line) {
            auto e = json::parse(line, nullptr, false);
            if (!e.is_object() || e.value("event", "") != "metric" ||
                e.value("key", "") != m_metric || !e.contains("value") || !e["value"].is_number())
                return;
            if (!monitor.report(e.value("epoch", 0), e["value"].get<double>())) stop = true;
        }, &stop);
    }
    if (!status) return status.error();
    result.status = *status;
    if (*status == "cancelled" && monitor.stoppedEarly()) {
        result.status = "stopped";
        (void)tagRun(catalog, *runId, "early_stopped", "median");
    }
    auto error = catalog.queryValue("SELECT error FROM runs WHERE id = ?", {*runId});
    if (error && std::holds_alternative<std::string>(*error)) result.error = std::get<std::string>(*error);
    result.value = trialValue(catalog, *runId, m_metric, m_maximize, m_reduce);
    return result;
}

}  // namespace kiln
