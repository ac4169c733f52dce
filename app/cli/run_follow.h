#pragma once

#include <string>

#include "app/cli/command.h"
#include "core/base/result.h"
#include "core/runs/launcher.h"

namespace kiln {
class Workspace;
}

namespace kiln::cli {

// The full id of a run named by its id or a unique prefix of it (NotFound / InvalidArgument).
Result<std::string> resolveRunId(Workspace& workspace, const std::string& text);

// How followAndReport gets to a worker: start one for a new run (Fresh), start one that
// continues from the run's last checkpoint (Resume), or follow one started earlier on a host
// (Attach). The launcher's own modes.
using Launch = LaunchMode;

// Starts (or attaches to) the worker for `runId`, on this machine or, with `host`, on that SSH
// host; follows it to the end while printing one line per epoch (text mode) and recording every
// event, then prints the run's final metrics (or one JSON document with --json). Ctrl-C cancels
// the run (the worker checkpoints first). Returns the exit status: 0 completed; 130 cancelled by
// Ctrl-C, 1 cancelled from elsewhere (both say how to resume); 1 failed, interrupted (the worker
// vanished; resumable) or the host was lost (the remote worker keeps training; `kiln attach`
// follows again).
int followAndReport(Workspace& workspace, const std::string& runId, Launch launch, bool json,
                    const std::string& host = {});

// The run's host: "local" or a hosts.name ("" when the run does not exist).
std::string runHost(Workspace& workspace, const std::string& runId);

}  // namespace kiln::cli
