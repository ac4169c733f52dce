#include <catch2/catch.hpp>

#include "analysis_fixtures.h"
#include "core/analysis/run_query.h"

using namespace kiln;

namespace {

// Five runs: r1–r3 on iris@1 with lr 0.01/0.001, r4 on iris@2, r5 on wine; r3 failed.
void addRuns(test::RunsFixture& f) {
    f.addRun("r1", 11, "completed", "{}", {{"optimizer.lr", "0.01"}, {"model.hidden", "[128,64]"}},
             {{"val_loss", {0.9, 0.4, 0.6}}, {"val_accuracy", {0.5, 0.9, 0.8}}}, {{"sweep", "s1"}});
    f.addRun("r2", 11, "completed", "{}", {{"optimizer.lr", "0.001"}, {"model.hidden", "[64]"}},
             {{"val_loss", {0.8, 0.5}}, {"val_accuracy", {0.6, 0.85}}}, {{"sweep", "s1"}});
    f.addRun("r3", 11, "failed", "{}", {{"optimizer.lr", "1e-2"}}, {{"val_loss", {2.0}}});
    f.addRun("r4", 12, "completed", "{}", {{"optimizer.lr", "0.001"}},
             {{"val_loss", {0.3}}, {"val_accuracy", {0.95}}}, {{"note", "x"}});
    f.addRun("r5", 21, "completed", "{}", {{"optimizer.lr", "0.1"}}, {{"val_loss", {0.7}}});
}

std::vector<std::string> ids(const RunTable& t) {
    std::vector<std::string> out;
    for (auto& r : t.rows) out.push_back(r.id);
    return out;
}

RunTable run(test::RunsFixture& f, const RunQuery& q) {
    auto t = queryRuns(f.catalog(), q);
    REQUIRE(t);
    return *t;
}

}  // namespace

TEST_CASE("runs are filtered by dataset, version, status, tag and parameter", "[query]") {
    test::RunsFixture f;
    addRuns(f);
    RunQuery q;
    CHECK(ids(run(f, q)) == std::vector<std::string>{"r1", "r2", "r3", "r4", "r5"});
    q.filter.datasetId = 1;
    CHECK(ids(run(f, q)) == std::vector<std::string>{"r1", "r2", "r3", "r4"});
    q.filter.datasetVersion = 11;
    CHECK(ids(run(f, q)).size() == 3);
    q.filter.statuses = {"completed"};
    CHECK(ids(run(f, q)) == std::vector<std::string>{"r1", "r2"});
    RunQuery tagged;
    tagged.filter.tags = {{"sweep", std::string("s1")}};
    CHECK(ids(run(f, tagged)) == std::vector<std::string>{"r1", "r2"});
    tagged.filter.tags = {{"note", std::nullopt}};
    CHECK(ids(run(f, tagged)) == std::vector<std::string>{"r4"});
    RunQuery param;
    param.filter.params = {{"lr", "0.01"}};  // matches optimizer.lr, and 1e-2 as a number
    CHECK(ids(run(f, param)) == std::vector<std::string>{"r1", "r3"});
    param.filter.params = {{"model.hidden", "128,64"}};
    CHECK(ids(run(f, param)) == std::vector<std::string>{"r1"});
}

TEST_CASE("metric ranges filter on final or best values", "[query]") {
    test::RunsFixture f;
    addRuns(f);
    RunQuery q;
    q.filter.metrics = {parseMetricCondition("val_loss<0.55").value()};  // final values
    CHECK(ids(run(f, q)) == std::vector<std::string>{"r2", "r4"});
    q.filter.metrics = {parseMetricCondition("best:val_loss<=0.4").value()};  // r1's best is 0.4
    CHECK(ids(run(f, q)) == std::vector<std::string>{"r1", "r4"});
    q.filter.metrics = {parseMetricCondition("best:val_accuracy>=0.9").value()};  // max for accuracy
    CHECK(ids(run(f, q)) == std::vector<std::string>{"r1", "r4"});
}

TEST_CASE("runs sort by a metric, last or best, with missing values last", "[query]") {
    test::RunsFixture f;
    addRuns(f);
    RunQuery q;
    q.order = parseRunOrder("val_accuracy:desc").value();
    CHECK(ids(run(f, q)) == std::vector<std::string>{"r4", "r2", "r1", "r3", "r5"});
    q.order = parseRunOrder("best:val_accuracy:desc").value();
    CHECK(ids(run(f, q)) == std::vector<std::string>{"r4", "r1", "r2", "r3", "r5"});
    q.order = parseRunOrder("val_loss").value();
    q.limit = 2;
    auto t = run(f, q);
    CHECK(ids(t) == std::vector<std::string>{"r4", "r2"});
    CHECK(t.metricKeys == std::vector<std::string>{"val_accuracy", "val_loss"});
    CHECK(t.rows[1].finalMetrics.at("val_loss") == Approx(0.5));
    CHECK(t.rows[1].params.at("optimizer.lr") == "0.001");
}

TEST_CASE("runs group by a parameter", "[query]") {
    test::RunsFixture f;
    addRuns(f);
    RunQuery q;
    q.groupBy = "lr";
    q.withBest = true;
    auto t = run(f, q);
    REQUIRE(t.groups.size() == 4);  // "0.01", "0.001", "1e-2", "0.1": grouped as written
    CHECK(t.groups[0].value == "0.01");
    CHECK(t.groups[1].rows == std::vector<std::size_t>{1, 3});
    CHECK(t.rows[0].bestMetrics.at("val_loss") == Approx(0.4));
}

TEST_CASE("conditions and orders parse, and bad ones are refused", "[query]") {
    auto c = parseMetricCondition("best:val_rmse<=1.5e-1");
    REQUIRE(c);
    CHECK(c->key == "val_rmse");
    CHECK(c->reduce == MetricReduce::Best);
    CHECK(c->op == CompareOp::LessEqual);
    CHECK(c->value == Approx(0.15));
    CHECK(parseMetricCondition("acc!=1")->op == CompareOp::NotEqual);
    CHECK_FALSE(parseMetricCondition("acc>"));
    CHECK_FALSE(parseMetricCondition(">3"));
    CHECK_FALSE(parseMetricCondition("acc~3"));
    auto o = parseRunOrder("val_loss:asc");
    REQUIRE(o);
    CHECK_FALSE(o->descending);
    CHECK_FALSE(parseRunOrder("val_loss:up"));
    CHECK(lowerIsBetter("val_rmse"));
    CHECK_FALSE(lowerIsBetter("val_accuracy"));
}
