// The ONNX executor's shape ops: Concat, Flatten, Reshape, Transpose, Unsqueeze, Squeeze, Gather,
// Shape, Slice, and Constant (folded when the graph loads).
#include "core/export/onnx_ops.h"

#include <algorithm>

namespace kiln {
namespace onnx_exec {

namespace {

Value reshape(const Node&, const Inputs& v) {
    auto x = in(v, 0);
    auto shape = in(v, 1).contiguous();
    std::vector<std::int64_t> dims(shape.data_ptr<std::int64_t>(),
                                   shape.data_ptr<std::int64_t>() + shape.numel());
    for (std::size_t d = 0; d < dims.size(); ++d)
        if (dims[d] == 0) dims[d] = x.size(std::int64_t(d));
    return tensor(x.reshape(dims));
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
        auto clampIndex = [&](std::int64_t i) {
            return std::clamp(i < 0 ? i + size : i, std::int64_t(0), size);
        };
        x = x.slice(axis, clampIndex(starts[k]), clampIndex(ends[k]), steps.empty() ? 1 : steps[k]);
    }
    return tensor(x);
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

}  // namespace

void addShapeOps(OpTable& table) {
    table.insert({
        {"Concat", concat},
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
             auto shape = value(v, 0).isString ? strings(v, 0).shape : in(v, 0).sizes().vec();
             return tensor(torch::tensor(shape, torch::kLong));
         }},
        {"Slice", slice},
        {"Constant", [](const Node&, const Inputs&) { return Value{}; }},  // folded at load
    });
}

}  // namespace onnx_exec
}  // namespace kiln
