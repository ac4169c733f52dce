#pragma once

// Internal to kiln_export's ONNX writer: the trees of a tree-family run (boosted, forest, tree)
// as one ai.onnx.ml TreeEnsembleRegressor, and the graph outputs from its margins. Includes the
// ONNX protobuf headers.
#include <string>

#include "core/export/onnx_graph_builder.h"

namespace kiln {

struct TrainedModel;

namespace onnx_build {

// The trees of `m` applied to the [N, width] float features `x`: a TreeEnsembleRegressor that
// sums the leaf weights of every tree into its class's margin, plus the base margin. Returns
// the value name of the margins [N, marginWidth] (kTreeMarginsValue).
std::string treeMargins(GraphBuilder& b, const std::string& x, const TrainedModel& m);

// The graph outputs from the margins: binary "probabilities" [1 − p, p] with p = sigmoid;
// multi-class softmax; then "label" (argmax) unless `plain`; regression "value" = margin ×
// scale + mean. With `exposeMargins`, also "margin" [N, marginWidth].
void addTreeOutputs(GraphBuilder& b, onnx::GraphProto& g, const TrainedModel& m,
                    const std::string& margins, bool plain, bool exposeMargins);

}  // namespace onnx_build
}  // namespace kiln
