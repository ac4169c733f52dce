// The network part of an exported ONNX graph: Linear (with a following batch norm folded in),
// activations, convolutions, pooling, and the outputs.
#include "core/export/onnx_network.h"

#include <cmath>

#include "core/export/trained_model.h"

namespace kiln {
namespace onnx_build {

namespace {

std::string gemm(GraphBuilder& b, const std::string& x, const ModelLayer& l, std::vector<float> w,
                 std::vector<float> bias) {
    auto W = b.floats("weight", l.weightShape, w);
    auto B = b.floats("bias", {l.weightShape.at(0)}, bias);
    return b.op("Gemm", {x, W, B}, [](auto& n) { setInt(n, "transB", 1); });
}

// A Linear layer, with a following 1-D batch norm folded into its weights.
std::string linear(GraphBuilder& b, const std::string& x, const ModelLayer& l,
                   const ModelLayer* norm) {
    auto w = l.weight, bias = l.bias;
    if (norm) {
        auto in = std::size_t(l.weightShape.at(1));
        for (std::size_t o = 0; o < bias.size(); ++o) {
            double k = norm->weight[o] / std::sqrt(double(norm->runningVar[o]) + norm->eps);
            for (std::size_t i = 0; i < in; ++i) w[o * in + i] = float(w[o * in + i] * k);
            bias[o] = float((bias[o] - norm->runningMean[o]) * k + norm->bias[o]);
        }
    }
    return gemm(b, x, l, w, bias);
}

// The last Linear with its outputs rescaled: outputs * scale + shift.
std::string rescaledLinear(GraphBuilder& b, const std::string& x, const ModelLayer& l, double scale,
                           double shift) {
    auto w = l.weight, bias = l.bias;
    for (auto& v : w) v = float(v * scale);
    for (auto& v : bias) v = float(v * scale + shift);
    return gemm(b, x, l, w, bias);
}

std::string gelu(GraphBuilder& b, const std::string& x) {  // exact: x · Φ(x), as LibTorch's
    auto erf = b.op("Erf", {b.op("Div", {x, b.scalar("sqrt2", float(M_SQRT2))})});
    auto half = b.op("Mul", {x, b.scalar("half", 0.5f)});
    return b.op("Mul", {half, b.op("Add", {erf, b.scalar("one", 1.f)})});
}

std::string convLayer(GraphBuilder& b, const std::string& x, const ModelLayer& l) {
    auto W = b.floats("conv_weight", l.weightShape, l.weight);
    auto B = b.floats("conv_bias", {l.weightShape.at(0)}, l.bias);
    return b.op("Conv", {x, W, B}, [&](auto& n) {
        setInts(n, "kernel_shape", {l.kernel, l.kernel});
        setInts(n, "pads", {l.padding, l.padding, l.padding, l.padding});
    });
}

std::string batchNorm2d(GraphBuilder& b, const std::string& x, const ModelLayer& l) {
    Dims c = {std::int64_t(l.weight.size())};
    return b.op("BatchNormalization",
                {x, b.floats("bn_scale", c, l.weight), b.floats("bn_bias", c, l.bias),
                 b.floats("bn_mean", c, l.runningMean), b.floats("bn_var", c, l.runningVar)},
                [&](auto& n) { setFloat(n, "epsilon", float(l.eps)); });
}

}  // namespace

// The network's layers; the last Linear's weights may be rescaled (plain regression graphs).
std::string network(GraphBuilder& b, std::string x, const TrainedModel& m, double outScale,
                    double outShift) {
    const auto& L = m.layers;
    for (std::size_t i = 0; i < L.size(); ++i) {
        const auto& l = L[i];
        bool last = i + 1 == L.size();
        switch (l.kind) {
            case ModelLayer::Kind::Linear: {
                bool folded =
                    !m.images() && i + 1 < L.size() && L[i + 1].kind == ModelLayer::Kind::BatchNorm;
                if (last && (outScale != 1 || outShift != 0))
                    x = rescaledLinear(b, x, l, outScale, outShift);
                else
                    x = linear(b, x, l, folded ? &L[i + 1] : nullptr);
                if (folded) ++i;
                break;
            }
            case ModelLayer::Kind::BatchNorm:
                x = batchNorm2d(b, x, l);
                break;
            case ModelLayer::Kind::Relu:
                x = b.op("Relu", {x});
                break;
            case ModelLayer::Kind::Tanh:
                x = b.op("Tanh", {x});
                break;
            case ModelLayer::Kind::Gelu:
                x = gelu(b, x);
                break;
            case ModelLayer::Kind::Conv:
                x = convLayer(b, x, l);
                break;
            case ModelLayer::Kind::MaxPool:
                x = b.op("MaxPool", {x}, [&](auto& n) {
                    setInts(n, "kernel_shape", {l.kernel, l.kernel});
                    setInts(n, "strides", {l.stride, l.stride});
                });
                break;
            case ModelLayer::Kind::Flatten:
                x = b.op("Flatten", {x}, [](auto& n) { setInt(n, "axis", 1); });
                break;
        }
    }
    return x;
}

void addOutputs(GraphBuilder& b, onnx::GraphProto& g, const TrainedModel& m,
                const std::string& logits, bool plain) {
    if (m.classification()) {
        b.node("Softmax", {logits}, "probabilities").add_attribute()->CopyFrom([] {
            onnx::AttributeProto a;
            a.set_name("axis");
            a.set_type(onnx::AttributeProto::INT);
            a.set_i(1);
            return a;
        }());
        declare(g.add_output(), "probabilities", onnx::TensorProto::FLOAT, {-1, m.outputs});
        if (plain) return;
        auto& arg = b.node("ArgMax", {"probabilities"}, "label");
        setInt(arg, "axis", 1);
        setInt(arg, "keepdims", 0);
        declare(g.add_output(), "label", onnx::TensorProto::INT64, {-1});
    } else {
        b.node("Identity", {logits}, "value");
        declare(g.add_output(), "value", onnx::TensorProto::FLOAT, {-1, 1});
    }
}

}  // namespace onnx_build
}  // namespace kiln
