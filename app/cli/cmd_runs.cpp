// kiln runs, kiln run show RUN, kiln cancel RUN.
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <sstream>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "app/cli/cli_app.h"
#include "app/cli/run_follow.h"
#include "app/cli/run_query_options.h"
#include "core/base/names.h"
#include "core/data/dataset_catalog.h"
#include "core/remote/ssh_executor.h"
#include "core/store/workspace.h"
#include "core/runs/run_recorder.h"

namespace kiln::cli {

namespace {

using nlohmann::json;

json optionalJson(const std::optional<std::string>& v) {
    return v ? json(*v) : json(nullptr);
}

// A number as `kiln runs --json` has always written it (a JSON double), or null.
template <class T>
json optionalNumber(const std::optional<T>& v) {
    return v ? json(double(*v)) : json(nullptr);
}

// One run as `kiln runs --json` lists it.
json runJson(const StoredRun& r) {
    return json{{"id", r.id},
                {"status", runStatusName(r.status)},
                {"dataset", r.dataset},
                {"version", double(r.datasetVersion)},
                {"name", r.name},
                {"device", r.device},
                {"created_at", r.createdAt},
                {"started_at", optionalJson(r.startedAt)},
                {"finished_at", optionalJson(r.finishedAt)},
                {"error", r.error},
                {"worker_pid", optionalNumber(r.workerPid)},
                {"host", r.host},
                {"epoch", optionalNumber(r.lastEpoch)},
                {"value", optionalNumber(r.testScore)}};
}

void printRuns(const json& runs) {
    std::size_t hostWidth = 6;
    for (const auto& r : runs) hostWidth = std::max(hostWidth, r["host"].get<std::string>().size() + 2);
    std::cout << std::left << std::setw(22) << "RUN" << std::setw(12) << "STATUS"
              << std::setw(int(hostWidth)) << "HOST" << std::setw(16) << "DATASET" << std::setw(7)
              << "EPOCHS"
              << "TEST\n";
    for (const auto& r : runs) {
        std::string ds = printable(r["dataset"].get<std::string>()) + "@" +
                         std::to_string(int(r["version"].get<double>()));
        std::cout << std::setw(22) << r["id"].get<std::string>() << std::setw(12)
                  << r["status"].get<std::string>() << std::setw(int(hostWidth))
                  << r["host"].get<std::string>() << std::setw(16) << ds << std::setw(7)
                  << (r["epoch"].is_null() ? 0 : int(r["epoch"].get<double>()))
                  << (r["value"].is_null() ? std::string("-")
                                           : std::to_string(r["value"].get<double>()))
                  << "\n";
    }
}

int runRuns(const Arguments& args) {
    auto workspace = openWorkspace(args, false);
    if (!workspace) return reportError(workspace.error());
    Workspace& ws = **workspace;
    if (auto r = reattachRuns(ws); !r) return reportError(r.error());
    if (hasRunQueryOptions(args)) return printRunQuery(ws, args);  // run_query_options.cpp
    RunListFilter filter;
    if (auto ds = args.value("dataset")) {
        auto version = DatasetCatalog(ws.catalog()).resolve(*ds);
        if (!version) return reportError(version.error());
        if (ds->find('@') != std::string::npos)
            filter.datasetVersionId = version->id;
        else
            filter.datasetId = version->datasetId;
    }
    auto runs = RunStore(ws.catalog()).list(filter);
    if (!runs) return reportError(runs.error());
    json list = json::array();
    for (const StoredRun& r : *runs) list.push_back(runJson(r));
    if (args.json)
        std::cout << json{{"runs", list}}.dump(2) << "\n";
    else
        printRuns(list);
    return kExitOk;
}

// What report.json tells beyond the metrics: the family that trained, auto's choice, feature
// importance and the cross-validation table.
void addReport(json& doc, const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) return;
    json report = json::parse(in, nullptr, false);
    if (!report.is_object()) return;
    for (const char* key : {"family", "model_choice", "importance", "cv"})
        if (report.contains(key)) doc[key] = report[key];
}

Result<json> runDocument(Workspace& ws, const std::string& id) {
    RunStore store(ws.catalog());
    auto run = store.get(id);
    if (!run) return run.error();
    json doc = runJson(*run);
    doc.erase("value");
    doc["spec"] = json::parse(run->specJson, nullptr, false);
    doc["environment"] = json::parse(run->environmentJson, nullptr, false);
    auto params = store.params(id);
    auto metrics = store.metrics(id);
    auto artifacts = store.artifacts(id);
    if (!params || !metrics || !artifacts)
        return makeError(ErrorCode::Corrupt, "cannot read the run's records", id);
    doc["params"] = json::object();
    for (const RunParam& p : *params) doc["params"][p.key] = p.value;
    doc["metrics"] = json::object();
    doc["history"] = json::object();
    for (const RunMetric& m : *metrics) {
        doc["metrics"][m.key] = m.value;  // ordered by step: the last one stays
        doc["history"][m.key].push_back({double(m.epoch), m.value});
    }
    addReport(doc, ws.runsDir() / id / "report.json");
    doc["artifacts"] = json::array();
    for (const RunArtifact& a : *artifacts)
        doc["artifacts"].push_back(
            {{"kind", a.kind}, {"path", a.path}, {"sha256", a.sha256}, {"bytes", double(a.bytes)}});
    return doc;
}

std::string fixed(double x, int decimals = 4) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(decimals) << x;
    return out.str();
}

void printModel(const json& doc) {
    if (!doc.contains("family")) return;
    std::cout << "Model:    " << doc["family"].get<std::string>() << "\n";
    if (doc.contains("model_choice") && doc["model_choice"].contains("why"))
        std::cout << "          chosen by cross-validation: "
                  << doc["model_choice"]["why"].get<std::string>() << "\n";
    if (doc.contains("model_choice") && doc["model_choice"].contains("final_fit")) {
        const json& fit = doc["model_choice"]["final_fit"];
        std::cout << "          final model: all " << fit.value("rows", 0) << " non-test rows";
        for (const char* unit : {"rounds", "epochs"})
            if (fit.contains(unit))
                std::cout << ", " << fit[unit].get<int>() << " " << unit << " (the folds' mean best)";
        std::cout << "\n";
    }
}

// The ten most important columns with a bar each: permutation importance, then total gain.
void printImportance(const json& doc) {
    if (!doc.contains("importance")) return;
    const json& imp = doc["importance"];
    const std::string metric = imp.value("metric", std::string("score"));
    auto print = [&](const char* key, const std::string& title, const char* value) {
        if (!imp.contains(key) || imp[key].empty()) return;
        std::cout << title << "\n";
        double top = 0;
        for (const auto& e : imp[key]) top = std::max(top, std::fabs(e.value(value, 0.0)));
        std::size_t shown = 0;
        for (const auto& e : imp[key]) {
            if (++shown > 10) break;
            double v = e.value(value, 0.0);
            int bar = top > 0 ? int(std::lround(20 * std::max(0.0, v) / top)) : 0;
            std::cout << "  " << std::left << std::setw(24)
                      << printable(e.value("feature", std::string())) << std::right << " "
                      << std::setw(10) << fixed(v) << "  " << std::string(std::size_t(bar), '#');
            if (e.contains("std")) std::cout << "  ± " << fixed(e["std"].get<double>());
            std::cout << "\n";
        }
        if (imp[key].size() > 10) std::cout << "  … " << imp[key].size() - 10 << " more\n";
    };
    print("permutation", "Importance (drop of " + metric + " when a column is shuffled, test rows):",
          "mean");
    print("gain", "Importance (total split gain):", "value");
}

void printCrossValidation(const json& doc) {
    if (!doc.contains("cv") || !doc["cv"].contains("rows")) return;
    const json& cv = doc["cv"];
    std::cout << "Cross-validation (" << cv["rows"].size() << " folds, "
              << cv.value("family", std::string()) << "):\n  fold";
    std::vector<std::string> keys;
    for (const auto& k : cv["metrics"]) keys.push_back(k.get<std::string>());
    for (const auto& k : keys) std::cout << std::setw(18) << k;
    std::cout << "\n";
    for (const auto& row : cv["rows"]) {
        std::cout << "  " << std::setw(4) << row["fold"].get<int>();
        for (const auto& k : keys)
            std::cout << std::setw(18) << fixed(row["metrics"].value(k, std::nan("")));
        std::cout << "\n";
    }
    std::cout << "  mean";
    for (const auto& k : keys)
        std::cout << std::setw(18)
                  << (fixed(cv["mean"].value(k, 0.0), 3) + " ± " + fixed(cv["std"].value(k, 0.0), 3));
    std::cout << "\n";
}

void printRun(const json& doc) {
    std::cout << "Run:      " << doc["id"].get<std::string>() << " ("
              << printable(doc["name"].get<std::string>()) << ")\n"
              << "Status:   " << doc["status"].get<std::string>() << "\n"
              << "Dataset:  " << printable(doc["dataset"].get<std::string>()) << "@"
              << int(doc["version"].get<double>()) << "\n"
              << "Host:     " << doc["host"].get<std::string>() << "\n"
              << "Device:   " << doc["device"].get<std::string>() << "\n"
              << "Created:  " << doc["created_at"].get<std::string>() << "\n";
    if (!doc["error"].get<std::string>().empty())
        std::cout << "Error:    " << printable(doc["error"].get<std::string>()) << "\n";
    std::cout << "Epochs:   " << (doc["epoch"].is_null() ? 0 : int(doc["epoch"].get<double>()))
              << "\nMetrics:\n";
    for (auto& [key, value] : doc["metrics"].items())
        std::cout << "  " << key << " = " << value.get<double>() << "\n";
    printModel(doc);
    printImportance(doc);
    printCrossValidation(doc);
    std::cout << "Artifacts:\n";
    for (auto& a : doc["artifacts"])
        std::cout << "  " << a["path"].get<std::string>() << " (" << a["kind"].get<std::string>()
                  << ", " << std::int64_t(a["bytes"].get<double>()) << " bytes)\n";
}

int runRunShow(const Arguments& args) {
    if (args.positionals[0] != "show")
        return reportUsageError("unknown subcommand 'run " + args.positionals[0] +
                                "' (try: kiln run show RUN)");
    auto workspace = openWorkspace(args, false);
    if (!workspace) return reportError(workspace.error());
    Workspace& ws = **workspace;
    if (auto r = reattachRuns(ws); !r) return reportError(r.error());
    auto id = resolveRunId(ws, args.positionals[1]);
    if (!id) return reportError(id.error());
    auto doc = runDocument(ws, *id);
    if (!doc) return reportError(doc.error());
    if (args.json)
        std::cout << doc->dump(2) << "\n";
    else
        printRun(*doc);
    return kExitOk;
}

std::string statusOf(Workspace& ws, const std::string& id) {
    auto status = RunStore(ws.catalog()).status(id);
    return status ? runStatusName(*status) : "unknown";
}

// Asks the worker on the run's host to stop, then follows the run to its end so the catalog
// holds the final status (or, when another Kiln follows it, waits for that one to record it).
Status cancelOnHost(Workspace& ws, const std::string& id, const std::string& hostName) {
    auto host = findHost(ws.catalog(), hostName);
    if (!host) return host.error();
    auto executor = SshExecutor::attach(ws, *host, id);
    if (!executor) return executor.error();
    if (auto st = (*executor)->cancel(); !st) return st;
    auto followed = (*executor)->follow({});
    if (followed) return {};
    if (followed.error().code != ErrorCode::Busy) return followed.error();
    for (int i = 0; i < 600; ++i) {  // another Kiln follows it: wait for it to record the end
        auto now = RunStore(ws.catalog()).status(id);
        if (!now || !isActive(*now)) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return {};
}

int runCancel(const Arguments& args) {
    auto workspace = openWorkspace(args, false);
    if (!workspace) return reportError(workspace.error());
    Workspace& ws = **workspace;
    auto id = resolveRunId(ws, args.positionals[0]);
    if (!id) return reportError(id.error());
    if (std::string host = runHost(ws, *id); host != "local") {
        auto status = RunStore(ws.catalog()).status(*id);
        if (!status) return reportError(status.error());
        if (!isActive(*status))
            return reportError(makeError(ErrorCode::InvalidArgument, "run " + *id + " is not running"));
        if (auto st = cancelOnHost(ws, *id, host); !st) return reportError(st.error());
        const std::string now = statusOf(ws, *id);
        if (args.json)
            std::cout << json{{"run_id", *id}, {"status", now}, {"host", host}}.dump() << "\n";
        else
            std::cout << "run " << *id << " " << now << " (on " << host << ")\n";
        return kExitOk;
    }
    auto run = RunStore(ws.catalog()).get(*id);
    if (!run) return reportError(run.error());
    if (run->status != RunStatus::Running || !isWorkerProcess(run->workerPid.value_or(0)))
        return reportError(makeError(ErrorCode::InvalidArgument, "run " + *id + " is not running"));
    auto worker = pid_t(*run->workerPid);
    ::kill(worker, SIGTERM);
    // The worker checkpoints and finishes; wait for it so the catalog shows the final status.
    for (int i = 0; i < 600 && isWorkerProcess(worker); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (isWorkerProcess(worker))
        return reportError(makeError(ErrorCode::Busy,
                                     "run " + *id + " was asked to stop but its worker (pid " +
                                         std::to_string(worker) + ") is still busy after 60 s",
                                     "it stops at its next batch; `kiln runs` shows when it has"));
    if (auto r = reattachRuns(ws); !r) return reportError(r.error());
    const std::string now = statusOf(ws, *id);
    if (args.json)
        std::cout << json{{"run_id", *id}, {"status", now}}.dump() << "\n";
    else
        std::cout << "run " << *id << " " << now << "\n";
    return kExitOk;
}

}  // namespace

Command makeRunsCommand() {
    Command c;
    c.name = "runs";
    c.summary = "list training runs with their status and test metric";
    c.usage =
        "kiln runs [--dataset DS[@VER]] [--status S] [--tag K=V] [--param K=V] [--where COND]\n"
        "          [--sort [best:]METRIC[:desc]] [--limit N] [--group-by PARAM]";
    c.description =
        "Lists runs, oldest first. Runs whose worker is gone are re-attached first: their\n"
        "events are recorded and, if they never finished, they are marked interrupted.";
    c.options = {{"dataset", "DS", "only runs on this dataset (or this version with @VER)"}};
    for (auto& option : runQueryOptions()) c.options.push_back(option);
    c.run = runRuns;
    return c;
}

Command makeRunCommand() {
    Command c;
    c.name = "run";
    c.summary = "show one run: status, params, metrics, environment, artifacts";
    c.usage = "kiln run show RUN";
    c.description = "RUN is a run id or a unique prefix of one.";
    c.minPositionals = 2;
    c.maxPositionals = 2;
    c.run = runRunShow;
    return c;
}

Command makeCancelCommand() {
    Command c;
    c.name = "cancel";
    c.summary = "stop a running run after a checkpoint (resumable)";
    c.usage = "kiln cancel RUN";
    c.description =
        "Sends SIGTERM to the run's worker (over SSH for a run on a host), which stops at its\n"
        "next batch, writes a checkpoint and finishes as cancelled; waits for that and prints\n"
        "the final status.";
    c.minPositionals = 1;
    c.maxPositionals = 1;
    c.run = runCancel;
    return c;
}

}  // namespace kiln::cli
