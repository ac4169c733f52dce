// kiln runs, kiln run show RUN, kiln cancel RUN.
#include <signal.h>
#include <unistd.h>

#include <chrono>
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
#include "core/train/run_recorder.h"

namespace kiln::cli {

namespace {

using nlohmann::json;

// Every row of `sql` as a JSON object of its named columns (all read as text or numbers).
Result<json> rows(Catalog& catalog, const std::string& sql, std::initializer_list<SqlValue> params,
                  const std::vector<std::string>& names) {
    auto st = catalog.prepare(sql);
    if (!st) return st.error();
    if (auto b = st->bind(params); !b) return b.error();
    json out = json::array();
    for (auto row = st->step();; row = st->step()) {
        if (!row) return row.error();
        if (!*row) break;
        json r;
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (st->columnIsNull(int(i)))
                r[names[i]] = nullptr;
            else if (names[i] == "value" || names[i] == "bytes" || names[i] == "step" ||
                     names[i] == "epoch" || names[i] == "version" || names[i] == "worker_pid")
                r[names[i]] = st->columnDouble(int(i));
            else
                r[names[i]] = st->columnText(int(i));
        }
        out.push_back(r);
    }
    return out;
}

const char* kRunColumns =
    "SELECT r.id, r.status, COALESCE(d.name, ''), COALESCE(v.version, 0), r.name, r.device, "
    "r.created_at, "
    "r.started_at, r.finished_at, r.error, r.worker_pid, r.host, "
    "(SELECT MAX(epoch) FROM metrics WHERE run_id = r.id AND key = 'train_loss'), "
    "(SELECT value FROM metrics WHERE run_id = r.id AND key IN ('test_accuracy', 'test_r2') LIMIT "
    "1) "
    "FROM runs r LEFT JOIN dataset_versions v ON v.id = r.dataset_version_id "
    "LEFT JOIN datasets d ON d.id = v.dataset_id ";
const std::vector<std::string> kRunNames = {
    "id",         "status",      "dataset", "version",    "name",  "device", "created_at",
    "started_at", "finished_at", "error",   "worker_pid", "host", "epoch", "value"};

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
    std::string sql = std::string(kRunColumns);
    std::int64_t versionFilter = -1;
    if (auto ds = args.value("dataset")) {
        auto version = DatasetCatalog(ws.catalog()).resolve(*ds);
        if (!version) return reportError(version.error());
        bool exact = ds->find('@') != std::string::npos;
        sql += exact ? "WHERE r.dataset_version_id = ? " : "WHERE v.dataset_id = ? ";
        versionFilter = exact ? version->id : version->datasetId;
    }
    sql += "ORDER BY r.created_at, r.id";
    auto list = versionFilter >= 0 ? rows(ws.catalog(), sql, {versionFilter}, kRunNames)
                                   : rows(ws.catalog(), sql, {}, kRunNames);
    if (!list) return reportError(list.error());
    if (args.json)
        std::cout << json{{"runs", *list}}.dump(2) << "\n";
    else
        printRuns(*list);
    return kExitOk;
}

Result<json> runDocument(Workspace& ws, const std::string& id) {
    auto run = rows(ws.catalog(), std::string(kRunColumns) + "WHERE r.id = ?", {id}, kRunNames);
    if (!run) return run.error();
    json doc = (*run)[0];
    doc.erase("value");
    auto spec = ws.catalog().queryValue("SELECT spec FROM runs WHERE id = ?", {id});
    auto env = ws.catalog().queryValue("SELECT environment FROM runs WHERE id = ?", {id});
    if (spec) doc["spec"] = json::parse(std::get<std::string>(*spec), nullptr, false);
    if (env) doc["environment"] = json::parse(std::get<std::string>(*env), nullptr, false);
    auto params = rows(ws.catalog(), "SELECT key, value FROM params WHERE run_id = ? ORDER BY key",
                       {id}, {"key", "text"});
    auto metrics =
        rows(ws.catalog(),
             "SELECT key, step, epoch, value FROM metrics WHERE run_id = ? ORDER BY key, step",
             {id}, {"key", "step", "epoch", "value"});
    auto artifacts =
        rows(ws.catalog(),
             "SELECT kind, path, sha256, bytes FROM artifacts WHERE run_id = ? ORDER BY path", {id},
             {"kind", "path", "sha256", "bytes"});
    if (!params || !metrics || !artifacts)
        return makeError(ErrorCode::Corrupt, "cannot read the run's records", id);
    doc["params"] = json::object();
    for (auto& p : *params) doc["params"][p["key"].get<std::string>()] = p["text"];
    doc["metrics"] = json::object();
    doc["history"] = json::object();
    for (auto& m : *metrics) {
        std::string key = m["key"];
        doc["metrics"][key] = m["value"];  // ordered by step: the last one stays
        doc["history"][key].push_back({m["epoch"], m["value"]});
    }
    doc["artifacts"] = *artifacts;
    return doc;
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
    auto status = ws.catalog().queryValue("SELECT status FROM runs WHERE id = ?", {id});
    return status ? std::get<std::string>(*status) : "unknown";
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
        std::string now = statusOf(ws, id);
        if (now != "running" && now != "queued") break;
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
        std::string now = statusOf(ws, *id);
        if (now != "running" && now != "queued")
            return reportError(makeError(ErrorCode::InvalidArgument, "run " + *id + " is not running"));
        if (auto st = cancelOnHost(ws, *id, host); !st) return reportError(st.error());
        now = statusOf(ws, *id);
        if (args.json)
            std::cout << json{{"run_id", *id}, {"status", now}, {"host", host}}.dump() << "\n";
        else
            std::cout << "run " << *id << " " << now << " (on " << host << ")\n";
        return kExitOk;
    }
    auto pid = ws.catalog().queryValue(
        "SELECT COALESCE(worker_pid, 0) FROM runs WHERE id = ? AND status = 'running'", {*id});
    if (!pid || !isWorkerProcess(std::get<std::int64_t>(*pid)))
        return reportError(makeError(ErrorCode::InvalidArgument, "run " + *id + " is not running"));
    auto worker = pid_t(std::get<std::int64_t>(*pid));
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
    auto status = ws.catalog().queryValue("SELECT status FROM runs WHERE id = ?", {*id});
    std::string now = status ? std::get<std::string>(*status) : "unknown";
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
