#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/features/feature_recipe.h"
#include "core/features/split.h"
#include "core/train/run_spec.h"

namespace kiln {

// One layer of a trained network, with its weights copied out of LibTorch (row-major floats).
struct ModelLayer {
    enum class Kind { Linear, BatchNorm, Relu, Gelu, Tanh, Conv, MaxPool, Flatten };
    Kind kind = Kind::Linear;
    std::vector<std::int64_t> weightShape;  // Linear [out, in]; Conv [out, in, k, k]
    std::vector<float> weight, bias;        // BatchNorm: weight = gamma, bias = beta
    std::vector<float> runningMean, runningVar;
    double eps = 1e-5;
    int kernel = 0, padding = 0, stride = 1;  // Conv and MaxPool
};

struct TorchNetwork;  // the rebuilt LibTorch module (defined in trained_model.cpp)
struct TreeEnsemble;  // a tree family's trees (core/export/tree_ensemble.h)

// A finished run as the exporter needs it: its spec, fitted recipe, split, and either the
// network's layers and the LibTorch module itself (for reference outputs) or, for a tree family
// (boosted, forest, tree), the trees of its model.xgb.json. Cheap to copy (both are shared).
struct TrainedModel {
    std::string runId;
    std::filesystem::path runDir;
    RunSpec spec;
    FeatureRecipe recipe;
    DataSplit split;
    std::vector<ModelLayer> layers;  // in order; dropout (a no-op at inference) is left out
    int inputWidth = 0;              // tabular: recipe width
    int outputs = 1;                 // classes, or 1 for regression
    std::shared_ptr<TorchNetwork> network;
    std::shared_ptr<const TreeEnsemble> trees;  // tree families only (then no layers, no network)

    bool classification() const { return spec.task == TaskKind::Classification; }
    bool treeModel() const { return trees != nullptr; }
    bool images() const { return recipe.image.enabled; }
};

// Reads runs/<id>/ (spec.json, recipe.json, split.json, and model.pt or, for a tree family,
// model.xgb.json), rebuilds the network the trainer made and loads its weights, or reads the
// trees. NotFound when the run has no model (not finished); Corrupt when the files disagree
// with each other (the message says which); Unsupported for trees the export cannot write.
Result<TrainedModel> loadTrainedModel(const std::filesystem::path& runDir);

// What the trained model itself predicts for some rows: `outputs` [rows, outputs] are softmax
// probabilities (classification) or the de-standardised value (regression); for trees also
// XGBoost's `margins` [rows, marginWidth] (the summed leaf weights plus the base margin, before
// the sigmoid or softmax; standardised for regression). Networks leave margins empty.
struct ReferenceOutputs {
    std::vector<float> outputs;
    std::vector<float> margins;
    int marginWidth = 0;
};

// The trained model's outputs for `rows` preprocessed inputs: `x` is [rows, width] floats
// (tables; NaN where a tree recipe keeps a missing value) or, for images, `pixels`
// [rows, channels, size, size] uint8 which are normalised as in training. Networks run in
// LibTorch, trees in XGBoost (predictTrees on model.xgb.json). Thread-safe for concurrent
// readers.
Result<ReferenceOutputs> referencePredictions(const TrainedModel& model,
                                              const std::vector<float>& x,
                                              const std::vector<std::uint8_t>& pixels,
                                              std::size_t rows);

// referencePredictions' outputs alone.
Result<std::vector<float>> referenceOutputs(const TrainedModel& model, const std::vector<float>& x,
                                            const std::vector<std::uint8_t>& pixels,
                                            std::size_t rows);

}  // namespace kiln
