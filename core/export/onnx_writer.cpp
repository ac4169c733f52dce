// Writes a trained run as one ONNX graph: raw inputs, the fitted preprocessing in standard ops
// (onnx_preprocessing.cpp), then the network (onnx_network.cpp) and the model's metadata
// (onnx_metadata.cpp); checks and stores the file.
#include "core/export/onnx_writer.h"

#include <onnx/checker.h>
#include <onnx/onnx_pb.h>
#include <onnx/shape_inference/implementation.h>

#include <fstream>

#include "core/export/onnx_graph_builder.h"
#include "core/export/onnx_metadata.h"
#include "core/export/onnx_network.h"
#include "core/export/onnx_preprocessing.h"
#include "core/export/onnx_trees.h"
#include "core/export/trained_model.h"
#include "core/store/output_file.h"

namespace kiln {

namespace fs = std::filesystem;
using namespace onnx_build;

namespace {

// The graph's input: the raw columns or pixels with their preprocessing, or (plain) the
// preprocessed features or normalised image; returns the name of what the network reads.
std::string addInputs(GraphBuilder& b, onnx::GraphProto& g, const TrainedModel& m, bool plain) {
    if (!plain) return m.images() ? imageInputs(b, g, m) : tabularInputs(b, g, m);
    const auto& im = m.recipe.image;
    std::string x = m.images() ? "image" : "features";
    if (m.images())
        declare(g.add_input(), x, onnx::TensorProto::FLOAT, {-1, im.channels, im.size, im.size});
    else
        declare(g.add_input(), x, onnx::TensorProto::FLOAT, {-1, m.inputWidth});
    return x;
}

// The metadata, then the bytes.
Result<std::string> serialise(onnx::ModelProto& model, const TrainedModel& m,
                              const OnnxExportOptions& o) {
    addMetadata(model, m, o);
    std::string bytes;
    if (!model.SerializeToString(&bytes))
        return makeError(ErrorCode::Internal, "could not serialise the ONNX model");
    return bytes;
}

}  // namespace

const char* hostTypeName(HostTensor::Type type) {
    switch (type) {
        case HostTensor::Type::Float: return "float";
        case HostTensor::Type::Double: return "double";
        case HostTensor::Type::Int64: return "int64";
        case HostTensor::Type::UInt8: return "uint8";
        case HostTensor::Type::Bool: return "bool";
        case HostTensor::Type::String: return "string";
    }
    return "?";
}

Result<std::string> buildOnnxModel(const TrainedModel& m, const OnnxExportOptions& o) {
    onnx::ModelProto model;
    describeModel(model, m, o);
    auto& g = *model.mutable_graph();
    g.set_name("kiln_" + m.runId);
    GraphBuilder b(g);
    if (m.treeModel()) {
        std::string x = addInputs(b, g, m, o.plain);
        addTreeOutputs(b, g, m, treeMargins(b, x, m), o.plain, o.exposeMargins);
        return serialise(model, m, o);
    }
    double scale = 1, shift = 0;
    if (!m.classification()) {  // the network predicts a standardised target
        scale = m.recipe.target.scale;
        shift = m.recipe.target.mean;
    }
    std::string x = addInputs(b, g, m, o.plain);
    addOutputs(b, g, m, network(b, x, m, scale, shift), o.plain);
    return serialise(model, m, o);
}

Result<OnnxCheck> checkOnnxFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return makeError(ErrorCode::NotFound, "cannot read the ONNX file", file.string());
    onnx::ModelProto model;
    if (!model.ParseFromIstream(&in))
        return makeError(ErrorCode::Corrupt, "not an ONNX model (protobuf parse failed)",
                         file.string());
    try {
        onnx::checker::check_model(model);
        onnx::ShapeInferenceOptions options{/*check_type=*/true, /*error_mode=*/1, false};
        onnx::shape_inference::InferShapes(model, onnx::OpSchemaRegistry::Instance(), options);
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Corrupt, std::string("the ONNX checker rejected the file: ") + e.what(),
                         file.string());
    }
    OnnxCheck c;
    for (const auto& op : model.opset_import())
        c.opsetSummary += (op.domain().empty() ? "ai.onnx" : op.domain()) + " " +
                          std::to_string(op.version()) + " ";
    if (!c.opsetSummary.empty()) c.opsetSummary.pop_back();
    c.nodes = model.graph().node_size();
    std::error_code ec;
    const auto size = fs::file_size(file, ec);  // read a moment ago; a vanished file is told
    if (ec) return makeError(ErrorCode::Io, "cannot read the file's size: " + ec.message(), file.string());
    c.bytes = std::int64_t(size);
    return c;
}

Status writeModelFile(const fs::path& file, const std::string& bytes) {
    std::error_code ec;
    if (file.has_parent_path()) fs::create_directories(file.parent_path(), ec);
    auto writer = AtomicFileWriter::create(file);
    if (!writer) return writer.error();
    (*writer)->write(bytes);
    return (*writer)->commit();
}

}  // namespace kiln
