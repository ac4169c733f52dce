#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/remote/local_executor.h"
#include "core/train/run_spec.h"

namespace kiln {

class Workspace;
struct DatasetVersion;

// Where a run's worker runs and how the host follows it. One implementation per place: this
// machine (a child process) and an SSH host; a cluster executor is the next.
class Executor {
public:
    virtual ~Executor() = default;
    // Follows the worker to its end: records each event in the catalog as it arrives (idempotent),
    // calls `onEvent`, passes a cancel on once `*cancelFlag` is true. Returns the run's final
    // status (completed, cancelled, failed, interrupted), or "detached" once `*detachFlag` is
    // true (the host stops listening; the worker trains on, to be re-attached later).
    virtual Result<std::string> follow(const EventCallback& onEvent,
                                       const std::atomic<bool>* cancelFlag = nullptr,
                                       const std::atomic<bool>* detachFlag = nullptr) = 0;
    // "local" or the host's name.
    virtual std::string where() const = 0;
    // Dataset objects staged for the run: needed, copied now, bytes copied (0s for local).
    struct Staging {
        int objectsNeeded = 0;
        int objectsCopied = 0;
        std::uint64_t bytesCopied = 0;
    };
    virtual Staging staging() const { return {}; }
};

// How a launch treats the run: a new one, one continued from its checkpoint, or one whose worker
// is already training on a host and is followed again.
enum class LaunchMode { Fresh, Resume, Attach };

struct LaunchOptions {
    LaunchMode mode = LaunchMode::Fresh;
    std::string host;  // a host of the workspace; empty or "local": this machine
    std::filesystem::path kilnPath;  // the `kiln` for local workers; empty: this process's own
    int reconnectSeconds = 60;       // how long an SSH follower tries to reconnect
};

// Points `spec` at a dataset version (name, version number, content hash, kind).
void useDataset(RunSpec& spec, const DatasetVersion& version);

// Completes a spec a front end filled in (dataset fields, target, options) against its data:
// a table's target, when none was given, is the column named like one (suggestTarget; else
// InvalidArgument asking for one); the task, features and model family decided (with notes
// saying why, resolveSpec); the `excluded` columns taken out of the features; a note for each
// feature that looks like an identifier or a leak or is mostly missing (checkFeatures); the
// whole spec validated. Front ends set the seed with setRunSeed (run_spec.h) before this.
Status prepareRunSpec(Workspace& workspace, RunSpec& spec, const std::vector<std::string>& excluded = {});

// Records a prepared run going to `host` (empty or "local": this machine): the host must exist
// before anything is recorded; the run is queued with that host from the first read on.
Result<std::string> recordRun(Workspace& workspace, const RunSpec& spec,
                              std::int64_t datasetVersionId, const std::string& host = {});

// Starts (Fresh, Resume) or re-attaches to (Attach) the worker of run `runId` where
// `options.host` says. A new run whose worker could not start is marked failed (its recorded
// error "could not start on HOST: …" for a host) and the cause returned; a resumed one stays
// resumable. Attach is for runs on a host only.
Result<std::unique_ptr<Executor>> launchRun(Workspace& workspace, const std::string& runId,
                                            const LaunchOptions& options);

}  // namespace kiln
