#pragma once

#include <cstddef>
#include <filesystem>
#include <vector>

#include "core/base/result.h"
#include "core/features/feature_recipe.h"

namespace kiln {

// A tree model's predictions as XGBoost itself makes them: what an exported tree graph is
// verified against.
struct TreePredictions {
    int marginWidth = 1;        // 1 (regression, two classes) or the number of classes
    std::vector<float> margin;  // [rows, marginWidth]: the raw sums before sigmoid or softmax
    std::vector<float> output;  // [rows, classes] probabilities, or [rows, 1] value in target units
};

// Loads a run's model.xgb.json and predicts `rows` preprocessed inputs `x` ([rows, width], the
// recipe's inputs with NaN for missing). Corrupt when the file is no XGBoost model or its width
// differs from the recipe's.
Result<TreePredictions> predictTrees(const std::filesystem::path& modelFile,
                                     const FeatureRecipe& recipe, const std::vector<float>& x,
                                     std::size_t rows);

}  // namespace kiln
