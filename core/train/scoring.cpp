#include "core/train/scoring.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/train/metrics.h"

namespace kiln {

namespace {

bool classifies(const TrainingData& data) {
    return data.recipe.target.task == TaskKind::Classification;
}

std::vector<double> unscaled(const TrainingData& data, const std::vector<float>& v) {
    std::vector<double> out(v.size());
    for (std::size_t i = 0; i < v.size(); ++i)
        out[i] = v[i] * data.recipe.target.scale + data.recipe.target.mean;
    return out;
}

// Mean cross-entropy of `columns` probabilities a row; one column is a binary model's P(class 1).
double crossEntropy(const float* probs, int columns, const std::vector<long>& labels) {
    double sum = 0;
    const std::size_t n = labels.size(), k = std::size_t(columns);
    if (columns == 1) {
        for (std::size_t r = 0; r < n; ++r) {  // no branch on the label: the labels are random
            const float positive = float(labels[r] != 0), p = probs[r];
            sum -= std::log(std::max(double(positive * p + (1 - positive) * (1 - p)), 1e-12));
        }
    } else {
        for (std::size_t r = 0; r < n; ++r)
            sum -= std::log(std::max(double(probs[r * k + std::size_t(labels[r])]), 1e-12));
    }
    return n == 0 ? 0 : sum / double(n);
}

double meanSquared(const float* predicted, const std::vector<float>& actual) {
    double sum = 0;
    for (std::size_t r = 0; r < actual.size(); ++r)
        sum += (double(predicted[r]) - actual[r]) * (double(predicted[r]) - actual[r]);
    return actual.empty() ? 0 : sum / double(actual.size());
}

}  // namespace

nlohmann::json scoreOutputs(const std::vector<float>& out, const SplitArrays& part,
                            const TrainingData& data, const std::string& prefix) {
    nlohmann::json m = nlohmann::json::object();
    if (part.rows == 0) return m;
    m[prefix + "loss"] = outputLoss(out, part, data);
    if (classifies(data)) {
        auto c = classificationMetrics(out, part.labels, data.outputs);
        m[prefix + "accuracy"] = c.accuracy;
        m[prefix + "macro_f1"] = c.macroF1;
        if (std::isfinite(c.rocAuc)) m[prefix + "roc_auc"] = c.rocAuc;
    } else {
        auto r = regressionMetrics(unscaled(data, out), unscaled(data, part.targets));
        m[prefix + "rmse"] = r.rmse;
        m[prefix + "mae"] = r.mae;
        m[prefix + "r2"] = r.r2;
    }
    return m;
}

double outputLoss(const std::vector<float>& out, const SplitArrays& part, const TrainingData& data) {
    return outputLoss(out.data(), classifies(data) ? data.outputs : 1, part, data);
}

double outputLoss(const float* out, int columns, const SplitArrays& part, const TrainingData& data) {
    return classifies(data) ? crossEntropy(out, columns, part.labels)
                            : meanSquared(out, part.targets);
}

const char* primaryMetric(TaskKind task) {
    return task == TaskKind::Classification ? "accuracy" : "r2";
}

double primaryScore(const std::vector<float>& out, const SplitArrays& part,
                    const TrainingData& data) {
    if (classifies(data)) return classificationMetrics(out, part.labels, data.outputs).accuracy;
    return regressionMetrics(unscaled(data, out), unscaled(data, part.targets)).r2;
}

}  // namespace kiln
