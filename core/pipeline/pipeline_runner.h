#pragma once

#include <functional>
#include <string>

#include "core/base/result.h"
#include "core/pipeline/pipeline_plan.h"
#include "core/pipeline/pipeline_spec.h"
#include "core/pipeline/pipeline_steps.h"
#include "core/pipeline/pipeline_store.h"

namespace kiln {

class JobContext;
class Workspace;

struct PipelineRunOptions {
    PlanOptions plan;          // --no-cache, --rerun-from
    bool scheduled = false;    // started by the schedule: no new data ends the run "skipped"
    // Called as each step starts and ends (its record), and with each line a step logs.
    std::function<void(const StepRecord&)> onStep;
    std::function<void(const StepRecord&, const std::string&)> onLog;
};

// Runs `spec` in `workspace`, each step in order: reused when the cache holds an output for its
// key that is still there, run otherwise (with `runners`; a kind without a runner fails its step
// saying so). Everything is recorded as it happens (a new pipeline run with its steps), so a
// killed run shows where it stopped and the next run resumes from the failed step, since the
// steps before it are reused. A step that fails ends the run "failed", later steps "skipped";
// a gate that refuses ends it "refused" (production untouched); a scheduled run whose import
// steps all give the data of the last finished run ends "skipped: no new data" after them.
// Errors are returned only when the catalog cannot record; a failing step is a record.
Result<PipelineRunRecord> runPipeline(Workspace& workspace, const PipelineSpec& spec, const StepRunners& runners,
                                      const PipelineRunOptions& options, JobContext& job);

}  // namespace kiln
