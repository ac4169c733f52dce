#include "core/remote/worker.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/base/build_info.h"
#include "core/remote/worker_event.h"
#include "core/env/environment.h"
#include "core/store/sha256.h"
#include "core/train/run_spec.h"
#include "core/train/trainer.h"

namespace kiln {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

volatile sig_atomic_t g_terminate = 0;

void onTerminate(int) {
    g_terminate = 1;
}

double wallTime() {
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count();
}

bool writeAll(int fd, const std::string& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += std::size_t(n);
    }
    return true;
}

// Reads lines from the host without blocking the training loop.
class InputLines {
public:
    explicit InputLines(int fd) : m_fd(fd) {}
    // Blocks until a whole line arrives; false at end of input.
    bool readLine(std::string& line) {
        while (!takeLine(line)) {
            if (!fill()) return false;
        }
        return true;
    }
    // Reads whatever is waiting (never blocks); true when a line asked to cancel.
    bool cancelRequested() {
        pollfd p{m_fd, POLLIN, 0};
        while (m_open && ::poll(&p, 1, 0) > 0 && (p.revents & (POLLIN | POLLHUP)))
            if (!fill()) break;
        std::string line;
        while (takeLine(line)) {
            auto j = json::parse(line, nullptr, false);
            if (j.is_object() && j.value("cancel", false)) return true;
        }
        return false;
    }

private:
    bool takeLine(std::string& line) {
        auto nl = m_buffer.find('\n');
        if (nl == std::string::npos) return false;
        line = m_buffer.substr(0, nl);
        m_buffer.erase(0, nl + 1);
        return true;
    }
    bool fill() {
        char chunk[4096];
        ssize_t n;
        do n = ::read(m_fd, chunk, sizeof chunk);
        while (n < 0 && errno == EINTR);
        if (n <= 0) {
            m_open = false;
            return false;
        }  // the host closed our input: keep going
        m_buffer.append(chunk, std::size_t(n));
        return true;
    }
    int m_fd;
    bool m_open = true;
    std::string m_buffer;
};

// Writes each event to the host (while it listens) and to events.jsonl.
class EventSink {
public:
    explicit EventSink(int outputFd) : m_out(outputFd) {}
    ~EventSink() {
        if (m_file >= 0) ::close(m_file);
    }
    void openLog(const fs::path& file) {
        m_file = ::open(file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
        for (const auto& line : m_pending) writeAll(m_file, line);
        m_pending.clear();
    }
    void emit(WorkerEvent::Body event) {
        std::string line = workerEventLine(std::move(event)) + "\n";
        if (m_out >= 0 && !writeAll(m_out, line)) m_out = -1;  // the host is gone: file only
        if (m_file >= 0)
            writeAll(m_file, line);
        else
            m_pending.push_back(line);
    }

private:
    int m_out;
    int m_file = -1;
    std::vector<std::string> m_pending;
};

std::pair<std::string, std::uint64_t> hashFile(const fs::path& file) {
    auto sha = sha256OfFile(file);
    std::error_code ec;
    auto bytes = fs::file_size(file, ec);
    return {sha ? *sha : std::string(), ec ? 0 : std::uint64_t(bytes)};
}

class WorkerListener : public TrainListener {
public:
    WorkerListener(EventSink& sink, InputLines& input, fs::path runDir)
        : m_sink(sink), m_input(input), m_runDir(std::move(runDir)) {}
    void progress(int epoch, std::int64_t step, std::int64_t steps) override {
        m_sink.emit(event::Progress{epoch, step, steps});
    }
    void metric(const std::string& key, double value, std::int64_t step, int epoch) override {
        m_sink.emit(event::Metric{key, value, step, epoch, wallTime()});
    }
    void log(const std::string& level, const std::string& message) override {
        m_sink.emit(event::Log{level, message});
    }
    void artifact(const std::string& kind, const std::string& relative) override {
        auto [sha, bytes] = hashFile(m_runDir / relative);
        m_sink.emit(event::Artifact{kind, relative, sha, std::int64_t(bytes)});
    }
    bool cancelled() override {
        if (!m_cancelled && (g_terminate || m_input.cancelRequested())) {
            m_cancelled = true;
            log("info", g_terminate ? "SIGTERM received: stopping at this batch"
                                    : "cancel requested by the host");
        }
        return m_cancelled;
    }

private:
    EventSink& m_sink;
    InputLines& m_input;
    fs::path m_runDir;
    bool m_cancelled = false;
};

void installSignals() {
    ::signal(SIGPIPE, SIG_IGN);
    struct sigaction sa {};
    sa.sa_handler = onTerminate;
    sigemptyset(&sa.sa_mask);
    ::sigaction(SIGTERM, &sa, nullptr);
}

event::Finished finishedEvent(const std::string& status, const std::string& error) {
    event::Finished f;
    f.status = status;
    f.error = error;
    return f;
}

struct Job {
    RunSpec spec;
    std::string runId;
    fs::path workspace;
    bool resume = false;
};

Result<Job> parseJob(const std::string& line) {
    auto j = json::parse(line, nullptr, false);
    if (!j.is_object())
        return makeError(ErrorCode::InvalidArgument, "the job line is not a JSON object");
    auto spec = RunSpec::fromJson(line);
    if (!spec) return spec.error();
    Job job{std::move(*spec), j.value("run_id", ""), j.value("workspace", ""),
            j.value("resume", false)};
    if (job.runId.empty() || job.workspace.empty() || job.runId.find('/') != std::string::npos)
        return makeError(ErrorCode::InvalidArgument,
                         "the job line needs \"run_id\" and \"workspace\"");
    if (auto st = job.spec.validate(); !st) return st.error();
    return job;
}

int train(const Job& job, EventSink& sink, InputLines& input) {
    fs::path runDir = job.workspace / "runs" / job.runId;
    std::error_code ec;
    fs::create_directories(runDir, ec);
    sink.openLog(runDir / "events.jsonl");
    auto device = chooseDevice(job.spec.device);
    setTorchThreads(job.spec.threads);  // before the capture, so the record shows what training uses
    event::Started started;
    started.runId = job.runId;
    started.pid = ::getpid();
    started.resume = job.resume;
    started.device = device ? device->device : job.spec.device;
    started.deviceReason = device ? device->reason : device.error().message;
    started.environmentJson = captureEnvironment().toJson();
    sink.emit(started);
    WorkerListener listener(sink, input, runDir);
    auto outcome = runTraining(job.spec, job.workspace, runDir, job.resume, listener);
    if (!outcome) {
        sink.emit(finishedEvent("failed", outcome.error().toString()));
        return 1;
    }
    event::Finished done = finishedEvent(outcome->status, "");
    done.epochs = outcome->epochs;
    done.bestEpoch = outcome->bestEpoch;
    done.earlyStopped = outcome->earlyStopped;
    done.metricsJson = outcome->testMetrics.dump();
    sink.emit(done);
    return 0;
}

}  // namespace

int runWorker(int inputFd, int outputFd) {
    installSignals();
    EventSink sink(outputFd);
    sink.emit(event::Hello{kWorkerProtocol, build::kKilnVersion});
    InputLines input(inputFd);
    std::string line;
    if (!input.readLine(line)) {
        sink.emit(finishedEvent("failed", "no run spec on the worker's input"));
        return 2;
    }
    auto job = parseJob(line);
    if (!job) {
        sink.emit(finishedEvent("failed", job.error().toString()));
        return 2;
    }
    try {
        return train(*job, sink, input);
    } catch (const std::exception& e) {
        sink.emit(finishedEvent("failed", std::string("the worker failed: ") + e.what()));
        return 1;
    }
}

}  // namespace kiln
