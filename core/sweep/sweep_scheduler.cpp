#include "core/sweep/sweep_scheduler.h"

#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

#include "core/jobs/job_context.h"

namespace kiln {

// State the trial threads share, behind one mutex.
class SweepScheduler::Shared {
public:
    std::mutex mutex;
    std::vector<Assignment> queue;
    std::size_t next = 0;
    std::vector<TrialResult> results;
    std::optional<TrialResult> best;
    std::vector<std::map<std::int64_t, double>> finished;  // best-so-far by epoch, per trial
    std::atomic<int> running{0};
    std::atomic<int> peak{0};

    // The median over finished trials of their best value so far at `epoch` (a trial counts
    // from its last epoch at or before `epoch`); nullopt when fewer than `minTrials` count.
    std::optional<double> median(std::int64_t epoch, int minTrials) {
        std::lock_guard<std::mutex> lock(mutex);
        std::vector<double> values;
        for (const auto& history : finished) {
            auto it = history.upper_bound(epoch);
            if (it == history.begin()) continue;
            values.push_back(std::prev(it)->second);
        }
        if (values.empty() || int(values.size()) < minTrials) return std::nullopt;
        std::sort(values.begin(), values.end());
        std::size_t n = values.size();
        return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
};

namespace {

// The monitor of one scheduled trial: relays progress, applies cancel and the median rule.
class ScheduledMonitor : public TrialMonitor {
public:
    ScheduledMonitor(const SweepSpec& spec, const Trial& trial, JobContext& job,
                     SweepListener* listener,
                     std::function<std::optional<double>(std::int64_t)> median)
        : m_spec(spec), m_trial(trial), m_job(job), m_listener(listener), m_median(std::move(median)) {}

    void started(const std::string& runId) override {
        if (m_listener) m_listener->trialStarted(m_trial, runId);
    }
    bool report(std::int64_t epoch, double value) override {
        double best = record(epoch, value);
        if (m_listener) m_listener->trialProgress(m_trial, epoch, value);
        if (m_job.cancelled()) return false;
        if (m_spec.medianStopping && epoch >= m_spec.medianMinEpochs) {
            auto median = m_median(epoch);
            if (median && (m_spec.maximize ? best < *median : best > *median)) m_early = true;
        }
        return !m_early;
    }
    bool shouldStop() const override { return m_early || m_job.cancelled(); }
    bool stoppedEarly() const override { return m_early; }
    std::map<std::int64_t, double> history() const {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_history;
    }

private:
    // Keeps the best value so far by epoch; returns it.
    double record(std::int64_t epoch, double value) {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_seen) m_best = m_spec.maximize ? std::max(m_best, value) : std::min(m_best, value);
        else m_best = value, m_seen = true;
        m_history[epoch] = m_best;
        return m_best;
    }

    const SweepSpec& m_spec;
    const Trial& m_trial;
    JobContext& m_job;
    SweepListener* m_listener;
    std::function<std::optional<double>(std::int64_t)> m_median;
    std::atomic<bool> m_early{false};
    mutable std::mutex m_mutex;
    std::map<std::int64_t, double> m_history;
    double m_best = 0;
    bool m_seen = false;
};

}  // namespace

SweepScheduler::SweepScheduler(SweepSpec spec, TrialRunner& runner, SweepListener* listener)
    : m_spec(std::move(spec)), m_runner(runner), m_listener(listener) {}

bool SweepScheduler::better(const TrialResult& a, const TrialResult& b) const {
    if (!a.value) return false;
    if (!b.value) return true;
    return m_spec.maximize ? *a.value > *b.value : *a.value < *b.value;
}

Trial SweepScheduler::makeTrial(int number, const Assignment& assignment, int slot) const {
    Trial trial{number, assignment, applyAssignment(m_spec.base, assignment).value(), slot};
    int parallel = m_spec.effectiveParallel();
    bool cuda = m_spec.base.device != "cpu" && m_spec.gpus > 0;
    if (cuda && parallel > 1 && (trial.spec.device == "auto" || trial.spec.device == "cuda"))
        trial.spec.device = "cuda:" + std::to_string(slot % m_spec.gpus);
    if (!cuda && parallel > 1 && trial.spec.threads == 0 && m_spec.cpuCores > 0)
        trial.spec.threads = std::max(1, m_spec.cpuCores / parallel);
    return trial;
}

TrialResult SweepScheduler::runTrial(const Trial& trial, Shared& shared, JobContext& job) {
    ScheduledMonitor monitor(m_spec, trial, job, m_listener, [&](std::int64_t epoch) {
        return shared.median(epoch, m_spec.medianMinTrials);
    });
    TrialResult result{trial.number, trial.assignment, {}, "failed", std::nullopt, {}};
    try {
        auto r = m_runner.run(trial, monitor);
        if (r) result = std::move(*r);
        else result.error = r.error().toString();
    } catch (const std::exception& e) {
        result.error = std::string("the trial runner failed: ") + e.what();
    }
    if (result.status == "completed") {
        std::lock_guard<std::mutex> lock(shared.mutex);
        shared.finished.push_back(monitor.history());
    }
    return result;
}

void SweepScheduler::worker(int slot, Shared& shared, JobContext& job) {
    for (;;) {
        std::size_t index;
        {
            std::lock_guard<std::mutex> lock(shared.mutex);
            if (job.cancelled() || shared.next >= shared.queue.size()) return;
            index = shared.next++;
        }
        int now = ++shared.running;
        for (int peak = shared.peak; now > peak && !shared.peak.compare_exchange_weak(peak, now);) {
        }
        Trial trial = makeTrial(int(index) + 1, shared.queue[index], slot);
        TrialResult result = runTrial(trial, shared, job);
        --shared.running;
        std::lock_guard<std::mutex> lock(shared.mutex);
        if (result.status == "completed" && (!shared.best || better(result, *shared.best)))
            shared.best = result;
        shared.results.push_back(result);
        job.progress(shared.results.size(), shared.queue.size(), "trials");
        if (m_listener) m_listener->trialFinished(result, shared.best);
    }
}

Result<SweepOutcome> SweepScheduler::run(JobContext& job) {
    if (auto st = m_spec.validate(); !st) return st.error();
    Shared shared;
    shared.queue = sweepAssignments(m_spec);
    int threads = std::min<int>(m_spec.effectiveParallel(), int(shared.queue.size()));
    std::vector<std::thread> pool;
    for (int slot = 1; slot < threads; ++slot)
        pool.emplace_back([this, slot, &shared, &job] { worker(slot, shared, job); });
    if (threads > 0) worker(0, shared, job);
    for (auto& t : pool) t.join();
    SweepOutcome outcome;
    outcome.planned = int(shared.queue.size());
    outcome.trials = std::move(shared.results);
    std::sort(outcome.trials.begin(), outcome.trials.end(),
              [](const TrialResult& a, const TrialResult& b) { return a.number < b.number; });
    outcome.best = shared.best;
    outcome.cancelled = job.cancelled();
    outcome.peakConcurrency = shared.peak;
    return outcome;
}

}  // namespace kiln
