// runTraining: cross-validation and auto's choice of family first when asked, then the family's
// trainer, then what every table model gets in report.json (permutation importance, the CV
// table, the choice and its reasons).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <optional>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/store/object_store.h"
#include "core/train/cross_validation.h"
#include "core/train/family_trainers.h"
#include "core/train/run_files.h"
#include "core/train/importance.h"
#include "core/train/scoring.h"
#include "core/train/trainer.h"

namespace kiln {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr int kAutoFolds = 5;
constexpr double kForestCellLimit = 5e6;  // auto tries a forest on tables up to this many cells
// From this many non-test rows auto uses 3 folds (the candidates' CV spreads, about 0.015, are
// well below their differences there) and networks train in batches of at least 256 (the same
// CV accuracy as 32 on a 10,000-row table, 1.5× sooner).
constexpr std::size_t kLargeTableRows = 5000;
constexpr int kLargeTableFolds = 3;
constexpr int kLargeTableBatch = 256;

// What cross-validation decided, kept in cv.json so a resumed run does not repeat it.
struct CvRecord {
    json cv;      // report.json's "cv" (the family that trained)
    json choice;  // report.json's "model_choice" (auto only)
};

std::string scoreText(double mean, double sd) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3f ± %.3f", mean, sd);
    return buf;
}

std::vector<std::string> autoCandidates(const TrainingData& data) {
    std::vector<std::string> families = {"linear", "boosted"};
    if (double(data.train.rows + data.val.rows) * data.inputWidth <= kForestCellLimit)
        families.push_back("forest");
    families.push_back("mlp");
    return families;
}

RunSpec familySpec(const RunSpec& spec, const std::string& family) {
    RunSpec s = spec;
    s.model.family = family;
    applyTreeDefaults(s.model);
    s.cvFolds = 0;
    return s;
}

// A candidate of auto's on a table of `rows` non-test rows; the family it keeps trains the same.
RunSpec candidateSpec(const RunSpec& spec, const std::string& family, std::size_t rows) {
    RunSpec s = familySpec(spec, family);
    if (rows >= kLargeTableRows && !isTreeFamily(family))
        s.batchSize = std::max(s.batchSize, kLargeTableBatch);
    return s;
}

// The best mean score wins; earlier (simpler) candidates win ties.
json chooseFamily(const std::vector<CvResult>& results, TaskKind task) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < results.size(); ++i)
        if (results[i].score > results[best].score + 1e-12) best = i;
    std::vector<std::size_t> order(results.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](auto a, auto b) { return results[a].score > results[b].score; });
    const std::string label = task == TaskKind::Classification ? "accuracy" : "R²";
    std::string why;
    json candidates = json::array();
    for (auto i : order) {
        const auto& r = results[i];
        why += (why.empty() ? "" : "; ") + familyTitle(r.family) + ": CV " + label + " " +
               scoreText(r.score, r.scoreStd);
        candidates.push_back({{"family", r.family}, {"mean", r.score}, {"std", r.scoreStd}});
    }
    return {{"chosen", results[best].family},
            {"metric", primaryMetric(task)},
            {"folds", results[best].folds.size()},
            {"candidates", candidates},
            {"why", why}};
}

// Auto's final model trains on every non-test row, nothing held back for early stopping: for
// the epochs (boosting rounds) its folds stopped at on average when the family stops early.
// (A run with an explicit --cv trains its final model as any run does.)
json finalFit(const RunSpec& spec, const CvResult& kept, std::size_t rows) {
    json fit = {{"rows", rows}};
    const bool stopsEarly = spec.model.family == "boosted" || !isTreeFamily(spec.model.family);
    if (spec.earlyStopping > 0 && stopsEarly && !kept.bestEpochs.empty()) {
        double mean = 0;
        for (int e : kept.bestEpochs) mean += double(e) / double(kept.bestEpochs.size());
        fit[spec.model.family == "boosted" ? "rounds" : "epochs"] = std::max(1L, std::lround(mean));
    }
    return fit;
}

void applyFinalFit(RunSpec& spec, const json& fit) {
    spec.earlyStopping = 0;
    if (fit.contains("rounds")) spec.model.trees = fit.at("rounds").get<int>();
    if (fit.contains("epochs")) spec.epochs = fit.at("epochs").get<int>();
}

std::string finalFitText(const json& fit) {
    std::string text = "the final model trains on all " +
                       std::to_string(fit.at("rows").get<std::size_t>()) + " non-test rows";
    for (const char* unit : {"rounds", "epochs"})
        if (fit.contains(unit))
            text += " for " + std::to_string(fit.at(unit).get<int>()) + " " + unit +
                    ", the folds' mean best";
    return text;
}

// The run's own split with its validation rows moved into training.
DataSplit allNonTestRows(DataSplit split) {
    split.train.insert(split.train.end(), split.val.begin(), split.val.end());
    std::sort(split.train.begin(), split.train.end());
    split.val.clear();
    return split;
}

// Auto's choice becomes the run's definition: spec.json says what trained, and why.
void recordChoice(RunSpec& spec, const json& choice, const fs::path& runDir,
                  TrainListener& listener) {
    std::string note = "model auto chose " + familyTitle(spec.model.family) + " (" +
                       choice.at("why").get<std::string>() + "); " +
                       finalFitText(choice.at("final_fit"));
    spec.notes.push_back(note);
    listener.log("info", note);
    if (fs::exists(runDir / "spec.json")) {
        writeRunFile(runDir / "spec.json", spec.toJson());
        listener.artifact("spec", "spec.json");
    }
}

void emitCvMetrics(const json& cv, TrainListener& listener) {
    for (auto& [key, value] : cv.at("mean").items()) listener.metric("cv_" + key, value, 0, 0);
    for (auto& [key, value] : cv.at("std").items())
        listener.metric("cv_" + key + "_std", value, 0, 0);
}

// Cross-validates the spec's family, or every candidate for auto (choosing one and rewriting
// `spec`). Nothing when cancelled (`cancelled` set).
Result<CvRecord> crossValidateRun(RunSpec& spec, const ObjectStore& store, const fs::path& runDir,
                                  TrainListener& listener, bool& cancelled) {
    const bool choose = spec.model.family == "auto";
    auto base = prepareTrainingData(familySpec(spec, choose ? "mlp" : spec.model.family), store);
    if (!base) return base.error();
    const std::size_t rows = base->train.rows + base->val.rows;
    const int autoFolds = rows >= kLargeTableRows ? kLargeTableFolds : kAutoFolds;
    int folds = int(std::min<std::size_t>(std::size_t(spec.cvFolds >= 2 ? spec.cvFolds : autoFolds),
                                          std::max<std::size_t>(2, rows / 4)));
    CvRows cvRows = makeCvRows(*base, folds, spec.split.seed);
    auto families = choose ? autoCandidates(*base) : std::vector<std::string>{spec.model.family};
    std::vector<CvResult> results;
    for (const auto& family : families) {
        RunSpec candidate = choose ? candidateSpec(spec, family, rows) : familySpec(spec, family);
        auto r = crossValidate(candidate, store, cvRows, runDir / "cv", listener);
        if (!r) return r.error();
        if (r->cancelled) return cancelled = true, CvRecord{};
        results.push_back(std::move(*r));
    }
    std::error_code ec;
    fs::remove_all(runDir / "cv", ec);
    CvRecord record;
    std::size_t kept = 0;
    if (choose) {
        record.choice = chooseFamily(results, spec.task);
        spec = candidateSpec(spec, record.choice.at("chosen").get<std::string>(), rows);
        for (std::size_t i = 0; i < results.size(); ++i)
            if (results[i].family == spec.model.family) kept = i;
        record.choice["final_fit"] = finalFit(spec, results[kept], rows);
        applyFinalFit(spec, record.choice["final_fit"]);
        recordChoice(spec, record.choice, runDir, listener);
    }
    record.cv = cvReport(results[kept], cvRows);
    json file = {{"format", "kiln-cv/1"},
                 {"folds", cvRows.folds},
                 {"cv", record.cv},
                 {"model_choice", record.choice}};
    writeRunFile(runDir / "cv.json", file.dump());
    listener.artifact("cv", "cv.json");
    emitCvMetrics(record.cv, listener);
    return record;
}

// A resumed run keeps the cross-validation it did before it stopped.
std::optional<CvRecord> savedCv(const fs::path& runDir) {
    if (!fs::exists(runDir / "cv.json")) return std::nullopt;
    json j = json::parse(readRunFile(runDir / "cv.json"), nullptr, false);
    if (!j.is_object() || !j.contains("cv")) return std::nullopt;
    return CvRecord{j.at("cv"), j.value("model_choice", json())};
}

// The parts of the data importance needs, kept before the data moves into the trainer.
TrainingData testPartOf(const TrainingData& data) {
    TrainingData kept;
    kept.recipe = data.recipe;
    kept.test = data.test.rows >= 2 ? data.test : data.val;
    kept.inputWidth = data.inputWidth;
    kept.outputs = data.outputs;
    return kept;
}

// Adds what every table model gets to the family's report.json and announces it again (the
// latest artifact event is the one a host's copy is checked against).
void completeReport(const fs::path& runDir, const RunSpec& spec, const TrainOutcome& outcome,
                    const TrainingData& heldOut, const std::optional<CvRecord>& cv,
                    TrainListener& listener) {
    json report = json::parse(readRunFile(runDir / "report.json"));
    report["family"] = spec.model.family;
    if (!report.contains("importance")) report["importance"] = json::object();
    report["importance"]["metric"] = primaryMetric(spec.task);
    report["importance"]["permutation"] =
        permutationImportance(outcome.predict, heldOut.test, heldOut, spec.seed);
    if (cv) {
        report["cv"] = cv->cv;
        if (!cv->choice.is_null()) report["model_choice"] = cv->choice;
    }
    writeRunFile(runDir / "report.json", report.dump(1));
    listener.artifact("report", "report.json");
}

}  // namespace

Result<TrainOutcome> runTraining(const RunSpec& requested, const fs::path& workspace,
                                 const fs::path& runDir, bool resume, TrainListener& listener) {
    RunSpec spec = requested;
    applyTreeDefaults(spec.model);  // a swept family's knobs may still be left to it
    ObjectStore store(workspace / "objects");
    const bool tables = spec.datasetKind != "images";
    if (spec.model.family == "auto" && !tables) spec.model.family = "cnn";
    std::optional<CvRecord> cv = resume ? savedCv(runDir) : std::nullopt;
    if (cv && spec.model.family == "auto" && cv->choice.is_object())
        spec = familySpec(spec, cv->choice.at("chosen").get<std::string>());
    if (!cv && tables && (spec.model.family == "auto" || spec.cvFolds >= 2)) {
        bool cancelled = false;
        auto record = crossValidateRun(spec, store, runDir, listener, cancelled);
        if (!record) return record.error();
        if (cancelled) {
            listener.log("info", "cancelled during cross-validation; resume starts it again");
            TrainOutcome stopped;
            stopped.status = "cancelled";
            return stopped;
        }
        cv = std::move(*record);
    }
    const bool allRows = cv && cv->choice.is_object() && cv->choice.contains("final_fit");
    if (allRows) applyFinalFit(spec, cv->choice.at("final_fit"));  // a resume's spec too
    auto data = prepareTrainingData(spec, store);
    if (data && allRows) {
        DataSplit merged = allNonTestRows(data->split);
        data = prepareTrainingData(spec, store, &merged);
    }
    if (!data) return data.error();
    for (const auto& note : data->recipe.notes) listener.log("warning", note);
    TrainingData heldOut = tables ? testPartOf(*data) : TrainingData{};
    auto outcome = trainFamily(spec, std::move(*data), runDir, resume, listener);
    if (!outcome || outcome->status != "completed" || !tables) return outcome;
    try {
        completeReport(runDir, spec, *outcome, heldOut, cv, listener);
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Io, std::string("cannot complete report.json: ") + e.what(),
                         runDir.string());
    }
    return outcome;
}

}  // namespace kiln
