#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <mutex>
#include <set>
#include <thread>

#include "core/jobs/job_context.h"
#include "core/sweep/sweep_scheduler.h"
#include "core/sweep/trial_labels.h"

using namespace kiln;

namespace {

// A trial runner that trains nothing: each trial reports `epochs` values of a curve that
// depends on lr, sleeping a little per epoch, and counts how many trials run at once.
class FakeRunner : public TrialRunner {
public:
    int epochs = 5;
    std::chrono::milliseconds perEpoch{5};
    std::atomic<int> running{0}, peak{0}, calls{0};
    std::function<void(int)> onTrial;  // called as each trial starts

    Result<TrialResult> run(const Trial& trial, TrialMonitor& monitor) override {
        int now = ++running;
        for (int p = peak; now > p && !peak.compare_exchange_weak(p, now);) {
        }
        ++calls;
        if (onTrial) onTrial(trial.number);
        monitor.started("run-" + std::to_string(trial.number));
        TrialResult r{trial.number, trial.assignment, "run-" + std::to_string(trial.number),
                      "completed", std::nullopt, {}};
        double lr = trial.spec.optimizer.lr;
        for (int e = 1; e <= epochs; ++e) {
            std::this_thread::sleep_for(perEpoch);
            double loss = std::fabs(std::log10(lr) + 2.0) + 1.0 / e;  // best at lr = 0.01
            r.value = r.value ? std::min(*r.value, loss) : loss;
            if (!monitor.report(e, loss)) {
                r.status = monitor.stoppedEarly() ? "stopped" : "cancelled";
                break;
            }
        }
        --running;
        return r;
    }
};

SweepSpec baseSweep() {
    SweepSpec s;
    s.base.dataset = "iris";
    s.base.target = "species";
    s.base.datasetHash = "h";
    s.base.model.family = "mlp";
    s.base.epochs = 5;
    s.params = {parseParamDomain("lr=log:1e-4:1").value(), parseParamDomain("hidden=choice:64|128,64").value()};
    s.search = SearchKind::Random;
    s.trials = 12;
    s.metric = "val_loss";
    return s;
}

}  // namespace

TEST_CASE("the budget is respected and the best trial is named", "[sweep]") {
    FakeRunner runner;
    SweepSpec s = baseSweep();
    s.parallel = 3;
    SweepScheduler scheduler(s, runner);
    BasicJobContext job;
    auto outcome = scheduler.run(job);
    REQUIRE(outcome);
    CHECK(runner.calls == 12);
    CHECK(outcome->trials.size() == 12);
    CHECK(outcome->planned == 12);
    CHECK_FALSE(outcome->cancelled);
    REQUIRE(outcome->best);
    for (const auto& t : outcome->trials) CHECK(*outcome->best->value <= *t.value);
    CHECK(job.snapshot().done == 12);
}

TEST_CASE("concurrency never exceeds the parallel setting, and 1 is the CPU default",
          "[sweep]") {
    for (int parallel : {0, 1, 2, 4}) {
        FakeRunner runner;
        SweepSpec s = baseSweep();
        s.parallel = parallel;
        s.trials = 10;
        BasicJobContext job;
        auto outcome = SweepScheduler(s, runner).run(job);
        REQUIRE(outcome);
        int expected = parallel == 0 ? 1 : parallel;
        CHECK(runner.peak == expected);
        CHECK(outcome->peakConcurrency == expected);
    }
    SweepSpec gpu = baseSweep();
    gpu.gpus = 2;
    CHECK(gpu.effectiveParallel() == 2);  // one per GPU
    gpu.base.device = "cpu";
    CHECK(gpu.effectiveParallel() == 1);
}

TEST_CASE("cancel stops the queue and the running trials", "[sweep]") {
    FakeRunner runner;
    runner.epochs = 50;
    SweepSpec s = baseSweep();
    s.parallel = 2;
    s.trials = 20;
    BasicJobContext job;
    runner.onTrial = [&](int number) {
        if (number == 3) job.cancel();
    };
    auto outcome = SweepScheduler(s, runner).run(job);
    REQUIRE(outcome);
    CHECK(outcome->cancelled);
    CHECK(runner.calls <= 4);  // the third, and at most one already taken beside it
    CHECK(outcome->trials.size() == std::size_t(runner.calls.load()));
    int cancelled = 0;
    for (const auto& t : outcome->trials) cancelled += t.status == "cancelled";
    CHECK(cancelled >= 1);
}

TEST_CASE("grid search walks the product up to the budget", "[sweep]") {
    SweepSpec s = baseSweep();
    s.search = SearchKind::Grid;
    s.trials = 0;
    s.params = {parseParamDomain("lr=log:1e-3:1e-1").value(), parseParamDomain("batch-size=choice:16|32").value()};
    auto all = sweepAssignments(s);
    REQUIRE(all.size() == 6);
    CHECK(all[0] == Assignment{{"lr", "0.001"}, {"batch_size", "16"}});
    CHECK(all[1] == Assignment{{"lr", "0.001"}, {"batch_size", "32"}});
    CHECK(all[2][0].second == "0.01");
    CHECK(all[5] == Assignment{{"lr", "0.1"}, {"batch_size", "32"}});
    s.trials = 4;
    CHECK(sweepAssignments(s).size() == 4);
    FakeRunner runner;
    BasicJobContext job;
    auto outcome = SweepScheduler(s, runner).run(job);
    REQUIRE(outcome);
    CHECK(runner.calls == 4);
}

TEST_CASE("random draws stay in their ranges and are reproducible", "[sweep]") {
    SweepSpec s = baseSweep();
    s.trials = 200;
    s.params = {parseParamDomain("lr=log:1e-4:1e-1").value(), parseParamDomain("dropout=uniform:0:0.5").value(),
                parseParamDomain("epochs=int:3:6").value(), parseParamDomain("optimizer=choice:adam|sgd").value()};
    auto draws = sweepAssignments(s);
    std::set<std::string> epochs, optimizers;
    int lowLr = 0;
    for (const auto& a : draws) {
        double lr = std::stod(a[0].second), dropout = std::stod(a[1].second);
        CHECK((lr >= 1e-4 && lr <= 1e-1));
        CHECK((dropout >= 0 && dropout <= 0.5));
        lowLr += lr < 1e-3;
        epochs.insert(a[2].second);
        optimizers.insert(a[3].second);
    }
    CHECK(lowLr > 40);  // log-uniform: a third of the draws below 1e-3 (uniform: under 1%)
    CHECK(epochs == std::set<std::string>{"3", "4", "5", "6"});
    CHECK(optimizers.size() == 2);
    CHECK(sweepAssignments(s) == draws);
    auto spec = applyAssignment(s.base, {{"hidden", "32,16"}, {"seed", "7"}, {"lr", "0.5"}});
    REQUIRE(spec);
    CHECK(spec->model.hidden == std::vector<int>{32, 16});
    CHECK(spec->seed == 7);
    CHECK(spec->split.seed == 49);
    CHECK(spec->optimizer.lr == 0.5);
}

TEST_CASE("bad parameters and sweeps are refused with reasons", "[sweep]") {
    CHECK_FALSE(parseParamDomain("lr"));
    CHECK_FALSE(parseParamDomain("colour=choice:a|b"));
    CHECK_FALSE(parseParamDomain("lr=log:0:1"));
    CHECK_FALSE(parseParamDomain("lr=uniform:2:1"));
    CHECK_FALSE(parseParamDomain("hidden=choice:64||32"));
    CHECK(parseParamDomain("seed=3")->choices == std::vector<std::string>{"3"});
    SweepSpec s = baseSweep();
    s.trials = 0;
    auto st = s.validate();
    REQUIRE_FALSE(st);
    CHECK(st.error().message.find("trial budget") != std::string::npos);
    s = baseSweep();
    s.params = {parseParamDomain("epochs=choice:0").value()};
    CHECK_FALSE(s.validate());
    CHECK_FALSE(applyAssignment(s.base, {{"batch_size", "1.5"}}));
}

TEST_CASE("the median rule stops hopeless trials once enough have finished", "[sweep]") {
    FakeRunner runner;
    runner.epochs = 6;
    SweepSpec s = baseSweep();
    s.search = SearchKind::Grid;
    // Trials 1–3 sit at the best lr; the rest are far worse from the first epoch on.
    s.params = {parseParamDomain("lr=choice:0.01|0.01|0.01|1|0.0001|1").value()};
    s.medianStopping = true;
    s.medianMinTrials = 3;
    s.medianMinEpochs = 2;
    s.parallel = 1;
    BasicJobContext job;
    auto outcome = SweepScheduler(s, runner).run(job);
    REQUIRE(outcome);
    REQUIRE(outcome->trials.size() == 6);
    for (int i = 0; i < 3; ++i) CHECK(outcome->trials[i].status == "completed");
    for (int i = 3; i < 6; ++i) CHECK(outcome->trials[i].status == "stopped");
    REQUIRE(outcome->best);
    CHECK(outcome->best->number <= 3);
}

TEST_CASE("sweep trials are labelled by what sets them apart", "[sweep]") {
    const std::map<std::string, std::map<std::string, std::string>> runs = {
        {"a", {{"optimizer.lr", "0.01"}, {"model.hidden", "[64]"}, {"seed", "0"}, {"model.dropout", "0"}}},
        {"b", {{"optimizer.lr", "0.001"}, {"model.hidden", "[64]"}, {"seed", "0"}, {"model.dropout", "0.2"}}},
        {"c", {{"optimizer.lr", "0.01"}, {"model.hidden", "[64]"}, {"seed", "0"}}}};
    const auto labels = labelTrials(runs);
    CHECK(labels.at("a") == "dropout 0 · lr 0.01");
    CHECK(labels.at("b") == "dropout 0.2 · lr 0.001");
    CHECK(labels.at("c") == "lr 0.01");
    // Two differing keys with one last part keep their whole names.
    const auto clash = labelTrials({{"x", {{"model.lr", "1"}, {"optimizer.lr", "2"}}},
                                    {"y", {{"model.lr", "3"}, {"optimizer.lr", "4"}}}});
    CHECK(clash.at("x") == "model.lr 1 · optimizer.lr 2");
    // Trials that differ in nothing recorded get no label (the caller names them by number).
    CHECK(labelTrials({{"x", {{"seed", "0"}}}, {"y", {{"seed", "0"}}}}).at("x").empty());
    // Numbers read as a person writes them; other values stay as they are.
    const auto rounded = labelTrials({{"x", {{"optimizer.lr", "0.0056263848"}, {"model.hidden", "[16,8]"}}},
                                      {"y", {{"optimizer.lr", "0.1"}, {"model.hidden", "[4]"}}}});
    CHECK(rounded.at("x") == "hidden [16,8] · lr 0.00563");
}
