// The ONNX executor's string ops: ai.onnx.ml LabelEncoder, and Equal's string form.
#include "core/export/onnx_ops.h"

#include <unordered_map>

namespace kiln {
namespace onnx_exec {

namespace {

// ai.onnx.ml LabelEncoder, strings → int64 (the form Kiln writes).
Value labelEncoder(const Node& n, const Inputs& v) {
    if (!value(v, 0).isString) throw std::runtime_error("LabelEncoder: only string → int64 is supported");
    const auto& x = strings(v, 0);
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

}  // namespace

Value stringEqual(const Inputs& in) {
    const Value& a = strings(in, 0);
    const Value& b = strings(in, 1);
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

void addStringOps(OpTable& table) {
    table.insert({
        {"ai.onnx.ml.LabelEncoder", labelEncoder},
    });
}

}  // namespace onnx_exec
}  // namespace kiln
