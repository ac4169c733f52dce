#include "core/runs/launcher.h"

#include "core/data/dataset_catalog.h"
#include "core/data/table.h"
#include "core/remote/host_lock.h"
#include "core/remote/ssh_executor.h"
#include "core/remote/ssh_host.h"
#include "core/runs/run_store.h"
#include "core/store/workspace.h"

namespace kiln {

namespace {

bool isLocal(const std::string& host) {
    return host.empty() || host == "local";
}

// A worker on this machine: a child process followed through its stdout.
class LocalRun : public Executor {
public:
    LocalRun(Workspace& ws, std::string runId, std::unique_ptr<LocalExecutor> process)
        : m_ws(ws), m_runId(std::move(runId)), m_process(std::move(process)) {}
    Result<std::string> follow(const EventCallback& onEvent, const std::atomic<bool>* cancelFlag,
                               const std::atomic<bool>* detachFlag) override {
        return followRun(m_ws, m_runId, *m_process, onEvent, cancelFlag, detachFlag);
    }
    std::string where() const override { return "local"; }

private:
    Workspace& m_ws;
    std::string m_runId;
    std::unique_ptr<LocalExecutor> m_process;
};

// A worker on an SSH host, detached there, followed through its events.jsonl.
class HostRun : public Executor {
public:
    HostRun(std::unique_ptr<SshExecutor> ssh, std::string host, int reconnectSeconds)
        : m_ssh(std::move(ssh)), m_host(std::move(host)), m_reconnectSeconds(reconnectSeconds) {}
    Result<std::string> follow(const EventCallback& onEvent, const std::atomic<bool>* cancelFlag,
                               const std::atomic<bool>* detachFlag) override {
        return m_ssh->follow(onEvent, cancelFlag, detachFlag, m_reconnectSeconds);
    }
    std::string where() const override { return m_host; }
    Staging staging() const override {
        const auto& s = m_ssh->staging();
        return {s.objectsNeeded, s.objectsCopied, s.bytesCopied};
    }

private:
    std::unique_ptr<SshExecutor> m_ssh;
    std::string m_host;
    int m_reconnectSeconds;
};

Result<std::unique_ptr<Executor>> launchHere(Workspace& ws, const std::string& runId,
                                             const LaunchOptions& options) {
    if (options.mode == LaunchMode::Attach)
        return makeError(ErrorCode::InvalidArgument,
                         "run " + runId + " runs on this machine; `kiln runs` brings it up to date");
    auto process = LocalExecutor::start(ws.root(), runId, options.mode == LaunchMode::Resume,
                                        options.kilnPath);
    if (!process) return process.error();
    return std::unique_ptr<Executor>(std::make_unique<LocalRun>(ws, runId, std::move(*process)));
}

Result<std::unique_ptr<Executor>> launchOnHost(Workspace& ws, const std::string& runId,
                                               const LaunchOptions& options) {
    auto host = findHost(ws.catalog(), options.host);
    if (!host) return host.error();
    auto ssh = [&] {
        if (options.mode == LaunchMode::Attach) return SshExecutor::attach(ws, *host, runId);
        // One start at a time per host in this process: staging shares the host's folders.
        const auto one = lockHostSetup(ws.root(), host->name);
        return SshExecutor::start(ws, *host, runId, options.mode == LaunchMode::Resume);
    }();
    if (!ssh) return ssh.error();
    return std::unique_ptr<Executor>(
        std::make_unique<HostRun>(std::move(*ssh), host->name, options.reconnectSeconds));
}

}  // namespace

void useDataset(RunSpec& spec, const DatasetVersion& version) {
    spec.dataset = version.dataset;
    spec.datasetVersion = version.version;
    spec.datasetHash = version.contentHash;
    spec.datasetKind = version.kind;
}

Status prepareRunSpec(Workspace& ws, RunSpec& spec) {
    auto table = Table::open(ws.objects(), spec.datasetHash);
    if (!table) return table.error();
    if (auto st = resolveSpec(spec, **table); !st) return st;
    return spec.validate();
}

Result<std::string> recordRun(Workspace& ws, const RunSpec& spec, std::int64_t datasetVersionId,
                              const std::string& host) {
    std::string where = "local";
    if (!isLocal(host)) {  // before anything is recorded
        auto found = findHost(ws.catalog(), host);
        if (!found) return found.error();
        where = found->name;
    }
    auto id = createRun(ws, spec, datasetVersionId);
    if (!id || where == "local") return id;
    // The run names its host from the first read on, while the data is being staged.
    if (auto st = RunStore(ws.catalog()).setHost(*id, where); !st) return st.error();
    return id;
}

Result<std::unique_ptr<Executor>> launchRun(Workspace& ws, const std::string& runId,
                                            const LaunchOptions& options) {
    const bool local = isLocal(options.host);
    auto executor = local ? launchHere(ws, runId, options) : launchOnHost(ws, runId, options);
    if (!executor && options.mode == LaunchMode::Fresh) {
        // A new run that never started is over; a resumed one stays resumable.
        std::string why = local ? executor.error().message
                                : "could not start on " + options.host + ": " +
                                      executor.error().message;
        (void)markRun(ws.catalog(), runId, RunStatus::Failed, why);
    }
    return executor;
}

}  // namespace kiln
