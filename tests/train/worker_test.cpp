#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/remote/local_executor.h"
#include "core/runs/run_recorder.h"
#include "metric_rows.h"
#include "train_fixtures.h"
#include "run_fixtures.h"

using namespace kiln;
using namespace kiln::test;
using nlohmann::json;

namespace {

std::string status(Workspace& ws, const std::string& id) {
    return std::get<std::string>(
        ws.catalog().queryValue("SELECT status FROM runs WHERE id = ?", {id}).value());
}

std::int64_t count(Workspace& ws, const std::string& sql, const std::string& id) {
    return std::get<std::int64_t>(ws.catalog().queryValue(sql, {id}).value());
}

std::string startRun(Imported& data, const RunSpec& spec) {
    auto id = createRun(*data.ws, spec, data.version.id);
    REQUIRE(id.ok());
    return *id;
}

Result<std::string> runToEnd(Imported& data, const std::string& id, bool resume,
                             const EventCallback& onEvent = {},
                             const std::atomic<bool>* cancel = nullptr) {
    return kiln::test::runToEnd(*data.ws, id, KILN_BINARY, resume, onEvent, cancel);
}

RunSpec longerSpec(Imported& data) {
    RunSpec spec = tabularSpec(data, "label");
    spec.epochs = 8;
    spec.earlyStopping = 0;
    spec.batchSize = 16;
    spec.model.dropout = 0.1;
    return spec;
}

}  // namespace

TEST_CASE("the worker speaks protocol 1 and the host records the run", "[worker]") {
    TempDir dir;
    auto data = importCsv(dir, "synthetic", 400);
    RunSpec spec = tabularSpec(data, "label");
    std::string id = startRun(data, spec);
    std::vector<std::string> kinds;
    auto result = runToEnd(data, id, false, [&](const WorkerEvent& e) {
        kinds.push_back(e.kind());
    });
    REQUIRE(result.ok());
    CHECK(*result == "completed");
    REQUIRE(kinds.size() > 4);
    CHECK(kinds.front() == "hello");
    CHECK(kinds[1] == "started");
    CHECK(kinds.back() == "finished");
    Workspace& ws = *data.ws;
    CHECK(status(ws, id) == "completed");
    CHECK(count(ws, "SELECT COUNT(*) FROM metrics WHERE run_id = ? AND key = 'val_loss'", id) == 4);
    CHECK(count(ws, "SELECT COUNT(*) FROM params WHERE run_id = ? AND key = 'optimizer.lr'", id) ==
          1);
    CHECK(count(ws,
                "SELECT COUNT(*) FROM artifacts WHERE run_id = ? AND path = 'model.pt' AND "
                "length(sha256) = 64",
                id) == 1);
    CHECK(count(ws,
                "SELECT COUNT(*) FROM artifacts WHERE run_id = ? AND path IN ('spec.json', "
                "'recipe.json', 'split.json', 'report.json')",
                id) == 4);
    CHECK(count(ws,
                "SELECT COUNT(*) FROM runs WHERE id = ? AND environment LIKE '%libtorch%' AND "
                "started_at IS NOT NULL "
                "AND finished_at IS NOT NULL AND worker_pid > 0",
                id) == 1);
    // Re-reading the whole event log adds nothing twice.
    auto before = metricRows(ws, id);
    RunRecorder again(ws.catalog(), id);
    std::uint64_t offset = 0;
    REQUIRE(again.ingestFile(ws.runsDir() / id / "events.jsonl", offset).ok());
    CHECK(offset > 0);
    CHECK(metricRows(ws, id) == before);
}

TEST_CASE("resume after cancel equals an uninterrupted run", "[worker][resume]") {
    TempDir dir;
    auto data = importCsv(dir, "synthetic", 3000);
    RunSpec spec = longerSpec(data);
    std::string straight = startRun(data, spec);
    REQUIRE(runToEnd(data, straight, false).ok());
    REQUIRE(status(*data.ws, straight) == "completed");

    std::string stopped = startRun(data, spec);
    std::atomic<bool> cancel{false};
    auto first = runToEnd(
        data, stopped, false,
        [&](const WorkerEvent& e) {
            if (e.is<event::Metric>() && e.as<event::Metric>()->epoch == 2) cancel = true;
        },
        &cancel);
    REQUIRE(first.ok());
    REQUIRE(*first == "cancelled");
    CHECK(count(*data.ws, "SELECT COUNT(*) FROM metrics WHERE run_id = ? AND key = 'val_loss'",
                stopped) < 8);
    auto second = runToEnd(data, stopped, true);
    REQUIRE(second.ok());
    CHECK(*second == "completed");
    CHECK(metricRows(*data.ws, stopped) == metricRows(*data.ws, straight));
}

TEST_CASE("a killed worker leaves an interrupted run with its metrics kept", "[worker][reattach]") {
    TempDir dir;
    auto data = importCsv(dir, "synthetic", 3000);
    RunSpec spec = longerSpec(data);
    spec.epochs = 50;
    std::string id = startRun(data, spec);
    auto ex = LocalExecutor::start(data.ws->root(), id, false, KILN_BINARY);
    REQUIRE(ex.ok());
    RunRecorder recorder(data.ws->catalog(), id);
    int epochs = 0;
    while (epochs < 2) {
        auto line = (*ex)->nextLine(10000);
        REQUIRE(line);
        REQUIRE(recorder.ingest(*line).ok());
        auto e = json::parse(*line);
        if (e["event"] == "metric" && e["key"] == "train_loss") ++epochs;
    }
    ::kill((*ex)->pid(), SIGKILL);
    CHECK((*ex)->wait() == 128 + SIGKILL);
    REQUIRE(status(*data.ws, id) == "running");
    auto interrupted = reattachRuns(*data.ws);
    REQUIRE(interrupted.ok());
    CHECK(*interrupted == std::vector<std::string>{id});
    CHECK(status(*data.ws, id) == "interrupted");
    CHECK(count(*data.ws, "SELECT COUNT(*) FROM metrics WHERE run_id = ? AND key = 'train_loss'",
                id) >= 2);
}

TEST_CASE("a worker outlives its host and its events are recorded later", "[worker][reattach]") {
    TempDir dir;
    auto data = importCsv(dir, "synthetic", 600);
    RunSpec spec = tabularSpec(data, "label");
    spec.epochs = 6;
    std::string id = startRun(data, spec);
    pid_t pid;
    {
        auto ex = LocalExecutor::start(data.ws->root(), id, false, KILN_BINARY);
        REQUIRE(ex.ok());
        pid = (*ex)->pid();
        RunRecorder recorder(data.ws->catalog(), id);
        for (int i = 0; i < 2; ++i) {  // hello, started
            auto line = (*ex)->nextLine(10000);
            REQUIRE(line);
            REQUIRE(recorder.ingest(*line).ok());
        }
    }  // the host goes away: its ends of the pipes close
    int wstatus = 0;
    REQUIRE(::waitpid(pid, &wstatus, 0) == pid);
    CHECK(WIFEXITED(wstatus));
    CHECK(WEXITSTATUS(wstatus) == 0);
    REQUIRE(reattachRuns(*data.ws).ok());
    CHECK(status(*data.ws, id) == "completed");
    CHECK(count(*data.ws, "SELECT COUNT(*) FROM metrics WHERE run_id = ? AND key = 'val_loss'",
                id) == 6);
}
