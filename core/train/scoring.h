#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/train/training_data.h"

namespace kiln {

// The task's loss and metrics of model outputs on `part`, keyed with `prefix` ("val_", "test_"):
// `out` is class probabilities [rows, classes] (loss: mean cross-entropy; accuracy, macro F1,
// ROC AUC when defined) or standardised predictions [rows, 1] (loss: mean squared error on the
// standardised target; RMSE, MAE and R² in the target's units). Empty for an empty part.
nlohmann::json scoreOutputs(const std::vector<float>& out, const SplitArrays& part,
                            const TrainingData& data, const std::string& prefix);

// The loss alone of scoreOutputs (cross-entropy, or the mean squared standardised error): what the
// training curve needs each round, without the metrics' sorting.
double outputLoss(const std::vector<float>& out, const SplitArrays& part, const TrainingData& data);
// The same over `columns` outputs a row as a model returned them, where a binary classifier's one
// column is P(class 1), summed on up to `threads` threads: the boosting loop reads XGBoost's
// predictions of the training rows in place.
double outputLoss(const float* out, int columns, const SplitArrays& part, const TrainingData& data,
                  int threads = 1);

// The metric models are ranked by: accuracy for classification, R² for regression.
const char* primaryMetric(TaskKind task);
double primaryScore(const std::vector<float>& out, const SplitArrays& part,
                    const TrainingData& data);

}  // namespace kiln
