#include <catch2/catch.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>

#include "analysis_fixtures.h"
#include "core/remote/worker_event.h"
#include "core/runs/run_recorder.h"
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

namespace {

// Every bucket of the pyramid that holds a point, in key order, as text (to compare two
// catalogs' pyramids).
std::vector<std::string> summaryRows(Catalog& c) {
    auto st = c.prepare("SELECT run_id, key, level, page, buckets FROM metric_summary_pages "
                        "ORDER BY run_id, key, level, page");
    REQUIRE(st);
    std::vector<std::string> rows;
    auto text = [](const SummaryPoint& p) {
        return std::to_string(p.step) + " " + std::to_string(p.epoch) + " " + std::to_string(p.wallTime) + " " +
               std::to_string(p.value);
    };
    while (st->step().value()) {
        SummaryPage page;
        const std::string_view bytes = st->columnBlob(4);
        REQUIRE(decodeSummaryPage(bytes.data(), bytes.size(), page));
        for (int slot = 0; slot < kBucketsPerPage; ++slot) {
            const SummaryBucket& b = page[std::size_t(slot)];
            if (b.points == 0) continue;
            rows.push_back(st->columnText(0) + " " + st->columnText(1) + " " + st->columnText(2) + " " +
                           std::to_string(st->columnInt(3) * kBucketsPerPage + slot) + " " +
                           std::to_string(b.points) + " " + text(b.min) + " " + text(b.max));
        }
    }
    return rows;
}

double curve(int i) { return i == 77777 ? 50.0 : i == 150001 ? -50.0 : std::cos(i * 0.001) + 0.001 * (i % 7); }

}  // namespace

TEST_CASE("long curves are drawn from the summary pyramid with what reading every point draws",
          "[metrics]") {
    test::RunsFixture f;
    f.addRun("p", 11, "completed", "{}", {}, {});
    MetricWriter writer(f.catalog(), 4096);
    for (int i = 0; i < 200000; ++i) REQUIRE(writer.add({"p", "loss", i, i / 1000, curve(i), 5000.0 + i * 0.5}));
    REQUIRE(writer.flush());

    SeriesRequest request{{"p"}, {"loss"}, MetricAxis::Step, 800};
    auto pyramid = MetricStore(f.catalog()).read(request);
    REQUIRE(pyramid);
    REQUIRE(pyramid->size() == 1);
    const auto& drawn = (*pyramid)[0].points;
    CHECK((*pyramid)[0].storedPoints == 200000);
    CHECK(drawn.size() <= 1600);
    CHECK(drawn.size() > 1000);
    CHECK(drawn.front().x == 0);
    CHECK(drawn.back().x == 199999);
    auto has = [&](const std::vector<SeriesPoint>& points, double x, double y) {
        return std::any_of(points.begin(), points.end(), [&](const SeriesPoint& p) { return p.x == x && p.y == y; });
    };
    CHECK(has(drawn, 77777, 50.0));    // the spike up
    CHECK(has(drawn, 150001, -50.0));  // and the one down
    for (std::size_t i = 1; i < drawn.size(); ++i) REQUIRE(drawn[i].x > drawn[i - 1].x);
    for (const auto& p : drawn) REQUIRE(p.y == curve(int(p.x)));  // real points only

    // Zoomed on steps: only the range, its ends included.
    request.xMin = 50000, request.xMax = 149999;
    auto zoomed = MetricStore(f.catalog()).read(request);
    REQUIRE(zoomed);
    const auto& z = (*zoomed)[0].points;
    CHECK(z.front().x == 50000);
    CHECK(z.back().x == 149999);
    CHECK(has(z, 77777, 50.0));
    CHECK_FALSE(has(z, 150001, -50.0));
    for (const auto& p : z) REQUIRE((p.x >= 50000 && p.x <= 149999));
    CHECK((*zoomed)[0].storedPoints >= 100000);
    CHECK((*zoomed)[0].storedPoints <= 100000 + 2 * 256);  // the two edge buckets at most

    // Epochs and seconds, unzoomed, from the same buckets.
    request.xMin.reset(), request.xMax.reset();
    request.axis = MetricAxis::Epoch;
    auto epochs = MetricStore(f.catalog()).read(request);
    REQUIRE(epochs);
    CHECK(has((*epochs)[0].points, 77, 50.0));
    request.axis = MetricAxis::WallTime;
    auto seconds = MetricStore(f.catalog()).read(request);
    REQUIRE(seconds);
    CHECK((*seconds)[0].points.front().x == 0);
    CHECK(has((*seconds)[0].points, 77777 * 0.5, 50.0));

    // Without the pyramid the same request reads every point, and draws the same extremes.
    REQUIRE(f.catalog().execute("DELETE FROM metric_summary_pages"));
    request.axis = MetricAxis::Step;
    auto raw = MetricStore(f.catalog()).read(request);
    REQUIRE(raw);
    CHECK((*raw)[0].storedPoints == 200000);
    CHECK(has((*raw)[0].points, 77777, 50.0));
    CHECK(has((*raw)[0].points, 150001, -50.0));
}

TEST_CASE("the pyramid is the same whether points come in batches, one event at a time or by migration",
          "[metrics]") {
    auto points = [](int i) { return MetricPoint{"r", i % 3 ? "loss" : "acc", i, i / 100, curve(i * 37), 100.0 + i}; };
    test::RunsFixture batched;
    batched.addRun("r", 11, "completed", "{}", {}, {});
    {
        MetricWriter writer(batched.catalog(), 777);
        for (int i = 0; i < 30000; ++i) REQUIRE(writer.add(points(i)));
        REQUIRE(writer.add({"r", "loss", 4, 0, 999.0, 1.0}));  // a repeated step keeps the first value
    }
    test::RunsFixture recorded;
    recorded.addRun("r", 11, "completed", "{}", {}, {});
    RunRecorder recorder(recorded.catalog(), "r");
    for (int i = 0; i < 30000; ++i) {
        auto p = points(i);
        event::Metric m{p.key, p.value, p.step, int(p.epoch), p.wallTime};
        WorkerEvent e;
        e.time = p.wallTime;
        e.body = m;
        REQUIRE(recorder.ingest(e));
    }
    REQUIRE(recorder.ingest(R"({"event":"metric","key":"loss","value":999,"step":4,"epoch":0,"time":1})"));
    const auto rows = summaryRows(batched.catalog());
    CHECK(rows.size() > 30000 / 64);
    CHECK(rows == summaryRows(recorded.catalog()));

    // Migration 4 builds it from the stored metrics, a row per bucket, and migration 5 gathers
    // the rows into pages.
    REQUIRE(recorded.catalog().execute("DROP TABLE metric_summary_pages; ALTER TABLE datasets DROP COLUMN source_spec; "
                           "DROP TABLE monitor_reports; DROP TABLE pipeline_schedules; DROP TABLE pipeline_steps; DROP TABLE pipeline_runs; DROP TABLE pipelines;"
                                       "DELETE FROM schema_version WHERE version > 3"));
    auto migrated = Catalog::open(recorded.catalog().file());
    REQUIRE(migrated);
    CHECK((*migrated)->schemaVersion() == Catalog::latestSchemaVersion());
    CHECK(summaryRows(**migrated) == rows);
}

TEST_CASE("a damaged summary page is refused with what it is, not read", "[metrics]") {
    test::RunsFixture f;
    f.addRun("d", 11, "completed", "{}", {}, {});
    MetricWriter writer(f.catalog(), 4096);
    for (int i = 0; i < 100000; ++i) REQUIRE(writer.add({"d", "loss", i, i / 1000, std::cos(i * 0.01), 1.0 + i}));
    REQUIRE(writer.flush());
    REQUIRE(f.catalog().execute("UPDATE metric_summary_pages SET buckets = x'00'"));
    auto read = MetricStore(f.catalog()).read({{"d"}, {"loss"}, MetricAxis::Step, 800});
    REQUIRE_FALSE(read);
    CHECK(read.error().code == ErrorCode::Corrupt);
    CHECK(read.error().message.find("summary page of run d is damaged") != std::string::npos);
    // A writer meeting it says the same, and stores nothing of the batch.
    REQUIRE(writer.add({"d", "loss", 100000, 100, 0.5, 2.0}));
    auto flushed = writer.flush();
    REQUIRE_FALSE(flushed);
    CHECK(flushed.error().code == ErrorCode::Corrupt);
}

TEST_CASE("a compare of many series read on several connections is the one read on one", "[metrics]") {
    test::RunsFixture f;
    std::vector<std::string> ids;
    MetricWriter writer(f.catalog(), 4096);
    for (int r = 0; r < 24; ++r) {
        ids.push_back("r" + std::to_string(r));
        f.addRun(ids.back(), 11, "completed", "{}", {}, {});
        // Long curves (read from the pyramid) and short ones (read point by point), a spike each.
        const int steps = r % 3 ? 20000 : 300;
        for (const char* key : {"loss", "acc"})
            for (int s = 0; s < steps; ++s)
                REQUIRE(writer.add({ids.back(), key, s, s / 100, s == 777 + r ? 9.0 + r : std::cos(s * 0.003 + r), 1e9 + s}));
    }
    REQUIRE(writer.flush());
    SeriesRequest request{ids, {"acc", "loss", "none"}, MetricAxis::Step, 400};
    auto side = MetricStore(f.catalog()).read(request);  // 48 series: read side by side
    REQUIRE(f.catalog().begin());  // an open transaction keeps the read on this connection
    auto alone = MetricStore(f.catalog()).read(request);
    f.catalog().rollback();
    REQUIRE(side);
    REQUIRE(alone);
    REQUIRE(side->size() == 48);
    REQUIRE(alone->size() == 48);
    for (std::size_t i = 0; i < side->size(); ++i) {
        const auto& a = (*side)[i];
        const auto& b = (*alone)[i];
        CHECK(a.runId == ids[i / 2]);
        CHECK(a.key == (i % 2 ? "loss" : "acc"));
        CHECK(a.runId == b.runId);
        CHECK(a.key == b.key);
        CHECK(a.storedPoints == b.storedPoints);
        REQUIRE(a.points.size() == b.points.size());
        for (std::size_t k = 0; k < a.points.size(); ++k) {
            REQUIRE(a.points[k].x == b.points[k].x);
            REQUIRE(a.points[k].y == b.points[k].y);
        }
    }
}
