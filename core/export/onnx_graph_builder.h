#pragma once

// Internal to kiln_export's ONNX writer (onnx_writer.cpp, onnx_preprocessing.cpp,
// onnx_network.cpp, onnx_metadata.cpp): appending nodes, constants, attributes and graph inputs
// and outputs to an ONNX graph. Includes the ONNX protobuf headers, so no public header may
// include it.
#include <onnx/onnx_pb.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/export/host_tensor.h"

namespace kiln {
namespace onnx_build {

using Dims = std::vector<std::int64_t>;

// Appends nodes and constants to a graph, naming intermediate values uniquely.
class GraphBuilder {
public:
    explicit GraphBuilder(onnx::GraphProto& graph) : m_g(graph) {}

    std::string name(const std::string& hint) {
        return "kiln/" + hint + "_" + std::to_string(m_n++);
    }

    onnx::NodeProto& node(const std::string& op, const std::vector<std::string>& inputs,
                          const std::string& output) {
        auto* n = m_g.add_node();
        n->set_op_type(op);
        n->set_name(output + "/" + op);
        for (const auto& i : inputs) n->add_input(i);
        n->add_output(output);
        return *n;
    }
    // A node with one fresh output; returns the output's name.
    std::string op(const std::string& op, const std::vector<std::string>& inputs,
                   const std::function<void(onnx::NodeProto&)>& attrs = {}) {
        std::string out = name(op);
        auto& n = node(op, inputs, out);
        if (attrs) attrs(n);
        return out;
    }
    std::string floats(const std::string& hint, const Dims& dims, const std::vector<float>& v) {
        auto* t = initializer(hint, dims, onnx::TensorProto::FLOAT);
        t->mutable_raw_data()->assign(reinterpret_cast<const char*>(v.data()), v.size() * 4);
        return t->name();
    }
    std::string scalar(const std::string& hint, float v) { return floats(hint, {}, {v}); }
    std::string doubleScalar(const std::string& hint, double v) {
        auto* t = initializer(hint, {}, onnx::TensorProto::DOUBLE);
        t->add_double_data(v);
        return t->name();
    }
    std::string int64s(const std::string& hint, const Dims& dims, const Dims& v) {
        auto* t = initializer(hint, dims, onnx::TensorProto::INT64);
        for (auto x : v) t->add_int64_data(x);
        return t->name();
    }
    std::string strings(const std::string& hint, const std::vector<std::string>& v) {
        auto* t = initializer(hint, {std::int64_t(v.size())}, onnx::TensorProto::STRING);
        for (const auto& s : v) t->add_string_data(s);
        return t->name();
    }

private:
    onnx::TensorProto* initializer(const std::string& hint, const Dims& dims, int type) {
        auto* t = m_g.add_initializer();
        t->set_name(name(hint));
        t->set_data_type(type);
        for (auto d : dims) t->add_dims(d);
        return t;
    }
    onnx::GraphProto& m_g;
    int m_n = 0;
};

// Attributes of a node.
void setInt(onnx::NodeProto& n, const char* name, std::int64_t v);
void setInts(onnx::NodeProto& n, const char* name, const Dims& v);
void setFloat(onnx::NodeProto& n, const char* name, float v);
void setString(onnx::NodeProto& n, const char* name, const std::string& v);

// The ONNX element type of a host tensor type.
int onnxType(HostTensor::Type t);

// Declares a graph input or output; a dim of -1 is symbolic (named by `symbols` in order).
void declare(onnx::ValueInfoProto* v, const std::string& name, int type, const Dims& dims,
             const std::vector<std::string>& symbols = {"N"});

}  // namespace onnx_build
}  // namespace kiln
