#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/export/host_tensor.h"

namespace kiln {

// A small ONNX runtime for the graphs Kiln exports (and similar ones): libonnx parses the file,
// each node runs as the matching LibTorch op on the CPU. Ops: Identity, Constant, Add, Sub, Mul,
// Div, Relu, Tanh, Sigmoid, Erf, Floor, Sqrt, Exp, Neg, Not, And, Or, IsNaN, Where, Equal
// (numbers and strings), Greater, Less, LessOrEqual, GreaterOrEqual, Cast, Concat, Gemm, MatMul,
// Softmax, ArgMax, Conv, MaxPool, BatchNormalization, Flatten, Reshape, Transpose, Unsqueeze,
// Squeeze, Gather, Shape, Slice, Resize (linear and nearest on NCHW), and ai.onnx.ml
// LabelEncoder (strings → int64) and TreeEnsembleRegressor (SUM or AVERAGE, no post
// transform; its nodes flattened once when the file loads). Loading refuses any other op by
// name. Copies share the loaded graph; run() may be called from several threads at once.
class OnnxExecutor {
public:
    // Parses and prepares `file`. NotFound when it is not there, InvalidArgument for a folder or
    // another non-regular file, Io when it cannot be read, Corrupt when it is empty, does not
    // parse or holds no graph; Unsupported naming the first node whose op (or domain) the
    // executor does not implement.
    static Result<OnnxExecutor> load(const std::filesystem::path& file);
    // The same from serialised bytes; `origin` names them in messages.
    static Result<OnnxExecutor> fromBytes(const std::string& bytes, const std::string& origin);

    // Graph input names (initializers left out) and output names, in graph order.
    const std::vector<std::string>& inputNames() const;
    const std::vector<std::string>& outputNames() const;
    // The declared element type of an input ("float", "string", …).
    std::string inputType(const std::string& name) const;
    // The model's metadata_props.
    const std::map<std::string, std::string>& metadata() const;

    // Runs the graph on `inputs` (every graph input by name) and returns every graph output.
    // InvalidArgument for a missing input or wrong type; errors from LibTorch name the node.
    Result<std::map<std::string, HostTensor>> run(const std::map<std::string, HostTensor>& inputs) const;
    // The same, also returning the values named in `alsoReturn` that nodes inside the graph
    // compute (a tree model's margins, kTreeMarginsValue); InvalidArgument for a name no node
    // computes.
    Result<std::map<std::string, HostTensor>> run(const std::map<std::string, HostTensor>& inputs,
                                                  const std::vector<std::string>& alsoReturn) const;

    // LibTorch intra-op and OpenBLAS threads for every executor in the process (0: every core).
    static void setThreads(int threads);

    struct Impl;

private:
    explicit OnnxExecutor(std::shared_ptr<const Impl> impl) : m_impl(std::move(impl)) {}
    std::shared_ptr<const Impl> m_impl;
};

}  // namespace kiln
