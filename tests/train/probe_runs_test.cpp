// Issue 11 (items 2, 4, 8, 9, 18): training on infinite values, the metrics on NaN scores, a
// worker killed under its host, a resumed sweep's definition, run ids and names.
#include <catch2/catch.hpp>

#include <signal.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>

#include "core/base/names.h"
#include "core/features/feature_recipe.h"
#include "core/remote/local_executor.h"
#include "core/sweep/sweep_spec.h"
#include "core/train/metrics.h"
#include "core/runs/run_recorder.h"
#include "metric_rows.h"
#include "train_fixtures.h"
#include "run_fixtures.h"

using namespace kiln;
using namespace kiln::test;
using nlohmann::json;

namespace {

const double kInf = std::numeric_limits<double>::infinity();
const double kNaN = std::numeric_limits<double>::quiet_NaN();

Imported importText(const TempDir& dir, const std::string& name, const std::string& text) {
    auto ws = Workspace::open(dir / "ws");
    REQUIRE(ws.ok());
    auto file = dir / (name + ".csv");
    std::ofstream(file) << text;
    NullJobContext job;
    REQUIRE(importCsvDataset(**ws, file, name, ImportOptions{}, job).ok());
    auto version = DatasetCatalog((*ws)->catalog()).resolve(name);
    REQUIRE(version.ok());
    return {std::move(*ws), *version};
}


std::string status(Workspace& ws, const std::string& id) {
    return std::get<std::string>(
        ws.catalog().queryValue("SELECT status FROM runs WHERE id = ?", {id}).value());
}

}  // namespace

TEST_CASE("ROC AUC and the curves terminate on NaN and infinite scores", "[probe][metrics]") {
    std::vector<char> positive = {1, 0, 1, 0};
    CHECK(rocAuc({kNaN, kNaN, kNaN, kNaN}, positive) == Approx(0.5));
    CHECK(rocAuc({0.9, kNaN, 0.8, 0.1}, positive) == Approx(1.0));  // NaN ranks lowest
    CHECK(rocAuc({kInf, -kInf, kInf, 0.0}, positive) == Approx(1.0));
    std::vector<float> probs = {float(kNaN), float(kNaN), 0.2f, 0.8f,
                                float(kNaN), float(kNaN), 0.7f, 0.3f};
    auto report = classificationReport(probs, {1, 0, 1, 0}, {"a", "b"});
    CHECK(report["rows"] == 4);
    CHECK(report["curves"].size() == 1);
    auto regression = regressionReport({1.0, kNaN, kInf, 2.0}, {1.0, 2.0, 3.0, 2.5});
    CHECK(regression["residual_histogram"]["counts"].size() == 30);
}

TEST_CASE("infinite feature values are treated as missing, with a note", "[probe][recipe]") {
    TempDir dir;
    auto data = importText(dir, "inf", "x,z,y\n1,1,a\n2,inf,b\ninf,3,a\n4,-inf,b\n5,5,a\n");
    auto table = Table::open(data.ws->objects(), data.version.contentHash);
    REQUIRE(table.ok());
    RunSpec spec = tabularSpec(data, "y");
    auto recipe = FeatureRecipe::fit(**table, spec, {0, 1, 3, 4});  // x's inf not in training
    REQUIRE(recipe.ok());
    REQUIRE(recipe->steps.size() == 2);
    CHECK_FALSE(recipe->steps[0].indicator);
    CHECK(recipe->steps[1].indicator);  // z has infinite training cells
    CHECK(std::isfinite(recipe->steps[1].mean));
    REQUIRE(recipe->notes.size() == 2);
    CHECK(recipe->notes[0].find("column 'x' has 1 infinite value") != std::string::npos);
    CHECK(recipe->notes[1].find("column 'z' has 2 infinite values") != std::string::npos);
    std::vector<float> row(std::size_t(recipe->width()));
    for (std::uint64_t r = 0; r < 5; ++r) {
        recipe->transformRow(**table, r, row.data());
        for (float v : row) CHECK(std::isfinite(v));
    }
}

TEST_CASE("values near the limits of a double standardise to finite inputs", "[probe][recipe]") {
    TempDir dir;
    auto data = importText(dir, "huge", "x,y\n1e308,a\n-1e308,b\n1e308,a\n-1e308,b\n");
    auto table = Table::open(data.ws->objects(), data.version.contentHash);
    REQUIRE(table.ok());
    auto recipe = FeatureRecipe::fit(**table, tabularSpec(data, "y"), {0, 1, 2, 3});
    REQUIRE(recipe.ok());
    CHECK(recipe->steps[0].mean == Approx(0.0));
    CHECK(std::isfinite(recipe->steps[0].scale));
    float x = 0;
    recipe->transformRow(**table, 0, &x);
    CHECK(x == Approx(1.0f));
}

TEST_CASE("a spec asking for too many threads is refused", "[probe][spec]") {
    RunSpec spec;
    spec.datasetHash = "abc";
    spec.target = "y";
    for (int threads : {0, 1, 256}) {
        spec.threads = threads;
        CHECK(spec.validate().ok());
    }
    for (int threads : {-1, 257, 100000}) {
        spec.threads = threads;
        auto st = spec.validate();
        REQUIRE_FALSE(st.ok());
        CHECK(st.error().message.find("threads: " + std::to_string(threads) +
                                      " is not in 0..256") != std::string::npos);
    }
}

TEST_CASE("run ids match exactly or by a plain prefix, never as patterns", "[probe][ids]") {
    TempDir dir;
    auto data = importCsv(dir, "synthetic", 60);
    RunSpec spec = tabularSpec(data, "label");
    auto a = createRun(*data.ws, spec, data.version.id);
    REQUIRE(a.ok());
    Catalog& c = data.ws->catalog();
    CHECK(resolveRunId(c, *a).value() == *a);
    CHECK(resolveRunId(c, a->substr(0, 10)).value() == *a);
    for (const std::string& pattern :
         std::vector<std::string>{"%", "_", "%" + a->substr(3), "2026____", "_%"}) {
        auto r = resolveRunId(c, pattern);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::NotFound);
    }
    CHECK(resolveRunId(c, "").error().code == ErrorCode::InvalidArgument);
}

TEST_CASE("one rule for names; file names become valid names; output is escaped",
          "[probe][names]") {
    for (std::string good : {"iris", "iris-clf", "iris_2.v1", "붓꽃", "café", "_x", "a"})
        CHECK(nameProblem(good).empty());
    for (const std::string& bad :
         std::vector<std::string>{"", "-rf", ".hidden", "iris@2", "two words", "a/b", "x\x1b[2J",
                                  "tab\there", "bad\xff", std::string(129, 'x'), "nul\x7f"})
        CHECK_FALSE(nameProblem(bad).empty());
    CHECK(validNameFrom("-rf") == "rf");
    CHECK(validNameFrom("iris@2") == "iris_2");
    CHECK(validNameFrom("my data") == "my_data");
    CHECK(validNameFrom("evil\x1b[31mred") == "evil_31mred");
    CHECK(validNameFrom("...") == "data");
    CHECK(validNameFrom(std::string(300, 'y')).size() == kMaxNameBytes);
    CHECK(nameProblem(validNameFrom("\xff\xfe--x")).empty());
    CHECK(printable("a\x1b[31mb\r\x7f") == "a\\x1b[31mb\\x0d\\x7f");
    CHECK(printable("caf\xc3\xa9\n") == "caf\xc3\xa9\n");
    auto st = checkName("iris@2", "model name");
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().message ==
          "model name 'iris@2' is not valid: it holds '@' (Kiln reads "
          "NAME@VERSION)");
}

TEST_CASE("a sweep's definition reads back from its record", "[probe][sweep]") {
    SweepSpec s;
    s.base.datasetHash = "abc";
    s.base.target = "y";
    s.search = SearchKind::Grid;
    s.metric = "val_accuracy";
    s.maximize = true;
    for (auto text : {"lr=log:1e-4:1e-1", "hidden=choice:8|16,8", "dropout=uniform:0:0.5"})
        s.params.push_back(parseParamDomain(text).value());
    auto back = SweepSpec::fromJson(s.toJson());
    REQUIRE(back.ok());
    CHECK(back->toJson() == s.toJson());
    CHECK(sweepAssignments(*back) == sweepAssignments(s));
    CHECK(SweepSpec::fromJson("{\"search\": 1}").error().code == ErrorCode::Corrupt);
}

TEST_CASE("a worker killed under its host leaves a resumable run that ends as an uninterrupted one",
          "[probe][worker][resume]") {
    TempDir dir;
    auto data = importCsv(dir, "synthetic", 3000);
    RunSpec spec = tabularSpec(data, "label");
    spec.epochs = 8;
    spec.earlyStopping = 0;
    spec.batchSize = 16;
    Workspace& ws = *data.ws;
    auto straight = createRun(ws, spec, data.version.id).value();
    REQUIRE(runToEnd(ws, straight, KILN_BINARY).value() == "completed");

    auto killed = createRun(ws, spec, data.version.id).value();
    auto victim = LocalExecutor::start(ws.root(), killed, false, KILN_BINARY);
    REQUIRE(victim.ok());
    pid_t pid = (*victim)->pid();
    auto first = followRun(ws, killed, **victim, [&](const WorkerEvent& e) {
        auto* metric = e.as<event::Metric>();
        if (metric && metric->key == "train_loss" && metric->epoch == 2)
            ::kill(pid, SIGKILL);  // as the OOM killer would, while kiln train follows it
    });
    REQUIRE(first.ok());
    CHECK(*first == "interrupted");
    CHECK(status(ws, killed) == "interrupted");
    std::string error = std::get<std::string>(
        ws.catalog().queryValue("SELECT error FROM runs WHERE id = ?", {killed}).value());
    CHECK(error.find("the worker process (pid " + std::to_string(pid) +
                     ") ended without finishing: killed by signal 9 (SIGKILL)") !=
          std::string::npos);
    std::ifstream log(ws.runsDir() / killed / "worker.log");
    std::string logText((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
    CHECK(logText.find("killed by signal 9") != std::string::npos);

    REQUIRE(runToEnd(ws, killed, KILN_BINARY, true).value() == "completed");
    CHECK(metricRows(ws, killed) == metricRows(ws, straight));
}
