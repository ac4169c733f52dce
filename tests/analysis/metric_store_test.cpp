#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <ctime>

#include "analysis_fixtures.h"
#include "core/analysis/metric_store.h"

using namespace kiln;

TEST_CASE("metric curves are read by run and key, on each axis, in step order", "[metrics]") {
    test::RunsFixture f;
    f.addRun("a", 11, "completed", "{}", {}, {{"val_loss", {0.9, 0.5, 0.7, 0.3}}, {"acc", {0.1, 0.2, 0.3, 0.4}}});
    f.addRun("b", 11, "completed", "{}", {}, {{"val_loss", {1.0, 0.8}}});
    MetricStore store(f.catalog());
    SeriesRequest request;
    request.runIds = {"a", "b", "nosuch"};
    request.keys = {"val_loss"};
    auto series = store.read(request);
    REQUIRE(series);
    REQUIRE(series->size() == 2);  // a run without the key gives no series
    CHECK((*series)[0].runId == "a");
    REQUIRE((*series)[0].points.size() == 4);
    CHECK((*series)[0].points[2].x == 3);
    CHECK((*series)[0].points[2].y == Approx(0.7));
    request.axis = MetricAxis::WallTime;
    request.xMin = 1;
    series = store.read(request);
    REQUIRE(series);
    CHECK((*series)[0].points.front().x == 1);  // seconds after the first point
    CHECK((*series)[0].points.size() == 3);
    request.axis = MetricAxis::Step;
    request.xMin = 2, request.xMax = 3;
    series = store.read(request);
    REQUIRE(series);
    CHECK((*series)[0].points.size() == 2);
    CHECK((*series)[1].points.size() == 1);
}

TEST_CASE("long curves are thinned to the plot's width with their spikes", "[metrics]") {
    test::RunsFixture f;
    f.addRun("s", 11, "completed", "{}", {}, {});
    MetricWriter writer(f.catalog(), 1000);
    for (int i = 0; i < 50000; ++i)
        REQUIRE(writer.add({"s", "loss", i, i / 1000, i == 12345 ? 100.0 : std::sin(i * 0.01), 0}));
    REQUIRE(writer.flush());
    CHECK(writer.written() == 50000);
    SeriesRequest request{{"s"}, {"loss"}, MetricAxis::Step, 500};
    auto series = MetricStore(f.catalog()).read(request);
    REQUIRE(series);
    REQUIRE(series->size() == 1);
    CHECK((*series)[0].storedPoints == 50000);
    CHECK((*series)[0].points.size() <= 1000);
    bool spike = false;
    for (auto& p : (*series)[0].points) spike |= p.x == 12345 && p.y == 100.0;
    CHECK(spike);
}

TEST_CASE("metric keys of runs come from the index", "[metrics]") {
    test::RunsFixture f;
    f.addRun("a", 11, "completed", "{}", {}, {{"val_loss", {1}}, {"acc", {1}}, {"train_loss", {1, 2}}});
    f.addRun("b", 11, "completed", "{}", {}, {{"zeta", {1}}, {"acc", {1}}});
    auto keys = MetricStore(f.catalog()).keys({"a", "b"});
    REQUIRE(keys);
    CHECK(*keys == std::vector<std::string>{"acc", "train_loss", "val_loss", "zeta"});
}

TEST_CASE("the batch writer ignores repeats", "[metrics]") {
    test::RunsFixture f;
    f.addRun("w", 11, "running", "{}", {}, {});
    MetricWriter writer(f.catalog(), 500);
    REQUIRE(writer.add({"w", "loss", 1, 1, 0.5, 0}));
    REQUIRE(writer.add({"w", "loss", 1, 1, 0.9, 0}));  // the same step again: kept as first
    REQUIRE(writer.flush());
    auto v = f.catalog().queryValue("SELECT value FROM metrics WHERE run_id = 'w' AND key = 'loss'");
    REQUIRE(v);
    CHECK(std::get<double>(*v) == 0.5);
}

// A timing bound, so in the slow suite (make test-slow), not in make test: a sanitizer build
// or a busy machine would fail it without anything being wrong.
TEST_CASE("the batch writer records 10,000 points a second cheaply", "[metrics][perf][slow]") {
    test::RunsFixture f;
    f.addRun("w", 11, "running", "{}", {}, {});
    MetricWriter writer(f.catalog(), 500);
    // 10,000 points in batches of 500 (as a worker's host would flush about every 50 ms).
    std::clock_t c0 = std::clock();
    for (int i = 0; i < 10000; ++i)
        REQUIRE(writer.add({"w", i % 2 ? "a" : "b", 10 + i, i / 100, double(i), double(i)}));
    REQUIRE(writer.flush());
    double cpu = double(std::clock() - c0) / CLOCKS_PER_SEC;
    WARN("CPU seconds for 10,000 points: " << cpu);
    CHECK(cpu < 0.05);  // under 5% of a core at 10,000 points per second
}

TEST_CASE("each series' last point is kept in metric_last, a repeated step as first written",
          "[metrics]") {
    test::RunsFixture f;
    f.addRun("w", 11, "running", "{}", {}, {});
    MetricWriter writer(f.catalog(), 3);
    for (MetricPoint p : std::vector<MetricPoint>{{"w", "loss", 5, 1, 0.5, 0},
                                                 {"w", "loss", 7, 2, 0.4, 0},
                                                 {"w", "loss", 6, 2, 0.45, 0},  // late, older step
                                                 {"w", "acc", 7, 2, 0.8, 0},
                                                 {"w", "loss", 7, 2, 0.1, 0}})  // a repeat
        REQUIRE(writer.add(p));
    REQUIRE(writer.flush());
    auto last = [&](const std::string& key, const char* column) {
        return f.catalog().queryValue(std::string("SELECT ") + column +
                                          " FROM metric_last WHERE run_id = 'w' AND key = ?",
                                      {key});
    };
    CHECK(std::get<double>(last("loss", "value").value()) == 0.4);
    CHECK(std::get<std::int64_t>(last("loss", "step").value()) == 7);
    CHECK(std::get<std::int64_t>(last("loss", "epoch").value()) == 2);
    CHECK(std::get<double>(last("acc", "value").value()) == 0.8);
}

TEST_CASE("metric axes are named", "[metrics]") {
    CHECK(parseMetricAxis("epoch").value() == MetricAxis::Epoch);
    CHECK(parseMetricAxis("time").value() == MetricAxis::WallTime);
    CHECK_FALSE(parseMetricAxis("pixels"));
}
