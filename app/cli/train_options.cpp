// The run-spec options shared by kiln train and kiln sweep.
#include "app/cli/train_options.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "core/features/imputation.h"

namespace kiln::cli {

namespace {

// A usage error in one option's value.
struct BadOption {
    std::string message;
};

double number(const Arguments& args, const std::string& name, double fallback) {
    auto v = args.value(name);
    if (!v) return fallback;
    char* end = nullptr;
    double x = std::strtod(v->c_str(), &end);
    if (v->empty() || *end) throw BadOption{"--" + name + " expects a number, not '" + *v + "'"};
    return x;
}

int integer(const Arguments& args, const std::string& name, int fallback) {
    double x = number(args, name, fallback);
    // Checked before the cast: converting a double outside int's range is undefined.
    if (!(x >= -2147483648.0 && x <= 2147483647.0) || x != double(int(x)))
        throw BadOption{"--" + name + " expects a whole number"};
    return int(x);
}

// A count option that must lie in lo..hi (a usage error naming the range otherwise).
int count(const Arguments& args, const std::string& name, int lo, int hi, int fallback) {
    auto v = args.value(name);
    if (!v) return fallback;
    char* end = nullptr;
    errno = 0;
    long n = std::strtol(v->c_str(), &end, 10);
    if (v->empty() || *end || errno == ERANGE || n < lo || n > hi)
        throw BadOption{"--" + name + " needs a count from " + std::to_string(lo) + " to " +
                        std::to_string(hi) + ", not '" + *v + "'"};
    return int(n);
}

std::vector<double> numberList(const std::string& name, const std::string& text) {
    std::vector<double> out;
    std::stringstream ss(text);
    std::string item;
    while (std::getline(ss, item, ',')) {
        char* end = nullptr;
        double x = std::strtod(item.c_str(), &end);
        if (item.empty() || *end)
            throw BadOption{"--" + name + " expects numbers separated by commas, not '" + text +
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

void applyModelOptions(const Arguments& args, RunSpec& spec) {
    spec.model.family = args.value("model").value_or(spec.model.family);
    if (auto h = args.value("hidden")) {
        spec.model.hidden.clear();
        for (double x : numberList("hidden", *h)) spec.model.hidden.push_back(int(x));
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
void applyImputation(const std::string& text, RunSpec& spec) {
    std::string strategy = text.substr(0, text.find('='));
    std::replace(strategy.begin(), strategy.end(), '-', '_');  // most-frequent
    if (strategy == "constant" && text.find('=') != std::string::npos) {
        const std::string value = text.substr(text.find('=') + 1);
        char* end = nullptr;
        const double x = std::strtod(value.c_str(), &end);
        if (value.empty() || *end != '\0' || !std::isfinite(x))
            throw BadOption{"--impute constant=X needs a number, not '" + value + "'"};
        spec.imputeValue = x;
        strategy = "constant";
    }
    if (strategy == "constant" && text.find('=') == std::string::npos)
        throw BadOption{"--impute constant needs its value: constant=0"};
    if (!isImputation(strategy) || (strategy != "constant" && text.find('=') != std::string::npos))
        throw BadOption{"--impute must be median, mean, most-frequent, constant=X or drop, not '" + text + "'"};
    spec.imputation = strategy;
}

void applyOptions(const Arguments& args, RunSpec& spec) {
    spec.target = args.value("target").value_or(spec.datasetKind == "images" ? "class" : "");
    std::string task = args.value("task").value_or("auto");
    if (task != "auto" && task != "classification" && task != "regression")
        throw BadOption{"--task must be auto, classification or regression"};
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
    if (auto impute = args.value("impute")) applyImputation(*impute, spec);
    if (auto s = args.value("split")) {
        auto f = numberList("split", *s);
        if (f.size() != 3) throw BadOption{"--split expects three fractions: train,val,test"};
        spec.split.train = f[0], spec.split.val = f[1], spec.split.test = f[2];
    }
    if (auto f = args.value("features")) spec.features = columnList(*f);
}

}  // namespace

std::vector<OptionSpec> trainSpecOptions() {
    return {
        {"target", "COL", "the column to predict (default: the one named target, label, class, y, outcome or response; images: class)"},
        {"features", "COLS", "the columns the model sees, comma-separated (default: every useful column)"},
        {"task", "KIND", "auto|classification|regression (default auto: from the target's type)"},
        {"model", "FAMILY",
         "auto|linear|mlp|cnn|boosted|forest|tree (default auto: tables compare linear, MLP, "
         "boosted trees and forest by cross-validation; images: cnn)"},
        {"trees", "N", "boosted: most rounds (300); forest: trees (100)"},
        {"max-depth", "N", "tree depth (boosted 6, forest 10, tree 4)"},
        {"learning-rate", "X", "boosted trees' shrinkage (default 0.1)"},
        {"min-child-weight", "X", "trees: smallest hessian sum in a leaf (default 1)"},
        {"subsample", "X", "trees: fraction of rows per tree (boosted 1, forest 0.632)"},
        {"colsample", "X", "trees: fraction of columns per tree (forest: per split; 1, 0.6)"},
        {"l1", "X", "trees: L1 penalty on leaf weights (default 0)"},
        {"l2", "X", "trees: L2 penalty on leaf weights (default 1)"},
        {"cv", "K", "K-fold cross-validation on the non-test rows first (mean ± std per metric)"},
        {"impute", "HOW",
         "missing numbers: median (default), mean, most-frequent, constant=X, or drop their rows "
         "(categories take the most frequent; trees keep missing values)"},
        {"hidden", "SIZES", "MLP hidden layer widths (default 128,64)"},
        {"activation", "NAME", "relu|gelu|tanh"},
        {"batch-norm", "", "batch normalisation after each hidden layer"},
        {"dropout", "P", "dropout after each hidden layer (default 0)"},
        {"epochs", "N", "epochs of the networks (default 100; early stopping usually ends sooner)"},
        {"batch-size", "N", "rows per batch (default 32)"},
        {"lr", "X", "learning rate of the networks (default 0.001; a linear model on a table is fitted by L-BFGS)"},
        {"optimizer", "NAME", "adam|adamw|sgd (default adam)"},
        {"schedule", "NAME", "constant|step|cosine learning-rate schedule"},
        {"weight-decay", "X", "weight decay (default 0)"},
        {"class-weights", "MODE", "none|balanced"},
        {"split", "F,F,F", "train,val,test fractions (default 0.7,0.15,0.15)"},
        {"seed", "N", "seed for initialisation, shuffling and the split (default 0)"},
        {"early-stopping", "N",
         "stop after N epochs without a better validation loss (0: off; default 10)"},
        {"image-size", "N", "images are resized to N×N (default 32)"},
        {"flip", "", "random horizontal flips of training images"},
        {"threads", "N", "CPU threads, 1 to 256 (default: every core)"},
        {"device", "DEV", "auto|cpu|cuda|cuda:N (default auto)"}};
}


Status applyTrainSpecOptions(const Arguments& args, RunSpec& spec) {
    try {
        applyOptions(args, spec);
    } catch (const BadOption& bad) {
        return makeError(ErrorCode::InvalidArgument, bad.message);
    }
    return {};
}

Result<std::vector<std::string>> excludedColumns(const Arguments& args) {
    auto text = args.value("exclude");
    if (!text) return std::vector<std::string>{};
    try {
        return columnList(*text);
    } catch (const BadOption& bad) {
        return makeError(ErrorCode::InvalidArgument, bad.message);
    }
}

}  // namespace kiln::cli
