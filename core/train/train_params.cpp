// The settings that define a run spec, read from any front end's key-value source.
#include "core/train/train_params.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "core/features/imputation.h"

namespace kiln {

namespace {

// A usage error in one option's value.
struct BadOption {
    std::string message;
};

double number(const TrainParamSource& args, const std::string& name, double fallback) {
    auto v = args.value(name);
    if (!v) return fallback;
    char* end = nullptr;
    double x = std::strtod(v->c_str(), &end);
    if (v->empty() || *end) throw BadOption{args.label(name) + " expects a number, not '" + *v + "'"};
    return x;
}

int integer(const TrainParamSource& args, const std::string& name, int fallback) {
    double x = number(args, name, fallback);
    // Checked before the cast: converting a double outside int's range is undefined.
    if (!(x >= -2147483648.0 && x <= 2147483647.0) || x != double(int(x)))
        throw BadOption{args.label(name) + " expects a whole number"};
    return int(x);
}

// A count option that must lie in lo..hi (a usage error naming the range otherwise).
int count(const TrainParamSource& args, const std::string& name, int lo, int hi, int fallback) {
    auto v = args.value(name);
    if (!v) return fallback;
    char* end = nullptr;
    errno = 0;
    long n = std::strtol(v->c_str(), &end, 10);
    if (v->empty() || *end || errno == ERANGE || n < lo || n > hi)
        throw BadOption{args.label(name) + " needs a count from " + std::to_string(lo) + " to " +
                        std::to_string(hi) + ", not '" + *v + "'"};
    return int(n);
}

std::vector<double> numberList(const TrainParamSource& args, const std::string& name, const std::string& text) {
    std::vector<double> out;
    std::stringstream ss(text);
    std::string item;
    while (std::getline(ss, item, ',')) {
        char* end = nullptr;
        double x = std::strtod(item.c_str(), &end);
        if (item.empty() || *end)
            throw BadOption{args.label(name) + " expects numbers separated by commas, not '" + text +
                            "'"};
        out.push_back(x);
    }
    return out;
}

// "a,b , c" → {"a", "b", "c"}; empty names refused.
std::vector<std::string> columnList(const std::string& text) {
    std::vector<std::string> out;
    std::size_t from = 0;
    for (;;) {
        const std::size_t comma = text.find(',', from);
        std::string part = text.substr(from, comma == std::string::npos ? std::string::npos : comma - from);
        part.erase(0, part.find_first_not_of(' '));
        part.erase(part.find_last_not_of(' ') + 1);
        if (part.empty()) throw BadOption{"a column list has an empty name: '" + text + "'"};
        out.push_back(part);
        if (comma == std::string::npos) return out;
        from = comma + 1;
    }
}

void applyModelOptions(const TrainParamSource& args, RunSpec& spec) {
    spec.model.family = args.value("model").value_or(spec.model.family);
    if (auto h = args.value("hidden")) {
        spec.model.hidden.clear();
        for (double x : numberList(args, "hidden", *h)) spec.model.hidden.push_back(int(x));
    }
    spec.model.dropout = number(args, "dropout", spec.model.dropout);
    spec.model.activation = args.value("activation").value_or(spec.model.activation);
    spec.model.batchNorm = args.has("batch-norm");
    spec.optimizer.name = args.value("optimizer").value_or(spec.optimizer.name);
    spec.optimizer.lr = number(args, "lr", spec.optimizer.lr);
    spec.optimizer.weightDecay = number(args, "weight-decay", spec.optimizer.weightDecay);
    spec.optimizer.schedule = args.value("schedule").value_or(spec.optimizer.schedule);
    spec.model.trees = count(args, "trees", 1, 100000, spec.model.trees);
    spec.model.maxDepth = count(args, "max-depth", 1, 32, spec.model.maxDepth);
    spec.model.learningRate = number(args, "learning-rate", spec.model.learningRate);
    spec.model.minChildWeight = number(args, "min-child-weight", spec.model.minChildWeight);
    spec.model.subsample = number(args, "subsample", spec.model.subsample);
    spec.model.colsample = number(args, "colsample", spec.model.colsample);
    spec.model.l1 = number(args, "l1", spec.model.l1);
    spec.model.l2 = number(args, "l2", spec.model.l2);
}

// --impute median|mean|most-frequent|constant=X|drop
void applyImputation(const TrainParamSource& args, const std::string& text, RunSpec& spec) {
    std::string strategy = text.substr(0, text.find('='));
    std::replace(strategy.begin(), strategy.end(), '-', '_');  // most-frequent
    if (strategy == "constant" && text.find('=') != std::string::npos) {
        const std::string value = text.substr(text.find('=') + 1);
        char* end = nullptr;
        const double x = std::strtod(value.c_str(), &end);
        if (value.empty() || *end != '\0' || !std::isfinite(x))
            throw BadOption{args.label("impute") + " constant=X needs a number, not '" + value + "'"};
        spec.imputeValue = x;
        strategy = "constant";
    }
    if (strategy == "constant" && text.find('=') == std::string::npos)
        throw BadOption{args.label("impute") + " constant needs its value: constant=0"};
    if (!isImputation(strategy) || (strategy != "constant" && text.find('=') != std::string::npos))
        throw BadOption{args.label("impute") + " must be median, mean, most-frequent, constant=X or drop, not '" + text + "'"};
    spec.imputation = strategy;
}

void applyOptions(const TrainParamSource& args, RunSpec& spec) {
    spec.target = args.value("target").value_or(spec.datasetKind == "images" ? "class" : "");
    std::string task = args.value("task").value_or("auto");
    if (task != "auto" && task != "classification" && task != "regression")
        throw BadOption{args.label("task") + " must be auto, classification or regression"};
    spec.task = task == "classification" ? TaskKind::Classification
                : task == "regression"   ? TaskKind::Regression
                                         : TaskKind::Auto;
    applyModelOptions(args, spec);
    spec.epochs = integer(args, "epochs", spec.epochs);
    spec.batchSize = integer(args, "batch-size", spec.batchSize);
    spec.earlyStopping = integer(args, "early-stopping", spec.earlyStopping);
    setRunSeed(spec, std::uint64_t(integer(args, "seed", int(spec.seed))));
    spec.imageSize = integer(args, "image-size", spec.imageSize);
    spec.device = args.value("device").value_or(spec.device);
    spec.classWeights = args.value("class-weights").value_or(spec.classWeights);
    spec.augmentFlip = args.has("flip");
    spec.threads = count(args, "threads", 1, kMaxThreads, spec.threads);
    spec.cvFolds = count(args, "cv", 2, 50, spec.cvFolds);
    if (auto impute = args.value("impute")) applyImputation(args, *impute, spec);
    if (auto s = args.value("split")) {
        auto f = numberList(args, "split", *s);
        if (f.size() != 3) throw BadOption{args.label("split") + " expects three fractions: train,val,test"};
        spec.split.train = f[0], spec.split.val = f[1], spec.split.test = f[2];
    }
    if (auto f = args.value("features")) spec.features = columnList(*f);
}

}  // namespace


const std::vector<std::string>& trainParamNames() {
    static const std::vector<std::string> names = {
        "target", "features", "task", "model", "trees", "max-depth", "learning-rate", "min-child-weight",
        "subsample", "colsample", "l1", "l2", "cv", "impute", "hidden", "activation", "batch-norm",
        "dropout", "epochs", "batch-size", "lr", "optimizer", "schedule", "weight-decay",
        "class-weights", "split", "seed", "early-stopping", "image-size", "flip", "threads", "device"};
    return names;
}

Status applyTrainParams(const TrainParamSource& source, RunSpec& spec) {
    try {
        applyOptions(source, spec);
    } catch (const BadOption& bad) {
        return makeError(ErrorCode::InvalidArgument, bad.message);
    }
    return {};
}

Result<std::vector<std::string>> parseColumnList(const std::string& text) {
    try {
        return columnList(text);
    } catch (const BadOption& bad) {
        return makeError(ErrorCode::InvalidArgument, bad.message);
    }
}

}  // namespace kiln
