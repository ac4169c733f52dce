#pragma once

// Internal to kiln_export's ONNX executor (onnx_executor.cpp and the onnx_ops_*.cpp families):
// the values and nodes the graph walker passes to each op, and the op tables. Includes LibTorch
// and the ONNX protobuf headers, so no public header may include it.
#include <onnx/onnx_pb.h>
#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace kiln {
namespace onnx_exec {

// A value flowing through the graph: a LibTorch tensor, or strings (LibTorch has no string type).
struct Value {
    torch::Tensor t;
    bool isString = false;
    std::vector<std::string> s;
    std::vector<std::int64_t> shape;  // strings only
};

// One graph node as the executor runs it: its op, name, value names and attributes.
struct Node {
    std::string op, name;
    std::vector<std::string> inputs, outputs;
    std::map<std::string, onnx::AttributeProto> attrs;
    // What the op's Prepare made of the attributes once, when the graph loaded (ops with large
    // attributes, such as a tree ensemble); null for other ops. Shared by concurrent runs.
    std::shared_ptr<const void> prepared;

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
// An op: computes a node's (first) output from its inputs; throws on what it cannot run.
using OpFn = std::function<Value(const Node&, const Inputs&)>;
// Ops by name ("Relu"; "ai.onnx.ml.LabelEncoder" for other domains).
using OpTable = std::map<std::string, OpFn>;
// Work an op does once per node when the graph loads (its result lands in Node::prepared);
// throws on attributes it cannot run.
using PrepareFn = std::function<std::shared_ptr<const void>(const Node&)>;
using PrepareTable = std::map<std::string, PrepareFn>;

inline Value tensor(torch::Tensor t) {
    return Value{std::move(t), false, {}, {}};
}

// Input k, a tensor or strings; throws when it is missing (an omitted optional input is null).
inline const Value& value(const Inputs& v, std::size_t k) {
    if (k >= v.size() || !v[k])
        throw std::runtime_error("input " + std::to_string(k) + " is missing");
    return *v[k];
}

// Input k as strings whose shape they fill; throws when it is missing, numeric or ill-shaped.
inline const Value& strings(const Inputs& v, std::size_t k) {
    const Value& x = value(v, k);
    if (!x.isString) throw std::runtime_error("input " + std::to_string(k) + " is not a string tensor");
    std::int64_t n = 1;
    for (auto d : x.shape) n = d < 0 ? -1 : n * d;
    if (n != std::int64_t(x.s.size()))
        throw std::runtime_error("input " + std::to_string(k) + " has strings that do not fill its shape");
    return x;
}

// Input k as a tensor; throws when it is missing or holds strings.
inline const torch::Tensor& in(const Inputs& v, std::size_t k) {
    if (k >= v.size() || !v[k])
        throw std::runtime_error("input " + std::to_string(k) + " is missing");
    if (v[k]->isString)
        throw std::runtime_error("input " + std::to_string(k) + " is a string tensor");
    return v[k]->t;
}

inline std::int64_t axisOf(std::int64_t axis, std::int64_t rank) {
    return axis < 0 ? axis + rank : axis;
}

inline std::vector<std::int64_t> longs(const torch::Tensor& t) {
    auto c = t.to(torch::kLong).contiguous();
    return {c.data_ptr<std::int64_t>(), c.data_ptr<std::int64_t>() + c.numel()};
}

// The LibTorch type of an ONNX element type; throws for one the executor does not support.
torch::ScalarType scalarType(int onnxType);

// Equal on strings (inputs 0 and 1): codes from one dictionary over both operands, then a
// broadcast compare.
Value stringEqual(const Inputs& in);

// The op families; each adds its ops to `table`.
void addElementwiseOps(OpTable& table);  // arithmetic, logic, comparisons, Where, Cast, MatMul
void addNnOps(OpTable& table);  // Gemm, Conv, MaxPool, BatchNormalization, Softmax, ArgMax, Resize
void addShapeOps(OpTable& table);   // Concat, Flatten, Reshape, Transpose, (Un)squeeze, Gather,
                                    // Shape, Slice, Constant
void addStringOps(OpTable& table);  // ai.onnx.ml LabelEncoder
void addTreeOps(OpTable& table, PrepareTable& prepare);  // ai.onnx.ml TreeEnsembleRegressor

// Every op the executor runs, and the load-time work of those that have some (built once,
// thread-safe).
const OpTable& ops();
const PrepareTable& prepareOps();

}  // namespace onnx_exec
}  // namespace kiln
