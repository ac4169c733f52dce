#pragma once
// Internal to core/train: what report.json tells about a trained XGBoost model.

#include <nlohmann/json.hpp>

#include "core/features/feature_recipe.h"
#include "core/train/training_data.h"
#include "core/train/xgboost_api.h"

namespace kiln {

// Every tree of the model as XGBoost dumps it (JSON with split gains and covers), read once for
// the report's parts below.
std::vector<nlohmann::json> dumpedTrees(const xgb::Booster& model);

// Total split gain per input column (a categorical column's one-hot inputs and a number's
// inputs summed), largest first: [{"feature", "value"}].
nlohmann::json gainImportance(const std::vector<nlohmann::json>& trees, const FeatureRecipe& recipe);

// Every tree as nodes a person can read (report.json "tree"): splits with their input, threshold,
// missing-value direction and gain; leaves with their raw weight; at every node the training
// rows reaching it and their value (the share of the tree's class, or the mean target), found
// by sending `train` (the rows of `rows`) through the model.
nlohmann::json drawableTrees(const xgb::Booster& model, const std::vector<nlohmann::json>& trees,
                             const xgb::Matrix& train, const SplitArrays& rows,
                             const FeatureRecipe& recipe, int classes);

}  // namespace kiln
