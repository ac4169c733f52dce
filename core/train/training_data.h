#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include "core/base/result.h"
#include "core/features/feature_recipe.h"
#include "core/features/split.h"
#include "core/train/run_spec.h"

namespace kiln {

class ObjectStore;

// One part of the data, transformed by the recipe and ready for tensors.
struct SplitArrays {
    std::size_t rows = 0;
    std::vector<std::uint64_t> rowIndex;  // the dataset rows, in order
    std::vector<float> x;                 // tables: [rows, width]
    std::vector<std::uint8_t> pixels;     // images: [rows, channels, size, size]
    std::vector<long> labels;             // classification: class index per row
    std::vector<float> targets;           // regression: standardised target per row
};

// Everything a trainer needs from a dataset version: the split, the recipe fitted on its training
// rows, and the three parts transformed.
struct TrainingData {
    FeatureRecipe recipe;
    DataSplit split;
    SplitArrays train, val, test;
    int inputWidth = 0;                // tables: recipe width
    int outputs = 1;                   // classes, or 1 for regression
    std::vector<double> classWeights;  // empty unless the spec asks for balanced weights
};

// Opens the spec's dataset version, splits it (or takes `split`, as cross-validation's folds
// do), fits the recipe on the training rows and applies it to every part. Deterministic: the
// same spec gives the same data. Errors name the dataset and what is wrong with it (a target
// with one class, too few rows, an undecodable image).
Result<TrainingData> prepareTrainingData(const RunSpec& spec, const ObjectStore& store,
                                         const DataSplit* split = nullptr);

}  // namespace kiln
