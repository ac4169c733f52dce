#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/sweep/sweep_spec.h"
#include "core/sweep/trial_runner.h"

namespace kiln {

class JobContext;

// Hears a sweep's progress. Called from the scheduler's trial threads, possibly at once:
// implementations must be thread-safe and quick.
class SweepListener {
public:
    virtual ~SweepListener() = default;
    virtual void trialStarted(const Trial& /*trial*/, const std::string& /*runId*/) {}
    virtual void trialProgress(const Trial& /*trial*/, std::int64_t /*epoch*/, double /*value*/) {}
    // `best` is the best finished trial so far (this one included), if any.
    virtual void trialFinished(const TrialResult& /*result*/,
                               const std::optional<TrialResult>& /*best*/) {}
};

// What a sweep did.
struct SweepOutcome {
    std::vector<TrialResult> trials;  // every trial that started, by number
    std::optional<TrialResult> best;  // the best completed trial by the sweep's metric and mode
    int planned = 0;                  // trials the budget allowed
    bool cancelled = false;           // the queue was stopped before every trial ran
    int peakConcurrency = 0;          // the most trials that ran at once
};

// Runs a sweep's trials through a TrialRunner: a queue of assignments (grid or random) taken by
// `effectiveParallel()` threads, never more trials at once than that, never more than the budget.
// Cancelling the job stops the queue and tells running trials to stop. With medianStopping, a
// trial whose best value so far is worse than the median of finished trials' best values at the
// same epoch is stopped (the median stopping rule of Google Vizier). On CUDA each parallel slot
// gets its own device (cuda:slot); on CPU the cores are split between parallel trials.
class SweepScheduler {
public:
    // Borrows `runner` and `listener` (may be null) for the scheduler's life.
    SweepScheduler(SweepSpec spec, TrialRunner& runner, SweepListener* listener = nullptr);

    // Runs the sweep to its end or its cancel. InvalidArgument for a bad spec; a trial whose
    // runner fails is recorded as failed and the sweep goes on.
    Result<SweepOutcome> run(JobContext& job);

    // Whether `a` beats `b` by the sweep's metric and mode (a missing value never wins).
    bool better(const TrialResult& a, const TrialResult& b) const;

private:
    class Shared;
    void worker(int slot, Shared& shared, JobContext& job);
    TrialResult runTrial(const Trial& trial, Shared& shared, JobContext& job);
    Trial makeTrial(int number, const Assignment& assignment, int slot) const;

    SweepSpec m_spec;
    TrialRunner& m_runner;
    SweepListener* m_listener;
};

}  // namespace kiln
