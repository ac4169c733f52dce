#include "core/features/feature_recipe.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "core/data/table.h"
#include "core/features/imputation.h"

namespace kiln {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxOneHot = 64;  // rarer categories share the all-zero encoding

struct Civil {
    int year, month, weekday;  // weekday 0 = Monday
};

// Days since 1970-01-01 → calendar date (Howard Hinnant's algorithm).
FeatureStep newStep(const std::string& column, const char* kind) {
    FeatureStep s;
    s.column = column;
    s.kind = kind;
    return s;
}

Civil civilFromDays(std::int64_t z) {
    std::int64_t days = z;
    z += 719468;
    std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    auto doe = unsigned(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned m = mp < 10 ? mp + 3 : mp - 9;
    auto y = int(std::int64_t(yoe) + era * 400 + (m <= 2));
    int weekday = int(((days % 7) + 7 + 3) % 7);  // 1970-01-01 was a Thursday
    return {y, int(m), weekday};
}

double dayNumber(const ColumnView& c, std::uint64_t row) {
    double v = c.number(row);
    return c.info().type == ColumnType::DateTime ? std::floor(v / 86400000.0) : v;
}

// Mean and standard deviation of values near the limits of a double (±1e308), where the plain
// sums overflow: computed on the values divided by their largest magnitude, then scaled back.
void meanScaleOfHuge(const std::vector<double>& v, double& mean, double& scale) {
    double top = 0;
    for (double x : v) top = std::max(top, std::fabs(x));
    double sum = 0, sq = 0;
    for (double x : v) sum += x / top;
    double m = sum / double(v.size());
    for (double x : v) sq += (x / top - m) * (x / top - m);
    mean = m * top;
    scale = std::sqrt(sq / double(v.size())) * top;
    if (!std::isfinite(scale)) scale = std::numeric_limits<double>::max();
}

void meanScale(const std::vector<double>& v, double& mean, double& scale) {
    double sum = 0, sq = 0;
    for (double x : v) sum += x;
    mean = v.empty() ? 0 : sum / double(v.size());
    for (double x : v) sq += (x - mean) * (x - mean);
    scale = v.size() > 1 ? std::sqrt(sq / double(v.size())) : 1;
    if (v.size() > 1 && !(std::isfinite(mean) && std::isfinite(scale)))
        meanScaleOfHuge(v, mean, scale);
    if (!(scale > 1e-12)) scale = 1;
}

// Infinite values are no measurement a model can use: they are treated like missing cells.
bool usable(double v) {
    return std::isfinite(v);
}

// How many cells of a numeric column hold ±inf, over every row of the table.
std::uint64_t infiniteCells(const ColumnView& c) {
    std::uint64_t n = 0;
    for (std::uint64_t r = 0; r < c.rows(); ++r) n += std::isinf(c.number(r));
    return n;
}

FeatureStep fitNumeric(const ColumnView& c, const std::vector<std::uint64_t>& rows, bool date,
                       const RunSpec& spec) {
    FeatureStep s = newStep(c.info().name, date ? "date" : "numeric");
    std::vector<double> values;
    for (auto r : rows) {
        double v = date ? dayNumber(c, r) : c.number(r);
        if (!usable(v))
            s.indicator = true;
        else
            values.push_back(v);
    }
    s.fill = fillValue(values, spec.imputation, spec.imputeValue, date);
    if (date)
        for (double& v : values) v = civilFromDays(std::int64_t(v)).year;
    meanScale(values, s.mean, s.scale);
    if (date)
        s.outputs = {s.column + ".year", s.column + ".month", s.column + ".weekday"};
    else
        s.outputs = {s.column};
    if (s.indicator) s.outputs.push_back(s.column + ".missing");
    return s;
}

FeatureStep fitCodes(const ColumnView& c, const std::vector<std::uint64_t>& rows) {
    FeatureStep s = newStep(c.info().name, "categorical");
    const auto& cats = c.info().categories;
    std::vector<std::uint64_t> counts(cats.size(), 0);
    for (auto r : rows)
        if (int code = c.code(r); code >= 0 && std::size_t(code) < cats.size())
            ++counts[std::size_t(code)];
    std::vector<std::size_t> order(cats.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](auto a, auto b) { return counts[a] > counts[b]; });
    for (std::size_t i = 0; i < order.size() && i < kMaxOneHot && counts[order[i]] > 0; ++i) {
        s.categories.push_back(cats[order[i]]);
        s.outputs.push_back(s.column + "=" + cats[order[i]]);
    }
    s.mode = 0;  // the most frequent category comes first
    return s;
}

FeatureStep fitBoolean(const ColumnView& c, const std::vector<std::uint64_t>& rows) {
    FeatureStep s = newStep(c.info().name, "boolean");
    std::uint64_t ones = 0, seen = 0;
    for (auto r : rows)
        if (!c.isMissing(r)) {
            ++seen;
            ones += c.number(r) > 0.5;
        }
    s.mode = 2 * ones > seen ? 1 : 0;
    s.outputs = {s.column};
    return s;
}

Result<FeatureStep> fitStep(const ColumnView& c, const std::vector<std::uint64_t>& rows, const RunSpec& spec) {
    switch (c.info().type) {
        case ColumnType::Integer:
        case ColumnType::Float:
            return fitNumeric(c, rows, false, spec);
        case ColumnType::Date:
        case ColumnType::DateTime:
            return fitNumeric(c, rows, true, spec);
        case ColumnType::Categorical:
            return fitCodes(c, rows);
        case ColumnType::Boolean:
            return fitBoolean(c, rows);
        default:
            return makeError(ErrorCode::Unsupported,
                             "column '" + c.info().name +
                                 "' is free text, which Kiln cannot use as a feature yet",
                             "leave it out of the features");
    }
}

// For each code of a categorical column, its one-hot position in the step (-1: none; missing
// cells take the most frequent category).
std::vector<int> hotPositions(const FeatureStep& s, const ColumnView& c) {
    const auto& cats = c.info().categories;
    std::vector<int> out(cats.size(), -1);
    for (std::size_t code = 0; code < cats.size(); ++code) {
        auto it = std::find(s.categories.begin(), s.categories.end(), cats[code]);
        if (it != s.categories.end()) out[code] = int(it - s.categories.begin());
    }
    return out;
}

int oneHotIndex(const FeatureStep& s, const ColumnView& c, const std::vector<int>& hot,
                std::uint64_t row) {
    int code = c.code(row);
    return code < 0 || std::size_t(code) >= hot.size() ? s.mode : hot[std::size_t(code)];
}

float* writeStep(const FeatureStep& s, const ColumnView& c, const std::vector<int>& hot,
                 std::uint64_t row, float* out) {
    if (s.kind == "numeric" || s.kind == "date") {
        bool dateKind = s.kind == "date";
        double v = dateKind ? dayNumber(c, row) : c.number(row);
        bool missing = !usable(v);
        if (missing && s.keepMissing) {
            for (std::size_t i = 0; i < s.outputs.size(); ++i)
                *out++ = std::numeric_limits<float>::quiet_NaN();
            return out;
        }
        if (missing) v = s.fill;
        if (dateKind) {
            Civil d = civilFromDays(std::int64_t(v));
            *out++ = float((d.year - s.mean) / s.scale);
            *out++ = float((d.month - 1) / 11.0);
            *out++ = float(d.weekday / 6.0);
        } else {
            *out++ = float((v - s.mean) / s.scale);
        }
        if (s.indicator) *out++ = missing ? 1.f : 0.f;
    } else if (s.kind == "boolean") {
        *out++ = c.isMissing(row) ? float(s.mode) : float(c.number(row) > 0.5);
    } else {
        int position = oneHotIndex(s, c, hot, row);
        for (std::size_t i = 0; i < s.categories.size(); ++i)
            *out++ = int(i) == position ? 1.f : 0.f;
    }
    return out;
}

json stepJson(const FeatureStep& s) {
    return {
        {"column", s.column},  {"kind", s.kind},   {"indicator", s.indicator},   {"fill", s.fill},
        {"mean", s.mean},      {"scale", s.scale}, {"categories", s.categories}, {"mode", s.mode},
        {"outputs", s.outputs}, {"keep_missing", s.keepMissing}};
}

// Trees split on raw values and route missing ones themselves: no fill, no scale, no indicator.
void keepMissingValues(FeatureStep& s) {
    if (s.kind != "numeric" && s.kind != "date") return;
    s.keepMissing = true;
    s.mean = 0;
    s.scale = 1;
    s.fill = 0;
    if (s.indicator) s.outputs.pop_back();
    s.indicator = false;
}

}  // namespace

int FeatureRecipe::width() const {
    int w = 0;
    for (const auto& s : steps) w += int(s.outputs.size());
    return w;
}

std::vector<std::string> targetClasses(const Table& table, const std::string& target) {
    const ColumnView& c = table.column(std::size_t(table.columnIndex(target)));
    std::map<std::string, double> seen;  // text → sort key
    for (std::uint64_t r = 0; r < c.rows(); ++r) {
        if (c.isMissing(r)) continue;
        auto type = c.info().type;
        double key = type == ColumnType::Categorical ? c.code(r)
                     : isNumeric(type)               ? c.number(r)
                                                     : 0;
        seen.emplace(c.text(r), key);
    }
    std::vector<std::pair<std::string, double>> v(seen.begin(), seen.end());
    std::stable_sort(v.begin(), v.end(), [](auto& a, auto& b) { return a.second < b.second; });
    std::vector<std::string> classes;
    for (auto& p : v) classes.push_back(p.first);
    return classes;
}

Result<FeatureRecipe> FeatureRecipe::fit(const Table& table, const RunSpec& spec,
                                         const std::vector<std::uint64_t>& trainRows) {
    FeatureRecipe recipe;
    recipe.targetColumn = spec.target;
    recipe.target.task = spec.task;
    const ColumnView& target = table.column(std::size_t(table.columnIndex(spec.target)));
    if (spec.task == TaskKind::Classification) {
        recipe.target.classes = targetClasses(table, spec.target);
    } else {
        std::vector<double> ys;
        for (auto r : trainRows)
            if (double y = target.number(r); std::isfinite(y)) ys.push_back(y);
        meanScale(ys, recipe.target.mean, recipe.target.scale);
    }
    if (spec.datasetKind == "images") {
        recipe.image.enabled = true;
        recipe.image.size = spec.imageSize;
        recipe.image.flip = spec.augmentFlip;
        recipe.image.channels = 1;
        if (int ch = table.columnIndex("channels"); ch >= 0)
            for (std::uint64_t r = 0; r < table.rows(); ++r)
                if (table.column(std::size_t(ch)).number(r) >= 3) recipe.image.channels = 3;
        return recipe;
    }
    for (const auto& name : spec.features) {
        int index = table.columnIndex(name);
        if (index < 0)
            return makeError(ErrorCode::NotFound, "no column '" + name + "' in the dataset");
        const ColumnView& column = table.column(std::size_t(index));
        auto step = fitStep(column, trainRows, spec);
        if (!step) return step.error();
        if (isTreeFamily(spec.model.family)) keepMissingValues(*step);
        if (step->kind == "numeric")
            if (std::uint64_t n = infiniteCells(column); n > 0)
                recipe.notes.push_back(
                    "column '" + name + "' has " + std::to_string(n) + " infinite value" +
                    (n == 1 ? " (inf or -inf); it is" : "s (inf or -inf); they are") +
                    " treated as missing: " +
                    (step->keepMissing
                         ? std::string("the trees learn which way missing values go")
                         : fillPhrase(spec.imputation, spec.imputeValue) +
                               (step->indicator ? " and flagged in " + name + ".missing"
                                                : std::string())));
        recipe.steps.push_back(std::move(*step));
    }
    return recipe;
}

void FeatureRecipe::transformRow(const Table& table, std::uint64_t row, float* out) const {
    transformRows(table, {row}, out);
}

void FeatureRecipe::transformRows(const Table& table, const std::vector<std::uint64_t>& rows,
                                  float* out) const {
    std::vector<const ColumnView*> columns;
    std::vector<std::vector<int>> hot;
    for (const auto& s : steps) {
        columns.push_back(&table.column(std::size_t(table.columnIndex(s.column))));
        hot.push_back(s.kind == "categorical" ? hotPositions(s, *columns.back())
                                              : std::vector<int>{});
    }
    for (auto row : rows)
        for (std::size_t k = 0; k < steps.size(); ++k)
            out = writeStep(steps[k], *columns[k], hot[k], row, out);
}

int FeatureRecipe::label(const Table& table, std::uint64_t row) const {
    const ColumnView& c = table.column(std::size_t(table.columnIndex(targetColumn)));
    if (c.isMissing(row)) return -1;
    auto it = std::find(target.classes.begin(), target.classes.end(), c.text(row));
    return it == target.classes.end() ? -1 : int(it - target.classes.begin());
}

double FeatureRecipe::scaledTarget(const Table& table, std::uint64_t row) const {
    const ColumnView& c = table.column(std::size_t(table.columnIndex(targetColumn)));
    return (c.number(row) - target.mean) / target.scale;
}

std::vector<std::uint64_t> labelledRows(const Table& table, const FeatureRecipe& recipe) {
    std::vector<std::uint64_t> rows;
    bool classify = recipe.target.task == TaskKind::Classification;
    std::unordered_map<std::string, int> classIndex;
    for (std::size_t i = 0; i < recipe.target.classes.size(); ++i)
        classIndex[recipe.target.classes[i]] = int(i);
    const ColumnView& c = table.column(std::size_t(table.columnIndex(recipe.targetColumn)));
    for (std::uint64_t r = 0; r < table.rows(); ++r) {
        if (c.isMissing(r)) continue;
        if (classify ? classIndex.count(c.text(r)) > 0 : std::isfinite(c.number(r)))
            rows.push_back(r);
    }
    return rows;
}

std::string FeatureRecipe::toJson(int indent) const {
    json steps_ = json::array();
    for (const auto& s : steps) steps_.push_back(stepJson(s));
    json j = {{"format", "kiln-recipe/1"},
              {"inputs", steps_},
              {"width", width()},
              {"target",
               {{"column", targetColumn},
                {"task", taskName(target.task)},
                {"classes", target.classes},
                {"mean", target.mean},
                {"scale", target.scale}}}};
    if (image.enabled)
        j["image"] = {{"column", image.column},
                      {"size", image.size},
                      {"channels", image.channels},
                      {"mean", image.mean},
                      {"std", image.std},
                      {"flip", image.flip},
                      {"layout", "NCHW, RGB, pixels / 255 then (x - mean) / std"}};
    return j.dump(indent);
}

Result<FeatureRecipe> FeatureRecipe::fromJson(const std::string& text) {
    try {
        json j = json::parse(text);
        FeatureRecipe r;
        for (const auto& s : j.at("inputs")) {
            FeatureStep f;
            s.at("column").get_to(f.column);
            s.at("kind").get_to(f.kind);
            s.at("indicator").get_to(f.indicator);
            s.at("fill").get_to(f.fill);
            s.at("mean").get_to(f.mean);
            s.at("scale").get_to(f.scale);
            s.at("categories").get_to(f.categories);
            s.at("mode").get_to(f.mode);
            s.at("outputs").get_to(f.outputs);
            f.keepMissing = s.value("keep_missing", false);
            r.steps.push_back(std::move(f));
        }
        const json& t = j.at("target");
        t.at("column").get_to(r.targetColumn);
        r.target.task =
            t.at("task") == "classification" ? TaskKind::Classification : TaskKind::Regression;
        t.at("classes").get_to(r.target.classes);
        t.at("mean").get_to(r.target.mean);
        t.at("scale").get_to(r.target.scale);
        if (j.contains("image")) {
            const json& im = j.at("image");
            r.image.enabled = true;
            im.at("column").get_to(r.image.column);
            im.at("size").get_to(r.image.size);
            im.at("channels").get_to(r.image.channels);
            im.at("mean").get_to(r.image.mean);
            im.at("std").get_to(r.image.std);
            im.at("flip").get_to(r.image.flip);
        }
        return r;
    } catch (const json::exception& e) {
        return makeError(ErrorCode::Corrupt, std::string("bad recipe.json: ") + e.what());
    }
}

}  // namespace kiln
