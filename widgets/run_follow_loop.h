#pragma once

#include <atomic>
#include <string>

#include "core/base/result.h"
#include "core/remote/local_executor.h"

namespace kiln {
class Workspace;
}

namespace kiln {
namespace widgets {

// What stops following a run early.
struct FollowFlags {
    std::atomic<bool> cancel{false};  // ask the worker to stop (it checkpoints, then finishes)
    std::atomic<bool> detach{false};  // stop listening; the worker keeps running (Studio closes)
};

// kiln::followRun for a host that may go away first: records every event in the catalog as it
// arrives and calls `onEvent`, passes a cancel on, and returns "detached" (leaving the worker
// running, to be re-attached by reattachRuns at the next start) once `flags.detach` is set.
// Otherwise returns the run's final status like followRun. Runs on the calling thread.
kiln::Result<std::string> followRunDetachable(kiln::Workspace& workspace, const std::string& runId,
                                              kiln::LocalExecutor& executor,
                                              const kiln::EventCallback& onEvent,
                                              FollowFlags& flags);

}  // namespace widgets
}  // namespace kiln
