// Attribute setters and graph input/output declarations for the ONNX writer's GraphBuilder.
#include "core/export/onnx_graph_builder.h"

namespace kiln {
namespace onnx_build {

void setInt(onnx::NodeProto& n, const char* name, std::int64_t v) {
    auto* a = n.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::INT);
    a->set_i(v);
}
void setInts(onnx::NodeProto& n, const char* name, const Dims& v) {
    auto* a = n.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::INTS);
    for (auto x : v) a->add_ints(x);
}
void setFloat(onnx::NodeProto& n, const char* name, float v) {
    auto* a = n.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::FLOAT);
    a->set_f(v);
}
void setString(onnx::NodeProto& n, const char* name, const std::string& v) {
    auto* a = n.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::STRING);
    a->set_s(v);
}

int onnxType(HostTensor::Type t) {
    switch (t) {
        case HostTensor::Type::Float:
            return onnx::TensorProto::FLOAT;
        case HostTensor::Type::Double:
            return onnx::TensorProto::DOUBLE;
        case HostTensor::Type::Int64:
            return onnx::TensorProto::INT64;
        case HostTensor::Type::UInt8:
            return onnx::TensorProto::UINT8;
        case HostTensor::Type::Bool:
            return onnx::TensorProto::BOOL;
        case HostTensor::Type::String:
            return onnx::TensorProto::STRING;
    }
    return onnx::TensorProto::FLOAT;
}

void declare(onnx::ValueInfoProto* v, const std::string& name, int type, const Dims& dims,
             const std::vector<std::string>& symbols) {
    v->set_name(name);
    auto* t = v->mutable_type()->mutable_tensor_type();
    t->set_elem_type(type);
    auto* shape = t->mutable_shape();
    std::size_t sym = 0;
    for (auto d : dims) {
        auto* dim = shape->add_dim();
        if (d < 0)
            dim->set_dim_param(sym < symbols.size() ? symbols[sym++] : "d" + std::to_string(sym++));
        else
            dim->set_dim_value(d);
    }
}

}  // namespace onnx_build
}  // namespace kiln
