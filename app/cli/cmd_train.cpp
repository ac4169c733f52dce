// kiln train / kiln resume: define a run from options, record it, and run it in a worker.
#include <iostream>

#include "app/cli/cli_app.h"
#include "app/cli/run_follow.h"
#include "app/cli/train_options.h"
#include "core/base/names.h"
#include "core/data/dataset_catalog.h"
#include "core/remote/ssh_host.h"
#include "core/store/workspace.h"
#include "core/runs/launcher.h"
#include "core/runs/run_recorder.h"
#include "core/train/run_spec.h"

namespace kiln::cli {

namespace {

int runTrain(const Arguments& args) {
    auto workspace = openWorkspace(args, false);
    if (!workspace) return reportError(workspace.error());
    Workspace& ws = **workspace;
    std::string host;
    if (auto on = args.value("on"); on && *on != "local") {
        auto found = findHost(ws.catalog(), *on);  // before the dataset is read
        if (!found) return reportError(found.error());
        host = found->name;
    }
    auto version = DatasetCatalog(ws.catalog()).resolve(args.positionals[0]);
    if (!version) return reportError(version.error());
    RunSpec spec;
    useDataset(spec, *version);
    if (auto st = applyTrainSpecOptions(args, spec); !st) return reportUsageError(st.error().message);
    auto excluded = excludedColumns(args);
    if (!excluded) return reportUsageError(excluded.error().message);
    if (auto st = prepareRunSpec(ws, spec, *excluded); !st) return reportError(st.error());
    if (!args.json)
        for (const auto& note : spec.notes) std::cout << "note: " << printable(note) << "\n";
    auto runId = recordRun(ws, spec, version->id, host);
    if (!runId) return reportError(runId.error());
    return followAndReport(ws, *runId, Launch::Fresh, args.json, host);
}

int runResume(const Arguments& args) {
    auto workspace = openWorkspace(args, false);
    if (!workspace) return reportError(workspace.error());
    Workspace& ws = **workspace;
    if (auto r = reattachRuns(ws); !r) return reportError(r.error());
    auto runId = resolveRunId(ws, args.positionals[0]);
    if (!runId) return reportError(runId.error());
    auto status = RunStore(ws.catalog()).status(*runId);
    if (!status) return reportError(status.error());
    if (!isResumable(*status))
        return reportError(makeError(ErrorCode::InvalidArgument,
                                     "run " + *runId + " is " + runStatusName(*status) +
                                         "; only cancelled or interrupted runs can be resumed"));
    // A run resumes where it ran: its checkpoint is there.
    return followAndReport(ws, *runId, Launch::Resume, args.json, runHost(ws, *runId));
}

int runAttach(const Arguments& args) {
    auto workspace = openWorkspace(args, false);
    if (!workspace) return reportError(workspace.error());
    Workspace& ws = **workspace;
    auto runId = resolveRunId(ws, args.positionals[0]);
    if (!runId) return reportError(runId.error());
    auto status = RunStore(ws.catalog()).status(*runId);
    if (!status) return reportError(status.error());
    std::string host = runHost(ws, *runId);
    if (host == "local")
        return reportError(makeError(ErrorCode::InvalidArgument,
                                     "run " + *runId + " ran on this machine; only runs on a host "
                                     "are attached (see `kiln runs`)"));
    if (!isActive(*status))
        return reportError(makeError(ErrorCode::InvalidArgument,
                                     "run " + *runId + " is " + runStatusName(*status) +
                                         "; nothing to attach to"));
    return followAndReport(ws, *runId, Launch::Attach, args.json, host);
}

}  // namespace

Command makeTrainCommand() {
    Command c;
    c.name = "train";
    c.summary = "train a model on a dataset in a worker process and record the run";
    c.usage = "kiln train DS[@VER] [--target COL] [--features A,B | --exclude A,B] [options]";
    c.description =
        "Defines a run (spec.json), starts `kiln worker` for it and prints a line per epoch.\n"
        "Everything is recorded in the catalog: params, metrics per epoch, environment,\n"
        "artifacts (checkpoints, model.pt, recipe.json, split.json, report.json).\n"
        "Ctrl-C cancels the run after a checkpoint (exit 130); `kiln resume RUN` continues it,\n"
        "as it does a run whose worker was killed (the run is then interrupted, exit 1).\n"
        "With --on HOST the worker runs on that host over SSH (the dataset is staged there once)\n"
        "and keeps training if the connection drops; `kiln attach RUN` follows it again.\n"
        "Before training it says which columns it left out and why, and warns about features\n"
        "that look like identifiers or leaks (unique per row, named like an ID, giving the\n"
        "target alone) or are mostly missing.";
    c.options = trainSpecOptions();
    c.options.push_back({"exclude", "COLS", "leave these columns out of the features (comma-separated)"});
    c.options.push_back({"on", "HOST", "train on this SSH host (see `kiln hosts`); default: here"});
    c.minPositionals = 1;
    c.maxPositionals = 1;
    c.run = runTrain;
    return c;
}

Command makeResumeCommand() {
    Command c;
    c.name = "resume";
    c.summary = "continue a cancelled or interrupted run from its last checkpoint";
    c.usage = "kiln resume RUN";
    c.description =
        "Starts a worker that loads the run's last checkpoint and trains the remaining epochs;\n"
        "the result equals an uninterrupted run.";
    c.minPositionals = 1;
    c.maxPositionals = 1;
    c.run = runResume;
    return c;
}

Command makeAttachCommand() {
    Command c;
    c.name = "attach";
    c.summary = "follow a run on a host again after the connection or the terminal went away";
    c.usage = "kiln attach RUN";
    c.description =
        "Reconnects to the run's host, records the events the worker wrote meanwhile (from where\n"
        "the local copy ends: nothing is lost or recorded twice) and follows the run to its end.";
    c.minPositionals = 1;
    c.maxPositionals = 1;
    c.run = runAttach;
    return c;
}

}  // namespace kiln::cli
