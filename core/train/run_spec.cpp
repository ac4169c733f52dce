#include "core/train/run_spec.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/data/table.h"

namespace kiln {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxClasses = 20;  // integer/text targets with more distinct values regress

json modelJson(const ModelSpec& m) {
    return {{"family", m.family},     {"hidden", m.hidden},        {"activation", m.activation},
            {"dropout", m.dropout},   {"batch_norm", m.batchNorm}, {"cnn_width", m.cnnWidth},
            {"cnn_depth", m.cnnDepth}};
}

json optimizerJson(const OptimizerSpec& o) {
    return {{"name", o.name},
            {"lr", o.lr},
            {"weight_decay", o.weightDecay},
            {"momentum", o.momentum},
            {"schedule", o.schedule},
            {"step_size", o.stepSize},
            {"gamma", o.gamma}};
}

template <class T>
void read(const json& j, const char* key, T& out) {
    if (j.contains(key) && !j.at(key).is_null()) out = j.at(key).get<T>();
}

void readModel(const json& j, ModelSpec& m) {
    read(j, "family", m.family);
    read(j, "hidden", m.hidden);
    read(j, "activation", m.activation);
    read(j, "dropout", m.dropout);
    read(j, "batch_norm", m.batchNorm);
    read(j, "cnn_width", m.cnnWidth);
    read(j, "cnn_depth", m.cnnDepth);
}

void readOptimizer(const json& j, OptimizerSpec& o) {
    read(j, "name", o.name);
    read(j, "lr", o.lr);
    read(j, "weight_decay", o.weightDecay);
    read(j, "momentum", o.momentum);
    read(j, "schedule", o.schedule);
    read(j, "step_size", o.stepSize);
    read(j, "gamma", o.gamma);
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

void checkModel(const RunSpec& s, std::ostringstream& out) {
    if (!oneOf(s.model.family, {"auto", "linear", "mlp", "cnn"}))
        out << "model: '" << s.model.family << "' is not one of auto, linear, mlp, cnn\n";
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
    json j = {
        {"format", "kiln-run-spec/1"},
        {"dataset", dataset},
        {"dataset_version", datasetVersion},
        {"dataset_hash", datasetHash},
        {"dataset_kind", datasetKind},
        {"target", target},
        {"task", taskName(task)},
        {"features", features},
        {"notes", notes},
        {"split",
         {{"train", split.train}, {"val", split.val}, {"test", split.test}, {"seed", split.seed}}},
        {"model", modelJson(model)},
        {"optimizer", optimizerJson(optimizer)},
        {"epochs", epochs},
        {"batch_size", batchSize},
        {"early_stopping", earlyStopping},
        {"device", device},
        {"seed", seed},
        {"class_weights", classWeights},
        {"image_size", imageSize},
        {"augment_flip", augmentFlip},
        {"threads", threads}};
    return j.dump(indent);
}

Result<RunSpec> RunSpec::fromJson(const std::string& text) {
    RunSpec s;
    try {
        json j = json::parse(text);
        read(j, "dataset", s.dataset);
        read(j, "dataset_version", s.datasetVersion);
        read(j, "dataset_hash", s.datasetHash);
        read(j, "dataset_kind", s.datasetKind);
        read(j, "target", s.target);
        std::string task = "auto";
        read(j, "task", task);
        s.task = parseTask(task);
        read(j, "features", s.features);
        read(j, "notes", s.notes);
        if (j.contains("split")) {
            const json& sp = j.at("split");
            read(sp, "train", s.split.train);
            read(sp, "val", s.split.val);
            read(sp, "test", s.split.test);
            read(sp, "seed", s.split.seed);
        }
        if (j.contains("model")) readModel(j.at("model"), s.model);
        if (j.contains("optimizer")) readOptimizer(j.at("optimizer"), s.optimizer);
        read(j, "epochs", s.epochs);
        read(j, "batch_size", s.batchSize);
        read(j, "early_stopping", s.earlyStopping);
        read(j, "device", s.device);
        read(j, "seed", s.seed);
        read(j, "class_weights", s.classWeights);
        read(j, "image_size", s.imageSize);
        read(j, "augment_flip", s.augmentFlip);
        read(j, "threads", s.threads);
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
    if (spec.model.family == "auto")
        spec.model.family = spec.datasetKind == "images" ? "cnn" : "mlp";
    return resolveFeatures(spec, table);
}

}  // namespace kiln
