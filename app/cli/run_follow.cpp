#include "app/cli/run_follow.h"

#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "app/cli/cli_app.h"
#include "core/base/names.h"
#include "core/remote/local_executor.h"
#include "core/remote/ssh_executor.h"
#include "core/store/workspace.h"
#include "core/train/run_recorder.h"

namespace kiln::cli {

namespace {

using nlohmann::json;

std::atomic<bool> g_interrupted{false};

void onInterrupt(int) {
    g_interrupted = true;
}

std::string formatValue(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", v);
    return buffer;
}

// Prints a line per epoch from the metric events, and the log and finish lines.
class EpochPrinter {
public:
    void onEvent(const WorkerEvent& e) {
        if (auto* metric = e.as<event::Metric>()) {
            bool test = metric->key.rfind("test_", 0) == 0;
            if (!m_values.empty() && (test != m_test || metric->epoch != m_epoch)) flush();
            m_test = test;
            m_epoch = metric->epoch;
            m_values[metric->key] = metric->value;  // NaN prints as "nan"
            return;
        }
        if (auto* progress = e.as<event::Progress>()) return showProgress(*progress);
        flush();
        if (auto* started = e.as<event::Started>())
            std::cout << "device: " << started->device << " (" << started->deviceReason << ")\n";
        else if (auto* log = e.as<event::Log>())
            std::cout << printable(log->level) << ": " << printable(log->message) << "\n";
        std::cout.flush();
    }
    // A step line at most every few seconds, so a long epoch shows it is moving.
    void showProgress(const event::Progress& e) {
        flush();  // the previous epoch's metrics are complete once the next epoch moves
        auto now = std::chrono::steady_clock::now();
        if (now - m_lastLine < std::chrono::seconds(5)) return;
        std::cout << "epoch " << e.epoch << ": step " << e.step << "/" << e.stepsPerEpoch << "\n"
                  << std::flush;
        m_lastLine = now;
    }
    void flush() {
        if (m_values.empty()) return;
        std::cout << (m_test ? "test:" : "epoch " + std::to_string(m_epoch) + ":");
        for (const char* key :
             {"train_loss", "val_loss", "val_accuracy", "val_macro_f1", "val_roc_auc", "val_rmse",
              "val_r2", "test_accuracy", "test_macro_f1", "test_roc_auc", "test_rmse", "test_mae",
              "test_r2", "samples_per_s"})
            if (m_values.count(key)) std::cout << " " << key << "=" << formatValue(m_values[key]);
        std::cout << "\n";
        std::cout.flush();
        m_values.clear();
        m_lastLine = std::chrono::steady_clock::now();
    }

private:
    int m_epoch = 0;
    bool m_test = false;
    std::chrono::steady_clock::time_point m_lastLine = std::chrono::steady_clock::now();
    std::map<std::string, double> m_values;
};

json finalMetrics(Workspace& ws, const std::string& runId) {
    json metrics = json::object();
    auto st = ws.catalog().prepare(
        "SELECT key, value FROM metrics m WHERE run_id = ? AND step = (SELECT MAX(step) FROM "
        "metrics "
        "WHERE run_id = m.run_id AND key = m.key) ORDER BY key");
    if (!st || !st->bind({runId})) return metrics;
    for (auto row = st->step(); row && *row; row = st->step())
        metrics[st->columnText(0)] = st->columnDouble(1);
    return metrics;
}

std::string runColumn(Workspace& ws, const std::string& runId, const char* column) {
    auto v = ws.catalog().queryValue(std::string("SELECT ") + column + " FROM runs WHERE id = ?",
                                     {runId});
    return v && std::holds_alternative<std::string>(*v) ? std::get<std::string>(*v) : std::string();
}

}  // namespace

Result<std::string> resolveRunId(Workspace& ws, const std::string& text) {
    return kiln::resolveRunId(ws.catalog(), text);
}

std::string runHost(Workspace& ws, const std::string& runId) {
    return runColumn(ws, runId, "host");
}

namespace {

// Starts or attaches to the worker on `hostName` and follows it to its end.
Result<std::string> followOnHost(Workspace& ws, const std::string& runId, Launch launch,
                                 const std::string& hostName, bool jsonOut,
                                 const EventCallback& onEvent) {
    auto host = findHost(ws.catalog(), hostName);
    if (!host) return host.error();
    auto executor = launch == Launch::Attach
                        ? SshExecutor::attach(ws, *host, runId)
                        : SshExecutor::start(ws, *host, runId, launch == Launch::Resume);
    if (!executor) {
        // A new run that never reached the host is over; a resumed one stays resumable.
        if (launch == Launch::Fresh)
            (void)markRun(ws.catalog(), runId, "failed",
                          "could not start on " + hostName + ": " + executor.error().message);
        return executor.error();
    }
    const auto& staged = (*executor)->staging();
    if (!jsonOut && launch != Launch::Attach)
        std::cout << "on " << hostName << ": " << staged.objectsNeeded << " dataset objects, "
                  << staged.objectsCopied << " copied (" << staged.bytesCopied << " bytes)\n"
                  << std::flush;
    return (*executor)->follow(onEvent, &g_interrupted);
}

Result<std::string> followHere(Workspace& ws, const std::string& runId, Launch launch,
                               const EventCallback& onEvent) {
    if (launch == Launch::Attach)
        return makeError(ErrorCode::InvalidArgument,
                         "run " + runId + " runs on this machine; `kiln runs` brings it up to date");
    auto executor = LocalExecutor::start(ws.root(), runId, launch == Launch::Resume);
    if (!executor) return executor.error();
    return followRun(ws, runId, **executor, onEvent, &g_interrupted);
}

const char* launchWord(Launch launch) {
    switch (launch) {
        case Launch::Resume: return "resuming run ";
        case Launch::Attach: return "attached to run ";
        case Launch::Fresh: break;
    }
    return "run ";
}

std::int64_t lastEpoch(Workspace& ws, const std::string& runId) {
    auto v = ws.catalog().queryValue(
        "SELECT COALESCE(MAX(epoch), 0) FROM metrics WHERE run_id = ? AND key = 'train_loss'",
        {runId});
    return v && std::holds_alternative<std::int64_t>(*v) ? std::get<std::int64_t>(*v) : 0;
}

// The exit status of a followed run, with a line on stderr when it did not complete: a failed
// or interrupted run is an error (1); a cancelled one exits 130 after Ctrl-C, else 1.
int endStatus(Workspace& ws, const std::string& runId, const std::string& status,
              const std::string& error) {
    if (status == "completed") return kExitOk;
    if (status == "cancelled") {
        std::cerr << "kiln: run " << runId << " cancelled after epoch " << lastEpoch(ws, runId)
                  << "; `kiln resume " << runId << "` continues it\n";
        return g_interrupted ? 128 + SIGINT : kExitBadInput;
    }
    if (status == "interrupted") {
        std::cerr << "kiln: error: run " << runId << " was interrupted: " << printable(error)
                  << "\n";
        return kExitBadInput;
    }
    std::cerr << "kiln: error: run " << runId << " " << status
              << (error.empty() ? std::string() : ": " + printable(error)) << "\n";
    return kExitBadInput;
}

}  // namespace

int followAndReport(Workspace& ws, const std::string& runId, Launch launch, bool jsonOut,
                    const std::string& host) {
    const bool remote = !host.empty() && host != "local";
    if (!jsonOut)
        std::cout << launchWord(launch) << runId << (remote ? " on " + host : std::string()) << "\n"
                  << std::flush;
    g_interrupted = false;
    auto previous = ::signal(SIGINT, onInterrupt);
    EpochPrinter printer;
    EventCallback onEvent = [&](const WorkerEvent& e) {
        if (!jsonOut) printer.onEvent(e);
    };
    auto status = remote ? followOnHost(ws, runId, launch, host, jsonOut, onEvent)
                         : followHere(ws, runId, launch, onEvent);
    ::signal(SIGINT, previous);
    printer.flush();
    if (!status) return reportError(status.error());
    std::string error = runColumn(ws, runId, "error");
    json metrics = finalMetrics(ws, runId);
    if (jsonOut) {
        std::cout << json{{"run_id", runId},
                          {"status", *status},
                          {"host", remote ? host : std::string("local")},
                          {"error", error},
                          {"device", runColumn(ws, runId, "device")},
                          {"metrics", metrics}}
                         .dump(2)
                  << "\n";
    } else {
        std::cout << "run " << runId << " " << *status << "\n";
        for (auto& [key, value] : metrics.items())
            if (key.rfind("test_", 0) == 0)
                std::cout << "  " << key << " = " << formatValue(value) << "\n";
    }
    return endStatus(ws, runId, *status, error);
}

}  // namespace kiln::cli
