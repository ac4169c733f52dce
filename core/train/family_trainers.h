#pragma once
// Internal to core/train: the trainers runTraining dispatches to, each given prepared data.

#include <filesystem>

#include "core/base/result.h"
#include "core/train/trainer.h"
#include "core/train/training_data.h"

namespace kiln {

// Linear, MLP and CNN models with LibTorch (trainer.cpp).
Result<TrainOutcome> trainNetwork(const RunSpec& spec, TrainingData data,
                                  const std::filesystem::path& runDir, bool resume,
                                  TrainListener& listener);

// Boosted trees, random forests and single decision trees with XGBoost (tree_trainer.cpp).
Result<TrainOutcome> trainTrees(const RunSpec& spec, TrainingData data,
                                const std::filesystem::path& runDir, bool resume,
                                TrainListener& listener);

// Either of them, by the spec's family.
inline Result<TrainOutcome> trainFamily(const RunSpec& spec, TrainingData data,
                                        const std::filesystem::path& runDir, bool resume,
                                        TrainListener& listener) {
    return isTreeFamily(spec.model.family)
               ? trainTrees(spec, std::move(data), runDir, resume, listener)
               : trainNetwork(spec, std::move(data), runDir, resume, listener);
}

}  // namespace kiln
