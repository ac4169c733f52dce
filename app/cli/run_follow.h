#pragma once

#include <string>

#include "app/cli/command.h"
#include "core/base/result.h"

namespace kiln {
class Workspace;
}

namespace kiln::cli {

// The full id of a run named by its id or a unique prefix of it (NotFound / InvalidArgument).
Result<std::string> resolveRunId(Workspace& workspace, const std::string& text);

// Starts a worker for `runId` (fresh or resumed), follows it to the end while printing one line
// per epoch (text mode) and recording every event, then prints the run's final metrics (or one
// JSON document with --json). Ctrl-C cancels the run (the worker checkpoints first).
// Returns the exit status: 0 completed or cancelled, 1 failed.
int followAndReport(Workspace& workspace, const std::string& runId, bool resume, bool json);

}  // namespace kiln::cli
