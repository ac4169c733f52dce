// The run-spec options shared by kiln train and kiln sweep.
#include "app/cli/train_options.h"

#include "core/train/train_params.h"

namespace kiln::cli {

namespace {

// Arguments read as train parameters: options by their long names, labelled --name.
TrainParamSource fromArguments(const Arguments& args) {
    TrainParamSource s;
    s.value = [&args](const std::string& name) { return args.value(name); };
    s.has = [&args](const std::string& name) { return args.has(name); };
    s.label = [](const std::string& name) { return "--" + name; };
    return s;
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
    return applyTrainParams(fromArguments(args), spec);
}

Result<std::vector<std::string>> excludedColumns(const Arguments& args) {
    auto text = args.value("exclude");
    if (!text) return std::vector<std::string>{};
    return parseColumnList(*text);
}

}  // namespace kiln::cli
