#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/export/host_tensor.h"

namespace kiln {

struct TrainedModel;

// One input of an exported graph and what a caller feeds it.
struct OnnxInputSpec {
    std::string name;    // the column name (tables) or "image"
    std::string column;  // the dataset column it comes from
    HostTensor::Type type = HostTensor::Type::Float;
    std::string kind;     // numeric | boolean | date | categorical | image
    std::string meaning;  // one sentence a deploying engineer reads
};

// How to write the graph.
struct OnnxExportOptions {
    // false (the deployable file): raw inputs with the fitted preprocessing inside the graph.
    // true: the bare network only — one input "features" [N, width] float (tables) or "image"
    // [N, C, S, S] float already normalised, one output ("probabilities" or "value"): the plain
    // graph OpenCV DNN can run, used to cross-check with a second runtime.
    bool plain = false;
    std::string datasetHash;  // written into the metadata
    std::string datasetName;
    // Tree models: also output the margins as "margin" [N, marginWidth] (summed leaf weights
    // plus the base margin, before the sigmoid or softmax), for cross-checks with XGBoost.
    bool exposeMargins = false;
};

// The name of the value inside a tree model's graph that holds the margins (what
// OnnxExecutor::run can return beside the outputs).
inline constexpr char kTreeMarginsValue[] = "kiln/margin";

// The raw inputs a deployable export of `model` takes, in graph order: one [N, 1] tensor per
// feature column — float (numbers; NaN or ±inf = missing), bool columns as float 0/1 (NaN =
// missing), dates as double days since 1970-01-01 (NaN = missing), categories as strings ("" =
// missing); images as one uint8 [N, H, W, C] tensor (RGB, any H and W; resized inside).
std::vector<OnnxInputSpec> onnxInputsFor(const TrainedModel& model);

// Builds the ONNX graph (ai.onnx opset 13; ai.onnx.ml 2 for LabelEncoder, 3 when it holds a
// TreeEnsembleRegressor) of a trained model and returns the serialised ModelProto. Outputs:
// classification "probabilities" float [N, K] (softmax, or [1 − p, p] for two-class trees) and
// "label" int64 [N] (class index; names in metadata "kiln.classes"); regression "value" float
// [N, 1] in the target's units. Batch size is dynamic. Unsupported for feature kinds it cannot
// express (none today).
Result<std::string> buildOnnxModel(const TrainedModel& model, const OnnxExportOptions& options);

// What the ONNX checker said about a file.
struct OnnxCheck {
    std::string opsetSummary;  // "ai.onnx 13"
    int nodes = 0;
    std::int64_t bytes = 0;
};

// Runs onnx::checker::check_model (full check) and onnx::shape_inference::InferShapes (strict)
// on the file as stored. Corrupt with the checker's message when either fails.
Result<OnnxCheck> checkOnnxFile(const std::filesystem::path& file);

// Writes `bytes` to `file` through a temporary name (never a half-written model).
Status writeModelFile(const std::filesystem::path& file, const std::string& bytes);

}  // namespace kiln
