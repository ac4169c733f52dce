#include "core/remote/ssh_executor.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "core/base/build_info.h"
#include "core/remote/worker_event.h"
#include "core/store/sha256.h"
#include "core/store/workspace.h"
#include "core/runs/run_recorder.h"

namespace kiln {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string readFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void collectHashes(const json& j, std::set<std::string>& out) {
    if (j.is_string()) {
        const auto& s = j.get_ref<const std::string&>();
        if (isSha256Hex(s)) out.insert(s);
    } else if (j.is_array() || j.is_object()) {
        for (const auto& v : j) collectHashes(v, out);
    }
}

// An exclusive lock on runs/<id>/follow.lock while one process follows the run: two followers
// would both append to the local mirror of events.jsonl. Released when destroyed.
class FollowLock {
public:
    explicit FollowLock(const fs::path& file) {
        m_fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        m_held = m_fd >= 0 && ::flock(m_fd, LOCK_EX | LOCK_NB) == 0;
    }
    ~FollowLock() {
        if (m_fd >= 0) ::close(m_fd);
    }
    bool held() const { return m_held; }

private:
    int m_fd = -1;
    bool m_held = false;
};

bool keepRemote(const SshHost& host) {
    auto s = json::parse(host.settings, nullptr, false);
    return !s.is_object() || s.value("keep_remote", true);
}

}  // namespace

Result<std::vector<std::string>> datasetObjects(Workspace& ws, const std::string& manifestHash) {
    if (!isSha256Hex(manifestHash))
        return makeError(ErrorCode::InvalidArgument, "not a dataset version hash", manifestHash);
    auto manifest = ws.objects().read(manifestHash);
    if (!manifest) return manifest.error();
    std::set<std::string> hashes;
    collectHashes(json::parse(*manifest, nullptr, false), hashes);
    std::vector<std::string> out = {manifestHash};
    for (const auto& h : hashes)
        if (h != manifestHash && ws.objects().contains(h)) out.push_back(h);
    return out;
}

Result<std::vector<RemoteRun>> remoteRunsInFlight(Workspace& ws) {
    auto st = ws.catalog().prepare(
        "SELECT id, host FROM runs WHERE status IN ('queued', 'running') AND host <> 'local' "
        "ORDER BY created_at");
    if (!st) return st.error();
    std::vector<RemoteRun> runs;
    for (auto row = st->step(); row && *row; row = st->step()) {
        RemoteRun r{st->columnText(0), st->columnText(1)};
        if (fs::exists(ws.runsDir() / r.runId / "remote.json")) runs.push_back(std::move(r));
    }
    return runs;
}

Status SshExecutor::stageObjects(const std::vector<std::string>& hashes) {
    m_staging = {};
    m_staging.objectsNeeded = int(hashes.size());
    std::string list;
    for (const auto& h : hashes) list += h.substr(0, 2) + "/" + h.substr(2) + "\n";
    std::string objects = m_workdir + "/objects";
    auto missing = m_conn->run("mkdir -p -- " + shellQuote(objects) + " && cd -- " +
                                   shellQuote(objects) +
                                   " && while IFS= read -r p; do test -f \"$p\" || echo \"$p\"; done",
                               list);
    if (!missing) return missing.error();
    if (missing->exitStatus != 0)
        return makeError(ErrorCode::Io, "cannot list the host's objects: " + missing->err, objects);
    std::istringstream lines(missing->out);
    std::vector<SshConnection::Upload> uploads;
    for (std::string p; std::getline(lines, p);) {
        if (p.size() != 65 || p[2] != '/') continue;
        std::string hash = p.substr(0, 2) + p.substr(3);
        if (!isSha256Hex(hash)) continue;
        fs::path local = m_ws->objects().pathFor(hash);
        uploads.push_back({local, objects + "/" + p, hash});
        std::error_code ec;
        m_staging.bytesCopied += fs::file_size(local, ec);
    }
    if (auto st = m_conn->uploadAll(uploads); !st) return st;
    m_staging.objectsCopied = int(uploads.size());
    return {};
}

Status SshExecutor::writeRemoteJson() {
    json j = {{"host", m_host.name},
              {"workdir", m_workdir},
              {"run_dir", m_remoteRunDir},
              {"pid", m_pid},
              {"events_from", m_eventsFrom}};
    std::ofstream out(m_ws->runsDir() / m_runId / "remote.json", std::ios::trunc);
    out << j.dump(2) << "\n";
    if (!out) return makeError(ErrorCode::Io, "cannot write remote.json", m_runId);
    return {};
}

Result<std::unique_ptr<SshExecutor>> SshExecutor::start(Workspace& ws, const SshHost& host,
                                                        const std::string& runId, bool resume) {
    auto spec = json::parse(readFile(ws.runsDir() / runId / "spec.json"), nullptr, false);
    if (!spec.is_object())
        return makeError(ErrorCode::NotFound, "the run has no readable spec.json", runId);
    std::unique_ptr<SshExecutor> ex(new SshExecutor());
    ex->m_ws = &ws;
    ex->m_host = host;
    ex->m_runId = runId;
    ex->m_conn = std::make_unique<SshConnection>(host, ws.root());
    if (auto st = ex->m_conn->open(); !st) return st.error();
    auto workdir = ex->m_conn->remoteWorkdir();
    if (!workdir) return workdir.error();
    ex->m_workdir = *workdir;
    ex->m_remoteRunDir = ex->m_workdir + "/runs/" + runId;
    auto objects = datasetObjects(ws, spec.value("dataset_hash", ""));
    if (!objects) return objects.error();
    if (auto st = ex->stageObjects(*objects); !st) return st.error();

    spec["run_id"] = runId;
    spec["workspace"] = ex->m_workdir;
    spec["resume"] = resume;
    const std::string& d = ex->m_remoteRunDir;
    std::string cmd = "mkdir -p -- " + shellQuote(d) + " && cd -- " + shellQuote(d) +
                      " && cat > job.json && { nohup setsid " + shellQuote(host.kilnPath) +
                      " worker < job.json > /dev/null 2>> worker.log & echo $! > worker.pid; "
                      "echo $!; }";
    auto started = ex->m_conn->run(cmd, spec.dump() + "\n");
    if (!started) return started.error();
    if (started->exitStatus != 0 || started->out.empty())
        return makeError(ErrorCode::Io, "cannot start the worker on the host: " + started->err,
                         host.name);
    // The host's shell printed the worker's pid; anything else is its problem, told, not thrown.
    char* end = nullptr;
    const long long pid = std::strtoll(started->out.c_str(), &end, 10);
    if (pid <= 0 || end == started->out.c_str() || (*end != '\0' && *end != '\n'))
        return makeError(ErrorCode::Io,
                         "the host did not report the worker's process id (got '" +
                             started->out.substr(0, 80) + "')",
                         host.name);
    ex->m_pid = pid;
    std::error_code ec;
    fs::path local = ws.runsDir() / runId / "events.jsonl";
    if (!resume) fs::remove(local, ec);  // the local file mirrors the remote one from byte 0
    ex->m_eventsFrom = resume && fs::exists(local) ? fs::file_size(local, ec) : 0;
    if (auto st = ex->writeRemoteJson(); !st) return st.error();
    auto r = ws.catalog().queryValue(
        "UPDATE runs SET host = ?, status = 'running' WHERE id = ? RETURNING id", {host.name, runId});
    if (!r) return r.error();
    return ex;
}

Result<std::unique_ptr<SshExecutor>> SshExecutor::attach(Workspace& ws, const SshHost& host,
                                                         const std::string& runId) {
    auto j = json::parse(readFile(ws.runsDir() / runId / "remote.json"), nullptr, false);
    if (!j.is_object())
        return makeError(ErrorCode::NotFound, "the run was not started on a host", runId);
    std::unique_ptr<SshExecutor> ex(new SshExecutor());
    ex->m_ws = &ws;
    ex->m_host = host;
    ex->m_runId = runId;
    ex->m_conn = std::make_unique<SshConnection>(host, ws.root());
    ex->m_workdir = j.value("workdir", "");
    ex->m_remoteRunDir = j.value("run_dir", "");
    ex->m_pid = j.value("pid", std::int64_t(0));
    ex->m_eventsFrom = j.value("events_from", std::uint64_t(0));
    if (ex->m_remoteRunDir.empty() || ex->m_pid <= 0)
        return makeError(ErrorCode::Corrupt, "remote.json lacks the run folder or pid", runId);
    return ex;
}

Status SshExecutor::cancel() {
    auto r = m_conn->run("kill -TERM " + shellQuote(std::to_string(m_pid)) + " 2>/dev/null; true");
    if (!r) return r.error();
    return {};
}

Status SshExecutor::fetchArtifacts(const std::string& status) {
    fs::path runDir = m_ws->runsDir() / m_runId;
    std::map<std::string, std::string> artifacts;  // path -> sha256 (the latest event wins)
    std::istringstream lines(readFile(runDir / "events.jsonl"));
    for (std::string line; std::getline(lines, line);) {
        auto e = parseWorkerEvent(line);
        if (auto* artifact = e ? e->as<event::Artifact>() : nullptr)
            artifacts[artifact->path] = artifact->sha256;
    }
    std::vector<SshConnection::Download> downloads;
    std::vector<std::pair<std::string, std::string>> fetched;  // path, sha256
    for (const auto& [path, sha] : artifacts) {
        if (path.empty() || path[0] == '/' || path.find("..") != std::string::npos) continue;
        fs::path local = runDir / path;
        if (auto have = sha256OfFile(local); have && *have == sha) continue;  // here already (resume)
        downloads.push_back({m_remoteRunDir + "/" + path, local, false});
        fetched.emplace_back(path, sha);
    }
    downloads.push_back({m_remoteRunDir + "/worker.log", runDir / "worker.log", true});
    if (auto st = m_conn->downloadAll(downloads); !st) return st;
    for (const auto& [path, sha] : fetched) {
        auto read = sha256OfFile(runDir / path);
        std::string got = read ? *read : "unreadable";
        if (got != sha)
            return makeError(ErrorCode::Corrupt,
                             "an artifact copied back from the host does not match its sha256 (" +
                                 got + " != " + sha + ")",
                             path);
    }
    // A cancelled run keeps its folder: `resume` continues from the checkpoint there.
    if (!keepRemote(m_host) && status != "cancelled")
        (void)m_conn->run("rm -rf -- " + shellQuote(m_remoteRunDir));
    return {};
}

Result<std::string> SshExecutor::follow(const EventCallback& onEvent,
                                        const std::atomic<bool>* cancelFlag,
                                        const std::atomic<bool>* detachFlag,
                                        int reconnectSeconds) {
    Catalog& catalog = m_ws->catalog();
    FollowLock lock(m_ws->runsDir() / m_runId / "follow.lock");
    if (!lock.held())
        return makeError(ErrorCode::Busy, "another Kiln process is following this run", m_runId);
    RunRecorder recorder(catalog, m_runId);
    fs::path local = m_ws->runsDir() / m_runId / "events.jsonl";
    // What we have already: record it again (idempotent) and continue after it.
    std::uint64_t offset = 0;
    if (m_eventsFrom > 0) {
        if (auto st = recorder.ingestFile(local, offset, m_eventsFrom); !st) return st.error();
        recorder.forgetFinished();
    }
    if (fs::exists(local))
        if (auto st = recorder.ingestFile(local, offset); !st) return st.error();
    std::error_code ec;
    std::uint64_t have = fs::exists(local) ? fs::file_size(local, ec) : 0;
    std::string pending = readFile(local).substr(std::size_t(offset));
    std::ofstream mirror(local, std::ios::app | std::ios::binary);

    std::string events = shellQuote(m_remoteRunDir + "/events.jsonl");
    bool cancelSent = false;
    auto lastContact = std::chrono::steady_clock::now();
    forgetLocalPid();
    while (recorder.finishedStatus().empty()) {
        if (detachFlag && *detachFlag) return std::string("detached");
        if (cancelFlag && *cancelFlag && !cancelSent) cancelSent = cancel().ok();
        std::string cmd = "s=0; kill -0 " + shellQuote(std::to_string(m_pid)) +
                          " 2>/dev/null && s=1; tail -c +" + std::to_string(have + 1) + " -- " +
                          events + " 2>/dev/null; printf '\\n%s' \"$s\"";
        auto r = m_conn->run(cmd, {}, 60);
        if (!r || r->out.size() < 2) {
            const bool gaveUp = std::chrono::steady_clock::now() - lastContact >
                                std::chrono::seconds(reconnectSeconds);
            if (auto st = reconnect(r ? Error{} : r.error(), gaveUp); !st) return st.error();
            continue;
        }
        lastContact = std::chrono::steady_clock::now();
        bool alive = r->out.back() == '1';
        std::string data = r->out.substr(0, r->out.size() - 2);
        if (!data.empty()) {
            mirror.write(data.data(), std::streamsize(data.size()));
            mirror.flush();
            have += data.size();
            pending += data;
            std::size_t start = 0;
            for (auto nl = pending.find('\n'); nl != std::string::npos;
                 nl = pending.find('\n', start)) {
                if (auto st = takeLine(pending.substr(start, nl - start), recorder, onEvent); !st)
                    return st.error();
                start = nl + 1;
            }
            pending.erase(0, start);
            continue;  // there may be more
        }
        // The worker is gone and everything it wrote has been read.
        if (!alive) return recorder.finishedStatus().empty() ? workerGone() : finish(recorder);
        std::this_thread::sleep_for(std::chrono::milliseconds(150));
    }
    mirror.close();
    return finish(recorder);
}

void SshExecutor::forgetLocalPid() {
    // The pid in `started` is the host's: keep it out of the local liveness checks.
    (void)m_ws->catalog().execute("UPDATE runs SET worker_pid = NULL, host = ? WHERE id = ?",
                                  {m_host.name, m_runId});
}

Status SshExecutor::reconnect(const Error& failure, bool gaveUp) {
    if (failure.code == ErrorCode::UnknownHostKey || failure.code == ErrorCode::ChangedHostKey)
        return failure;  // reconnecting cannot help
    if (gaveUp)
        return makeError(ErrorCode::Io,
                         "lost the connection to the host; the worker keeps training there and "
                         "the run can be re-attached" +
                             (failure.message.empty() ? std::string() : ": " + failure.message),
                         m_runId);
    ++m_reconnects;
    m_conn->close();
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    return {};
}

Status SshExecutor::takeLine(const std::string& line, RunRecorder& recorder,
                             const EventCallback& onEvent) {
    auto parsed = parseWorkerEvent(line);
    auto* hello = parsed ? parsed->as<event::Hello>() : nullptr;
    if (hello && hello->protocol != kWorkerProtocol) {
        (void)cancel();
        std::string why = "the host's Kiln speaks worker protocol " +
                          std::to_string(hello->protocol) + ", this Kiln " +
                          std::to_string(kWorkerProtocol);
        (void)markRun(m_ws->catalog(), m_runId, RunStatus::Failed, why);
        return makeError(ErrorCode::Unsupported, why, m_host.name);
    }
    // A line that is no event is skipped, one with bad fields stops the follower.
    if (auto st = parsed ? recorder.ingest(*parsed) : recorder.ingest(line); !st) return st;
    if (!parsed) return {};
    if (parsed->is<event::Started>()) forgetLocalPid();
    if (!onEvent) return {};
    onEvent(*parsed);
    if (hello && hello->kiln != build::kKilnVersion)
        onEvent(WorkerEvent{parsed->time,
                            event::Log{"warning", "the host runs Kiln " + hello->kiln +
                                                      ", this is Kiln " + build::kKilnVersion}});
    return {};
}

Result<std::string> SshExecutor::workerGone() {
    std::string why = "the worker on " + m_host.name + " exited without finishing; see " +
                      m_remoteRunDir + "/worker.log";
    (void)m_conn->download(m_remoteRunDir + "/worker.log", m_ws->runsDir() / m_runId / "worker.log");
    if (auto st = markRun(m_ws->catalog(), m_runId, RunStatus::Failed, why); !st) return st.error();
    return std::string("failed");
}

Result<std::string> SshExecutor::finish(const RunRecorder& recorder) {
    if (auto st = fetchArtifacts(recorder.finishedStatus()); !st) return st.error();
    return recorder.finishedStatus();
}

}  // namespace kiln
