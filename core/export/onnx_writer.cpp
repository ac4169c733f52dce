// Writes a trained run as one ONNX graph: raw inputs, the fitted preprocessing in standard ops,
// then the network. The only export file that includes the ONNX protobuf headers for writing.
#include "core/export/onnx_writer.h"

#include <onnx/checker.h>
#include <onnx/onnx_pb.h>
#include <onnx/shape_inference/implementation.h>

#include <cmath>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/base/build_info.h"
#include "core/export/trained_model.h"
#include "core/store/output_file.h"

namespace kiln {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using Dims = std::vector<std::int64_t>;
constexpr int kOpset = 13;

// Appends nodes and constants to a graph, naming intermediate values uniquely.
class GraphBuilder {
public:
    explicit GraphBuilder(onnx::GraphProto& graph) : m_g(graph) {}

    std::string name(const std::string& hint) { return "kiln/" + hint + "_" + std::to_string(m_n++); }

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
        case HostTensor::Type::Float: return onnx::TensorProto::FLOAT;
        case HostTensor::Type::Double: return onnx::TensorProto::DOUBLE;
        case HostTensor::Type::Int64: return onnx::TensorProto::INT64;
        case HostTensor::Type::UInt8: return onnx::TensorProto::UINT8;
        case HostTensor::Type::Bool: return onnx::TensorProto::BOOL;
        case HostTensor::Type::String: return onnx::TensorProto::STRING;
    }
    return onnx::TensorProto::FLOAT;
}

// Declares a graph input or output; a dim of -1 is symbolic (named by `symbols` in order).
void declare(onnx::ValueInfoProto* v, const std::string& name, int type, const Dims& dims,
             const std::vector<std::string>& symbols = {"N"}) {
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

std::string fixed(double v) {
    std::ostringstream s;
    s.precision(6);
    s << v;
    return s.str();
}

// --- raw-input preprocessing, one column at a time; each returns its [N, k] float outputs ---

std::vector<std::string> numericStep(GraphBuilder& b, const FeatureStep& s, const std::string& x) {
    // Missing: NaN, and ±inf as training treats it (x - x is NaN for both, 0 for any number).
    auto nan = b.op("IsNaN", {b.op("Sub", {x, x})});
    auto filled = b.op("Where", {nan, b.scalar(s.column + ".fill", float(s.fill)), x});
    auto centred = b.op("Sub", {filled, b.scalar(s.column + ".mean", float(s.mean))});
    std::vector<std::string> out = {
        b.op("Div", {centred, b.scalar(s.column + ".scale", float(s.scale))})};
    if (s.indicator)
        out.push_back(b.op("Cast", {nan}, [](auto& n) { setInt(n, "to", onnx::TensorProto::FLOAT); }));
    return out;
}

std::vector<std::string> booleanStep(GraphBuilder& b, const FeatureStep& s, const std::string& x) {
    auto nan = b.op("IsNaN", {x});
    auto truth = b.op("Greater", {x, b.scalar("half", 0.5f)});
    auto value = b.op("Cast", {truth}, [](auto& n) { setInt(n, "to", onnx::TensorProto::FLOAT); });
    return {b.op("Where", {nan, b.scalar(s.column + ".mode", float(s.mode)), value})};
}

// One-hot: ai.onnx.ml LabelEncoder maps the string to its category index (K for "", the
// missing marker; -1 for an unseen category), then Equal against 0..K-1. Missing takes the most
// frequent category and an unseen one encodes as all zeros, as in training. (String Equal needs
// opset 19, beyond what libonnx 1.12 checks.)
std::vector<std::string> categoricalStep(GraphBuilder& b, const FeatureStep& s,
                                         const std::string& x) {
    auto k = std::int64_t(s.categories.size());
    auto codes = b.op("LabelEncoder", {x}, [&](auto& n) {
        n.set_domain("ai.onnx.ml");
        auto* keys = n.add_attribute();
        keys->set_name("keys_strings");
        keys->set_type(onnx::AttributeProto::STRINGS);
        for (const auto& c : s.categories) keys->add_strings(c);
        keys->add_strings("");
        auto* values = n.add_attribute();
        values->set_name("values_int64s");
        values->set_type(onnx::AttributeProto::INTS);
        for (std::int64_t i = 0; i <= k; ++i) values->add_ints(i);
        setInt(n, "default_int64", -1);
    });
    Dims range(std::size_t(k), 0);
    for (std::int64_t i = 0; i < k; ++i) range[std::size_t(i)] = i;
    auto eq = b.op("Equal", {codes, b.int64s(s.column + ".codes", {k}, range)});
    auto hot = b.op("Cast", {eq}, [](auto& n) { setInt(n, "to", onnx::TensorProto::FLOAT); });
    auto missing = b.op("Equal", {codes, b.int64s(s.column + ".missing", {}, {k})});
    std::vector<float> modeRow(std::size_t(k), 0.f);
    if (k > 0) modeRow[std::size_t(std::clamp(s.mode, 0, int(k) - 1))] = 1.f;
    return {b.op("Where", {missing, b.floats(s.column + ".mode", {k}, modeRow), hot})};
}

// floor(a / c) in double.
std::string floorDiv(GraphBuilder& b, const std::string& a, double c) {
    return b.op("Floor", {b.op("Div", {a, b.doubleScalar("c", c)})});
}
std::string mulC(GraphBuilder& b, const std::string& a, double c) {
    return b.op("Mul", {a, b.doubleScalar("c", c)});
}
std::string addC(GraphBuilder& b, const std::string& a, double c) {
    return b.op("Add", {a, b.doubleScalar("c", c)});
}
std::string toFloat(GraphBuilder& b, const std::string& a) {
    return b.op("Cast", {a}, [](auto& n) { setInt(n, "to", onnx::TensorProto::FLOAT); });
}

// Calendar year, month and weekday of a day number in double arithmetic (exact for integers far
// beyond any date), following the civil-from-days algorithm the recipe uses.
std::vector<std::string> dateStep(GraphBuilder& b, const FeatureStep& s, const std::string& x) {
    auto nan = b.op("IsNaN", {x});
    auto days = b.op("Floor", {b.op("Where", {nan, b.doubleScalar("fill", s.fill), x})});
    auto z = addC(b, days, 719468);
    auto era = floorDiv(b, z, 146097);
    auto doe = b.op("Sub", {z, mulC(b, era, 146097)});
    auto t = b.op("Sub", {doe, floorDiv(b, doe, 1460)});
    t = b.op("Sub", {b.op("Add", {t, floorDiv(b, doe, 36524)}), floorDiv(b, doe, 146096)});
    auto yoe = floorDiv(b, t, 365);
    auto yearDays = b.op("Sub", {b.op("Add", {mulC(b, yoe, 365), floorDiv(b, yoe, 4)}),
                                 floorDiv(b, yoe, 100)});
    auto doy = b.op("Sub", {doe, yearDays});
    auto mp = floorDiv(b, addC(b, mulC(b, doy, 5), 2), 153);
    auto month = b.op("Where", {b.op("Less", {mp, b.doubleScalar("ten", 10)}), addC(b, mp, 3),
                                addC(b, mp, -9)});
    auto early = b.op("Cast", {b.op("LessOrEqual", {month, b.doubleScalar("two", 2)})},
                      [](auto& n) { setInt(n, "to", onnx::TensorProto::DOUBLE); });
    auto year = b.op("Add", {b.op("Add", {yoe, mulC(b, era, 400)}), early});
    auto shifted = addC(b, days, 3);  // 1970-01-01 was a Thursday (weekday 3, Monday = 0)
    auto weekday = b.op("Sub", {shifted, mulC(b, floorDiv(b, shifted, 7), 7)});
    std::vector<std::string> out = {
        toFloat(b, mulC(b, addC(b, year, -s.mean), 1.0 / s.scale)),
        toFloat(b, mulC(b, addC(b, month, -1), 1.0 / 11.0)), toFloat(b, mulC(b, weekday, 1.0 / 6.0))};
    if (s.indicator) out.push_back(toFloat(b, nan));
    return out;
}

std::string tabularInputs(GraphBuilder& b, onnx::GraphProto& g, const TrainedModel& m) {
    std::vector<std::string> parts;
    auto specs = onnxInputsFor(m);
    for (std::size_t i = 0; i < m.recipe.steps.size(); ++i) {
        const auto& s = m.recipe.steps[i];
        declare(g.add_input(), specs[i].name, onnxType(specs[i].type), {-1, 1});
        std::vector<std::string> out;
        if (s.kind == "numeric")
            out = numericStep(b, s, specs[i].name);
        else if (s.kind == "boolean")
            out = booleanStep(b, s, specs[i].name);
        else if (s.kind == "date")
            out = dateStep(b, s, specs[i].name);
        else
            out = categoricalStep(b, s, specs[i].name);
        parts.insert(parts.end(), out.begin(), out.end());
    }
    if (parts.size() == 1) return parts[0];
    return b.op("Concat", parts, [](auto& n) { setInt(n, "axis", 1); });
}

// uint8 [N, H, W, C] → float [N, C, S, S]: cast, to NCHW, bilinear resize to the training size
// (the identity when H = W = S), pixels / 255, then (x − mean) / std per channel.
std::string imageInputs(GraphBuilder& b, onnx::GraphProto& g, const TrainedModel& m) {
    const auto& im = m.recipe.image;
    declare(g.add_input(), "image", onnx::TensorProto::UINT8, {-1, -1, -1, im.channels},
            {"N", "H", "W"});
    auto x = toFloat(b, "image");
    x = b.op("Transpose", {x}, [](auto& n) { setInts(n, "perm", {0, 3, 1, 2}); });
    auto nc = b.op("Slice", {b.op("Shape", {x}), b.int64s("start", {1}, {0}),
                             b.int64s("end", {1}, {2})});
    auto sizes = b.op("Concat", {nc, b.int64s("size", {2}, {im.size, im.size})},
                      [](auto& n) { setInt(n, "axis", 0); });
    x = b.op("Resize", {x, "", "", sizes}, [](auto& n) {
        setString(n, "mode", "linear");
        setString(n, "coordinate_transformation_mode", "half_pixel");
    });
    Dims cshape = {1, im.channels, 1, 1};
    std::vector<float> mean, std;
    for (int c = 0; c < im.channels; ++c) {
        mean.push_back(float(im.mean.at(std::size_t(c)) * 255.0));
        std.push_back(float(im.std.at(std::size_t(c)) * 255.0));
    }
    x = b.op("Sub", {x, b.floats("pixel_mean", cshape, mean)});
    return b.op("Div", {x, b.floats("pixel_std", cshape, std)});
}

// --- the network ---

std::string gemm(GraphBuilder& b, const std::string& x, const ModelLayer& l,
                 std::vector<float> w, std::vector<float> bias) {
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

// The network's layers; the last Linear's weights may be rescaled (plain regression graphs).
std::string network(GraphBuilder& b, std::string x, const TrainedModel& m, double outScale,
                    double outShift) {
    const auto& L = m.layers;
    for (std::size_t i = 0; i < L.size(); ++i) {
        const auto& l = L[i];
        bool last = i + 1 == L.size();
        switch (l.kind) {
            case ModelLayer::Kind::Linear: {
                bool folded = !m.images() && i + 1 < L.size() && L[i + 1].kind == ModelLayer::Kind::BatchNorm;
                if (last && (outScale != 1 || outShift != 0)) {
                    auto w = l.weight, bias = l.bias;
                    for (auto& v : w) v = float(v * outScale);
                    for (auto& v : bias) v = float(v * outScale + outShift);
                    x = gemm(b, x, l, w, bias);
                } else {
                    x = linear(b, x, l, folded ? &L[i + 1] : nullptr);
                }
                if (folded) ++i;
                break;
            }
            case ModelLayer::Kind::BatchNorm: x = batchNorm2d(b, x, l); break;
            case ModelLayer::Kind::Relu: x = b.op("Relu", {x}); break;
            case ModelLayer::Kind::Tanh: x = b.op("Tanh", {x}); break;
            case ModelLayer::Kind::Gelu: x = gelu(b, x); break;
            case ModelLayer::Kind::Conv: x = convLayer(b, x, l); break;
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

json recipeSummary(const TrainedModel& m) {
    json steps = json::array();
    for (const auto& s : m.recipe.steps) {
        json j = {{"column", s.column}, {"kind", s.kind}, {"outputs", s.outputs.size()}};
        if (s.kind == "numeric" || s.kind == "date")
            j.update({{"fill", s.fill}, {"mean", s.mean}, {"scale", s.scale},
                      {"missing_indicator", s.indicator}});
        if (s.kind == "categorical") j["categories"] = s.categories;
        steps.push_back(j);
    }
    json r = {{"steps", steps}, {"width", m.inputWidth}};
    if (m.images())
        r["image"] = {{"size", m.recipe.image.size}, {"channels", m.recipe.image.channels},
                      {"mean", m.recipe.image.mean}, {"std", m.recipe.image.std},
                      {"resize", "bilinear to size x size (training used area interpolation)"}};
    return r;
}

void addMetadata(onnx::ModelProto& model, const TrainedModel& m, const OnnxExportOptions& o) {
    json inputs = json::array();
    if (o.plain)
        inputs.push_back({{"name", m.images() ? "image" : "features"},
                          {"meaning", m.images() ? "normalised float NCHW pixels"
                                                 : "the recipe's preprocessed features"}});
    else
        for (const auto& in : onnxInputsFor(m))
            inputs.push_back({{"name", in.name}, {"column", in.column}, {"type", hostTypeName(in.type)},
                              {"kind", in.kind}, {"meaning", in.meaning}});
    std::vector<std::pair<std::string, std::string>> props = {
        {"kiln.version", build::kKilnVersion},
        {"kiln.run_id", m.runId},
        {"kiln.dataset", o.datasetName.empty() ? m.spec.dataset : o.datasetName},
        {"kiln.dataset_version_hash", o.datasetHash.empty() ? m.spec.datasetHash : o.datasetHash},
        {"kiln.task", taskName(m.spec.task)},
        {"kiln.model_family", m.spec.model.family},
        {"kiln.target", m.recipe.targetColumn},
        {"kiln.inputs", inputs.dump()},
        {"kiln.classes", json(m.recipe.target.classes).dump()},
        {"kiln.recipe", recipeSummary(m).dump()},
        {"kiln.variant", o.plain ? "plain" : "raw-inputs"}};
    for (auto& [k, v] : props) {
        auto* p = model.add_metadata_props();
        p->set_key(k);
        p->set_value(v);
    }
}

}  // namespace

const char* hostTypeName(HostTensor::Type type) {
    switch (type) {
        case HostTensor::Type::Float: return "float";
        case HostTensor::Type::Double: return "double";
        case HostTensor::Type::Int64: return "int64";
        case HostTensor::Type::UInt8: return "uint8";
        case HostTensor::Type::Bool: return "bool";
        case HostTensor::Type::String: return "string";
    }
    return "?";
}

std::vector<OnnxInputSpec> onnxInputsFor(const TrainedModel& m) {
    if (m.images())
        return {{"image", m.recipe.image.column, HostTensor::Type::UInt8, "image",
                 "uint8 [N, H, W, " + std::to_string(m.recipe.image.channels) +
                     "] pixels, RGB order, resized inside to " + std::to_string(m.recipe.image.size) +
                     "x" + std::to_string(m.recipe.image.size)}};
    std::vector<OnnxInputSpec> out;
    for (const auto& s : m.recipe.steps) {
        OnnxInputSpec in{s.column, s.column, HostTensor::Type::Float, s.kind, ""};
        if (s.kind == "numeric")
            in.meaning =
                "float [N, 1], NaN (or ±inf) when missing (filled with " + fixed(s.fill) + ")";
        else if (s.kind == "boolean")
            in.meaning = "float [N, 1]: 1 true, 0 false, NaN missing";
        else if (s.kind == "date") {
            in.type = HostTensor::Type::Double;
            in.meaning = "double [N, 1]: days since 1970-01-01 (fractions are floored), NaN missing";
        } else {
            in.type = HostTensor::Type::String;
            in.meaning = "string [N, 1]: the category as written, \"\" when missing; unseen "
                         "categories are allowed";
        }
        out.push_back(std::move(in));
    }
    return out;
}

Result<std::string> buildOnnxModel(const TrainedModel& m, const OnnxExportOptions& o) {
    onnx::ModelProto model;
    model.set_ir_version(8);
    model.set_producer_name("kiln");
    model.set_producer_version(build::kKilnVersion);
    model.set_doc_string("Kiln run " + m.runId + ": " + taskName(m.spec.task) + " of '" +
                         m.recipe.targetColumn + "' with a " + m.spec.model.family +
                         (o.plain ? " (plain network, preprocessed inputs)"
                                  : " (raw inputs, preprocessing inside)"));
    auto* opset = model.add_opset_import();
    opset->set_domain("");
    opset->set_version(kOpset);
    auto* ml = model.add_opset_import();
    ml->set_domain("ai.onnx.ml");
    ml->set_version(2);
    auto& g = *model.mutable_graph();
    g.set_name("kiln_" + m.runId);
    GraphBuilder b(g);
    std::string x;
    double scale = 1, shift = 0;
    if (!m.classification()) {  // the network predicts a standardised target
        scale = m.recipe.target.scale;
        shift = m.recipe.target.mean;
    }
    if (o.plain) {
        const auto& im = m.recipe.image;
        x = m.images() ? "image" : "features";
        if (m.images())
            declare(g.add_input(), x, onnx::TensorProto::FLOAT, {-1, im.channels, im.size, im.size});
        else
            declare(g.add_input(), x, onnx::TensorProto::FLOAT, {-1, m.inputWidth});
    } else {
        x = m.images() ? imageInputs(b, g, m) : tabularInputs(b, g, m);
    }
    addOutputs(b, g, m, network(b, x, m, scale, shift), o.plain);
    addMetadata(model, m, o);
    std::string bytes;
    if (!model.SerializeToString(&bytes))
        return makeError(ErrorCode::Internal, "could not serialise the ONNX model");
    return bytes;
}

Result<OnnxCheck> checkOnnxFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return makeError(ErrorCode::NotFound, "cannot read the ONNX file", file.string());
    onnx::ModelProto model;
    if (!model.ParseFromIstream(&in))
        return makeError(ErrorCode::Corrupt, "not an ONNX model (protobuf parse failed)",
                         file.string());
    try {
        onnx::checker::check_model(model);
        onnx::ShapeInferenceOptions options{/*check_type=*/true, /*error_mode=*/1, false};
        onnx::shape_inference::InferShapes(model, onnx::OpSchemaRegistry::Instance(), options);
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Corrupt, std::string("the ONNX checker rejected the file: ") + e.what(),
                         file.string());
    }
    OnnxCheck c;
    for (const auto& op : model.opset_import())
        c.opsetSummary += (op.domain().empty() ? "ai.onnx" : op.domain()) + " " +
                          std::to_string(op.version()) + " ";
    if (!c.opsetSummary.empty()) c.opsetSummary.pop_back();
    c.nodes = model.graph().node_size();
    c.bytes = std::int64_t(fs::file_size(file));
    return c;
}

Status writeModelFile(const fs::path& file, const std::string& bytes) {
    std::error_code ec;
    if (file.has_parent_path()) fs::create_directories(file.parent_path(), ec);
    auto writer = AtomicFileWriter::create(file);
    if (!writer) return writer.error();
    (*writer)->write(bytes);
    return (*writer)->commit();
}

}  // namespace kiln
