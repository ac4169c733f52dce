// Saved monitor reports: written to monitor_reports and read back over time for a chart.
#include <catch2/catch.hpp>

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/monitor/monitor_store.h"
#include "core/store/catalog.h"
#include "monitor_support.h"

using namespace kiln;
using namespace kiln::test;

namespace {

MonitorReport reportOf(MonitorWorkspace& w, const DatasetVersion& a, const DatasetVersion& b) {
    NullJobContext job;
    auto r = monitorTables(*w.table(a), *w.table(b), MonitorOptions{}, job);
    REQUIRE(r.ok());
    r->model = "wine";
    r->modelVersion = 2;
    r->reference = a.dataset + "@" + std::to_string(a.version);
    r->referenceVersionId = a.id;
    r->current = b.dataset + "@" + std::to_string(b.version);
    r->currentHash = b.contentHash;
    return *r;
}

RowMaker numbers(double shift) {
    return [shift](int, std::mt19937& rng) {
        std::normal_distribution<double> normal(0, 1);
        return std::to_string(normal(rng) + shift) + "," + std::to_string(normal(rng));
    };
}

}  // namespace

TEST_CASE("monitor: reports are saved and listed over time with each column's effect",
          "[monitor]") {
    MonitorWorkspace w;
    auto reference = w.import("train", "x,y", 500, 1, numbers(0));
    auto week1 = w.import("week1", "x,y", 500, 2, numbers(0));
    auto week2 = w.import("week2", "x,y", 500, 3, numbers(1));
    Catalog& catalog = w.ws->catalog();

    MonitorReport first = reportOf(w, reference, week1), second = reportOf(w, reference, week2);
    second.prediction = second.columns[0];
    second.prediction->column = "prediction";
    auto id1 = saveMonitorReport(catalog, first);
    auto id2 = saveMonitorReport(catalog, second);
    REQUIRE(id1.ok());
    REQUIRE(id2.ok());
    REQUIRE(*id2 > *id1);

    auto listed = listMonitorReports(catalog, "wine");
    REQUIRE(listed.ok());
    REQUIRE(listed->size() == 2);
    const MonitorHistoryEntry& a = (*listed)[0];
    const MonitorHistoryEntry& b = (*listed)[1];
    REQUIRE(a.id == *id1);
    REQUIRE(a.createdAt <= b.createdAt);
    REQUIRE(a.modelVersion == 2);
    REQUIRE(a.reference == "train@1");
    REQUIRE(a.current == "week1@1");
    REQUIRE_FALSE(a.pipelineRunId);
    REQUIRE(a.columnsCompared == 2);
    REQUIRE(a.driftedShare == 0);
    REQUIRE_FALSE(a.prediction);
    REQUIRE(b.columnsDrifted == 1);
    REQUIRE(b.driftedShare == Approx(0.5));
    REQUIRE(b.columns.size() == 2);
    REQUIRE(b.columns[0].column == "x");
    REQUIRE(b.columns[0].drifted);
    REQUIRE(b.columns[0].test == "ks");
    REQUIRE(b.columns[0].effect == Approx(second.columns[0].test.effect));
    REQUIRE(b.prediction);
    REQUIRE(b.prediction->column == "prediction");

    SECTION("the row holds the figures a query needs without parsing the report") {
        auto share =
            catalog.queryValue("SELECT drifted_share FROM monitor_reports WHERE id = ?", {*id2});
        REQUIRE(share.ok());
        REQUIRE(std::get<double>(*share) == Approx(0.5));
        auto ref = catalog.queryValue(
            "SELECT reference_version_id FROM monitor_reports WHERE id = ?", {*id2});
        REQUIRE(std::get<std::int64_t>(*ref) == reference.id);
    }
    SECTION("the stored report is the whole report") {
        auto stored = loadMonitorReport(catalog, *id1);
        REQUIRE(stored.ok());
        REQUIRE(*stored == first.toJson());
        REQUIRE(loadMonitorReport(catalog, 999).error().code == ErrorCode::NotFound);
    }
    SECTION("a version filter and another model") {
        REQUIRE(listMonitorReports(catalog, "wine", 2)->size() == 2);
        REQUIRE(listMonitorReports(catalog, "wine", 3)->empty());
        REQUIRE(listMonitorReports(catalog, "beer")->empty());
    }
    SECTION("a history entry as JSON") {
        auto doc = nlohmann::json::parse(historyEntryJson(b));
        REQUIRE(doc["drifted_share"] == 0.5);
        REQUIRE(doc["columns"][0]["column"] == "x");
        REQUIRE(doc["pipeline_run_id"].is_null());
        REQUIRE(doc["prediction"]["column"] == "prediction");
    }
    SECTION("a report for no model is refused") {
        MonitorReport none = first;
        none.model.clear();
        auto refused = saveMonitorReport(catalog, none);
        REQUIRE_FALSE(refused.ok());
        REQUIRE(refused.error().code == ErrorCode::InvalidArgument);
    }
    SECTION("a stored report that is not JSON is named, not skipped") {
        REQUIRE(
            catalog.execute("UPDATE monitor_reports SET report = 'garbage' WHERE id = ?", {*id1})
                .ok());
        auto broken = listMonitorReports(catalog, "wine");
        REQUIRE_FALSE(broken.ok());
        REQUIRE(broken.error().code == ErrorCode::Corrupt);
        REQUIRE(broken.error().context == "monitor_reports row " + std::to_string(*id1));
    }
}
