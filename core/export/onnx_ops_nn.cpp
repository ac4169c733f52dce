// The ONNX executor's network ops: Gemm, Conv, MaxPool, BatchNormalization, Softmax, ArgMax,
// Resize.
#include "core/export/onnx_ops.h"

#include <cmath>

namespace kiln {
namespace onnx_exec {

namespace {

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
    if (pads.size() != 2 * spatial)
        throw std::runtime_error("pads has " + std::to_string(pads.size()) + " values; " +
                                 std::to_string(2 * spatial) + " expected (begin and end per axis)");
    std::vector<std::int64_t> out(spatial);
    for (std::size_t d = 0; d < spatial; ++d) {
        if (pads[d] != pads[d + spatial])
            throw std::runtime_error("asymmetric pads are not supported");
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
    if (mode == "nearest" && ctm == "asymmetric" &&
        n.str("nearest_mode", "round_prefer_floor") == "floor")
        return tensor(torch::upsample_nearest2d(x, size));
    throw std::runtime_error("Resize mode '" + mode + "' with coordinate_transformation_mode '" +
                             ctm +
                             "' is not supported (linear/half_pixel, linear/align_corners, "
                             "nearest/asymmetric/floor are)");
}

}  // namespace

void addNnOps(OpTable& table) {
    table.insert({
        {"Gemm", gemm},
        {"Softmax",
         [](const Node& n, const Inputs& v) {
             auto x = in(v, 0);
             return tensor(torch::softmax(x, axisOf(n.i("axis", -1), x.dim())));
         }},
        {"ArgMax",
         [](const Node& n, const Inputs& v) {
             auto x = in(v, 0);
             return tensor(
                 torch::argmax(x, axisOf(n.i("axis", 0), x.dim()), n.i("keepdims", 1) != 0));
         }},
        {"Conv", conv},
        {"MaxPool", maxPool},
        {"BatchNormalization",
         [](const Node& n, const Inputs& v) {
             return tensor(torch::batch_norm(in(v, 0), in(v, 1), in(v, 2), in(v, 3), in(v, 4),
                                             false, 0.0, n.f("epsilon", 1e-5f), false));
         }},
        {"Resize", resize},
    });
}

}  // namespace onnx_exec
}  // namespace kiln
