#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/result.h"

namespace kiln {

class Table;

// The most CPU threads a run may ask for (RunSpec::threads, --threads).
constexpr int kMaxThreads = 256;

// What a run learns to predict.
enum class TaskKind { Auto, Classification, Regression };

// The model family and its knobs.
struct ModelSpec {
    std::string family = "auto";          // auto | linear | mlp | cnn | boosted | forest | tree
    std::vector<int> hidden = {128, 64};  // MLP hidden layer widths
    std::string activation = "relu";      // relu | gelu | tanh
    double dropout = 0.0;                 // 0 ≤ p < 1, after each hidden layer
    bool batchNorm = false;               // MLP: batch norm after each hidden linear layer
    int cnnWidth = 16;                    // channels of the first CNN block (doubled per block)
    int cnnDepth = 2;                     // CNN blocks (conv-relu-conv-relu-maxpool each)
    // Tree families (XGBoost). 0 leaves a knob to the family's default, which resolveSpec (or
    // auto's choice, in the worker) writes in through applyTreeDefaults.
    int trees = 0;              // boosted: most rounds (300); forest: trees (100); tree: 1
    int maxDepth = 0;           // boosted 6, forest 10, tree 4
    double learningRate = 0;    // boosted 0.1; forest and tree 1
    double minChildWeight = 1;  // smallest hessian sum a leaf may hold
    double subsample = 0;       // rows per tree: boosted 1, forest 0.632, tree 1
    double colsample = 0;       // columns per split: boosted 1, forest 0.6, tree 1
    double l1 = 0;              // L1 penalty on leaf weights (alpha)
    double l2 = 1;              // L2 penalty on leaf weights (lambda)
};

// Whether `family` is one of the XGBoost families (boosted, forest, tree).
bool isTreeFamily(const std::string& family);

// Writes the family's defaults into the tree knobs left at 0; other families are left as they are.
void applyTreeDefaults(ModelSpec& model);

// The optimiser and its learning-rate schedule.
struct OptimizerSpec {
    std::string name = "adam";  // adam | adamw | sgd
    double lr = 1e-3;
    double weightDecay = 0.0;
    double momentum = 0.9;              // SGD only
    std::string schedule = "constant";  // constant | step | cosine
    int stepSize = 10;                  // step schedule: epochs between decays
    double gamma = 0.1;                 // step schedule: decay factor
};

// Train / validation / test fractions of the rows and the seed that shuffles them.
struct SplitSpec {
    double train = 0.7;
    double val = 0.15;
    double test = 0.15;
    std::uint64_t seed = 42;
};

// A training run's full definition. Stored as spec.json with the run; two runs with equal specs
// (on the same machine and device kind) produce identical metrics on CPU.
struct RunSpec {
    std::string dataset;  // dataset name, for people (the hash below is what counts)
    std::int64_t datasetVersion = 0;
    std::string datasetHash;            // manifest hash of the dataset version
    std::string datasetKind = "table";  // table | images
    std::string target;
    TaskKind task = TaskKind::Auto;
    std::vector<std::string> features;  // empty: every useful column (resolved by resolveSpec)
    std::vector<std::string> notes;     // why columns were left out, how the task was chosen
    SplitSpec split;
    ModelSpec model;
    OptimizerSpec optimizer;
    int epochs = 100;
    int batchSize = 32;
    int earlyStopping = 10;       // patience in epochs without improvement; 0 disables
    std::string device = "auto";  // auto | cpu | cuda | cuda:N
    std::uint64_t seed = 0;
    std::string classWeights = "none";  // none | balanced
    int imageSize = 32;                 // images: side of the square they are resized to
    bool augmentFlip = false;           // images: random horizontal flips while training
    int threads = 0;                    // CPU threads, 1..kMaxThreads; 0: every core
    int cvFolds = 0;  // 0: none; K ≥ 2: K-fold cross-validation on the non-test rows first
    // Missing numbers in the features: median | mean | most_frequent | constant (imputeValue) |
    // drop (core/features/imputation.h); categories take their most frequent value, trees keep
    // missing values.
    std::string imputation = "median";
    double imputeValue = 0;

    // The spec as JSON (every field, so spec.json documents the defaults it ran with).
    std::string toJson(int indent = 2) const;
    // Reads a spec; missing fields keep their defaults. InvalidArgument names a bad field.
    static Result<RunSpec> fromJson(const std::string& json);
    // Checks ranges and names: every problem, one per line, in an InvalidArgument error.
    Status validate() const;
};

const char* taskName(TaskKind task);  // "auto", "classification", "regression"

// Fills what the spec leaves to Kiln, looking at the data: the task (categorical, boolean,
// text and integer targets with few distinct values → classification, else regression), the
// feature columns (every column but the target, leaving out ID-like and free-text columns with a
// note) and the model family (cnn for images; tables keep "auto", which the worker decides by
// cross-validation; a tree family gets its defaults written in). NotFound for an unknown target or
// feature column; InvalidArgument when no usable feature remains, for a free-text target with
// more than 20 distinct values, and for regression on a target that holds no numbers.
Status resolveSpec(RunSpec& spec, const Table& table);

// The one seed a person gives a run (the CLI's --seed, the Train panel's and the Sweep dialog's
// Seed box, a swept `seed`): it seeds initialisation and shuffling, and the split gets
// `seed + 42`, so the rows a model is tested on do not move in step with its initial weights
// yet follow the one number. Every front end goes through here, so the same seed always
// splits the same rows.
void setRunSeed(RunSpec& spec, std::uint64_t seed);

}  // namespace kiln
