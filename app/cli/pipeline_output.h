#pragma once

#include <functional>
#include <string>

#include "app/cli/command.h"
#include "core/pipeline/pipeline_plan.h"
#include "core/pipeline/pipeline_store.h"

namespace kiln::cli {

// `kiln pipeline`'s table lines: a planned step ("  train     run      the dataset changed …")
// and a step as it ended ("  train     ran      run 0b1c… completed (12.3 s)").
void printPlan(const PipelinePlan& plan, const std::string& file);
void printStepEnd(const StepRecord& step);
void printRunSummary(const PipelineRunRecord& run);

// The `kiln pipeline` command. `runVerb` runs `kiln pipeline run` (kiln-engine passes it; the
// light front end passes none and hands that verb to the engine).
Command makePipelineCommand(std::function<int(const Arguments&)> runVerb);

// `kiln pipeline run`, in kiln-engine (cmd_pipeline_run.cpp).
int runPipelineRunVerb(const Arguments& args);

}  // namespace kiln::cli
