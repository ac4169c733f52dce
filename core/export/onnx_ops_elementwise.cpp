// The ONNX executor's elementwise and math ops: arithmetic, logic, comparisons, Where, Cast,
// MatMul.
#include "core/export/onnx_ops.h"

namespace kiln {
namespace onnx_exec {

namespace {

torch::Tensor divide(const torch::Tensor& a, const torch::Tensor& b) {
    if (a.is_floating_point()) return a / b;
    return torch::div(a, b, "trunc");
}

using Unary = torch::Tensor (*)(const torch::Tensor&);
using Binary = torch::Tensor (*)(const torch::Tensor&, const torch::Tensor&);

OpFn unary(Unary f) {
    return [f](const Node&, const Inputs& v) { return tensor(f(in(v, 0))); };
}
OpFn binary(Binary f) {
    return [f](const Node&, const Inputs& v) { return tensor(f(in(v, 0), in(v, 1))); };
}

torch::Tensor add(const torch::Tensor& a, const torch::Tensor& b) {
    return a + b;
}
torch::Tensor sub(const torch::Tensor& a, const torch::Tensor& b) {
    return a - b;
}
torch::Tensor mul(const torch::Tensor& a, const torch::Tensor& b) {
    return a * b;
}
torch::Tensor relu(const torch::Tensor& a) {
    return torch::relu(a);
}

}  // namespace

void addElementwiseOps(OpTable& table) {
    table.insert({
        {"Identity", [](const Node&, const Inputs& v) { return value(v, 0); }},
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
             if (value(v, 0).isString != value(v, 1).isString)
                 throw std::runtime_error("Equal between a string and a number tensor");
             return v[0]->isString ? stringEqual(v) : tensor(torch::eq(in(v, 0), in(v, 1)));
         }},
        {"Where",
         [](const Node&, const Inputs& v) {
             return tensor(torch::where(in(v, 0), in(v, 1), in(v, 2)));
         }},
        {"Cast",
         [](const Node& n, const Inputs& v) {
             return tensor(in(v, 0).to(scalarType(int(n.i("to", onnx::TensorProto::FLOAT)))));
         }},
        {"MatMul", binary(torch::matmul)},
    });
}

}  // namespace onnx_exec
}  // namespace kiln
