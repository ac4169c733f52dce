#pragma once

// Internal to kiln_export's ONNX writer: the raw-input part of a deployable graph, the fitted
// preprocessing written as standard ops. Includes the ONNX protobuf headers.
#include <string>

#include "core/export/onnx_graph_builder.h"

namespace kiln {

struct TrainedModel;

namespace onnx_build {

// Declares one [N, 1] input per feature column and preprocesses each as training did (numeric,
// boolean, date, categorical); returns the name of the [N, width] float features.
std::string tabularInputs(GraphBuilder& b, onnx::GraphProto& g, const TrainedModel& m);

// uint8 [N, H, W, C] → float [N, C, S, S]: cast, to NCHW, bilinear resize to the training size
// (the identity when H = W = S), pixels / 255, then (x − mean) / std per channel.
std::string imageInputs(GraphBuilder& b, onnx::GraphProto& g, const TrainedModel& m);

}  // namespace onnx_build
}  // namespace kiln
