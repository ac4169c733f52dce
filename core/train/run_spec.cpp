#include "core/train/run_spec.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/data/table.h"
#include "core/features/imputation.h"

namespace kiln {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxClasses = 20;  // integer/text targets with more distinct values regress

// The one table of each part's JSON fields: `f(key, field)` once per field, so writing and
// reading a spec cannot disagree on a name. `M` is const for writing, mutable for reading.
template <class M, class F>
void modelFields(M& m, F&& f) {
    f("family", m.family);
    f("hidden", m.hidden);
    f("activation", m.activation);
    f("dropout", m.dropout);
    f("batch_norm", m.batchNorm);
    f("cnn_width", m.cnnWidth);
    f("cnn_depth", m.cnnDepth);
    f("trees", m.trees);
    f("max_depth", m.maxDepth);
    f("learning_rate", m.learningRate);
    f("min_child_weight", m.minChildWeight);
    f("subsample", m.subsample);
    f("colsample", m.colsample);
    f("l1", m.l1);
    f("l2", m.l2);
}

template <class O, class F>
void optimizerFields(O& o, F&& f) {
    f("name", o.name);
    f("lr", o.lr);
    f("weight_decay", o.weightDecay);
    f("momentum", o.momentum);
    f("schedule", o.schedule);
    f("step_size", o.stepSize);
    f("gamma", o.gamma);
}

template <class S, class F>
void splitFields(S& s, F&& f) {
    f("train", s.train);
    f("val", s.val);
    f("test", s.test);
    f("seed", s.seed);
}

// The top-level fields besides task, split, model and optimizer (which need their own shape).
template <class R, class F>
void runFields(R& r, F&& f) {
    f("dataset", r.dataset);
    f("dataset_version", r.datasetVersion);
    f("dataset_hash", r.datasetHash);
    f("dataset_kind", r.datasetKind);
    f("target", r.target);
    f("features", r.features);
    f("notes", r.notes);
    f("epochs", r.epochs);
    f("batch_size", r.batchSize);
    f("early_stopping", r.earlyStopping);
    f("device", r.device);
    f("seed", r.seed);
    f("class_weights", r.classWeights);
    f("image_size", r.imageSize);
    f("augment_flip", r.augmentFlip);
    f("threads", r.threads);
    f("cv_folds", r.cvFolds);
    f("imputation", r.imputation);
    f("impute_value", r.imputeValue);
}

// The tables as values a template can take.
constexpr auto kRunFields = [](auto& r, auto&& f) { runFields(r, f); };
constexpr auto kSplitFields = [](auto& s, auto&& f) { splitFields(s, f); };
constexpr auto kModelFields = [](auto& m, auto&& f) { modelFields(m, f); };
constexpr auto kOptimizerFields = [](auto& o, auto&& f) { optimizerFields(o, f); };

template <class Part, class Visit>
json writeFields(const Part& part, Visit visit) {
    json j = json::object();
    visit(part, [&](const char* key, const auto& value) { j[key] = value; });
    return j;
}

template <class Part, class Visit>
void readFields(const json& j, Part& part, Visit visit) {
    visit(part, [&](const char* key, auto& value) {
        if (j.contains(key) && !j.at(key).is_null())
            value = j.at(key).template get<std::decay_t<decltype(value)>>();
    });
}

TaskKind parseTask(const std::string& name) {
    if (name == "classification") return TaskKind::Classification;
    if (name == "regression") return TaskKind::Regression;
    return TaskKind::Auto;
}

bool oneOf(const std::string& value, std::initializer_list<const char*> names) {
    for (const char* n : names)
        if (value == n) return true;
    return false;
}

bool validDevice(const std::string& d) {
    if (oneOf(d, {"auto", "cpu", "cuda"})) return true;
    if (d.rfind("cuda:", 0) != 0 || d.size() == 5) return false;
    return d.find_first_not_of("0123456789", 5) == std::string::npos;
}

// A fraction knob: 0 (the family's default) or in (0, 1].
bool fractionOrDefault(double x) { return x == 0 || (x > 0 && x <= 1); }

void checkTrees(const ModelSpec& m, std::ostringstream& out) {
    if (m.trees < 0 || m.trees > 100000) out << "trees: " << m.trees << " is not in 1..100000\n";
    if (m.maxDepth < 0 || m.maxDepth > 32) out << "max_depth: " << m.maxDepth << " is not in 1..32\n";
    if (!fractionOrDefault(m.learningRate))
        out << "learning_rate: " << m.learningRate << " is not in (0, 1]\n";
    if (!(m.minChildWeight >= 0) || !std::isfinite(m.minChildWeight))
        out << "min_child_weight: must be ≥ 0\n";
    if (!fractionOrDefault(m.subsample)) out << "subsample: " << m.subsample << " is not in (0, 1]\n";
    if (!fractionOrDefault(m.colsample)) out << "colsample: " << m.colsample << " is not in (0, 1]\n";
    if (!(m.l1 >= 0) || !std::isfinite(m.l1)) out << "l1: must be ≥ 0\n";
    if (!(m.l2 >= 0) || !std::isfinite(m.l2)) out << "l2: must be ≥ 0\n";
}

void checkModel(const RunSpec& s, std::ostringstream& out) {
    if (!oneOf(s.model.family, {"auto", "linear", "mlp", "cnn", "boosted", "forest", "tree"}))
        out << "model: '" << s.model.family
            << "' is not one of auto, linear, mlp, cnn, boosted, forest, tree\n";
    for (int h : s.model.hidden)
        if (h < 1 || h > 65536) out << "hidden: layer width " << h << " is not in 1..65536\n";
    if (!oneOf(s.model.activation, {"relu", "gelu", "tanh"}))
        out << "activation: '" << s.model.activation << "' is not one of relu, gelu, tanh\n";
    if (!(s.model.dropout >= 0 && s.model.dropout < 1))
        out << "dropout: " << s.model.dropout << " is not in [0, 1)\n";
    if (s.model.cnnWidth < 1 || s.model.cnnWidth > 512) out << "cnn_width: must be in 1..512\n";
    if (s.model.cnnDepth < 1 || s.model.cnnDepth > 6) out << "cnn_depth: must be in 1..6\n";
    if (s.model.family == "cnn" && s.datasetKind != "images")
        out << "model: cnn needs an image dataset; use linear or mlp for tables\n";
    if (isTreeFamily(s.model.family) && s.datasetKind == "images")
        out << "model: " << s.model.family << " needs a table; use cnn for images\n";
    checkTrees(s.model, out);
}

void checkOptimizer(const OptimizerSpec& o, std::ostringstream& out) {
    if (!oneOf(o.name, {"adam", "adamw", "sgd"}))
        out << "optimizer: '" << o.name << "' is not one of adam, adamw, sgd\n";
    if (!(o.lr > 0) || !std::isfinite(o.lr)) out << "lr: must be a positive number\n";
    if (!(o.weightDecay >= 0)) out << "weight_decay: must be ≥ 0\n";
    if (!(o.momentum >= 0 && o.momentum < 1)) out << "momentum: must be in [0, 1)\n";
    if (!oneOf(o.schedule, {"constant", "step", "cosine"}))
        out << "schedule: '" << o.schedule << "' is not one of constant, step, cosine\n";
    if (o.stepSize < 1) out << "step_size: must be ≥ 1\n";
    if (!(o.gamma > 0 && o.gamma <= 1)) out << "gamma: must be in (0, 1]\n";
}

void checkSplit(const SplitSpec& s, std::ostringstream& out) {
    if (!(s.train > 0) || !(s.val >= 0) || !(s.test >= 0))
        out << "split: fractions must be ≥ 0 and train > 0\n";
    else if (std::fabs(s.train + s.val + s.test - 1.0) > 1e-6)
        out << "split: fractions " << s.train << ", " << s.val << ", " << s.test
            << " must add up to 1\n";
}

// Counts distinct values of a column, stopping once more than `limit` were seen.
std::size_t distinctUpTo(const ColumnView& column, std::size_t limit) {
    std::set<std::string> seen;
    for (std::uint64_t r = 0; r < column.rows() && seen.size() <= limit; ++r)
        if (!column.isMissing(r)) seen.insert(column.text(r));
    return seen.size();
}

TaskKind detectTask(const ColumnView& target) {
    switch (target.info().type) {
        case ColumnType::Categorical:
        case ColumnType::Boolean:
            return TaskKind::Classification;
        case ColumnType::Integer:
        case ColumnType::Text:
            return distinctUpTo(target, kMaxClasses) <= kMaxClasses ? TaskKind::Classification
                                                                    : TaskKind::Regression;
        default:
            return TaskKind::Regression;
    }
}

// Why a column is no use as a feature, or empty when it is.
std::string uselessReason(const ColumnView& c) {
    const std::string& name = c.info().name;
    std::uint64_t rows = c.rows();
    if (c.info().missing == rows) return "is entirely missing";
    if (c.info().type == ColumnType::Text) return "is free text";
    std::string lower;
    for (char ch : name) lower += char(std::tolower(static_cast<unsigned char>(ch)));
    bool idName = lower == "id" || (lower.size() > 3 && lower.substr(lower.size() - 3) == "_id");
    if (c.info().type == ColumnType::Integer && rows > 20) {
        if (idName && distinctUpTo(c, rows) == rows) return "looks like an ID (unique integers)";
    }
    if (c.info().type == ColumnType::Categorical && rows > 20 &&
        c.info().categories.size() > std::max<std::uint64_t>(50, rows / 2))
        return "looks like an ID (a distinct category on most rows)";
    if (distinctUpTo(c, 1) <= 1) return "is constant";
    return {};
}

Status resolveFeatures(RunSpec& spec, const Table& table) {
    if (spec.datasetKind == "images") {
        if (spec.features.empty()) spec.features = {"sha256"};
        return {};
    }
    if (!spec.features.empty()) {
        for (const auto& f : spec.features)
            if (table.columnIndex(f) < 0)
                return makeError(ErrorCode::NotFound, "no column '" + f + "' in the dataset");
        return {};
    }
    for (std::size_t i = 0; i < table.columnCount(); ++i) {
        const ColumnView& c = table.column(i);
        if (c.info().name == spec.target) continue;
        std::string why = uselessReason(c);
        if (why.empty())
            spec.features.push_back(c.info().name);
        else
            spec.notes.push_back("left out column '" + c.info().name + "': it " + why);
    }
    if (spec.features.empty())
        return makeError(ErrorCode::InvalidArgument, "no usable feature column besides the target",
                         "target " + spec.target);
    return {};
}

}  // namespace

const char* taskName(TaskKind task) {
    switch (task) {
        case TaskKind::Classification:
            return "classification";
        case TaskKind::Regression:
            return "regression";
        default:
            return "auto";
    }
}

std::string RunSpec::toJson(int indent) const {
    json j = writeFields(*this, kRunFields);
    j["format"] = "kiln-run-spec/1";
    j["task"] = taskName(task);
    j["split"] = writeFields(split, kSplitFields);
    j["model"] = writeFields(model, kModelFields);
    j["optimizer"] = writeFields(optimizer, kOptimizerFields);
    return j.dump(indent);
}

Result<RunSpec> RunSpec::fromJson(const std::string& text) {
    RunSpec s;
    try {
        json j = json::parse(text);
        readFields(j, s, kRunFields);
        std::string task = "auto";
        if (j.contains("task") && !j.at("task").is_null()) task = j.at("task").get<std::string>();
        s.task = parseTask(task);
        if (j.contains("split")) readFields(j.at("split"), s.split, kSplitFields);
        if (j.contains("model")) readFields(j.at("model"), s.model, kModelFields);
        if (j.contains("optimizer"))
            readFields(j.at("optimizer"), s.optimizer, kOptimizerFields);
    } catch (const json::exception& e) {
        return makeError(ErrorCode::InvalidArgument, std::string("bad run spec: ") + e.what());
    }
    return s;
}

Status RunSpec::validate() const {
    std::ostringstream out;
    if (datasetHash.empty()) out << "dataset: no dataset version given\n";
    if (target.empty()) out << "target: no target column given\n";
    checkModel(*this, out);
    checkOptimizer(optimizer, out);
    checkSplit(split, out);
    if (epochs < 1 || epochs > 100000) out << "epochs: " << epochs << " is not in 1..100000\n";
    if (batchSize < 1 || batchSize > 1 << 20)
        out << "batch_size: " << batchSize << " is not in 1..1048576\n";
    if (earlyStopping < 0) out << "early_stopping: must be ≥ 0 (0 disables it)\n";
    if (!validDevice(device))
        out << "device: '" << device << "' is not auto, cpu, cuda or cuda:N\n";
    if (!oneOf(classWeights, {"none", "balanced"}))
        out << "class_weights: '" << classWeights << "' is not none or balanced\n";
    if (imageSize < 8 || imageSize > 512)
        out << "image_size: " << imageSize << " is not in 8..512\n";
    if (threads < 0 || threads > kMaxThreads)
        out << "threads: " << threads << " is not in 0.." << kMaxThreads << " (0: every core)\n";
    if (cvFolds < 0 || cvFolds == 1 || cvFolds > 50)
        out << "cv_folds: " << cvFolds << " is not 0 (none) or in 2..50\n";
    if (!isImputation(imputation))
        out << "imputation: '" << imputation << "' is not " << imputationNames() << "\n";
    if (!std::isfinite(imputeValue)) out << "impute_value: must be a finite number\n";
    if (task == TaskKind::Regression && classWeights == "balanced")
        out << "class_weights: balanced weights need a classification task\n";
    std::string problems = out.str();
    if (problems.empty()) return {};
    problems.pop_back();
    return makeError(ErrorCode::InvalidArgument, "invalid run spec:\n" + problems);
}

// Refuses a target the task cannot learn: free text with many distinct values (no classes to
// learn, no number to regress) and a regression target that holds no numbers.
Status checkTarget(const RunSpec& spec, const ColumnView& target) {
    const ColumnType type = target.info().type;
    if (type == ColumnType::Text && spec.task != TaskKind::Classification &&
        distinctUpTo(target, kMaxClasses) > kMaxClasses)
        return makeError(ErrorCode::InvalidArgument,
                         "target '" + spec.target + "' is free text with more than " +
                             std::to_string(kMaxClasses) +
                             " distinct values: there are no classes to learn and no number "
                             "to predict",
                         "choose a categorical or numeric target, or --task classification");
    if (spec.task == TaskKind::Regression && !isNumeric(type) && type != ColumnType::Date &&
        type != ColumnType::DateTime)
        return makeError(ErrorCode::InvalidArgument,
                         "target '" + spec.target + "' is " + columnTypeName(type) +
                             "; regression needs a numeric target",
                         "use --task classification or a numeric column");
    return {};
}

bool isTreeFamily(const std::string& family) {
    return family == "boosted" || family == "forest" || family == "tree";
}

void applyTreeDefaults(ModelSpec& m) {
    if (!isTreeFamily(m.family)) return;
    const bool boosted = m.family == "boosted", forest = m.family == "forest";
    auto fill = [](auto& knob, auto value) {
        if (knob == 0) knob = value;
    };
    fill(m.trees, boosted ? 300 : forest ? 100 : 1);
    fill(m.maxDepth, boosted ? 6 : forest ? 10 : 4);
    fill(m.learningRate, boosted ? 0.1 : 1.0);
    fill(m.subsample, forest ? 0.632 : 1.0);
    fill(m.colsample, forest ? 0.6 : 1.0);
    if (m.family == "tree") m.trees = 1;
}

void setRunSeed(RunSpec& spec, std::uint64_t seed) {
    spec.seed = seed;
    spec.split.seed = seed + 42;
}

Status resolveSpec(RunSpec& spec, const Table& table) {
    int t = table.columnIndex(spec.target);
    if (t < 0)
        return makeError(ErrorCode::NotFound, "no column '" + spec.target + "' in the dataset",
                         "dataset " + spec.dataset);
    const ColumnView& target = table.column(std::size_t(t));
    if (auto st = checkTarget(spec, target); !st) return st;
    if (spec.task == TaskKind::Auto) {
        spec.task = spec.datasetKind == "images" ? TaskKind::Classification : detectTask(target);
        spec.notes.push_back(std::string("task ") + taskName(spec.task) + " chosen from target '" +
                             spec.target + "' (" + columnTypeName(target.info().type) + ")");
    }
    if (spec.model.family == "auto" && spec.datasetKind == "images") spec.model.family = "cnn";
    if (spec.model.family == "auto" && spec.datasetKind != "images")
        spec.notes.push_back(
            "model auto: the family (linear, MLP, boosted trees or forest) is chosen by "
            "cross-validation on the training rows when the run starts");
    applyTreeDefaults(spec.model);
    return resolveFeatures(spec, table);
}

}  // namespace kiln
