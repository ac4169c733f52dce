#pragma once

// Internal to kiln_export's ONNX writer: the trained network's layers and the graph outputs.
// Includes the ONNX protobuf headers.
#include <string>

#include "core/export/onnx_graph_builder.h"

namespace kiln {

struct TrainedModel;

namespace onnx_build {

// The network's layers applied to `x`; the last Linear's weights may be rescaled (plain
// regression graphs): outputs * outScale + outShift.
std::string network(GraphBuilder& b, std::string x, const TrainedModel& m, double outScale,
                    double outShift);

// The graph outputs from the network's `logits`: "probabilities" (softmax) and, unless `plain`,
// "label" (argmax) for classification; "value" for regression.
void addOutputs(GraphBuilder& b, onnx::GraphProto& g, const TrainedModel& m,
                const std::string& logits, bool plain);

}  // namespace onnx_build
}  // namespace kiln
