// The traffic log: what kiln serve writes feeds kiln monitor --traffic, which finds a shift in
// the live inputs and predictions; the log rotates within its limit.
#include <httplib.h>

#include "core/jobs/job_context.h"
#include "core/serve/model_server.h"
#include "core/serve/traffic_log.h"
#include "core/serve/traffic_monitor.h"
#include "serve_support.h"

using namespace kiln;
using namespace kiln::test;
using nlohmann::json;

namespace {

// Sends the CSV's rows [0, 240) in 8-row requests, x1 moved by `shift`, then stops the server
// (which writes the log out).
void sendTraffic(ServingWorkspace& w, double shift) {
    ServeOptions o;
    o.port = 0;
    auto server = ModelServer::start({w.data.ws->root(), "tab", {}}, o);
    REQUIRE(server.ok());
    httplib::Client client("127.0.0.1", (*server)->port());
    for (std::size_t first = 0; first < 240; first += 8) {
        json rows = csvRows(w.csv, first, 8);
        for (auto& r : rows)
            if (r["x1"].is_number()) r["x1"] = r["x1"].get<double>() + shift;
        auto res = client.Post("/v1/predict", json({{"rows", rows}}).dump(), "application/json");
        REQUIRE(res);
        REQUIRE(res->status == 200);
    }
    (*server)->stop();
}

const ColumnDrift& driftOf(const TrafficReport& r, const std::string& column) {
    for (const auto& c : r.inputs.columns)
        if (c.column == column) return c;
    FAIL("no drift for " << column);
    throw;
}

}  // namespace

TEST_CASE("serve: kiln monitor --traffic finds shifted live data and leaves unshifted data stable", "[serve]") {
    ServingWorkspace w(600);
    w.registerVersion("run-traffic", 6);
    NullJobContext job;
    SECTION("shifted") {
        sendTraffic(w, 3.0);
        auto report = monitorTraffic(*w.data.ws, "tab", job);
        INFO((report.ok() ? report->toJson(2) : report.error().toString()));
        REQUIRE(report.ok());
        REQUIRE(report->rows == 240);
        REQUIRE(report->requests == 30);
        REQUIRE(report->versions == std::vector<std::string>{"tab@1"});
        REQUIRE(driftOf(*report, "x1").level == "major");
        REQUIRE(driftOf(*report, "x2").level != "major");
        REQUIRE(driftOf(*report, "colour").level != "major");
        REQUIRE(report->predictions);
        REQUIRE(report->predictions->level == "major");  // far more 'yes' than on the test rows
        REQUIRE(report->testRows > 0);
    }
    SECTION("unshifted") {
        sendTraffic(w, 0.0);
        auto report = monitorTraffic(*w.data.ws, "tab", job);
        INFO((report.ok() ? report->toJson(2) : report.error().toString()));
        REQUIRE(report.ok());
        REQUIRE(driftOf(*report, "x1").level != "major");
        REQUIRE(driftOf(*report, "x2").level != "major");
        REQUIRE(report->predictions);
        REQUIRE(report->predictions->level != "major");
    }
    SECTION("no traffic yet") {
        auto report = monitorTraffic(*w.data.ws, "tab", job);
        REQUIRE_FALSE(report.ok());
        REQUIRE(report.error().code == ErrorCode::NotFound);
    }
}

TEST_CASE("serve: the traffic log rotates within its limit and skips above its rate", "[serve]") {
    TempDir dir;
    TrafficLog::Options o;
    o.maxBytes = 40000;
    o.rowsPerSecond = 1000000;
    {
        auto log = TrafficLog::open(dir / "traffic", o);
        REQUIRE(log.ok());
        for (int i = 0; i < 2000; ++i) REQUIRE((*log)->append({{"i", i}, {"pad", std::string(80, 'x')}}, 1));
        (*log)->flush();
    }
    auto files = trafficFiles(dir / "traffic");
    REQUIRE(files.size() >= 4);
    std::uintmax_t total = 0;
    for (const auto& f : files) total += std::filesystem::file_size(f);
    REQUIRE(total <= o.maxBytes + o.maxBytes / 4);
    auto lines = readTraffic(dir / "traffic");
    REQUIRE(lines.ok());
    REQUIRE(lines->back()["i"] == 1999);  // the newest kept, the oldest gone
    REQUIRE(lines->front()["i"].get<int>() > 0);

    o.rowsPerSecond = 100;
    auto limited = TrafficLog::open(dir / "limited", o);
    REQUIRE(limited.ok());
    REQUIRE((*limited)->append({{"rows", 60}}, 60));
    REQUIRE_FALSE((*limited)->append({{"rows", 60}}, 60));  // past 100 rows this second
}
