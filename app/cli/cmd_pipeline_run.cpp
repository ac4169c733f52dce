// kiln pipeline run FILE: runs a pipeline's steps in kiln-engine, which has every kind of step.
#include <iostream>

#include "app/cli/cli_app.h"
#include "app/cli/pipeline_output.h"
#include "core/base/names.h"
#include "core/jobs/job_context.h"
#include "core/pipeline/engine_steps.h"
#include "core/pipeline/pipeline_runner.h"
#include "core/pipeline/schedule/scheduled_run.h"
#include "core/store/workspace.h"

namespace kiln::cli {

int runPipelineRunVerb(const Arguments& args) {
    if (args.positionals.size() != 2) return reportUsageError("usage: kiln pipeline run FILE");
    auto spec = loadPipeline(args.positionals[1]);
    if (!spec) return reportError(spec.error());
    PipelineRunOptions options;
    options.plan.noCache = args.has("no-cache");
    options.plan.rerunFrom = args.value("rerun-from").value_or("");
    if (!options.plan.rerunFrom.empty() && !spec->step(options.plan.rerunFrom))
        return reportError(makeError(ErrorCode::InvalidArgument,
                                     "pipeline " + spec->name + " has no step '" + options.plan.rerunFrom + "'"));
    options.scheduled = args.has("scheduled");
    auto workspace = openWorkspace(args, false);
    if (!workspace) return reportError(workspace.error());
    if (!args.json) {
        std::cout << "Pipeline " << printable(spec->name) << " (" << printable(spec->file.string()) << ")\n";
        options.onStep = [](const StepRecord& s) {
            if (s.status != StepStatus::Running && s.status != StepStatus::Pending) printStepEnd(s);
        };
        options.onLog = [](const StepRecord&, const std::string& line) {
            std::cout << "      | " << printable(line) << "\n" << std::flush;
        };
    }
    BasicJobContext job;
    auto run = runPipeline(**workspace, *spec, allStepRunners(), options, job);
    if (!run) return reportError(run.error());
    if (options.scheduled) afterScheduledRun(**workspace, *spec, *run);
    if (args.json) {
        std::cout << run->toJson().dump(2) << "\n";
    } else {
        std::cout << "Run " << run->number << ": " << pipelineRunStatusName(run->status)
                  << (run->message.empty() ? "" : " — " + printable(run->message)) << "\n";
    }
    return run->status == PipelineRunStatus::Failed ? kExitBadInput : kExitOk;
}

}  // namespace kiln::cli
