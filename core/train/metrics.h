#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace kiln {

// Summary metrics of classifier outputs. `probs` is row-major [n, classes]; labels in 0..classes-1.
struct ClassificationMetrics {
    double accuracy = 0;
    double macroF1 = 0;
    double rocAuc =
        0;  // binary: of class 1; multi-class: one-vs-rest macro average (NaN if undefined)
};
ClassificationMetrics classificationMetrics(const std::vector<float>& probs,
                                            const std::vector<long>& labels, int classes);

// Summary metrics of a regressor, in the target's own units.
struct RegressionMetrics {
    double rmse = 0;
    double mae = 0;
    double r2 = 0;
};
RegressionMetrics regressionMetrics(const std::vector<double>& predicted,
                                    const std::vector<double>& actual);

// Area under the ROC curve of scores for a positive class (ties counted half); NaN when one class
// is absent. NaN scores rank below every number; ±inf scores are ordinary extremes.
double rocAuc(const std::vector<double>& scores, const std::vector<char>& positive);

// The test-set evaluation saved as report.json: confusion matrix, per-class precision/recall/F1,
// ROC and PR curve points (per class, at most ~200 points each).
nlohmann::json classificationReport(const std::vector<float>& probs,
                                    const std::vector<long>& labels,
                                    const std::vector<std::string>& classes);

// Regression evaluation: metrics, predicted vs actual pairs and a residual histogram.
nlohmann::json regressionReport(const std::vector<double>& predicted,
                                const std::vector<double>& actual);

}  // namespace kiln
