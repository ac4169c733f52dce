// The tree families (XGBoost), cross-validation and auto's choice of family.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/features/split.h"
#include "core/train/tree_model.h"
#include "core/train/trainer.h"
#include "train_fixtures.h"

using namespace kiln;
using namespace kiln::test;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct Collector : TrainListener {
    std::map<std::string, std::vector<double>> metrics;
    std::vector<std::string> logs;
    int cancelAfter = 0;  // rounds; 0 never cancels
    void progress(int, std::int64_t, std::int64_t) override {}
    void metric(const std::string& key, double value, std::int64_t, int) override {
        metrics[key].push_back(value);
    }
    void log(const std::string&, const std::string& m) override { logs.push_back(m); }
    void artifact(const std::string&, const std::string&) override {}
    bool cancelled() override {
        return cancelAfter > 0 && int(metrics["train_loss"].size()) >= cancelAfter;
    }
};

std::string readFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

json readJson(const fs::path& file) { return json::parse(readFile(file)); }

RunSpec treeSpec(Imported& data, const std::string& target, const std::string& family) {
    RunSpec spec = tabularSpec(data, target);  // resolved for an MLP
    spec.model.family = family;
    spec.features.clear();
    spec.notes.clear();
    auto table = Table::open(data.ws->objects(), spec.datasetHash);
    REQUIRE(table.ok());
    REQUIRE(resolveSpec(spec, **table).ok());
    REQUIRE(spec.validate().ok());
    return spec;
}

fs::path runDirFor(Imported& data, const std::string& name, const RunSpec& spec) {
    fs::path dir = data.ws->runsDir() / name;
    fs::create_directories(dir);
    std::ofstream(dir / "spec.json") << spec.toJson();
    return dir;
}

Result<TrainOutcome> trainIn(Imported& data, const RunSpec& spec, const std::string& name,
                             Collector& out, bool resume = false) {
    return runTraining(spec, data.ws->root(), runDirFor(data, name, spec), resume, out);
}

void checkFiniteCurves(const Collector& c) {
    for (const auto& [key, values] : c.metrics)
        for (double v : values) {
            INFO(key);
            CHECK(std::isfinite(v));
        }
}

}  // namespace

TEST_CASE("boosted trees, forests and decision trees train on a table with missing values and "
          "categories", "[train][trees]") {
    TempDir dir;
    auto data = importCsv(dir, "tab", 400);
    for (std::string family : {"boosted", "forest", "tree"})
        for (std::string target : {"label", "amount"}) {
            INFO(family << " on " << target);
            RunSpec spec = treeSpec(data, target, family);
            Collector c;
            auto outcome = trainIn(data, spec, family + "-" + target, c);
            REQUIRE(outcome.ok());
            CHECK(outcome->status == "completed");
            checkFiniteCurves(c);
            fs::path run = data.ws->runsDir() / (family + "-" + target);
            REQUIRE(fs::exists(run / "model.xgb.json"));
            CHECK_FALSE(fs::exists(run / "model.pt"));
            json report = readJson(run / "report.json");
            CHECK(report["family"] == family);
            CHECK(report["importance"]["gain"].size() == spec.features.size());
            CHECK(report["importance"]["permutation"].size() == spec.features.size());
            CHECK(report["importance"]["metric"] == (target == "label" ? "accuracy" : "r2"));
            // Missing numbers reach the trees as NaN, unscaled.
            json recipe = readJson(run / "recipe.json");
            for (const auto& step : recipe["inputs"])
                if (step["kind"] == "numeric") {
                    CHECK(step["keep_missing"] == true);
                    CHECK(step["scale"] == 1.0);
                }
            const double score =
                target == "label" ? c.metrics["test_accuracy"].back() : c.metrics["test_r2"].back();
            CHECK(score > (family == "tree" ? 0.6 : 0.75));
            if (family == "boosted")
                CHECK(c.metrics["val_loss"].size() > 1);  // a metric per round
            else
                CHECK(c.metrics["val_loss"].size() == 1);  // one round grows every tree
        }
}

TEST_CASE("the same spec and seed give the same model bytes", "[train][trees][determinism]") {
    TempDir dir;
    auto data = importCsv(dir, "tab", 300);
    for (std::string family : {"boosted", "forest"}) {
        RunSpec spec = treeSpec(data, "label", family);
        spec.model.trees = 40;
        spec.threads = 2;
        Collector a, b;
        REQUIRE(trainIn(data, spec, family + "-a", a).ok());
        REQUIRE(trainIn(data, spec, family + "-b", b).ok());
        CHECK(readFile(data.ws->runsDir() / (family + "-a") / "model.xgb.json") ==
              readFile(data.ws->runsDir() / (family + "-b") / "model.xgb.json"));
        for (const char* timing : {"epoch_time", "samples_per_s"})
            a.metrics.erase(timing), b.metrics.erase(timing);
        CHECK(a.metrics == b.metrics);
    }
}

TEST_CASE("early stopping keeps the best round and cuts the model there", "[train][trees]") {
    TempDir dir;
    auto data = importCsv(dir, "tab", 300);
    RunSpec spec = treeSpec(data, "label", "boosted");
    spec.model.trees = 2000;
    spec.model.learningRate = 0.5;
    spec.earlyStopping = 5;
    Collector c;
    auto outcome = trainIn(data, spec, "early", c);
    REQUIRE(outcome.ok());
    CHECK(outcome->earlyStopped);
    CHECK(outcome->epochs == outcome->bestEpoch + 5);
    json report = readJson(data.ws->runsDir() / "early" / "report.json");
    CHECK(report["best_round"] == outcome->bestEpoch);
    CHECK(report["trees"] == outcome->bestEpoch);  // binary: one tree per round, cut at the best
    // The kept model is the best round's: its validation loss is the lowest seen.
    auto& val = c.metrics["val_loss"];
    CHECK(*std::min_element(val.begin(), val.end()) == Approx(val[std::size_t(outcome->bestEpoch - 1)]));
}

TEST_CASE("on a large table every other round is evaluated, early stopping still cuts the model "
          "at its best evaluated round", "[train][trees]") {
    TempDir dir;
    auto data = importCsv(dir, "big", 300000);  // 255,000 training and validation rows
    RunSpec spec = treeSpec(data, "label", "boosted");
    spec.model.trees = 200;
    spec.model.learningRate = 1.0;
    spec.model.maxDepth = 12;
    spec.model.minChildWeight = 0.01;
    spec.earlyStopping = 3;
    spec.threads = 2;
    Collector c;
    auto outcome = trainIn(data, spec, "big", c);
    REQUIRE(outcome.ok());
    checkFiniteCurves(c);
    CHECK(std::find_if(c.logs.begin(), c.logs.end(), [](const std::string& l) {
              return l.find("every 2 rounds") != std::string::npos;
          }) != c.logs.end());
    CHECK(outcome->earlyStopped);
    CHECK(outcome->bestEpoch % 2 == 0);
    CHECK(outcome->epochs == outcome->bestEpoch + 4);  // the first evaluated round past patience
    CHECK(c.metrics["val_loss"].size() == std::size_t(outcome->epochs / 2));
    json report = readJson(data.ws->runsDir() / "big" / "report.json");
    CHECK(report["trees"] == outcome->bestEpoch);
}

TEST_CASE("a cancelled boosting run resumes from its checkpoint to the same model",
          "[train][trees][resume]") {
    TempDir dir;
    auto data = importCsv(dir, "tab", 300);
    RunSpec spec = treeSpec(data, "amount", "boosted");
    spec.model.trees = 60;
    spec.earlyStopping = 0;
    Collector whole;
    REQUIRE(trainIn(data, spec, "whole", whole).ok());

    Collector first;
    first.cancelAfter = 23;
    auto stopped = trainIn(data, spec, "parts", first);
    REQUIRE(stopped.ok());
    CHECK(stopped->status == "cancelled");
    CHECK(stopped->epochs == 23);  // the cancel lands at the next round boundary
    fs::path run = data.ws->runsDir() / "parts";
    CHECK(readJson(run / "checkpoints" / "last_state.json")["round"] == 23);
    Collector second;
    auto resumed = trainIn(data, spec, "parts", second, true);
    REQUIRE(resumed.ok());
    CHECK(resumed->status == "completed");
    CHECK(resumed->epochs == 60);
    CHECK(second.metrics["train_loss"].size() == 60 - 23);
    CHECK(second.metrics["test_r2"].back() == Approx(whole.metrics["test_r2"].back()).epsilon(1e-6));
}

TEST_CASE("cross-validation: folds are disjoint and complete, the test rows untouched",
          "[train][cv]") {
    TempDir dir;
    auto data = importCsv(dir, "tab", 300);
    RunSpec spec = treeSpec(data, "label", "boosted");
    spec.model.trees = 30;
    spec.cvFolds = 4;
    Collector c;
    auto outcome = trainIn(data, spec, "cv", c);
    REQUIRE(outcome.ok());
    fs::path run = data.ws->runsDir() / "cv";
    json cv = readJson(run / "cv.json");
    json split = readJson(run / "split.json");
    REQUIRE(cv["folds"].size() == 4);
    std::set<std::uint64_t> seen, expected, test;
    for (const auto& r : split["train"]) expected.insert(r.get<std::uint64_t>());
    for (const auto& r : split["val"]) expected.insert(r.get<std::uint64_t>());
    for (const auto& r : split["test"]) test.insert(r.get<std::uint64_t>());
    std::size_t total = 0;
    for (const auto& fold : cv["folds"]) {
        for (const auto& r : fold) {
            seen.insert(r.get<std::uint64_t>());
            CHECK(test.count(r.get<std::uint64_t>()) == 0);
        }
        total += fold.size();
        CHECK(double(fold.size()) == Approx(double(expected.size()) / 4).margin(2));
    }
    CHECK(total == seen.size());  // disjoint
    CHECK(seen == expected);      // complete
    json report = readJson(run / "report.json");
    REQUIRE(report["cv"]["rows"].size() == 4);
    double mean = 0;
    for (const auto& row : report["cv"]["rows"]) mean += row["metrics"]["accuracy"].get<double>() / 4;
    CHECK(report["cv"]["mean"]["accuracy"].get<double>() == Approx(mean));
    CHECK(report["cv"]["std"].contains("accuracy"));
    CHECK(c.metrics["cv_accuracy"].back() == Approx(mean));
    CHECK_FALSE(fs::exists(run / "cv"));  // the folds' own files are gone
}

TEST_CASE("model auto keeps the family with the best cross-validated score and says why",
          "[train][cv][auto]") {
    TempDir dir;
    auto data = importCsv(dir, "tab", 300);
    RunSpec spec = tabularSpec(data, "amount");
    spec.model.family = "auto";
    spec.epochs = 30;
    Collector c;
    auto outcome = trainIn(data, spec, "auto", c);
    REQUIRE(outcome.ok());
    REQUIRE(outcome->status == "completed");
    fs::path run = data.ws->runsDir() / "auto";
    json report = readJson(run / "report.json");
    json choice = report["model_choice"];
    REQUIRE(choice["candidates"].size() >= 3);
    std::string best;
    double bestScore = -1e300;
    for (const auto& cand : choice["candidates"])
        if (cand["mean"].get<double>() > bestScore)
            bestScore = cand["mean"], best = cand["family"];
    CHECK(choice["chosen"] == best);
    CHECK(report["family"] == best);
    CHECK(choice["why"].get<std::string>().find("CV R²") != std::string::npos);
    // The run's definition now names the family that trained and why.
    auto written = RunSpec::fromJson(readFile(run / "spec.json"));
    REQUIRE(written.ok());
    CHECK(written->model.family == best);
    CHECK(written->notes.back().find("model auto chose") != std::string::npos);
    CHECK(report["cv"]["family"] == best);
    // The final model trained on every non-test row, none held back, for the folds' mean best
    // epoch or round when the family stops early.
    json fit = choice["final_fit"];
    json split = readJson(run / "split.json");
    CHECK(split["val"].empty());
    CHECK(fit["rows"] == split["train"].size());
    std::size_t cvRows = 0;
    for (const auto& fold : report["cv"]["rows"]) cvRows += fold["rows"].get<std::size_t>();
    CHECK(cvRows == split["train"].size());
    CHECK(written->earlyStopping == 0);
    if (best == "boosted") CHECK(written->model.trees == fit["rounds"]);
    if (best == "mlp" || best == "linear") CHECK(written->epochs == fit["epochs"]);
    CHECK(written->notes.back().find("non-test rows") != std::string::npos);
    CHECK(c.metrics.count("val_loss") == 0);
    checkFiniteCurves(c);
}

TEST_CASE("a decision tree is drawn with samples and values at every node", "[train][trees]") {
    TempDir dir;
    auto data = importCsv(dir, "tab", 300);
    RunSpec spec = treeSpec(data, "label", "tree");
    Collector c;
    REQUIRE(trainIn(data, spec, "tree", c).ok());
    fs::path run = data.ws->runsDir() / "tree";
    json report = readJson(run / "report.json");
    json split = readJson(run / "split.json");
    REQUIRE(report["tree"]["trees"].size() == 1);
    json nodes = report["tree"]["trees"][0]["nodes"];
    CHECK(report["tree"]["trees"][0]["class"] == "yes");  // a yes/no boolean, named as written
    std::map<int, json> byId;
    for (const auto& n : nodes) byId[n["id"].get<int>()] = n;
    CHECK(byId[0]["samples"].get<double>() == double(split["train"].size()));
    int leaves = 0;
    for (const auto& [id, n] : byId) {
        if (n.contains("leaf")) {
            ++leaves;
            continue;
        }
        CHECK(n["feature"].is_string());
        CHECK(n["threshold"].is_number());
        CHECK((n["missing"] == "left" || n["missing"] == "right"));
        const json& l = byId[n["left"].get<int>()];
        const json& r = byId[n["right"].get<int>()];
        CHECK(l["samples"].get<double>() + r["samples"].get<double>() == n["samples"].get<double>());
        CHECK(l["depth"].get<int>() == n["depth"].get<int>() + 1);
    }
    CHECK(leaves >= 2);
}

TEST_CASE("predictTrees reads a saved model back and follows missing values",
          "[train][trees]") {
    TempDir dir;
    auto data = importCsv(dir, "tab", 300);
    RunSpec spec = treeSpec(data, "label", "boosted");
    spec.model.trees = 20;
    Collector c;
    REQUIRE(trainIn(data, spec, "predict", c).ok());
    fs::path run = data.ws->runsDir() / "predict";
    auto recipe = FeatureRecipe::fromJson(readFile(run / "recipe.json"));
    REQUIRE(recipe.ok());
    const int width = recipe->width();
    std::vector<float> x(std::size_t(width) * 2, 0.f);
    x[0] = std::numeric_limits<float>::quiet_NaN();  // a missing first input
    auto p = predictTrees(run / "model.xgb.json", *recipe, x, 2);
    REQUIRE(p.ok());
    CHECK(p->marginWidth == 1);
    REQUIRE(p->output.size() == 4);
    for (int r = 0; r < 2; ++r) {
        CHECK(p->output[2 * r] + p->output[2 * r + 1] == Approx(1.0));
        CHECK(p->output[2 * r + 1] == Approx(1 / (1 + std::exp(-p->margin[r]))).epsilon(1e-5));
    }
    CHECK_FALSE(predictTrees(run / "nothing.json", *recipe, x, 2).ok());
}
