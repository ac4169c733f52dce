#pragma once

#include <sys/types.h>

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/base/result.h"
#include "core/remote/worker_event.h"

namespace kiln {

class Workspace;

// Runs a `kiln worker` for one run on this machine: a child process in its own session (so a
// terminal's Ctrl-C or the host's death does not reach it), fed the job line on its stdin, its
// events read from its stdout and its stderr kept in runs/<id>/worker.log. Not thread-safe.
class LocalExecutor {
public:
    // The `kiln` executable to start: `kilnPath`, or this process's own (/proc/self/exe).
    static std::filesystem::path defaultKilnPath();

    // Starts the worker for run `runId` of `workspace` (whose runs/<id>/spec.json must exist).
    // With `resume`, the worker continues from the run's last checkpoint. Io when it cannot start.
    static Result<std::unique_ptr<LocalExecutor>> start(const std::filesystem::path& workspace,
                                                        const std::string& runId, bool resume,
                                                        const std::filesystem::path& kilnPath = {});
    ~LocalExecutor();

    pid_t pid() const { return m_pid; }
    // The next event line, waiting up to `timeoutMs`: nullopt on timeout or once the worker
    // closed its output (then atEnd() is true).
    std::optional<std::string> nextLine(int timeoutMs);
    bool atEnd() const { return m_eof; }
    // Asks the worker to stop at its next batch ({"cancel":true} on its stdin).
    void cancel();
    // Waits for the worker to exit; returns its exit status, or 128 + signal when killed.
    int wait();
    // After wait(): how the worker ended, for people ("killed by signal 9 (SIGKILL) — …",
    // "exited with status 1").
    std::string endDescription() const;

private:
    LocalExecutor() = default;
    pid_t m_pid = -1;
    int m_in = -1, m_out = -1;
    bool m_eof = false;
    bool m_reaped = false;
    int m_status = 0;
    std::string m_buffer;
};

// What the host hears while following a run: every worker event, already recorded in the
// catalog (lines that are no event are skipped).
using EventCallback = std::function<void(const WorkerEvent& event)>;

// Follows a started worker to its end: records each event in the catalog as it arrives, calls
// `onEvent`, and passes a cancel on when `*cancelFlag` becomes true. When the worker exits
// without a `finished` event (killed, crashed), the rest of events.jsonl is recorded and the run
// marked interrupted (resumable from its checkpoint) with how the worker ended, also appended to
// runs/<id>/worker.log. Returns the run's final status (completed, cancelled, failed,
// interrupted), or "detached"
// once `*detachFlag` becomes true: the host stops listening (it is going away) and the worker
// keeps training, to be re-attached later by reattachRuns.
Result<std::string> followRun(Workspace& workspace, const std::string& runId,
                              LocalExecutor& executor, const EventCallback& onEvent,
                              const std::atomic<bool>* cancelFlag = nullptr,
                              const std::atomic<bool>* detachFlag = nullptr);

}  // namespace kiln
