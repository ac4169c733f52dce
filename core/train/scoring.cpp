#include "core/train/scoring.h"

#include <algorithm>
#include <cmath>
#include <thread>
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

// Sum of the cross-entropy of rows [begin, end) with `columns` probabilities a row; one column
// is a binary model's P(class 1).
double crossEntropySum(const float* probs, int columns, const std::vector<long>& labels,
                       std::size_t begin, std::size_t end) {
    double sum = 0;
    const std::size_t k = std::size_t(columns);
    if (columns == 1) {
        for (std::size_t r = begin; r < end; ++r) {  // no branch on the label: labels are random
            const float positive = float(labels[r] != 0), p = probs[r];
            sum -= std::log(std::max(double(positive * p + (1 - positive) * (1 - p)), 1e-12));
        }
    } else {
        for (std::size_t r = begin; r < end; ++r)
            sum -= std::log(std::max(double(probs[r * k + std::size_t(labels[r])]), 1e-12));
    }
    return sum;
}

double squaredErrorSum(const float* predicted, const std::vector<float>& actual,
                       std::size_t begin, std::size_t end) {
    double sum = 0;
    for (std::size_t r = begin; r < end; ++r)
        sum += (double(predicted[r]) - actual[r]) * (double(predicted[r]) - actual[r]);
    return sum;
}

// The mean of sum(begin, end) over rows [0, rows), in `threads` chunks summed in chunk order
// (the same thread count gives the same bits).
template <class Sum>
double chunkedMean(std::size_t rows, int threads, const Sum& sum) {
    if (rows == 0) return 0;
    const std::size_t chunks = std::min<std::size_t>(std::size_t(std::max(1, threads)),
                                                     std::max<std::size_t>(1, rows / 50000));
    std::vector<double> partial(chunks, 0.0);
    std::vector<std::thread> helpers;
    auto bounds = [&](std::size_t c) { return std::pair{rows * c / chunks, rows * (c + 1) / chunks}; };
    for (std::size_t c = 1; c < chunks; ++c)
        helpers.emplace_back([&, c] { partial[c] = sum(bounds(c).first, bounds(c).second); });
    partial[0] = sum(bounds(0).first, bounds(0).second);
    for (auto& t : helpers) t.join();
    double total = 0;
    for (double p : partial) total += p;
    return total / double(rows);
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

double outputLoss(const float* out, int columns, const SplitArrays& part, const TrainingData& data,
                  int threads) {
    if (classifies(data))
        return chunkedMean(part.labels.size(), threads, [&](std::size_t b, std::size_t e) {
            return crossEntropySum(out, columns, part.labels, b, e);
        });
    return chunkedMean(part.targets.size(), threads, [&](std::size_t b, std::size_t e) {
        return squaredErrorSum(out, part.targets, b, e);
    });
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
