// The raw inputs of a deployable ONNX graph and their preprocessing, one column at a time:
// numbers, booleans, dates and categories for tables, and pixels for images.
#include "core/export/onnx_preprocessing.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/export/onnx_writer.h"
#include "core/export/trained_model.h"

namespace kiln {

namespace onnx_build {

namespace {

// --- raw-input preprocessing, one column at a time; each returns its [N, k] float outputs ---

// Missing cells as training sees them: NaN, and ±inf (x - x is NaN for both, 0 for any number).
std::string missingCells(GraphBuilder& b, const std::string& x) {
    return b.op("IsNaN", {b.op("Sub", {x, x})});
}

// A tree recipe's step (keepMissing): each output as it is, NaN where the cell is missing.
std::string nanWhere(GraphBuilder& b, const std::string& missing, const std::string& value) {
    return b.op("Where", {missing, b.scalar("nan", std::nanf("")), value});
}

std::vector<std::string> numericStep(GraphBuilder& b, const FeatureStep& s, const std::string& x) {
    auto nan = missingCells(b, x);
    if (s.keepMissing) return {nanWhere(b, nan, x)};
    auto filled = b.op("Where", {nan, b.scalar(s.column + ".fill", float(s.fill)), x});
    auto centred = b.op("Sub", {filled, b.scalar(s.column + ".mean", float(s.mean))});
    std::vector<std::string> out = {
        b.op("Div", {centred, b.scalar(s.column + ".scale", float(s.scale))})};
    if (s.indicator)
        out.push_back(
            b.op("Cast", {nan}, [](auto& n) { setInt(n, "to", onnx::TensorProto::FLOAT); }));
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
// A tree recipe (keepMissing) keeps the year unscaled and makes a missing (or infinite) date NaN
// in all three outputs.
std::vector<std::string> dateStep(GraphBuilder& b, const FeatureStep& s, const std::string& x) {
    auto nan = s.keepMissing ? missingCells(b, x) : b.op("IsNaN", {x});
    auto days = b.op("Floor", {b.op("Where", {nan, b.doubleScalar("fill", s.fill), x})});
    auto z = addC(b, days, 719468);
    auto era = floorDiv(b, z, 146097);
    auto doe = b.op("Sub", {z, mulC(b, era, 146097)});
    auto t = b.op("Sub", {doe, floorDiv(b, doe, 1460)});
    t = b.op("Sub", {b.op("Add", {t, floorDiv(b, doe, 36524)}), floorDiv(b, doe, 146096)});
    auto yoe = floorDiv(b, t, 365);
    auto yearDays =
        b.op("Sub", {b.op("Add", {mulC(b, yoe, 365), floorDiv(b, yoe, 4)}), floorDiv(b, yoe, 100)});
    auto doy = b.op("Sub", {doe, yearDays});
    auto mp = floorDiv(b, addC(b, mulC(b, doy, 5), 2), 153);
    auto month = b.op(
        "Where", {b.op("Less", {mp, b.doubleScalar("ten", 10)}), addC(b, mp, 3), addC(b, mp, -9)});
    auto early = b.op("Cast", {b.op("LessOrEqual", {month, b.doubleScalar("two", 2)})},
                      [](auto& n) { setInt(n, "to", onnx::TensorProto::DOUBLE); });
    auto year = b.op("Add", {b.op("Add", {yoe, mulC(b, era, 400)}), early});
    auto shifted = addC(b, days, 3);  // 1970-01-01 was a Thursday (weekday 3, Monday = 0)
    auto weekday = b.op("Sub", {shifted, mulC(b, floorDiv(b, shifted, 7), 7)});
    std::vector<std::string> out = {toFloat(b, mulC(b, addC(b, year, -s.mean), 1.0 / s.scale)),
                                    toFloat(b, mulC(b, addC(b, month, -1), 1.0 / 11.0)),
                                    toFloat(b, mulC(b, weekday, 1.0 / 6.0))};
    if (s.keepMissing)
        for (auto& o : out) o = nanWhere(b, nan, o);
    if (s.indicator) out.push_back(toFloat(b, nan));
    return out;
}

}  // namespace

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
    auto nc =
        b.op("Slice", {b.op("Shape", {x}), b.int64s("start", {1}, {0}), b.int64s("end", {1}, {2})});
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

}  // namespace onnx_build

namespace {

std::string fixed(double v) {
    std::ostringstream s;
    s.precision(6);
    s << v;
    return s.str();
}

}  // namespace

std::vector<OnnxInputSpec> onnxInputsFor(const TrainedModel& m) {
    if (m.images())
        return {{"image", m.recipe.image.column, HostTensor::Type::UInt8, "image",
                 "uint8 [N, H, W, " + std::to_string(m.recipe.image.channels) +
                     "] pixels, RGB order, resized inside to " +
                     std::to_string(m.recipe.image.size) + "x" +
                     std::to_string(m.recipe.image.size)}};
    std::vector<OnnxInputSpec> out;
    for (const auto& s : m.recipe.steps) {
        OnnxInputSpec in{s.column, s.column, HostTensor::Type::Float, s.kind, ""};
        if (s.kind == "numeric" && s.keepMissing)
            in.meaning = "float [N, 1], NaN (or ±inf) when missing (the trees route it as trained)";
        else if (s.kind == "numeric")
            in.meaning =
                "float [N, 1], NaN (or ±inf) when missing (filled with " + fixed(s.fill) + ")";
        else if (s.kind == "boolean")
            in.meaning = "float [N, 1]: 1 true, 0 false, NaN missing";
        else if (s.kind == "date") {
            in.type = HostTensor::Type::Double;
            in.meaning =
                "double [N, 1]: days since 1970-01-01 (fractions are floored), NaN missing";
        } else {
            in.type = HostTensor::Type::String;
            in.meaning =
                "string [N, 1]: the category as written, \"\" when missing; unseen "
                "categories are allowed";
        }
        out.push_back(std::move(in));
    }
    return out;
}

}  // namespace kiln
