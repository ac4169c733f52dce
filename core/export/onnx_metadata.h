#pragma once

// Internal to kiln_export's ONNX writer: what the model says about itself (producer, opsets,
// metadata_props). Includes the ONNX protobuf headers.
#include <onnx/onnx_pb.h>

namespace kiln {

struct TrainedModel;
struct OnnxExportOptions;

namespace onnx_build {

// The model's IR version, producer, description and opset imports (ai.onnx 13, ai.onnx.ml 2; 3 for
// tree models).
void describeModel(onnx::ModelProto& model, const TrainedModel& m, const OnnxExportOptions& o);

// The kiln.* metadata_props: version, run, dataset, task, inputs, classes, recipe, variant.
void addMetadata(onnx::ModelProto& model, const TrainedModel& m, const OnnxExportOptions& o);

}  // namespace onnx_build
}  // namespace kiln
