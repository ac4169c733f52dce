#include "core/remote/local_executor.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/store/workspace.h"
#include "core/runs/run_recorder.h"

namespace kiln {

namespace fs = std::filesystem;

namespace {

std::string readFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void writeAll(int fd, const std::string& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;  // the worker is gone; its events say how it ended
        done += std::size_t(n);
    }
}

// The job line: the spec plus where the run lives.
Result<std::string> jobLine(const fs::path& workspace, const std::string& runId, bool resume) {
    auto spec =
        nlohmann::json::parse(readFile(workspace / "runs" / runId / "spec.json"), nullptr, false);
    if (!spec.is_object())
        return makeError(ErrorCode::NotFound, "the run has no readable spec.json",
                         (workspace / "runs" / runId).string());
    spec["run_id"] = runId;
    spec["workspace"] = fs::absolute(workspace).string();
    spec["resume"] = resume;
    return spec.dump() + "\n";
}

// Appends one line to a log file (best effort: the catalog holds the same text).
void appendLine(const fs::path& file, const std::string& line) {
    std::ofstream(file, std::ios::binary | std::ios::app) << line << "\n";
}

[[noreturn]] void execWorker(int in, int out, int log, const fs::path& kiln) {
    ::setsid();
    ::dup2(in, 0);
    ::dup2(out, 1);
    if (log >= 0) ::dup2(log, 2);
    ::signal(SIGPIPE, SIG_DFL);
    ::execl(kiln.c_str(), "kiln", "worker", static_cast<char*>(nullptr));
    ::_exit(127);
}

}  // namespace

fs::path LocalExecutor::defaultKilnPath() {
    std::error_code ec;
    return fs::read_symlink("/proc/self/exe", ec);
}

Result<std::unique_ptr<LocalExecutor>> LocalExecutor::start(const fs::path& workspace,
                                                            const std::string& runId, bool resume,
                                                            const fs::path& kilnPath) {
    fs::path kiln = kilnPath.empty() ? defaultKilnPath() : kilnPath;
    if (::access(kiln.c_str(), X_OK) != 0)
        return makeError(ErrorCode::NotFound, "cannot run the kiln worker", kiln.string());
    auto line = jobLine(workspace, runId, resume);
    if (!line) return line.error();
    ::signal(SIGPIPE, SIG_IGN);  // a worker that dies must not take the host with it
    int toWorker[2], fromWorker[2];
    if (::pipe2(toWorker, O_CLOEXEC) != 0)
        return makeError(ErrorCode::Io, std::strerror(errno), "pipe");
    if (::pipe2(fromWorker, O_CLOEXEC) != 0) {
        ::close(toWorker[0]);
        ::close(toWorker[1]);
        return makeError(ErrorCode::Io, std::strerror(errno), "pipe");
    }
    fs::path logFile = workspace / "runs" / runId / "worker.log";
    int log = ::open(logFile.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    pid_t pid = ::fork();
    if (pid == 0) execWorker(toWorker[0], fromWorker[1], log, kiln);
    ::close(toWorker[0]);
    ::close(fromWorker[1]);
    if (log >= 0) ::close(log);
    std::unique_ptr<LocalExecutor> ex(new LocalExecutor());
    ex->m_in = toWorker[1];
    ex->m_out = fromWorker[0];
    if (pid < 0)
        return makeError(ErrorCode::Io,
                         std::string("cannot start the worker: ") + std::strerror(errno));
    ex->m_pid = pid;
    writeAll(ex->m_in, *line);
    return ex;
}

LocalExecutor::~LocalExecutor() {
    if (m_in >= 0) ::close(m_in);
    if (m_out >= 0) ::close(m_out);
    // A worker still running outlives its host on purpose; a finished one is reaped.
    if (m_pid > 0 && !m_reaped) ::waitpid(m_pid, &m_status, WNOHANG);
}

std::optional<std::string> LocalExecutor::nextLine(int timeoutMs) {
    for (;;) {
        auto nl = m_buffer.find('\n');
        if (nl != std::string::npos) {
            std::string line = m_buffer.substr(0, nl);
            m_buffer.erase(0, nl + 1);
            return line;
        }
        if (m_eof) return std::nullopt;
        pollfd p{m_out, POLLIN, 0};
        int ready = ::poll(&p, 1, timeoutMs);
        if (ready < 0 && errno == EINTR) return std::nullopt;
        if (ready <= 0) return std::nullopt;
        char chunk[8192];
        ssize_t n = ::read(m_out, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0)
            m_eof = true;
        else
            m_buffer.append(chunk, std::size_t(n));
    }
}

void LocalExecutor::cancel() {
    if (m_in >= 0) writeAll(m_in, "{\"cancel\":true}\n");
}

std::string LocalExecutor::endDescription() const {
    if (!m_reaped) return "still running";
    if (WIFSIGNALED(m_status)) {
        int sig = WTERMSIG(m_status);
        const char* name = sigabbrev_np(sig);
        std::string text = "killed by signal " + std::to_string(sig) +
                           (name ? " (SIG" + std::string(name) + ")" : std::string());
        if (sig == SIGKILL) text += ", as the out-of-memory killer or `kill -9` does";
        return text;
    }
    return "exited with status " + std::to_string(WIFEXITED(m_status) ? WEXITSTATUS(m_status) : 1);
}

int LocalExecutor::wait() {
    if (!m_reaped && m_pid > 0) {
        while (::waitpid(m_pid, &m_status, 0) < 0 && errno == EINTR) {
        }
        m_reaped = true;
    }
    if (WIFSIGNALED(m_status)) return 128 + WTERMSIG(m_status);
    return WIFEXITED(m_status) ? WEXITSTATUS(m_status) : 1;
}

Result<std::string> followRun(Workspace& ws, const std::string& runId, LocalExecutor& executor,
                              const EventCallback& onEvent, const std::atomic<bool>* cancelFlag,
                              const std::atomic<bool>* detachFlag) {
    RunRecorder recorder(ws.catalog(), runId);
    auto pidSet = ws.catalog().queryValue(
        "UPDATE runs SET worker_pid = ?, status = 'running' WHERE id = ? RETURNING id",
        {std::int64_t(executor.pid()), runId});
    if (!pidSet) return pidSet.error();
    bool cancelSent = false;
    while (!executor.atEnd()) {
        if (detachFlag && *detachFlag) return std::string("detached");
        if (cancelFlag && *cancelFlag && !cancelSent) {
            executor.cancel();
            cancelSent = true;
        }
        auto line = executor.nextLine(100);
        if (!line) continue;
        auto parsed = parseWorkerEvent(*line);
        if (!parsed) {
            if (parsed.error().code == ErrorCode::Corrupt) return parsed.error();
            continue;  // not an event (a stray line on the worker's output)
        }
        if (auto st = recorder.ingest(*parsed); !st) return st.error();
        if (onEvent) onEvent(*parsed);
    }
    executor.wait();
    if (!recorder.finishedStatus().empty()) return recorder.finishedStatus();
    std::uint64_t offset = 0;  // the worker may have written events we did not get: record them
    if (auto st = recorder.ingestFile(ws.runsDir() / runId / "events.jsonl", offset); !st)
        return st.error();
    if (!recorder.finishedStatus().empty()) return recorder.finishedStatus();
    // A worker that vanished (kill -9, the OOM killer, a crash) leaves its checkpoints: the run
    // is interrupted and resumable, as when a host dies, and the log says what happened.
    std::string why = "the worker process (pid " + std::to_string(executor.pid()) +
                      ") ended without finishing: " + executor.endDescription() +
                      "; metrics up to epoch " + std::to_string(recorder.lastEpoch()) +
                      " are kept; `kiln resume " + runId + "` continues from the last checkpoint";
    appendLine(ws.runsDir() / runId / "worker.log", "kiln: " + why);
    if (auto st = markRun(ws.catalog(), runId, RunStatus::Interrupted, why); !st) return st.error();
    return std::string("interrupted");
}

}  // namespace kiln
