#include <catch2/catch.hpp>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "core/data/image_folder.h"
#include "core/train/trainer.h"
#include "image_fixtures.h"
#include "train_fixtures.h"

using namespace kiln;
using namespace kiln::test;
namespace fs = std::filesystem;

namespace {

// Collects what the trainer reports, as a host would.
struct Collector : TrainListener {
    std::map<std::string, std::vector<double>> metrics;
    std::vector<std::string> artifacts, logs;
    void progress(int, std::int64_t, std::int64_t) override {}
    void metric(const std::string& key, double value, std::int64_t, int) override {
        metrics[key].push_back(value);
    }
    void log(const std::string&, const std::string& m) override { logs.push_back(m); }
    void artifact(const std::string&, const std::string& path) override {
        artifacts.push_back(path);
    }
    int cancelAfter = 0;  // epochs; 0 never cancels
    bool cancelled() override {
        return cancelAfter > 0 && int(metrics["train_loss"].size()) >= cancelAfter;
    }
};

Result<TrainOutcome> trainIn(Imported& data, const RunSpec& spec, const std::string& name,
                             Collector& out) {
    fs::path runDir = data.ws->runsDir() / name;
    fs::create_directories(runDir);
    return runTraining(spec, data.ws->root(), runDir, false, out);
}

}  // namespace

TEST_CASE("the same spec and seed give identical metrics", "[train][determinism]") {
    TempDir dir;
    auto data = importCsv(dir, "synthetic", 600);
    RunSpec spec = tabularSpec(data, "label");
    spec.model.dropout = 0.2;  // randomness inside the model must be seeded too
    Collector a, b;
    REQUIRE(trainIn(data, spec, "a", a).ok());
    REQUIRE(trainIn(data, spec, "b", b).ok());
    CHECK(a.metrics.at("val_loss").size() == 4);
    CHECK(a.metrics.at("val_loss") == b.metrics.at("val_loss"));
    CHECK(a.metrics.at("train_loss") == b.metrics.at("train_loss"));
    CHECK(a.metrics.at("test_accuracy") == b.metrics.at("test_accuracy"));
    spec.seed = 1;
    Collector c;
    REQUIRE(trainIn(data, spec, "c", c).ok());
    CHECK(c.metrics.at("train_loss") != a.metrics.at("train_loss"));
}

TEST_CASE("a worker killed while it wrote a checkpoint resumes from the last whole one",
          "[train][resume][checkpoint]") {
    TempDir dir;
    auto data = importCsv(dir, "synthetic", 200);
    RunSpec spec = tabularSpec(data, "label");
    spec.epochs = 6;
    spec.earlyStopping = 0;
    Collector straight;
    auto a = trainIn(data, spec, "a", straight);
    REQUIRE(a.ok());

    Collector first;
    first.cancelAfter = 3;  // stops early in epoch 4: the checkpoint after epoch 3 is the last
    auto cancelled = trainIn(data, spec, "b", first);
    REQUIRE(cancelled.ok());
    REQUIRE(cancelled->status == "cancelled");
    // As if the worker died while writing epoch 4's checkpoint: newer model and optimiser bytes
    // (here the finished run's) already on disk under the old names, the state still epoch 3.
    const fs::path a4 = data.ws->runsDir() / "a" / "checkpoints", b4 = data.ws->runsDir() / "b" / "checkpoints";
    for (const char* f : {"last_model.pt", "last_optim.pt"}) {
        fs::remove(b4 / f);
        fs::copy_file(a4 / f, b4 / f);
    }
    Collector resumed;
    auto b = runTraining(spec, data.ws->root(), data.ws->runsDir() / "b", true, resumed);
    REQUIRE(b.ok());
    CHECK(std::find(resumed.logs.begin(), resumed.logs.end(), "resumed after epoch 3") != resumed.logs.end());
    CHECK(b->testMetrics == a->testMetrics);
    CHECK(resumed.metrics["train_loss"] ==
          std::vector<double>(straight.metrics["train_loss"].begin() + 3, straight.metrics["train_loss"].end()));
    // Only the last checkpoint's files are kept.
    CHECK(fs::exists(b4 / "model-6.pt"));
    CHECK_FALSE(fs::exists(b4 / "model-3.pt"));
}

TEST_CASE("a classifier learns and writes its report", "[train][report]") {
    TempDir dir;
    auto data = importCsv(dir, "synthetic", 600);
    RunSpec spec = tabularSpec(data, "label");
    spec.epochs = 30;
    Collector out;
    auto outcome = trainIn(data, spec, "r", out);
    REQUIRE(outcome.ok());
    CHECK(outcome->testMetrics.at("test_accuracy").get<double>() > 0.85);
    fs::path runDir = data.ws->runsDir() / "r";
    for (const char* f :
         {"model.pt", "report.json", "recipe.json", "split.json", "checkpoints/best_model.pt",
          "checkpoints/last_model.pt", "checkpoints/last_optim.pt"})
        CHECK(fs::exists(runDir / f));
    auto report = nlohmann::json::parse(std::ifstream(runDir / "report.json"));
    auto& test = report.at("test");
    CHECK(test.at("confusion_matrix").size() == 2);
    CHECK(test.at("per_class").size() == 2);
    CHECK(test.at("curves").at(0).at("roc").size() > 2);
    CHECK(test.at("curves").at(0).at("pr").size() > 2);
}

TEST_CASE("a regressor reports RMSE, MAE, R² and residuals", "[train][regression]") {
    TempDir dir;
    auto data = importCsv(dir, "synthetic", 600);
    RunSpec spec = tabularSpec(data, "amount");
    spec.epochs = 40;
    Collector out;
    auto outcome = trainIn(data, spec, "g", out);
    REQUIRE(outcome.ok());
    CHECK(outcome->testMetrics.at("test_r2").get<double>() > 0.9);
    auto report = nlohmann::json::parse(std::ifstream(data.ws->runsDir() / "g" / "report.json"));
    CHECK(report.at("test").at("predicted_vs_actual").size() ==
          report.at("test").at("rows").get<std::size_t>());
    CHECK(report.at("test").at("residual_histogram").at("counts").size() == 30);
}

TEST_CASE("a NaN or infinite loss stops the run naming epoch and step", "[train][nan]") {
    TempDir dir;
    auto data = importCsv(dir, "synthetic", 300);
    RunSpec spec = tabularSpec(data, "amount");
    spec.optimizer.name = "sgd";
    spec.optimizer.lr = 1e30;
    Collector out;
    auto outcome = trainIn(data, spec, "nan", out);
    REQUIRE_FALSE(outcome.ok());
    INFO(outcome.error().toString());
    CHECK(outcome.error().message.find("at epoch 1, step ") != std::string::npos);
    CHECK(outcome.error().context.find("epoch 1, step") == 0);
    CHECK(out.metrics.count("val_loss") == 0);
}

TEST_CASE("an image dataset trains with the CNN", "[train][cnn]") {
    TempDir dir;
    auto ws = Workspace::open(dir / "ws");
    REQUIRE(ws.ok());
    NullJobContext job;
    auto imported = importImageFolder((*ws)->objects(), writeImageFolder(dir / "images"), job);
    REQUIRE(imported.ok());
    RunSpec spec;
    spec.dataset = "shapes";
    spec.datasetKind = "images";
    spec.datasetHash = imported->manifestHash;
    spec.target = "class";
    spec.imageSize = 16;
    spec.epochs = 15;
    spec.batchSize = 8;
    spec.threads = 1;
    spec.augmentFlip = true;
    auto table = Table::open((*ws)->objects(), spec.datasetHash);
    REQUIRE(table.ok());
    REQUIRE(resolveSpec(spec, **table).ok());
    CHECK(spec.model.family == "cnn");
    REQUIRE(spec.validate().ok());
    Imported data{std::move(*ws), {}};
    Collector out;
    auto outcome = trainIn(data, spec, "cnn", out);
    REQUIRE(outcome.ok());
    CHECK(outcome->testMetrics.at("test_accuracy").get<double>() >= 0.85);
    SECTION("deterministic on two threads") {
        spec.threads = 2;
        spec.epochs = 3;
        Collector a, b;
        REQUIRE(trainIn(data, spec, "cnn-a", a).ok());
        REQUIRE(trainIn(data, spec, "cnn-b", b).ok());
        CHECK(a.metrics.at("train_loss") == b.metrics.at("train_loss"));
        CHECK(a.metrics.at("val_loss") == b.metrics.at("val_loss"));
    }
    auto recipe = nlohmann::json::parse(std::ifstream(data.ws->runsDir() / "cnn" / "recipe.json"));
    CHECK(recipe.at("image").at("channels") == 3);
    CHECK(recipe.at("image").at("mean").size() == 3);
}

TEST_CASE("optimisers, schedules and model knobs train and report the learning rate",
          "[train][options]") {
    TempDir dir;
    auto data = importCsv(dir, "synthetic", 400);
    RunSpec spec = tabularSpec(data, "label");
    spec.epochs = 6;
    spec.earlyStopping = 0;
    spec.classWeights = "balanced";
    spec.model.batchNorm = true;
    spec.model.activation = "gelu";
    spec.model.hidden = {16, 8};
    SECTION("AdamW with a step schedule") {
        spec.optimizer.name = "adamw";
        spec.optimizer.weightDecay = 0.01;
        spec.optimizer.schedule = "step";
        spec.optimizer.stepSize = 2;
        spec.optimizer.gamma = 0.5;
        Collector out;
        REQUIRE(trainIn(data, spec, "step", out).ok());
        CHECK(out.metrics.at("lr") == std::vector<double>{1e-3, 1e-3, 5e-4, 5e-4, 2.5e-4, 2.5e-4});
    }
    SECTION("SGD with momentum and a cosine schedule") {
        spec.optimizer.name = "sgd";
        spec.optimizer.lr = 0.05;
        spec.optimizer.schedule = "cosine";
        Collector out;
        REQUIRE(trainIn(data, spec, "cos", out).ok());
        const auto& lr = out.metrics.at("lr");
        CHECK(lr.front() == Approx(0.05));
        CHECK(std::is_sorted(lr.rbegin(), lr.rend()));
        CHECK(out.metrics.at("test_accuracy").at(0) > 0.7);
    }
}

TEST_CASE("a spec asking for CUDA where there is none fails with the reason", "[train][device]") {
    auto auto_ = chooseDevice("auto");
    REQUIRE(auto_.ok());
    CHECK_FALSE(auto_->reason.empty());
    if (auto_->device == "cpu") {
        auto cuda = chooseDevice("cuda:0");
        REQUIRE_FALSE(cuda.ok());
        CHECK(cuda.error().message.find("CUDA was requested but") == 0);
    }
}

TEST_CASE("a linear model is fitted to convergence on the whole training set",
          "[train][linear]") {
    TempDir dir;
    auto data = importCsv(dir, "tab", 300);
    RunSpec spec = tabularSpec(data, "amount");  // amount = 100·x1 + 20·x2 + a little noise
    spec.model.family = "linear";
    spec.epochs = 4;  // L-BFGS needs no more; Adam at 1e-3 would still be far off
    Collector c;
    auto outcome = trainIn(data, spec, "linear", c);
    REQUIRE(outcome.ok());
    CHECK(outcome->status == "completed");
    CHECK(c.metrics["test_r2"].back() > 0.9);
    CHECK(c.metrics["lr"].back() == 1.0);  // the L-BFGS step, not the spec's Adam rate
    // Its checkpoint holds no optimiser state; a resume starts L-BFGS again from the weights.
    Collector more;
    spec.epochs = 6;
    auto resumed = runTraining(spec, data.ws->root(), data.ws->runsDir() / "linear", true, more);
    REQUIRE(resumed.ok());
    CHECK(resumed->epochs >= 4);
}
