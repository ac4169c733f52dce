// The XGBoost trainer: boosted trees, random forests and single decision trees. With
// tree_model.cpp the only files that include XGBoost (through the internal xgboost_api.h).
#include <chrono>
#include <cmath>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "core/train/family_trainers.h"
#include "core/train/run_files.h"
#include "core/train/metrics.h"
#include "core/train/scoring.h"
#include "core/train/tree_report.h"
#include "core/train/xgboost_api.h"

namespace kiln {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

// Early stopping and resume state, saved with each checkpoint.
struct RoundState {
    int round = 0;  // rounds completed
    double best = std::numeric_limits<double>::infinity();
    int bestRound = 0;
    int sinceBest = 0;
    bool stopped = false;  // early stopping fired
};

struct TreeSession {
    TreeSession(const RunSpec& spec_, TrainingData data_, fs::path runDir_, TrainListener& l)
        : spec(spec_), data(std::move(data_)), runDir(std::move(runDir_)), listener(l) {}

    const RunSpec& spec;
    TrainingData data;
    fs::path runDir;
    TrainListener& listener;
    int threads = 1;
    xgb::Matrix train, val, test;
    xgb::Booster booster;
    RoundState state;
    Clock::time_point lastCheckpoint = Clock::now();
    std::vector<float> valOutputs;  // the validation rows' outputs, kept between rounds
    int evaluationPeriod = 1;       // rounds between two evaluations

    bool classify() const { return spec.task == TaskKind::Classification; }
    const ModelSpec& model() const { return spec.model; }
    // Boosting rounds: forests and single trees grow in one.
    int plannedRounds() const { return spec.model.family == "boosted" ? spec.model.trees : 1; }
    bool earlyStopping() const { return spec.model.family == "boosted" && spec.earlyStopping > 0; }
};

// Evaluating a round (XGBoost's outputs for the training and validation rows from its
// prediction cache, Kiln's losses, accuracy, macro F1 and ROC AUC) costs about 16 ns a row here,
// a fifth of growing a depth-6 round on 20 columns. Up to this many rows every round is
// evaluated; beyond, every k-th round (as CatBoost's metric_period), so that on large tables the
// live curves and early stopping cost about 5 % of the boosting loop. By row count, never by
// time: the same spec gives the same rounds evaluated, hence the same early stop and model.
constexpr std::size_t kEvaluatedRowsPerRound = 250000;

int evaluationPeriodFor(std::size_t rows) {
    return int(std::max<std::size_t>(1, (rows + kEvaluatedRowsPerRound - 1) / kEvaluatedRowsPerRound));
}

std::string number(double x) {
    std::ostringstream out;
    out.precision(17);
    out << x;
    return out.str();
}

std::vector<float> labelsOf(const TreeSession& s, const SplitArrays& part) {
    if (s.classify()) return std::vector<float>(part.labels.begin(), part.labels.end());
    return part.targets;
}

xgb::Matrix matrixOf(const TreeSession& s, const SplitArrays& part) {
    auto m = xgb::denseMatrix(part.x.data(), part.rows, s.data.inputWidth, s.threads);
    xgb::setFloats(m, "label", labelsOf(s, part));
    if (!s.data.classWeights.empty() && &part == &s.data.train) {
        std::vector<float> w;
        for (long l : part.labels) w.push_back(float(s.data.classWeights[std::size_t(l)]));
        xgb::setFloats(m, "weight", w);
    }
    return m;
}

// The parameters of the spec's family. Fixed threads, a seed and the histogram method make the
// same spec give the same model bytes.
void configure(TreeSession& s) {
    const ModelSpec& m = s.model();
    auto set = [&](const char* name, const std::string& value) { xgb::setParam(s.booster, name, value); };
    set("verbosity", "0");
    set("validate_parameters", "1");
    set("tree_method", "hist");
    set("nthread", std::to_string(s.threads));
    set("seed", std::to_string(s.spec.seed % 2147483647));
    if (!s.classify())
        set("objective", "reg:squarederror");
    else if (s.data.outputs == 2)
        set("objective", "binary:logistic");
    else {
        set("objective", "multi:softprob");
        set("num_class", std::to_string(s.data.outputs));
    }
    set("max_depth", std::to_string(m.maxDepth));
    set("eta", number(m.learningRate));
    set("min_child_weight", number(m.minChildWeight));
    set("subsample", number(m.subsample));
    set(m.family == "forest" ? "colsample_bynode" : "colsample_bytree", number(m.colsample));
    set("alpha", number(m.l1));
    set("lambda", number(m.l2));
    if (m.family == "forest") set("num_parallel_tree", std::to_string(m.trees));
}

// Class probabilities [rows, classes] (a binary model's P(class 1) widened to two columns) or
// standardised predictions [rows, 1], from XGBoost's outputs in place, into `out`.
void outputsInto(const xgb::PredictionView& v, bool classify, int classes, std::vector<float>& out) {
    if (!classify || classes > 2) {
        out.assign(v.values, v.values + v.rows * v.columns);
        return;
    }
    out.resize(v.rows * 2);
    for (std::size_t r = 0; r < v.rows; ++r) {
        out[2 * r] = 1 - v.values[r];
        out[2 * r + 1] = v.values[r];
    }
}

std::vector<float> outputsOf(const xgb::Booster& b, const xgb::Matrix& m, bool classify,
                             int classes) {
    std::vector<float> out;
    outputsInto(xgb::predictView(b, m, false), classify, classes, out);
    return out;
}

json stateJson(const RoundState& st) {
    return {{"round", st.round},
            {"best", std::isfinite(st.best) ? json(st.best) : json(nullptr)},
            {"best_round", st.bestRound},
            {"since_best", st.sinceBest},
            {"stopped", st.stopped}};
}

// The booster under its round's name first, then last_state.json naming it (the commit), then
// the previous round's file removed: a kill at any point leaves one whole checkpoint.
void saveCheckpoint(TreeSession& s) {
    fs::path dir = s.runDir / "checkpoints";
    const std::string file = "trees-" + std::to_string(s.state.round) + ".ubj";
    writeRunFile(dir / file, xgb::saveToBuffer(s.booster, "ubj"));
    json previous;
    if (fs::exists(dir / "last_state.json"))
        previous = json::parse(readRunFile(dir / "last_state.json"), nullptr, false);
    json state = stateJson(s.state);
    state["model"] = file;
    writeRunFile(dir / "last_state.json", state.dump(2));
    if (previous.is_object() && previous.value("model", std::string()) != file &&
        previous.contains("model") && previous["model"].is_string()) {
        std::error_code ec;
        fs::remove(dir / previous["model"].get<std::string>(), ec);
    }
    s.lastCheckpoint = Clock::now();
}

void loadCheckpoint(TreeSession& s) {
    fs::path dir = s.runDir / "checkpoints";
    json j = json::parse(readRunFile(dir / "last_state.json"));
    xgb::loadFromBuffer(s.booster, readRunFile(dir / j.at("model").get<std::string>()));
    configure(s);  // loading replaces the parameters with the saved ones; the spec's win
    s.state.round = j.at("round");
    s.state.best = j.at("best").is_null() ? std::numeric_limits<double>::infinity()
                                          : j.at("best").get<double>();
    s.state.bestRound = j.at("best_round");
    s.state.sinceBest = j.at("since_best");
    s.state.stopped = j.at("stopped");
    s.listener.log("info", "resumed after round " + std::to_string(s.state.round));
}

// Early stopping's patience counts rounds, whichever of them were evaluated.
void trackBest(TreeSession& s, double monitored) {
    if (monitored < s.state.best - 1e-12) {
        s.state.best = monitored;
        s.state.bestRound = s.state.round;
    }
    s.state.sinceBest = s.state.round - s.state.bestRound;
    if (s.earlyStopping() && s.state.sinceBest >= s.spec.earlyStopping) {
        s.state.stopped = true;
        s.listener.log("info", "early stopping: no improvement of the validation loss for " +
                                   std::to_string(s.state.sinceBest) + " rounds; the model is " +
                                   "cut at its best round, " + std::to_string(s.state.bestRound));
    }
}

void emitMetrics(TreeSession& s, const json& metrics) {
    for (auto& [key, value] : metrics.items())
        s.listener.metric(key, value.get<double>(), s.state.round, s.state.round);
}

// The validation rows' loss and metrics after a round. Both matrices are in the booster's
// prediction cache, so XGBoost predicts only the newest trees; its outputs are read in place
// (into a kept buffer when a binary model's P(class 1) is widened to two columns).
json validationMetrics(TreeSession& s) {
    if (s.data.val.rows == 0) return json::object();
    outputsInto(xgb::predictView(s.booster, s.val, false), s.classify(), s.data.outputs,
                s.valOutputs);
    return scoreOutputs(s.valOutputs, s.data.val, s.data, "val_");
}

double trainingLoss(TreeSession& s) {
    xgb::PredictionView v = xgb::predictView(s.booster, s.train, false);
    return outputLoss(v.values, int(v.columns), s.data.train, s.data, s.threads);
}

// Grows one boosting round; on the rounds evaluated, reports its losses and validation metrics
// and checks early stopping.
void runRound(TreeSession& s) {
    const int round = s.state.round + 1;
    auto started = Clock::now();
    xgb::check(XGBoosterUpdateOneIter(s.booster.get(), round - 1, s.train.get()),
               "growing the trees");
    double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    s.state.round = round;
    s.listener.progress(round, 1, 1);
    if (round % s.evaluationPeriod != 0 && round != s.plannedRounds()) return;
    json m = validationMetrics(s);
    m["train_loss"] = trainingLoss(s);
    m["lr"] = s.model().learningRate;
    m["epoch_time"] = seconds;
    m["samples_per_s"] = double(s.data.train.rows) / std::max(seconds, 1e-9);
    trackBest(s, m.contains("val_loss") ? m["val_loss"].get<double>() : m["train_loss"].get<double>());
    emitMetrics(s, m);
}

// Rounds until the last one, early stopping or a cancel (false). Checkpoints every ten rounds
// (at most every five seconds: each one writes the whole model so far) and when cancelled, so a
// resume repeats at most ten rounds.
bool runRounds(TreeSession& s) {
    while (s.state.round < s.plannedRounds() && !s.state.stopped) {
        if (s.listener.cancelled()) {
            saveCheckpoint(s);
            return false;
        }
        runRound(s);
        if (s.state.round % 10 == 0 && Clock::now() - s.lastCheckpoint > std::chrono::seconds(5))
            saveCheckpoint(s);
    }
    saveCheckpoint(s);
    return true;
}

// The model kept: with early stopping, cut at the best round when boosting went past it;
// without, every round asked for.
xgb::Booster finalModel(const TreeSession& s) {
    if (s.earlyStopping() && s.state.bestRound > 0 && s.state.bestRound < s.state.round)
        return xgb::slice(s.booster, s.state.bestRound);
    return s.booster;
}

Predictor predictorOf(const xgb::Booster& model, bool classify, int classes, int width, int threads) {
    return [model, classify, classes, width, threads](const std::vector<float>& x, std::size_t rows) {
        auto m = xgb::denseMatrix(x.data(), rows, width, threads);
        return outputsOf(model, m, classify, classes);
    };
}

std::vector<double> unscale(const TreeSession& s, const std::vector<float>& v) {
    std::vector<double> out(v.size());
    for (std::size_t i = 0; i < v.size(); ++i)
        out[i] = v[i] * s.data.recipe.target.scale + s.data.recipe.target.mean;
    return out;
}

// Evaluates the final model on the test rows; writes model.xgb.json and report.json.
void finish(TreeSession& s, TrainOutcome& outcome) {
    auto model = finalModel(s);
    writeRunFile(s.runDir / "model.xgb.json", xgb::saveToBuffer(model, "json"));
    auto out = outputsOf(model, s.test, s.classify(), s.data.outputs);
    json test = scoreOutputs(out, s.data.test, s.data, "test_");
    for (auto& [key, value] : test.items())
        s.listener.metric(key, value.get<double>(), s.state.round, s.state.round);
    const auto trees = dumpedTrees(model);
    const int kept = !s.earlyStopping() ? s.state.round : std::max(1, s.state.bestRound);
    json report = {{"format", "kiln-report/1"},
                   {"family", s.model().family},
                   {"epochs", s.state.round},
                   {"best_epoch", s.state.bestRound},
                   {"rounds", s.state.round},
                   {"best_round", kept},
                   {"early_stopped", s.state.stopped},
                   {"trees", trees.size()},
                   {"metrics", test},
                   {"test", json::object()}};
    if (s.data.test.rows > 0) {
        std::vector<float> actual(s.data.test.targets);
        report["test"] = s.classify() ? classificationReport(out, s.data.test.labels,
                                                             s.data.recipe.target.classes)
                                      : regressionReport(unscale(s, out), unscale(s, actual));
    }
    report["importance"] = {{"gain", gainImportance(trees, s.data.recipe)}};
    if (s.model().family == "tree")
        report["tree"] = drawableTrees(model, trees, s.train, s.data.train, s.data.recipe, s.data.outputs);
    writeRunFile(s.runDir / "report.json", report.dump(1));
    for (auto [kind, path] : {std::pair{"checkpoint", "checkpoints/last_state.json"},
                              {"model", "model.xgb.json"},
                              {"report", "report.json"}})
        s.listener.artifact(kind, path);
    outcome.testMetrics = test;
    outcome.predict = predictorOf(model, s.classify(), s.data.outputs, s.data.inputWidth, s.threads);
}

Result<TrainOutcome> train(const RunSpec& spec, TrainingData data, const fs::path& runDir,
                           bool resume, TrainListener& listener) {
    TreeSession s(spec, std::move(data), runDir, listener);
    s.threads = spec.threads > 0 ? spec.threads
                                 : int(std::max(1u, std::thread::hardware_concurrency()));
    s.evaluationPeriod = evaluationPeriodFor(s.data.train.rows + s.data.val.rows);
    if (s.evaluationPeriod > 1 && s.plannedRounds() > 1)
        listener.log("info", "curves and early stopping every " +
                                 std::to_string(s.evaluationPeriod) + " rounds on " +
                                 std::to_string(s.data.train.rows + s.data.val.rows) +
                                 " training and validation rows");
    s.train = matrixOf(s, s.data.train);
    s.val = matrixOf(s, s.data.val);
    s.test = matrixOf(s, s.data.test);
    // An auto run's final model has no validation rows (they joined training).
    s.booster = s.data.val.rows > 0 ? xgb::newBooster({&s.train, &s.val}) : xgb::newBooster({&s.train});
    configure(s);
    fs::create_directories(runDir / "checkpoints");
    writeRunFile(runDir / "split.json", s.data.split.toJson());
    writeRunFile(runDir / "recipe.json", s.data.recipe.toJson());
    listener.artifact("split", "split.json");
    listener.artifact("recipe", "recipe.json");
    if (resume && fs::exists(runDir / "checkpoints" / "last_state.json")) loadCheckpoint(s);
    TrainOutcome outcome;
    bool completed = runRounds(s);
    if (completed) finish(s, outcome);
    outcome.epochs = s.state.round;
    outcome.bestEpoch = s.state.bestRound;
    outcome.earlyStopped = s.state.stopped;
    if (!completed) {
        outcome.status = "cancelled";
        listener.log("info", "cancelled after round " + std::to_string(s.state.round) +
                                 "; resume continues boosting from there");
    }
    return outcome;
}

}  // namespace

Result<TrainOutcome> trainTrees(const RunSpec& spec, TrainingData data, const fs::path& runDir,
                                bool resume, TrainListener& listener) {
    try {
        return train(spec, std::move(data), runDir, resume, listener);
    } catch (const xgb::Failure& e) {
        return makeError(ErrorCode::Internal, std::string("XGBoost failed: ") + e.what(),
                         "training " + spec.model.family);
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Io, std::string("training stopped: ") + e.what(),
                         "training " + spec.model.family);
    }
}

}  // namespace kiln
