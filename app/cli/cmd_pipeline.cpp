// kiln pipeline plan|show|schedule|unschedule|list: what the light front end answers about
// pipelines. `kiln pipeline run` needs the engines and runs in kiln-engine (cmd_pipeline_run.cpp).
#include <cstdio>
#include <iostream>

#include "app/cli/cli_app.h"
#include "app/cli/pipeline_output.h"
#include "app/cli/pipeline_schedule_commands.h"
#include "core/base/names.h"
#include "core/pipeline/pipeline_spec.h"
#include "core/store/workspace.h"

namespace kiln::cli {

namespace {

namespace fs = std::filesystem;

PlanOptions planOptions(const Arguments& args) {
    PlanOptions o;
    o.noCache = args.has("no-cache");
    o.rerunFrom = args.value("rerun-from").value_or("");
    return o;
}

Status checkRerunFrom(const PipelineSpec& spec, const PlanOptions& o) {
    if (o.rerunFrom.empty() || spec.step(o.rerunFrom)) return {};
    std::string names;
    for (const auto& s : spec.steps) names += (names.empty() ? "" : ", ") + s.name;
    Error e = makeError(ErrorCode::InvalidArgument, "pipeline " + spec.name + " has no step '" + o.rerunFrom + "'");
    e.hint = "its steps: " + names;
    return e;
}

int runPlan(const Arguments& args) {
    if (args.positionals.size() != 2) return reportUsageError("usage: kiln pipeline plan FILE");
    auto spec = loadPipeline(args.positionals[1]);
    if (!spec) return reportError(spec.error());
    const PlanOptions options = planOptions(args);
    if (auto st = checkRerunFrom(*spec, options); !st) return reportError(st.error());
    auto workspace = openWorkspace(args, false);
    if (!workspace) return reportError(workspace.error());
    auto plan = planPipeline(**workspace, *spec, options);
    if (!plan) return reportError(plan.error());
    if (args.json) {
        auto doc = plan->toJson();
        doc["file"] = spec->file.string();
        std::cout << doc.dump(2) << "\n";
    } else {
        printPlan(*plan, spec->file.string());
    }
    return kExitOk;
}

// FILE or NAME: a pipeline file's name, or the name of one recorded in the workspace.
Result<std::string> pipelineName(const std::string& text) {
    std::error_code ec;
    if (fs::is_regular_file(text, ec)) {
        auto spec = loadPipeline(text);
        if (!spec) return spec.error();
        return spec->name;
    }
    return text;
}

void printHistory(const std::vector<PipelineRunRecord>& runs) {
    std::printf("  %4s  %-9s  %-9s  %-24s  %s\n", "RUN", "TRIGGER", "STATUS", "STARTED", "STEPS / MESSAGE");
    for (const auto& r : runs) {
        int ran = 0, cached = 0, failed = 0, skipped = 0;
        for (const auto& s : r.steps) {
            ran += s.status == StepStatus::Ran;
            cached += s.status == StepStatus::Cached;
            failed += s.status == StepStatus::Failed;
            skipped += s.status == StepStatus::Skipped;
        }
        std::string summary = std::to_string(ran) + " ran, " + std::to_string(cached) + " cached";
        if (skipped) summary += ", " + std::to_string(skipped) + " skipped";
        if (failed) summary += ", " + std::to_string(failed) + " failed";
        if (!r.message.empty()) summary += ": " + r.message;
        std::printf("  %4lld  %-9s  %-9s  %-24s  %s\n", static_cast<long long>(r.number), r.trigger.c_str(),
                    pipelineRunStatusName(r.status), r.startedAt.c_str(), printable(summary).c_str());
    }
}

int runShow(const Arguments& args) {
    if (args.positionals.size() < 2 || args.positionals.size() > 3)
        return reportUsageError("usage: kiln pipeline show FILE|NAME [RUN]");
    auto name = pipelineName(args.positionals[1]);
    if (!name) return reportError(name.error());
    auto workspace = openWorkspace(args, false);
    if (!workspace) return reportError(workspace.error());
    PipelineStore store((*workspace)->catalog());
    if (args.positionals.size() == 3) {
        char* end = nullptr;
        const long long number = std::strtoll(args.positionals[2].c_str(), &end, 10);
        if (*end || number <= 0) return reportUsageError("RUN is a run number (1, 2, …) of the pipeline");
        auto run = store.run(*name, number);
        if (!run) return reportError(run.error());
        if (args.json) std::cout << run->toJson().dump(2) << "\n";
        else printRunSummary(*run);
        return kExitOk;
    }
    const int limit = std::atoi(args.value("limit").value_or("20").c_str());
    auto runs = store.runs(*name, limit);
    if (!runs) return reportError(runs.error());
    if (runs->empty()) {
        Error e = makeError(ErrorCode::NotFound, "pipeline " + *name + " never ran in this workspace");
        e.hint = "run it with `kiln pipeline run FILE`";
        return reportError(e);
    }
    if (args.json) {
        nlohmann::json doc = nlohmann::json::array();
        for (const auto& r : *runs) doc.push_back(r.toJson());
        std::cout << nlohmann::json{{"pipeline", *name}, {"runs", doc}}.dump(2) << "\n";
        return kExitOk;
    }
    std::cout << "Pipeline " << printable(*name) << ": " << runs->size() << " run" << (runs->size() == 1 ? "" : "s")
              << ", newest first\n";
    printHistory(*runs);
    std::cout << "\nThe newest run:\n";
    printRunSummary(runs->front());
    return kExitOk;
}

}  // namespace

Command makePipelineCommand(std::function<int(const Arguments&)> runVerb) {
    Command c;
    c.name = "pipeline";
    c.summary = "run a pipeline file (import, validate, train, gate, export, promote, monitor), plan it, schedule it";
    c.usage =
        "kiln pipeline run FILE [--no-cache] [--rerun-from STEP] | kiln pipeline plan FILE | "
        "kiln pipeline show FILE|NAME [RUN] | kiln pipeline schedule FILE | kiln pipeline unschedule FILE|NAME | "
        "kiln pipeline list";
    c.description =
        "A pipeline file (YAML) names its steps in order. Each step's output is reused when its key —\n"
        "its settings, the content hashes of what it reads, Kiln's version — is one a run already\n"
        "recorded and the output is still there; `plan` says before anything runs which steps will\n"
        "be reused and which will run, and why. A failed run is resumed by running it again: the\n"
        "steps before the failed one are reused. A gate that finds the new model worse than the\n"
        "production one ends the run 'refused' (exit 0) and production stays as it was; a failed\n"
        "step exits 1. `schedule` installs a systemd user timer (or a crontab block) that runs the\n"
        "file with --scheduled: a scheduled run whose import finds no new data is recorded as\n"
        "skipped, and after `pause_after_failures` failures in a row the schedule pauses itself.";
    c.options = {{"no-cache", "", "run every step, reusing nothing (run, plan)"},
                 {"rerun-from", "STEP", "run this step and every later one again (run, plan)"},
                 {"scheduled", "", "as the schedule starts it: no new data ends the run 'skipped' (run)"},
                 {"limit", "N", "runs to list (show; default 20)"}};
    for (auto& o : pipelineScheduleOptions()) c.options.push_back(o);
    c.minPositionals = 1;
    c.maxPositionals = 3;
    c.run = [runVerb](const Arguments& args) {
        const std::string verb = args.positionals[0];
        if (verb == "plan") return runPlan(args);
        if (verb == "show") return runShow(args);
        if (verb == "schedule") return runPipelineSchedule(args);
        if (verb == "unschedule") return runPipelineUnschedule(args);
        if (verb == "list") return runPipelineList(args);
        if (verb == "run" && runVerb) return runVerb(args);
        if (verb == "run") return reportError(makeError(ErrorCode::Unsupported, "kiln pipeline run runs in kiln-engine"));
        return reportUsageError("kiln pipeline takes run, plan, show, schedule, unschedule or list, not '" + verb + "'");
    };
    return c;
}

}  // namespace kiln::cli
