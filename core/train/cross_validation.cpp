#include "core/train/cross_validation.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/features/split.h"
#include "core/train/family_trainers.h"
#include "core/train/scoring.h"

namespace kiln {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Passes cancels through and keeps a fold's own events (epochs, artifacts, its recipe's notes)
// out of the run's record.
class FoldListener : public TrainListener {
public:
    explicit FoldListener(TrainListener& run) : m_run(run) {}
    void progress(int, std::int64_t, std::int64_t) override {}
    void metric(const std::string&, double, std::int64_t, int) override {}
    void log(const std::string&, const std::string&) override {}
    void artifact(const std::string&, const std::string&) override {}
    bool cancelled() override { return m_run.cancelled(); }

private:
    TrainListener& m_run;
};

// Fold `k` held out: the others split 85/15 (stratified) into training and early-stopping rows.
DataSplit foldSplit(const CvRows& rows, std::size_t k, const RunSpec& spec) {
    std::vector<std::uint64_t> rest;
    for (std::size_t f = 0; f < rows.folds.size(); ++f)
        if (f != k) rest.insert(rest.end(), rows.folds[f].begin(), rows.folds[f].end());
    std::sort(rest.begin(), rest.end());
    std::vector<int> labels;
    for (auto r : rest) labels.push_back(rows.label.count(r) ? rows.label.at(r) : 0);
    SplitSpec inner{0.85, 0.15, 0.0, spec.split.seed + 1000 + k};
    DataSplit split = makeSplit(rest, rows.label.empty() ? nullptr : &labels, inner);
    split.test = rows.folds[k];
    return split;
}

void summarise(CvResult& result, const RunSpec& spec) {
    std::map<std::string, std::vector<double>> values;
    for (const auto& fold : result.folds)
        for (auto& [key, value] : fold.at("metrics").items()) values[key].push_back(value);
    for (auto& [key, v] : values) {
        double mean = 0, sq = 0;
        for (double x : v) mean += x / double(v.size());
        for (double x : v) sq += (x - mean) * (x - mean);
        result.mean[key] = mean;
        result.std[key] = v.size() > 1 ? std::sqrt(sq / double(v.size() - 1)) : 0.0;
    }
    const std::string primary = primaryMetric(spec.task);
    result.score = result.mean.value(primary, -std::numeric_limits<double>::infinity());
    result.scoreStd = result.std.value(primary, 0.0);
}

// A fold's test_* metrics without the prefix.
json foldMetrics(const json& test) {
    json m = json::object();
    for (auto& [key, value] : test.items())
        m[key.rfind("test_", 0) == 0 ? key.substr(5) : key] = value;
    return m;
}

}  // namespace

CvRows makeCvRows(const TrainingData& data, int folds, std::uint64_t seed) {
    CvRows out;
    std::vector<std::uint64_t> rows;
    std::vector<int> labels;
    const bool classify = data.recipe.target.task == TaskKind::Classification;
    for (const SplitArrays* part : {&data.train, &data.val})
        for (std::size_t i = 0; i < part->rows; ++i) {
            rows.push_back(part->rowIndex[i]);
            if (classify) {
                labels.push_back(int(part->labels[i]));
                out.label[part->rowIndex[i]] = int(part->labels[i]);
            }
        }
    out.folds = makeFolds(rows, classify ? &labels : nullptr, folds, seed);
    return out;
}

std::string familyTitle(const std::string& family) {
    if (family == "boosted") return "boosted trees";
    if (family == "forest") return "random forest";
    if (family == "tree") return "decision tree";
    if (family == "mlp") return "MLP";
    if (family == "cnn") return "CNN";
    return family;
}

Result<CvResult> crossValidate(const RunSpec& spec, const ObjectStore& store, const CvRows& rows,
                               const fs::path& workDir, TrainListener& listener) {
    CvResult result;
    result.family = spec.model.family;
    const std::size_t k = rows.folds.size();
    for (std::size_t f = 0; f < k; ++f) {
        if (listener.cancelled()) return result.cancelled = true, result;
        DataSplit split = foldSplit(rows, f, spec);
        auto data = prepareTrainingData(spec, store, &split);
        if (!data) return data.error();
        const std::size_t trainRows = data->train.rows + data->val.rows;
        fs::path dir = workDir / ("fold-" + std::to_string(f + 1));
        fs::remove_all(dir);
        fs::create_directories(dir);
        FoldListener quiet(listener);
        auto outcome = trainFamily(spec, std::move(*data), dir, false, quiet);
        std::error_code ec;
        fs::remove_all(dir, ec);
        if (!outcome) {
            Error e = outcome.error();
            e.context = familyTitle(spec.model.family) + ", cross-validation fold " +
                        std::to_string(f + 1) + (e.context.empty() ? "" : ", " + e.context);
            return e;
        }
        if (outcome->status != "completed") return result.cancelled = true, result;
        json metrics = foldMetrics(outcome->testMetrics);
        result.bestEpochs.push_back(std::max(1, outcome->bestEpoch));
        result.folds.push_back({{"fold", f + 1},
                                {"train_rows", trainRows},
                                {"rows", rows.folds[f].size()},
                                {"metrics", metrics}});
        const std::string primary = primaryMetric(spec.task);
        listener.log("info", "cross-validation: " + familyTitle(spec.model.family) + ", fold " +
                                 std::to_string(f + 1) + " of " + std::to_string(k) + ": " +
                                 primary + " " +
                                 std::to_string(metrics.value(primary, std::nan(""))));
    }
    summarise(result, spec);
    return result;
}

json cvReport(const CvResult& result, const CvRows& rows) {
    json metrics = json::array();
    for (auto& [key, value] : result.mean.items()) metrics.push_back(key);
    (void)rows;
    return {{"family", result.family},
            {"folds", result.folds.size()},
            {"metrics", metrics},
            {"rows", result.folds},
            {"mean", result.mean},
            {"std", result.std}};
}

}  // namespace kiln
