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
#include "core/runs/launcher.h"
#include "core/runs/run_store.h"
#include "core/store/workspace.h"

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
    if (auto values = RunStore(ws.catalog()).finalMetrics(runId))
        for (const auto& [key, value] : *values) metrics[key] = value;
    return metrics;
}

}  // namespace

Result<std::string> resolveRunId(Workspace& ws, const std::string& text) {
    return kiln::resolveRunId(ws.catalog(), text);
}

std::string runHost(Workspace& ws, const std::string& runId) {
    auto run = RunStore(ws.catalog()).get(runId);
    return run ? run->host : std::string();
}

namespace {

// Starts or attaches to the worker where the run goes and follows it to its end.
Result<std::string> launchAndFollow(Workspace& ws, const std::string& runId, Launch launch,
                                    const std::string& host, bool jsonOut,
                                    const EventCallback& onEvent) {
    LaunchOptions options;
    options.mode = launch;
    options.host = host;
    auto executor = launchRun(ws, runId, options);
    if (!executor) return executor.error();
    const auto staged = (*executor)->staging();
    if (!jsonOut && launch != Launch::Attach && (*executor)->where() != "local")
        std::cout << "on " << (*executor)->where() << ": " << staged.objectsNeeded
                  << " dataset objects, " << staged.objectsCopied << " copied ("
                  << staged.bytesCopied << " bytes)\n"
                  << std::flush;
    return (*executor)->follow(onEvent, &g_interrupted);
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
    auto epoch = RunStore(ws.catalog()).lastEpoch(runId);
    return epoch ? *epoch : 0;
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
    auto status = launchAndFollow(ws, runId, launch, remote ? host : std::string(), jsonOut,
                                  onEvent);
    ::signal(SIGINT, previous);
    printer.flush();
    if (!status) return reportError(status.error());
    auto run = RunStore(ws.catalog()).get(runId);
    const std::string error = run ? run->error : std::string();
    json metrics = finalMetrics(ws, runId);
    if (jsonOut) {
        std::cout << json{{"run_id", runId},
                          {"status", *status},
                          {"host", remote ? host : std::string("local")},
                          {"error", error},
                          {"device", run ? run->device : std::string()},
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
