// kiln train / kiln resume: define a run from options, record it, and run it in a worker.
#include <cstdlib>
#include <iostream>
#include <sstream>

#include "app/cli/cli_app.h"
#include "app/cli/run_follow.h"
#include "core/data/dataset_catalog.h"
#include "core/data/table.h"
#include "core/store/workspace.h"
#include "core/train/run_recorder.h"
#include "core/train/run_spec.h"

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
    if (x != double(int(x))) throw BadOption{"--" + name + " expects a whole number"};
    return int(x);
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
    spec.seed = std::uint64_t(integer(args, "seed", int(spec.seed)));
    spec.split.seed = spec.seed + 42;
    spec.imageSize = integer(args, "image-size", spec.imageSize);
    spec.device = args.value("device").value_or(spec.device);
    spec.classWeights = args.value("class-weights").value_or(spec.classWeights);
    spec.augmentFlip = args.has("flip");
    spec.threads = integer(args, "threads", spec.threads);
    if (auto s = args.value("split")) {
        auto f = numberList("split", *s);
        if (f.size() != 3) throw BadOption{"--split expects three fractions: train,val,test"};
        spec.split.train = f[0], spec.split.val = f[1], spec.split.test = f[2];
    }
    if (auto on = args.value("on"); on && *on != "local")
        throw BadOption{"--on " + *on + ": remote hosts are not supported yet; use --on local"};
    if (spec.target.empty()) throw BadOption{"--target COL is required"};
}

int runTrain(const Arguments& args) {
    auto workspace = openWorkspace(args, false);
    if (!workspace) return reportError(workspace.error());
    Workspace& ws = **workspace;
    auto version = DatasetCatalog(ws.catalog()).resolve(args.positionals[0]);
    if (!version) return reportError(version.error());
    RunSpec spec;
    spec.dataset = version->dataset;
    spec.datasetVersion = version->version;
    spec.datasetHash = version->contentHash;
    spec.datasetKind = version->kind;
    try {
        applyOptions(args, spec);
    } catch (const BadOption& bad) {
        return reportUsageError(bad.message);
    }
    auto table = Table::open(ws.objects(), spec.datasetHash);
    if (!table) return reportError(table.error());
    if (auto st = resolveSpec(spec, **table); !st) return reportError(st.error());
    if (auto st = spec.validate(); !st) return reportError(st.error());
    if (!args.json)
        for (const auto& note : spec.notes) std::cout << "note: " << note << "\n";
    auto runId = createRun(ws, spec, version->id);
    if (!runId) return reportError(runId.error());
    return followAndReport(ws, *runId, false, args.json);
}

int runResume(const Arguments& args) {
    auto workspace = openWorkspace(args, false);
    if (!workspace) return reportError(workspace.error());
    Workspace& ws = **workspace;
    if (auto r = reattachRuns(ws); !r) return reportError(r.error());
    auto runId = resolveRunId(ws, args.positionals[0]);
    if (!runId) return reportError(runId.error());
    auto status = ws.catalog().queryValue("SELECT status FROM runs WHERE id = ?", {*runId});
    if (!status) return reportError(status.error());
    std::string now = std::get<std::string>(*status);
    if (now != "cancelled" && now != "interrupted")
        return reportError(makeError(ErrorCode::InvalidArgument,
                                     "run " + *runId + " is " + now +
                                         "; only cancelled or interrupted runs can be resumed"));
    return followAndReport(ws, *runId, true, args.json);
}

std::vector<OptionSpec> trainOptions() {
    return {
        {"target", "COL", "the column to predict (images: class)"},
        {"task", "KIND", "auto|classification|regression (default auto: from the target's type)"},
        {"model", "FAMILY", "auto|linear|mlp|cnn (default: mlp for tables, cnn for images)"},
        {"hidden", "SIZES", "MLP hidden layer widths (default 128,64)"},
        {"activation", "NAME", "relu|gelu|tanh"},
        {"batch-norm", "", "batch normalisation after each hidden layer"},
        {"dropout", "P", "dropout after each hidden layer (default 0)"},
        {"epochs", "N", "epochs (default 100; early stopping usually ends sooner)"},
        {"batch-size", "N", "rows per batch (default 32)"},
        {"lr", "X", "learning rate (default 0.001)"},
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
        {"threads", "N", "CPU threads (default: every core)"},
        {"device", "DEV", "auto|cpu|cuda|cuda:N (default auto)"},
        {"on", "WHERE", "local (remote hosts come later)"}};
}

}  // namespace

Command makeTrainCommand() {
    Command c;
    c.name = "train";
    c.summary = "train a model on a dataset in a worker process and record the run";
    c.usage = "kiln train DS[@VER] --target COL [options]";
    c.description =
        "Defines a run (spec.json), starts `kiln worker` for it and prints a line per epoch.\n"
        "Everything is recorded in the catalog: params, metrics per epoch, environment,\n"
        "artifacts (checkpoints, model.pt, recipe.json, split.json, report.json).\n"
        "Ctrl-C cancels the run after a checkpoint; `kiln resume RUN` continues it.";
    c.options = trainOptions();
    c.minPositionals = 1;
    c.maxPositionals = 1;
    c.run = runTrain;
    return c;
}

Command makeResumeCommand() {
    Command c;
    c.name = "resume";
    c.summary = "continue a cancelled or interrupted run from its last checkpoint";
    c.usage = "kiln resume RUN";
    c.description =
        "Starts a worker that loads the run's last checkpoint and trains the remaining epochs;\n"
        "the result equals an uninterrupted run.";
    c.minPositionals = 1;
    c.maxPositionals = 1;
    c.run = runResume;
    return c;
}

}  // namespace kiln::cli
