// The ONNX executor: libonnx parses, LibTorch computes. Kept to this file so only it pays for
// both sets of headers.
#include "core/export/onnx_executor.h"

#include <onnx/onnx_pb.h>
#include <torch/torch.h>

#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "core/base/parallel.h"

namespace kiln {

namespace {

// A value flowing through the graph: a LibTorch tensor, or strings (LibTorch has no string type).
struct Value {
    torch::Tensor t;
    bool isString = false;
    std::vector<std::string> s;
    std::vector<std::int64_t> shape;  // strings only
};

struct Node {
    std::string op, name;
    std::vector<std::string> inputs, outputs;
    std::map<std::string, onnx::AttributeProto> attrs;

    std::int64_t i(const std::string& k, std::int64_t d) const {
        auto it = attrs.find(k);
        return it == attrs.end() ? d : it->second.i();
    }
    float f(const std::string& k, float d) const {
        auto it = attrs.find(k);
        return it == attrs.end() ? d : it->second.f();
    }
    std::string str(const std::string& k, const std::string& d) const {
        auto it = attrs.find(k);
        return it == attrs.end() ? d : it->second.s();
    }
    std::vector<std::int64_t> ints(const std::string& k) const {
        auto it = attrs.find(k);
        if (it == attrs.end()) return {};
        return {it->second.ints().begin(), it->second.ints().end()};
    }
};

using Inputs = std::vector<const Value*>;  // nullptr for an omitted optional input
using OpFn = std::function<Value(const Node&, const Inputs&)>;

Value tensor(torch::Tensor t) { return Value{std::move(t), false, {}, {}}; }

const torch::Tensor& in(const Inputs& v, std::size_t k) {
    if (k >= v.size() || !v[k]) throw std::runtime_error("input " + std::to_string(k) + " is missing");
    if (v[k]->isString) throw std::runtime_error("input " + std::to_string(k) + " is a string tensor");
    return v[k]->t;
}

torch::ScalarType scalarType(int onnxType) {
    switch (onnxType) {
        case onnx::TensorProto::FLOAT: return torch::kFloat;
        case onnx::TensorProto::DOUBLE: return torch::kDouble;
        case onnx::TensorProto::INT64: return torch::kLong;
        case onnx::TensorProto::INT32: return torch::kInt;
        case onnx::TensorProto::UINT8: return torch::kByte;
        case onnx::TensorProto::INT8: return torch::kChar;
        case onnx::TensorProto::BOOL: return torch::kBool;
        default: throw std::runtime_error("element type " + std::to_string(onnxType) + " is not supported");
    }
}

Value fromProto(const onnx::TensorProto& p) {
    std::vector<std::int64_t> dims(p.dims().begin(), p.dims().end());
    if (p.data_type() == onnx::TensorProto::STRING)
        return Value{{}, true, {p.string_data().begin(), p.string_data().end()}, dims};
    auto type = scalarType(p.data_type());
    auto t = torch::empty(dims, torch::TensorOptions().dtype(type));
    if (!p.raw_data().empty()) {
        if (p.raw_data().size() != std::size_t(t.nbytes()))
            throw std::runtime_error("initializer " + p.name() + " has the wrong byte size");
        std::memcpy(t.data_ptr(), p.raw_data().data(), p.raw_data().size());
    } else if (type == torch::kFloat) {
        std::copy(p.float_data().begin(), p.float_data().end(), t.data_ptr<float>());
    } else if (type == torch::kDouble) {
        std::copy(p.double_data().begin(), p.double_data().end(), t.data_ptr<double>());
    } else if (type == torch::kLong) {
        std::copy(p.int64_data().begin(), p.int64_data().end(), t.data_ptr<std::int64_t>());
    } else {  // int32, uint8, int8 and bool travel in int32_data
        auto v = torch::tensor(std::vector<std::int32_t>(p.int32_data().begin(), p.int32_data().end()));
        t.copy_(v.view(dims));
    }
    return tensor(t);
}

std::int64_t axisOf(std::int64_t axis, std::int64_t rank) { return axis < 0 ? axis + rank : axis; }

// Equal on strings: codes from one dictionary over both operands, then a broadcast compare.
Value stringEqual(const Value& a, const Value& b) {
    std::unordered_map<std::string, std::int64_t> ids;
    auto codes = [&](const Value& v) {
        auto t = torch::empty(v.shape, torch::kLong);
        auto* p = t.data_ptr<std::int64_t>();
        for (std::size_t i = 0; i < v.s.size(); ++i)
            p[i] = ids.emplace(v.s[i], std::int64_t(ids.size())).first->second;
        return t;
    };
    auto ca = codes(a), cb = codes(b);
    return tensor(torch::eq(ca, cb));
}

torch::Tensor divide(const torch::Tensor& a, const torch::Tensor& b) {
    if (a.is_floating_point()) return a / b;
    return torch::div(a, b, "trunc");
}

Value gemm(const Node& n, const Inputs& v) {
    auto a = in(v, 0), b = in(v, 1);
    if (n.i("transA", 0)) a = a.t();
    if (n.i("transB", 0)) b = b.t();
    auto alpha = n.f("alpha", 1.f), beta = n.f("beta", 1.f);
    if (v.size() > 2 && v[2]) return tensor(torch::addmm(in(v, 2), a, b, beta, alpha));
    return tensor(torch::mm(a, b) * alpha);
}

std::vector<std::int64_t> symmetricPads(const Node& n, std::size_t spatial) {
    auto pads = n.ints("pads");
    if (n.str("auto_pad", "NOTSET") != "NOTSET")
        throw std::runtime_error("auto_pad is not supported; write explicit pads");
    if (pads.empty()) return std::vector<std::int64_t>(spatial, 0);
    std::vector<std::int64_t> out(spatial);
    for (std::size_t d = 0; d < spatial; ++d) {
        if (pads[d] != pads[d + spatial]) throw std::runtime_error("asymmetric pads are not supported");
        out[d] = pads[d];
    }
    return out;
}

Value conv(const Node& n, const Inputs& v) {
    auto x = in(v, 0), w = in(v, 1);
    torch::Tensor b;
    if (v.size() > 2 && v[2]) b = in(v, 2);
    auto spatial = std::size_t(w.dim() - 2);
    auto strides = n.ints("strides"), dil = n.ints("dilations");
    if (strides.empty()) strides.assign(spatial, 1);
    if (dil.empty()) dil.assign(spatial, 1);
    return tensor(torch::conv2d(x, w, b, strides, symmetricPads(n, spatial), dil, n.i("group", 1)));
}

Value maxPool(const Node& n, const Inputs& v) {
    auto k = n.ints("kernel_shape"), s = n.ints("strides");
    if (s.empty()) s.assign(k.size(), 1);
    return tensor(torch::max_pool2d(in(v, 0), k, s, symmetricPads(n, k.size()), {1, 1},
                                    n.i("ceil_mode", 0) != 0));
}

Value reshape(const Node&, const Inputs& v) {
    auto x = in(v, 0);
    auto shape = in(v, 1).contiguous();
    std::vector<std::int64_t> dims(shape.data_ptr<std::int64_t>(),
                                   shape.data_ptr<std::int64_t>() + shape.numel());
    for (std::size_t d = 0; d < dims.size(); ++d)
        if (dims[d] == 0) dims[d] = x.size(std::int64_t(d));
    return tensor(x.reshape(dims));
}

std::vector<std::int64_t> longs(const torch::Tensor& t) {
    auto c = t.to(torch::kLong).contiguous();
    return {c.data_ptr<std::int64_t>(), c.data_ptr<std::int64_t>() + c.numel()};
}

Value slice(const Node&, const Inputs& v) {
    auto x = in(v, 0);
    auto starts = longs(in(v, 1)), ends = longs(in(v, 2));
    std::vector<std::int64_t> axes, steps;
    if (v.size() > 3 && v[3]) axes = longs(in(v, 3));
    if (v.size() > 4 && v[4]) steps = longs(in(v, 4));
    for (std::size_t k = 0; k < starts.size(); ++k) {
        auto axis = axes.empty() ? std::int64_t(k) : axisOf(axes[k], x.dim());
        auto size = x.size(axis);
        auto clampIndex = [&](std::int64_t i) { return std::clamp(i < 0 ? i + size : i, std::int64_t(0), size); };
        x = x.slice(axis, clampIndex(starts[k]), clampIndex(ends[k]), steps.empty() ? 1 : steps[k]);
    }
    return tensor(x);
}

Value resize(const Node& n, const Inputs& v) {
    auto x = in(v, 0);
    if (x.dim() != 4) throw std::runtime_error("Resize supports NCHW (4-D) inputs only");
    std::vector<std::int64_t> size;
    if (v.size() > 3 && v[3]) {
        auto sizes = longs(in(v, 3));
        size = {sizes.at(2), sizes.at(3)};
    } else {
        auto scales = in(v, 2).to(torch::kDouble);
        size = {std::int64_t(std::floor(double(x.size(2)) * scales[2].item<double>())),
                std::int64_t(std::floor(double(x.size(3)) * scales[3].item<double>()))};
    }
    auto mode = n.str("mode", "nearest");
    auto ctm = n.str("coordinate_transformation_mode", "half_pixel");
    if (mode == "linear" && (ctm == "half_pixel" || ctm == "pytorch_half_pixel"))
        return tensor(torch::upsample_bilinear2d(x, size, false));
    if (mode == "linear" && ctm == "align_corners")
        return tensor(torch::upsample_bilinear2d(x, size, true));
    if (mode == "nearest" && ctm == "asymmetric" && n.str("nearest_mode", "round_prefer_floor") == "floor")
        return tensor(torch::upsample_nearest2d(x, size));
    throw std::runtime_error("Resize mode '" + mode + "' with coordinate_transformation_mode '" +
                             ctm + "' is not supported (linear/half_pixel, linear/align_corners, "
                             "nearest/asymmetric/floor are)");
}

Value gather(const Node& n, const Inputs& v) {
    auto x = in(v, 0), idx = in(v, 1).to(torch::kLong);
    auto axis = axisOf(n.i("axis", 0), x.dim());
    idx = torch::where(idx < 0, idx + x.size(axis), idx);
    auto flat = x.index_select(axis, idx.reshape({-1}));
    std::vector<std::int64_t> shape(x.sizes().begin(), x.sizes().begin() + axis);
    for (auto d : idx.sizes()) shape.push_back(d);
    for (auto d = axis + 1; d < x.dim(); ++d) shape.push_back(x.size(d));
    return tensor(flat.reshape(shape));
}

Value concat(const Node& n, const Inputs& v) {
    std::vector<torch::Tensor> parts;
    for (std::size_t k = 0; k < v.size(); ++k) parts.push_back(in(v, k));
    return tensor(torch::cat(parts, axisOf(n.i("axis", 0), parts.at(0).dim())));
}

Value unsqueeze(const Node& n, const Inputs& v) {
    auto x = in(v, 0);
    auto axes = v.size() > 1 && v[1] ? longs(in(v, 1)) : n.ints("axes");
    auto rank = x.dim() + std::int64_t(axes.size());
    for (auto& a : axes) a = axisOf(a, rank);
    std::sort(axes.begin(), axes.end());
    for (auto a : axes) x = x.unsqueeze(a);
    return tensor(x);
}

Value squeeze(const Node& n, const Inputs& v) {
    auto x = in(v, 0);
    auto axes = v.size() > 1 && v[1] ? longs(in(v, 1)) : n.ints("axes");
    if (axes.empty()) return tensor(x.squeeze());
    for (auto& a : axes) a = axisOf(a, x.dim());
    std::sort(axes.rbegin(), axes.rend());
    for (auto a : axes) x = x.squeeze(a);
    return tensor(x);
}

// ai.onnx.ml LabelEncoder, strings → int64 (the form Kiln writes).
Value labelEncoder(const Node& n, const Inputs& v) {
    const auto& x = *v.at(0);
    if (!x.isString) throw std::runtime_error("LabelEncoder: only string → int64 is supported");
    const auto& keys = n.attrs.at("keys_strings").strings();
    const auto& values = n.attrs.at("values_int64s").ints();
    std::unordered_map<std::string, std::int64_t> map;
    for (int i = 0; i < keys.size() && i < values.size(); ++i) map.emplace(keys[i], values[i]);
    auto fallback = n.i("default_int64", -1);
    auto t = torch::empty(x.shape, torch::kLong);
    auto* p = t.data_ptr<std::int64_t>();
    for (std::size_t i = 0; i < x.s.size(); ++i) {
        auto it = map.find(x.s[i]);
        p[i] = it == map.end() ? fallback : it->second;
    }
    return tensor(t);
}

using Unary = torch::Tensor (*)(const torch::Tensor&);
using Binary = torch::Tensor (*)(const torch::Tensor&, const torch::Tensor&);

OpFn unary(Unary f) {
    return [f](const Node&, const Inputs& v) { return tensor(f(in(v, 0))); };
}
OpFn binary(Binary f) {
    return [f](const Node&, const Inputs& v) { return tensor(f(in(v, 0), in(v, 1))); };
}

torch::Tensor add(const torch::Tensor& a, const torch::Tensor& b) { return a + b; }
torch::Tensor sub(const torch::Tensor& a, const torch::Tensor& b) { return a - b; }
torch::Tensor mul(const torch::Tensor& a, const torch::Tensor& b) { return a * b; }
torch::Tensor relu(const torch::Tensor& a) { return torch::relu(a); }

const std::map<std::string, OpFn>& ops() {
    static const std::map<std::string, OpFn> table = {
        {"Identity",
         [](const Node&, const Inputs& v) { return *v.at(0); }},
        {"Add", binary(add)},
        {"Sub", binary(sub)},
        {"Mul", binary(mul)},
        {"Div", binary(divide)},
        {"Relu", unary(relu)},
        {"Tanh", unary(torch::tanh)},
        {"Sigmoid", unary(torch::sigmoid)},
        {"Erf", unary(torch::erf)},
        {"Floor", unary(torch::floor)},
        {"Sqrt", unary(torch::sqrt)},
        {"Exp", unary(torch::exp)},
        {"Neg", unary(torch::neg)},
        {"Not", unary(torch::logical_not)},
        {"IsNaN", unary(torch::isnan)},
        {"And", binary(torch::logical_and)},
        {"Or", binary(torch::logical_or)},
        {"Greater", binary(torch::gt)},
        {"Less", binary(torch::lt)},
        {"LessOrEqual", binary(torch::le)},
        {"GreaterOrEqual", binary(torch::ge)},
        {"Equal",
         [](const Node&, const Inputs& v) {
             if (v.at(0)->isString != v.at(1)->isString)
                 throw std::runtime_error("Equal between a string and a number tensor");
             return v[0]->isString ? stringEqual(*v[0], *v[1]) : tensor(torch::eq(in(v, 0), in(v, 1)));
         }},
        {"Where",
         [](const Node&, const Inputs& v) {
             return tensor(torch::where(in(v, 0), in(v, 1), in(v, 2)));
         }},
        {"Cast",
         [](const Node& n, const Inputs& v) {
             return tensor(in(v, 0).to(scalarType(int(n.i("to", onnx::TensorProto::FLOAT)))));
         }},
        {"Concat", concat},
        {"Gemm", gemm},
        {"MatMul", binary(torch::matmul)},
        {"Softmax",
         [](const Node& n, const Inputs& v) {
             auto x = in(v, 0);
             return tensor(torch::softmax(x, axisOf(n.i("axis", -1), x.dim())));
         }},
        {"ArgMax",
         [](const Node& n, const Inputs& v) {
             auto x = in(v, 0);
             return tensor(torch::argmax(x, axisOf(n.i("axis", 0), x.dim()), n.i("keepdims", 1) != 0));
         }},
        {"Conv", conv},
        {"MaxPool", maxPool},
        {"BatchNormalization",
         [](const Node& n, const Inputs& v) {
             return tensor(torch::batch_norm(in(v, 0), in(v, 1), in(v, 2), in(v, 3), in(v, 4), false,
                                             0.0, n.f("epsilon", 1e-5f), false));
         }},
        {"Flatten",
         [](const Node& n, const Inputs& v) {
             auto x = in(v, 0);
             auto axis = axisOf(n.i("axis", 1), x.dim());
             std::int64_t outer = 1;
             for (std::int64_t d = 0; d < axis; ++d) outer *= x.size(d);
             return tensor(x.reshape({outer, -1}));
         }},
        {"Reshape", reshape},
        {"Transpose",
         [](const Node& n, const Inputs& v) {
             auto x = in(v, 0);
             auto perm = n.ints("perm");
             if (perm.empty())
                 for (auto d = x.dim() - 1; d >= 0; --d) perm.push_back(d);
             return tensor(x.permute(perm).contiguous());
         }},
        {"Unsqueeze", unsqueeze},
        {"Squeeze", squeeze},
        {"Gather", gather},
        {"Shape",
         [](const Node&, const Inputs& v) {
             auto shape = v.at(0)->isString ? v[0]->shape : in(v, 0).sizes().vec();
             return tensor(torch::tensor(shape, torch::kLong));
         }},
        {"Slice", slice},
        {"Resize", resize},
        {"ai.onnx.ml.LabelEncoder", labelEncoder},
        {"Constant", [](const Node&, const Inputs&) { return Value{}; }},  // folded at load
    };
    return table;
}

}  // namespace

struct OnnxExecutor::Impl {
    std::vector<Node> nodes;
    std::vector<const OpFn*> fns;
    std::unordered_map<std::string, Value> constants;
    std::vector<std::string> inputs, outputs;
    std::map<std::string, int> inputTypes;
    std::map<std::string, std::string> metadata;
    std::vector<std::vector<std::string>> freeAfter;  // values no later node reads
};

namespace {

Node toNode(const onnx::NodeProto& p) {
    Node n;
    n.op = p.op_type();
    n.name = p.name().empty() ? (p.output_size() ? p.output(0) : p.op_type()) : p.name();
    n.inputs.assign(p.input().begin(), p.input().end());
    n.outputs.assign(p.output().begin(), p.output().end());
    for (const auto& a : p.attribute()) n.attrs[a.name()] = a;
    return n;
}

std::string supportedList() {
    std::string s;
    for (const auto& [name, fn] : ops()) s += (s.empty() ? "" : ", ") + name;
    return s;
}

// Builds the runnable graph; Unsupported names the first op the executor lacks.
Result<std::shared_ptr<OnnxExecutor::Impl>> prepare(const onnx::ModelProto& model,
                                                     const std::string& origin) {
    auto impl = std::make_shared<OnnxExecutor::Impl>();
    for (const auto& p : model.metadata_props()) impl->metadata[p.key()] = p.value();
    const auto& g = model.graph();
    for (const auto& init : g.initializer()) impl->constants[init.name()] = fromProto(init);
    for (const auto& i : g.input())
        if (!impl->constants.count(i.name())) {
            impl->inputs.push_back(i.name());
            impl->inputTypes[i.name()] = i.type().tensor_type().elem_type();
        }
    for (const auto& o : g.output()) impl->outputs.push_back(o.name());
    std::map<std::string, std::size_t> lastUse;
    for (const auto& p : g.node()) {
        bool standard = p.domain().empty() || p.domain() == "ai.onnx";
        auto it = ops().find(standard ? p.op_type() : p.domain() + "." + p.op_type());
        if (it == ops().end())
            return makeError(ErrorCode::Unsupported,
                             "Kiln's ONNX executor does not support op '" +
                                 (standard ? "" : p.domain() + ".") + p.op_type() +
                                 "' (node '" + p.name() + "'); it runs: " + supportedList(),
                             origin);
        impl->nodes.push_back(toNode(p));
        impl->fns.push_back(&it->second);
        if (p.op_type() == "Constant" && p.attribute_size())
            impl->constants[p.output(0)] = fromProto(p.attribute(0).t());
        for (const auto& name : p.input()) lastUse[name] = impl->nodes.size() - 1;
    }
    impl->freeAfter.resize(impl->nodes.size());
    for (auto& [name, k] : lastUse)
        if (std::find(impl->outputs.begin(), impl->outputs.end(), name) == impl->outputs.end())
            impl->freeAfter[k].push_back(name);
    return impl;
}

Value toValue(const HostTensor& h, const std::string& name) {
    if (h.elements() != std::int64_t(h.type == HostTensor::Type::String   ? h.strings.size()
                                     : h.type == HostTensor::Type::Float  ? h.floats.size()
                                     : h.type == HostTensor::Type::Double ? h.doubles.size()
                                     : h.type == HostTensor::Type::Int64  ? h.int64s.size()
                                                                          : h.bytes.size()))
        throw std::invalid_argument("input '" + name + "': the values do not fill its shape");
    auto blob = [&](const void* p, torch::ScalarType t) {
        return torch::from_blob(const_cast<void*>(p), h.shape, torch::TensorOptions().dtype(t));
    };
    switch (h.type) {
        case HostTensor::Type::String: return Value{{}, true, h.strings, h.shape};
        case HostTensor::Type::Float: return tensor(blob(h.floats.data(), torch::kFloat));
        case HostTensor::Type::Double: return tensor(blob(h.doubles.data(), torch::kDouble));
        case HostTensor::Type::Int64: return tensor(blob(h.int64s.data(), torch::kLong));
        case HostTensor::Type::UInt8: return tensor(blob(h.bytes.data(), torch::kByte));
        case HostTensor::Type::Bool: return tensor(blob(h.bytes.data(), torch::kByte).to(torch::kBool));
    }
    throw std::invalid_argument("input '" + name + "': unknown type");
}

HostTensor toHost(const Value& v) {
    HostTensor h;
    if (v.isString) {
        h.type = HostTensor::Type::String;
        h.shape = v.shape;
        h.strings = v.s;
        return h;
    }
    auto t = v.t.contiguous();
    h.shape = t.sizes().vec();
    auto n = std::size_t(t.numel());
    switch (t.scalar_type()) {
        case torch::kFloat:
            h.floats.assign(t.data_ptr<float>(), t.data_ptr<float>() + n);
            break;
        case torch::kDouble:
            h.type = HostTensor::Type::Double;
            h.doubles.assign(t.data_ptr<double>(), t.data_ptr<double>() + n);
            break;
        case torch::kBool:
        case torch::kByte: {
            h.type = t.scalar_type() == torch::kBool ? HostTensor::Type::Bool : HostTensor::Type::UInt8;
            auto b = t.to(torch::kByte);
            h.bytes.assign(b.data_ptr<std::uint8_t>(), b.data_ptr<std::uint8_t>() + n);
            break;
        }
        default: {
            h.type = HostTensor::Type::Int64;
            auto l = t.to(torch::kLong);
            h.int64s.assign(l.data_ptr<std::int64_t>(), l.data_ptr<std::int64_t>() + n);
        }
    }
    return h;
}

std::string expectedType(int onnxType) {
    switch (onnxType) {
        case onnx::TensorProto::FLOAT: return "float";
        case onnx::TensorProto::DOUBLE: return "double";
        case onnx::TensorProto::INT64: return "int64";
        case onnx::TensorProto::UINT8: return "uint8";
        case onnx::TensorProto::BOOL: return "bool";
        case onnx::TensorProto::STRING: return "string";
        default: return "type " + std::to_string(onnxType);
    }
}

// What a standard-library exception from a node means to a person: a lookup that failed
// (`std::map::at`) is a graph that lacks an attribute or value the op needs, not a Kiln defect.
std::string describeFailure(const std::exception& e) {
    if (dynamic_cast<const std::out_of_range*>(&e))
        return "the graph is malformed: a node lacks an attribute or input its op needs";
    return e.what();
}

}  // namespace

Result<OnnxExecutor> OnnxExecutor::fromBytes(const std::string& bytes, const std::string& origin) {
    onnx::ModelProto model;
    if (!model.ParseFromString(bytes))
        return makeError(ErrorCode::Corrupt, "not an ONNX model (the protobuf does not parse)", origin);
    if (!model.has_graph() || model.graph().node_size() == 0)
        return makeError(ErrorCode::Corrupt, "not an ONNX model (it holds no graph)", origin);
    try {
        auto impl = prepare(model, origin);
        if (!impl) return impl.error();
        return OnnxExecutor(std::move(*impl));
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Corrupt, "cannot load the ONNX graph: " + describeFailure(e), origin);
    }
}

Result<OnnxExecutor> OnnxExecutor::load(const std::filesystem::path& file) {
    std::error_code ec;
    auto status = std::filesystem::status(file, ec);
    if (!std::filesystem::exists(status))
        return makeError(ErrorCode::NotFound, "no such ONNX file", file.string());
    if (std::filesystem::is_directory(status))
        return makeError(ErrorCode::InvalidArgument, "the model is a folder, not an ONNX file",
                         file.string());
    if (!std::filesystem::is_regular_file(status))  // a FIFO would block the read
        return makeError(ErrorCode::InvalidArgument, "the model is not a regular file",
                         file.string());
    std::ifstream in(file, std::ios::binary);
    if (!in) return makeError(ErrorCode::Io, "cannot read the ONNX file", file.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return makeError(ErrorCode::Io, "cannot read the ONNX file", file.string());
    if (ss.str().empty())
        return makeError(ErrorCode::Corrupt, "the file is empty, not an ONNX model", file.string());
    return fromBytes(ss.str(), file.string());
}

const std::vector<std::string>& OnnxExecutor::inputNames() const { return m_impl->inputs; }
const std::vector<std::string>& OnnxExecutor::outputNames() const { return m_impl->outputs; }
const std::map<std::string, std::string>& OnnxExecutor::metadata() const { return m_impl->metadata; }

std::string OnnxExecutor::inputType(const std::string& name) const {
    auto it = m_impl->inputTypes.find(name);
    return it == m_impl->inputTypes.end() ? "" : expectedType(it->second);
}

void OnnxExecutor::setThreads(int threads) {
    torch::set_num_threads(threads > 0 ? threads : defaultThreadCount());
}

Result<std::map<std::string, HostTensor>> OnnxExecutor::run(
    const std::map<std::string, HostTensor>& inputs) const {
    const Impl& g = *m_impl;
    std::unordered_map<std::string, Value> env;
    for (const auto& name : g.inputs) {
        auto it = inputs.find(name);
        if (it == inputs.end())
            return makeError(ErrorCode::InvalidArgument, "the model needs an input '" + name + "'");
        if (hostTypeName(it->second.type) != inputType(name))
            return makeError(ErrorCode::InvalidArgument,
                             "input '" + name + "' must be " + inputType(name) + ", not " +
                                 hostTypeName(it->second.type));
    }
    std::size_t k = 0;
    try {
        torch::NoGradGuard noGrad;
        for (const auto& name : g.inputs) env[name] = toValue(inputs.at(name), name);
        for (; k < g.nodes.size(); ++k) {
            const Node& n = g.nodes[k];
            Inputs args;
            for (const auto& name : n.inputs) {
                if (name.empty()) {
                    args.push_back(nullptr);
                    continue;
                }
                auto e = env.find(name);
                auto c = g.constants.find(name);
                if (e == env.end() && c == g.constants.end())
                    throw std::runtime_error("no value named '" + name + "'");
                args.push_back(e != env.end() ? &e->second : &c->second);
            }
            if (n.op != "Constant") env[n.outputs.at(0)] = (*g.fns[k])(n, args);
            for (const auto& dead : g.freeAfter[k]) env.erase(dead);
        }
        std::map<std::string, HostTensor> out;
        for (const auto& name : g.outputs) {
            auto e = env.find(name);
            out[name] = toHost(e != env.end() ? e->second : g.constants.at(name));
        }
        return out;
    } catch (const c10::Error& e) {
        return makeError(ErrorCode::InvalidArgument,
                         std::string("LibTorch failed: ") + e.what_without_backtrace(),
                         k < g.nodes.size() ? "node '" + g.nodes[k].name + "' (" + g.nodes[k].op + ")" : "");
    } catch (const std::exception& e) {
        return makeError(ErrorCode::InvalidArgument, describeFailure(e),
                         k < g.nodes.size() ? "node '" + g.nodes[k].name + "' (" + g.nodes[k].op + ")" : "");
    }
}

}  // namespace kiln
