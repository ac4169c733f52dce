#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/remote/local_executor.h"
#include "core/remote/ssh_host.h"

namespace kiln {

class RunRecorder;
class Workspace;

// Runs a `kiln worker` for one run on an SSH host, recorded like a local run.
//
// Remote layout (under the host's workdir W):
//   W/objects/ab/cdef…          the dataset objects the run reads, staged by hash, verified
//   W/runs/<id>/job.json        the job line (spec + run_id + workspace W + resume)
//   W/runs/<id>/events.jsonl    the worker's events; worker.log its stderr; worker.pid
// Locally, runs/<id>/events.jsonl mirrors the remote file byte for byte (it is fetched with
// `tail -c +OFFSET`), so the local file size is the offset to continue from after a dropped
// connection or a restart; runs/<id>/remote.json names the host, remote folder and worker pid.
// Every remote command quotes its arguments with shellQuote. Not thread-safe.
class SshExecutor {
public:
    struct Staging {
        int objectsNeeded = 0;   // objects the run reads
        int objectsCopied = 0;   // of those, copied now (the others were on the host already)
        std::uint64_t bytesCopied = 0;
    };

    // Stages the run's dataset objects and starts the worker detached on the host.
    static Result<std::unique_ptr<SshExecutor>> start(Workspace& workspace, const SshHost& host,
                                                      const std::string& runId, bool resume);
    // Re-attaches to a run started earlier (runs/<id>/remote.json) without starting anything.
    static Result<std::unique_ptr<SshExecutor>> attach(Workspace& workspace, const SshHost& host,
                                                       const std::string& runId);

    const Staging& staging() const { return m_staging; }
    std::int64_t remotePid() const { return m_pid; }
    const std::string& remoteRunDir() const { return m_remoteRunDir; }
    SshConnection& connection() { return *m_conn; }

    // Asks the remote worker to stop at its next batch (SIGTERM).
    Status cancel();

    // Follows the remote worker to its end: fetches new bytes of its events.jsonl, records each
    // whole event in the catalog (idempotent by offset), calls `onEvent`, passes a cancel on.
    // A dropped connection is re-established (for up to `reconnectSeconds`) and the events are
    // replayed from the offset. At the end, artifacts are copied back and verified by sha256, and
    // the remote run folder is removed when the host's settings say {"keep_remote": false} (but
    // kept for a cancelled run, which resumes there). Returns the final status, or "detached"
    // once `*detachFlag` is set; Busy when another process follows the run already.
    Result<std::string> follow(const EventCallback& onEvent,
                               const std::atomic<bool>* cancelFlag = nullptr,
                               const std::atomic<bool>* detachFlag = nullptr,
                               int reconnectSeconds = 60);

    // How many times follow() had to reconnect (a failed command, or a dead master connection).
    int reconnects() const { return m_reconnects + m_conn->masterRestarts(); }

private:
    SshExecutor() = default;
    Status stageObjects(const std::vector<std::string>& hashes);
    Status fetchArtifacts(const std::string& status);
    Status writeRemoteJson();
    // Parts of follow(): the run's host pid out of local liveness checks; one failed poll
    // (Ok: try again); one event line of the remote worker (checked, recorded, passed on); a
    // worker gone without finishing (failed, its log fetched); the end (artifacts fetched).
    void forgetLocalPid();
    Status reconnect(const Error& failure, bool gaveUp);
    Status takeLine(const std::string& line, RunRecorder& recorder, const EventCallback& onEvent);
    Result<std::string> workerGone();
    Result<std::string> finish(const RunRecorder& recorder);
    Workspace* m_ws = nullptr;
    SshHost m_host;
    std::string m_runId;
    std::unique_ptr<SshConnection> m_conn;
    std::string m_workdir, m_remoteRunDir;
    std::int64_t m_pid = 0;
    Staging m_staging;
    int m_reconnects = 0;
    // Where this worker's events start in events.jsonl: 0, or for a resumed run the end of the
    // earlier sessions' events (whose `finished` does not end this one).
    std::uint64_t m_eventsFrom = 0;
};

// A run that was started on a host and had not finished when its follower last heard of it.
struct RemoteRun {
    std::string runId;
    std::string host;  // hosts.name
};
// Runs whose status is queued or running and whose host is not "local" (and that have
// runs/<id>/remote.json): what a new Studio or `kiln attach` follows again with attach().
Result<std::vector<RemoteRun>> remoteRunsInFlight(Workspace& workspace);

// The object hashes a dataset version reads: its manifest and every object the manifest names.
Result<std::vector<std::string>> datasetObjects(Workspace& workspace, const std::string& manifestHash);

}  // namespace kiln
