#include "widgets/run_follow_loop.h"

#include "core/store/workspace.h"
#include "core/train/run_recorder.h"

namespace kiln {
namespace widgets {

kiln::Result<std::string> followRunDetachable(kiln::Workspace& ws, const std::string& runId,
                                              kiln::LocalExecutor& executor,
                                              const kiln::EventCallback& onEvent,
                                              FollowFlags& flags) {
    kiln::RunRecorder recorder(ws.catalog(), runId);
    auto pidSet = ws.catalog().queryValue(
        "UPDATE runs SET worker_pid = ?, status = 'running' WHERE id = ? RETURNING id",
        {std::int64_t(executor.pid()), runId});
    if (!pidSet) return pidSet.error();
    bool cancelSent = false;
    while (!executor.atEnd()) {
        if (flags.detach) return std::string("detached");
        if (flags.cancel && !cancelSent) {
            executor.cancel();
            cancelSent = true;
        }
        auto line = executor.nextLine(100);
        if (!line) continue;
        if (auto st = recorder.ingest(*line); !st) return st.error();
        if (onEvent) onEvent(*line);
    }
    const int exitStatus = executor.wait();
    if (!recorder.finishedStatus().empty()) return recorder.finishedStatus();
    // The worker may have written events we did not get: record them.
    std::uint64_t offset = 0;
    if (auto st = recorder.ingestFile(ws.runsDir() / runId / "events.jsonl", offset); !st)
        return st.error();
    if (!recorder.finishedStatus().empty()) return recorder.finishedStatus();
    const std::string why = "the worker exited with status " + std::to_string(exitStatus) +
                            " without finishing; see runs/" + runId + "/worker.log";
    if (auto st = kiln::markRun(ws.catalog(), runId, "failed", why); !st) return st.error();
    return std::string("failed");
}

}  // namespace widgets
}  // namespace kiln
