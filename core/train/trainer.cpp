// The LibTorch trainer: models, the epoch loop, checkpoints and the final evaluation. The only
// training file that includes LibTorch, so the rest of core compiles without it.
#include <malloc.h>
#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <limits>
#include <numeric>
#include <optional>
#include <sstream>
#include <nlohmann/json.hpp>

#include "core/env/environment.h"
#include "core/train/metrics.h"
#include "core/train/family_trainers.h"
#include "core/train/run_files.h"
#include "core/train/trainer.h"
#include "core/train/training_data.h"

namespace kiln {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

// Early stopping and resume state, saved beside each checkpoint.
struct LoopState {
    int epoch = 0;  // epochs completed
    double best = std::numeric_limits<double>::infinity();
    int bestEpoch = 0;
    int sinceBest = 0;
    bool stopped = false;  // early stopping fired
};

// A NaN or infinite loss, reported as an Error by the caller.
struct NonFiniteLoss {
    int epoch;
    std::int64_t step;
    double value;
};

#include "core/train/network_layout.inc"

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const OptimizerSpec& o,
                                                       const std::vector<torch::Tensor>& params) {
    using namespace torch::optim;
    if (o.name == "sgd")
        return std::make_unique<SGD>(
            params, SGDOptions(o.lr).momentum(o.momentum).weight_decay(o.weightDecay));
    if (o.name == "adamw")
        return std::make_unique<AdamW>(params, AdamWOptions(o.lr).weight_decay(o.weightDecay));
    return std::make_unique<Adam>(params, AdamOptions(o.lr).weight_decay(o.weightDecay));
}

// Makes every parameter a view into one flat tensor and its gradient a view into one flat
// gradient, so the optimiser updates them all with a few ops per step instead of a few per
// parameter tensor (the C++ counterpart of a fused optimiser). Called again after a checkpoint is
// loaded, which replaces the parameters' storage: their values are copied back into `flat`.
void flattenParameters(torch::nn::Module& model, torch::Tensor& flat, torch::Tensor& grad) {
    torch::NoGradGuard noGrad;
    auto params = model.parameters();
    std::int64_t total = 0;
    for (const auto& p : params) total += p.numel();
    if (!flat.defined()) {
        flat = torch::empty({total}, params.at(0).options());
        grad = torch::zeros({total}, params.at(0).options());
        flat.mutable_grad() = grad;
    }
    std::int64_t offset = 0;
    for (auto& p : params) {
        auto n = p.numel();
        flat.narrow(0, offset, n).copy_(p.reshape(-1));
        p.set_data(flat.narrow(0, offset, n).view(p.sizes()));
        p.mutable_grad() = grad.narrow(0, offset, n).view(p.sizes());
        offset += n;
    }
}

double scheduledLr(const RunSpec& spec, int epoch) {  // epoch is 1-based
    const auto& o = spec.optimizer;
    if (o.schedule == "step") return o.lr * std::pow(o.gamma, (epoch - 1) / o.stepSize);
    if (o.schedule == "cosine")
        return o.lr * 0.5 * (1 + std::cos(M_PI * (epoch - 1) / std::max(1, spec.epochs)));
    return o.lr;
}

torch::Tensor toTensor(const SplitArrays& part, int width) {
    if (!part.pixels.empty())
        return torch::from_blob(const_cast<std::uint8_t*>(part.pixels.data()),
                                {std::int64_t(part.pixels.size())}, torch::kUInt8)
            .clone();
    return torch::from_blob(const_cast<float*>(part.x.data()), {std::int64_t(part.rows), width})
        .clone();
}

torch::Tensor targetTensor(const SplitArrays& part) {
    if (!part.labels.empty())
        return torch::tensor(std::vector<std::int64_t>(part.labels.begin(), part.labels.end()),
                             torch::kLong);
    return torch::from_blob(const_cast<float*>(part.targets.data()), {std::int64_t(part.rows), 1})
        .clone();
}

// Everything one training needs, in one place so the steps stay short.
struct Session {
    Session(const RunSpec& spec_, TrainingData data_, fs::path runDir_, TrainListener& listener_)
        : spec(spec_), data(std::move(data_)), runDir(std::move(runDir_)), listener(listener_) {}

    const RunSpec& spec;
    TrainingData data;
    fs::path runDir;
    TrainListener& listener;
    torch::Device device{torch::kCPU};
    torch::nn::Sequential model{nullptr};
    std::unique_ptr<torch::optim::Optimizer> optimizer;
    torch::Tensor flatParams, flatGrads;  // every parameter and gradient, as views into these
    torch::Tensor trainX, trainY, valX, valY, testX, testY, pixelMean, pixelStd, classWeights;
    LoopState state;
    int epoch = 0;  // the epoch in progress, for error messages

    bool images() const { return data.recipe.image.enabled; }
    bool classify() const { return spec.task == TaskKind::Classification; }
    // A linear model on a table is fitted to convergence on the whole training set by L-BFGS,
    // as logistic and ridge regression are, not by small steps: 100 epochs of Adam at 1e-3 left
    // it far from its optimum on small tables.
    bool fullBatch() const { return spec.model.family == "linear" && !images(); }
};

// Rows `index` of X as model input on the session's device (images decoded and normalised).
torch::Tensor batchInput(Session& s, const torch::Tensor& X, const torch::Tensor& index,
                         bool augment) {
    if (!s.images()) return X.index_select(0, index).to(s.device, true);
    const auto& im = s.data.recipe.image;
    auto images =
        X.view({-1, im.channels, im.size, im.size}).index_select(0, index).to(s.device, true);
    auto x = (images.to(torch::kFloat) / 255.0 - s.pixelMean) / s.pixelStd;
    if (augment && im.flip) {
        auto flip = (torch::rand({x.size(0)}) < 0.5).to(s.device).view({-1, 1, 1, 1});
        x = torch::where(flip, x.flip({3}), x);
    }
    return x;
}

torch::Tensor lossOf(Session& s, const torch::Tensor& out, const torch::Tensor& y) {
    if (!s.classify()) return torch::mse_loss(out, y);
    return s.classWeights.defined()
               ? torch::nn::functional::cross_entropy(
                     out, y,
                     torch::nn::functional::CrossEntropyFuncOptions().weight(s.classWeights))
               : torch::nn::functional::cross_entropy(out, y);
}

std::vector<std::int64_t> epochOrder(const Session& s, int epoch) {
    std::vector<std::uint64_t> order(s.data.train.rows);
    std::iota(order.begin(), order.end(), 0);
    SplitMix64 rng(s.spec.seed * 0x100000001B3ull + std::uint64_t(epoch));
    shuffleIndices(order, rng);
    return {order.begin(), order.end()};
}

// One pass over the training rows. Returns the mean loss, or nothing when cancelled.
std::optional<double> trainEpoch(Session& s, int epoch) {
    s.model->train();
    torch::manual_seed(s.spec.seed * 1000003 +
                       std::uint64_t(epoch));  // dropout and flips: per epoch
    auto order = torch::tensor(epochOrder(s, epoch), torch::kLong);
    const std::int64_t n = order.size(0), bs = s.spec.batchSize, steps = (n + bs - 1) / bs;
    double sum = 0, windowSum = 0, windowRows = 0;  // the window: the batches since the last report
    auto lastReport = Clock::now();
    for (std::int64_t step = 0; step < steps; ++step) {
        if (s.listener.cancelled()) return std::nullopt;
        auto index = order.slice(0, step * bs, std::min(n, (step + 1) * bs));
        if (index.size(0) < 2 && s.spec.model.batchNorm) continue;  // batch norm needs two rows
        auto x = batchInput(s, s.trainX, index, true);
        auto y = s.trainY.index_select(0, index).to(s.device, true);
        s.flatGrads.zero_();  // every gradient at once: they are views into this
        auto loss = lossOf(s, s.model->forward(x), y);
        double value = loss.item<double>();
        if (!std::isfinite(value)) throw NonFiniteLoss{epoch, step + 1, value};
        loss.backward();
        s.optimizer->step();
        sum += value * double(index.size(0));
        windowSum += value * double(index.size(0));
        windowRows += double(index.size(0));
        if (Clock::now() - lastReport > std::chrono::milliseconds(250) || step + 1 == steps) {
            s.listener.progress(epoch, step + 1, steps);
            // The loss as it comes, so a long first epoch draws a curve before it ends; its step
            // counts batches from the first epoch's start.
            if (steps > 1 && windowRows > 0)
                s.listener.metric(kTrainLossStep, windowSum / windowRows,
                                  std::int64_t(epoch - 1) * steps + step + 1, epoch);
            windowSum = windowRows = 0;
            lastReport = Clock::now();
        }
    }
    return sum / double(std::max<std::int64_t>(1, n));
}

// The L2 penalty of a full-batch linear fit: the spec's weight decay, at least 1/rows (ridge
// regression's alpha = 1, in mean-loss terms).
double fullBatchPenalty(const Session& s) {
    return std::max(s.spec.optimizer.weightDecay,
                    1.0 / double(std::max<std::size_t>(1, s.data.train.rows)));
}

// One L-BFGS step (up to 20 iterations with a strong-Wolfe line search) on every training row.
// Returns the training loss after it, or nothing when cancelled.
std::optional<double> fitFullBatch(Session& s, int epoch) {
    if (s.listener.cancelled()) return std::nullopt;
    s.model->train();
    auto x = s.trainX.to(s.device), y = s.trainY.to(s.device);
    const double l2 = fullBatchPenalty(s);
    torch::Tensor weight = s.model->parameters().at(0);  // the Linear layer's weight, not its bias
    auto closure = [&]() -> torch::Tensor {
        s.flatGrads.zero_();
        auto loss = lossOf(s, s.model->forward(x), y) + l2 * weight.pow(2).sum();
        loss.backward();
        return loss;
    };
    s.optimizer->step(closure);
    torch::NoGradGuard noGrad;
    double value = lossOf(s, s.model->forward(x), y).item<double>();
    if (!std::isfinite(value)) throw NonFiniteLoss{epoch, 1, value};
    s.listener.progress(epoch, 1, 1);
    return value;
}

// Thrown when a cancel arrives while a part is evaluated; the run ends as cancelled.
struct EvaluationCancelled {};

// Model outputs for a whole part (softmax probabilities or predictions) and the mean loss.
// Checks for a cancel before each chunk (throws EvaluationCancelled).
std::pair<std::vector<float>, double> predict(Session& s, const torch::Tensor& X,
                                              const torch::Tensor& Y, std::size_t rows) {
    torch::NoGradGuard noGrad;
    s.model->eval();
    std::vector<float> out;
    double lossSum = 0;
    const std::int64_t chunk = 2048, n = std::int64_t(rows);
    for (std::int64_t start = 0; start < n; start += chunk) {
        if (s.listener.cancelled()) throw EvaluationCancelled{};
        auto index = torch::arange(start, std::min(n, start + chunk), torch::kLong);
        auto logits = s.model->forward(batchInput(s, X, index, false));
        lossSum += lossOf(s, logits, Y.index_select(0, index).to(s.device)).item<double>() *
                   double(index.size(0));
        auto result =
            (s.classify() ? torch::softmax(logits, 1) : logits).to(torch::kCPU).contiguous();
        out.insert(out.end(), result.data_ptr<float>(), result.data_ptr<float>() + result.numel());
    }
    return {out, n ? lossSum / double(n) : std::numeric_limits<double>::quiet_NaN()};
}

std::vector<double> unscale(const Session& s, const std::vector<float>& v) {
    std::vector<double> out(v.size());
    for (std::size_t i = 0; i < v.size(); ++i)
        out[i] = v[i] * s.data.recipe.target.scale + s.data.recipe.target.mean;
    return out;
}

// The task's metrics of one part, keyed with `prefix` ("val_", "test_").
json partMetrics(Session& s, const SplitArrays& part, const torch::Tensor& X,
                 const torch::Tensor& Y, const std::string& prefix) {
    json m = json::object();
    if (part.rows == 0) return m;
    auto [out, loss] = predict(s, X, Y, part.rows);
    m[prefix + "loss"] = loss;
    if (s.classify()) {
        auto c = classificationMetrics(out, part.labels, s.data.outputs);
        m[prefix + "accuracy"] = c.accuracy;
        m[prefix + "macro_f1"] = c.macroF1;
        if (std::isfinite(c.rocAuc)) m[prefix + "roc_auc"] = c.rocAuc;
    } else {
        std::vector<float> actual(part.targets);
        auto r = regressionMetrics(unscale(s, out), unscale(s, actual));
        m[prefix + "rmse"] = r.rmse;
        m[prefix + "mae"] = r.mae;
        m[prefix + "r2"] = r.r2;
    }
    return m;
}

// Saves with a temporary name, then renames: a crash never leaves half a checkpoint.
template <class T>
void saveAtomically(T& value, const fs::path& file) {
    fs::path tmp = file.string() + ".tmp";
    torch::save(value, tmp.string());
    fs::rename(tmp, file);
}

json stateJson(const LoopState& st) {
    return {{"epoch", st.epoch},
            {"best", std::isfinite(st.best) ? json(st.best) : json(nullptr)},
            {"best_epoch", st.bestEpoch},
            {"since_best", st.sinceBest},
            {"stopped", st.stopped},
            {"rng", "reseeded each epoch from the seed and the epoch"}};
}

// `to` becomes another name of `from` (a hard link, a copy where links are refused), replaced
// atomically.
void linkAtomically(const fs::path& from, const fs::path& to) {
    fs::path tmp = to.string() + ".tmp";
    std::error_code ec;
    fs::remove(tmp, ec);
    fs::create_hard_link(from, tmp, ec);
    if (ec) fs::copy_file(from, tmp, fs::copy_options::overwrite_existing);
    fs::rename(tmp, to);
}

// A checkpoint is three files, and a worker can be killed between any two writes. The model and
// optimiser are written under their epoch's names first; last_state.json, written last, names
// them and is the commit: a kill half-way leaves the previous checkpoint whole (resuming from
// a newer model with an older state would train an epoch twice). last_model.pt and
// last_optim.pt are then made links to the committed files, and the previous epoch's removed.
void saveCheckpoint(Session& s) {
    fs::path dir = s.runDir / "checkpoints";
    const std::string n = std::to_string(s.state.epoch);
    const std::string model = "model-" + n + ".pt", optim = "optim-" + n + ".pt";
    saveAtomically(s.model, dir / model);
    // L-BFGS keeps no state worth resuming (a full-batch fit restarts its history from the
    // weights), and its state may hold tensors it never defined, which cannot be saved.
    const bool optimizerState = !s.fullBatch();
    if (optimizerState) saveAtomically(*s.optimizer, dir / optim);
    json previous;
    if (fs::exists(dir / "last_state.json")) previous = json::parse(readRunFile(dir / "last_state.json"), nullptr, false);
    json state = stateJson(s.state);
    state["model"] = model;
    if (optimizerState) state["optimizer"] = optim;
    writeRunFile(dir / "last_state.json", state.dump(2));
    linkAtomically(dir / model, dir / "last_model.pt");
    if (optimizerState) linkAtomically(dir / optim, dir / "last_optim.pt");
    for (const char* key : {"model", "optimizer"}) {
        std::error_code ec;
        if (previous.is_object() && previous.contains(key) && previous[key].is_string() &&
            previous[key] != state[key])
            fs::remove(dir / previous[key].get<std::string>(), ec);
    }
}

void loadCheckpoint(Session& s) {
    fs::path dir = s.runDir / "checkpoints";
    json j = json::parse(readRunFile(dir / "last_state.json"));
    // Checkpoints written before the state named its files used the last_*.pt names.
    const fs::path model = dir / j.value("model", std::string("last_model.pt"));
    const fs::path optim = dir / j.value("optimizer", std::string("last_optim.pt"));
    s.state.epoch = j.at("epoch");
    s.state.best = j.at("best").is_null() ? std::numeric_limits<double>::infinity()
                                          : j.at("best").get<double>();
    s.state.bestEpoch = j.at("best_epoch");
    s.state.sinceBest = j.at("since_best");
    s.state.stopped = j.at("stopped");
    torch::load(s.model, model.string());
    flattenParameters(*s.model, s.flatParams, s.flatGrads);
    if (!s.fullBatch()) torch::load(*s.optimizer, optim.string());
    s.listener.log("info", "resumed after epoch " + std::to_string(s.state.epoch));
}

void emitMetrics(Session& s, const json& metrics, int epoch) {
    for (auto& [key, value] : metrics.items())
        s.listener.metric(key, value.get<double>(), epoch, epoch);
}

// Updates early stopping after an epoch; saves the best model when it improved.
void trackBest(Session& s, double monitored) {
    if (monitored < s.state.best - 1e-12) {
        s.state.best = monitored;
        s.state.bestEpoch = s.state.epoch;
        s.state.sinceBest = 0;
        saveAtomically(s.model, s.runDir / "checkpoints" / "best_model.pt");
    } else if (++s.state.sinceBest >= s.spec.earlyStopping && s.spec.earlyStopping > 0) {
        s.state.stopped = true;
        s.listener.log("info", "early stopping: no improvement of the validation loss for " +
                                   std::to_string(s.state.sinceBest) + " epochs (best epoch " +
                                   std::to_string(s.state.bestEpoch) + ")");
    }
}

// Runs epochs until the last one, early stopping or cancellation. False when cancelled.
bool runEpochs(Session& s) {
    while (s.state.epoch < s.spec.epochs && !s.state.stopped) {
        int epoch = s.epoch = s.state.epoch + 1;
        double lr = s.fullBatch() ? 1.0 : scheduledLr(s.spec, epoch);
        if (!s.fullBatch())
            for (auto& group : s.optimizer->param_groups()) group.options().set_lr(lr);
        auto started = Clock::now();
        auto trainLoss = s.fullBatch() ? fitFullBatch(s, epoch) : trainEpoch(s, epoch);
        if (!trainLoss) return false;
        double seconds = std::chrono::duration<double>(Clock::now() - started).count();
        json m = partMetrics(s, s.data.val, s.valX, s.valY, "val_");
        m["train_loss"] = *trainLoss;
        m["lr"] = lr;
        m["epoch_time"] = seconds;
        m["samples_per_s"] = double(s.data.train.rows) / std::max(seconds, 1e-9);
        s.state.epoch = epoch;
        trackBest(s, m.contains("val_loss") ? m["val_loss"].get<double>() : *trainLoss);
        emitMetrics(s, m, epoch);
        saveCheckpoint(s);
    }
    return true;
}

Status prepareSession(Session& s, const DeviceChoice& device) {
    s.device = torch::Device(device.device);
    // The CPU kernels a run uses (linear, conv, pooling, index_select, the losses) give the same
    // bits for the same thread count; forcing "deterministic algorithms" there only slows the CNN
    // by about 30 %. CUDA has atomics-based kernels, so there it is switched on.
    at::globalContext().setDeterministicAlgorithms(s.device.is_cuda(), true);
    const auto& d = s.data;
    auto built =
        d.recipe.image.enabled
            ? buildCnn(s.spec.model, d.recipe.image, d.outputs)
            : Result<torch::nn::Sequential>(buildTabular(s.spec.model, d.inputWidth, d.outputs));
    if (!built) return built.error();
    s.model = *built;
    s.model->to(s.device);
    flattenParameters(*s.model, s.flatParams, s.flatGrads);
    if (s.fullBatch())
        s.optimizer = std::make_unique<torch::optim::LBFGS>(
            std::vector<torch::Tensor>{s.flatParams},
            torch::optim::LBFGSOptions(1.0).max_iter(20).history_size(10).line_search_fn(
                "strong_wolfe"));
    else
        s.optimizer = makeOptimizer(s.spec.optimizer, {s.flatParams});
    s.trainX = toTensor(d.train, d.inputWidth);
    s.valX = toTensor(d.val, d.inputWidth);
    s.testX = toTensor(d.test, d.inputWidth);
    s.trainY = targetTensor(d.train);
    s.valY = targetTensor(d.val);
    s.testY = targetTensor(d.test);
    if (s.device.is_cuda()) s.trainX = s.trainX.pin_memory();
    if (d.recipe.image.enabled) {
        auto shape = std::vector<std::int64_t>{1, d.recipe.image.channels, 1, 1};
        s.pixelMean = torch::tensor(d.recipe.image.mean, torch::kFloat).view(shape).to(s.device);
        s.pixelStd = torch::tensor(d.recipe.image.std, torch::kFloat).view(shape).to(s.device);
    }
    if (!d.classWeights.empty())
        s.classWeights = torch::tensor(d.classWeights, torch::kFloat).to(s.device);
    return {};
}

void writeInputs(Session& s) {
    writeRunFile(s.runDir / "split.json", s.data.split.toJson());
    writeRunFile(s.runDir / "recipe.json", s.data.recipe.toJson());
    s.listener.artifact("split", "split.json");
    s.listener.artifact("recipe", "recipe.json");
}

// The final model as a Predictor, for permutation importance and cross-validation scores: it
// shares the module, so it outlives the session.
Predictor predictorOf(Session& s) {
    auto model = s.model;
    auto device = s.device;
    const bool classify = s.classify();
    const int width = s.data.inputWidth;
    return [model, device, classify, width](const std::vector<float>& x, std::size_t rows) mutable {
        torch::NoGradGuard noGrad;
        model->eval();
        std::vector<float> out;
        const std::int64_t chunk = 4096, n = std::int64_t(rows);
        for (std::int64_t start = 0; start < n; start += chunk) {
            std::int64_t len = std::min(chunk, n - start);
            auto input = torch::from_blob(const_cast<float*>(x.data()) + start * width,
                                          {len, width})
                             .to(device);
            auto logits = model->forward(input);
            auto result = (classify ? torch::softmax(logits, 1) : logits).to(torch::kCPU).contiguous();
            out.insert(out.end(), result.data_ptr<float>(),
                       result.data_ptr<float>() + result.numel());
        }
        return out;
    };
}

// Evaluates the best model on the test rows; writes report.json and model.pt.
json finish(Session& s, TrainOutcome& outcome) {
    fs::path best = s.runDir / "checkpoints" / "best_model.pt";
    if (fs::exists(best)) torch::load(s.model, best.string());
    json test = partMetrics(s, s.data.test, s.testX, s.testY, "test_");
    for (auto& [key, value] : test.items())
        s.listener.metric(key, value.get<double>(), s.state.epoch, s.state.epoch);
    json report = {{"format", "kiln-report/1"},
                   {"epochs", s.state.epoch},
                   {"best_epoch", s.state.bestEpoch},
                   {"early_stopped", s.state.stopped},
                   {"metrics", test},
                   {"test", json::object()}};
    if (s.data.test.rows > 0) {
        auto [out, loss] = predict(s, s.testX, s.testY, s.data.test.rows);
        std::vector<float> actual(s.data.test.targets);
        report["test"] = s.classify() ? classificationReport(out, s.data.test.labels,
                                                             s.data.recipe.target.classes)
                                      : regressionReport(unscale(s, out), unscale(s, actual));
    }
    saveAtomically(s.model, s.runDir / "model.pt");
    writeRunFile(s.runDir / "report.json", report.dump(1));
    for (auto [kind, path] : {std::pair{"checkpoint", "checkpoints/last_model.pt"},
                              {"checkpoint", "checkpoints/best_model.pt"},
                              {"model", "model.pt"},
                              {"report", "report.json"}})
        if (fs::exists(s.runDir / path)) s.listener.artifact(kind, path);
    outcome.testMetrics = test;
    if (!s.images()) outcome.predict = predictorOf(s);
    return report;
}

// glibc returns freed blocks above its mmap/trim thresholds to the system, so every training step's
// large temporaries (a 64×16×28×28 activation is 3 MB) are page-faulted in afresh: that made a
// small CNN's convolutions ~10× slower than the same LibTorch called from Python. Keeping freed
// memory in the heap (process-wide; a worker does nothing but train) removes it.
void keepFreedMemoryForReuse() {
    mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's maximum; larger blocks are long-lived data
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
    mallopt(M_TOP_PAD, 64 << 20);
}

Result<TrainOutcome> train(const RunSpec& spec, TrainingData data, const fs::path& runDir,
                           bool resume, TrainListener& listener, int& epochInProgress) {
    auto device = chooseDevice(spec.device);
    if (!device) return device.error();
    keepFreedMemoryForReuse();
    setTorchThreads(spec.threads);
    at::globalContext().setFlushDenormal(
        true);  // tiny Adam moments must not fall onto the slow path
    torch::manual_seed(spec.seed);
    Session s(spec, std::move(data), runDir, listener);
    if (auto st = prepareSession(s, *device); !st) return st.error();
    fs::create_directories(runDir / "checkpoints");
    writeInputs(s);
    bool haveCheckpoint = fs::exists(runDir / "checkpoints" / "last_state.json");
    if (resume && haveCheckpoint)
        loadCheckpoint(s);
    else
        saveCheckpoint(s);
    TrainOutcome outcome;
    bool completed = false;
    try {
        completed = runEpochs(s);
        if (completed) finish(s, outcome);  // the test evaluation can be cancelled too
    } catch (const EvaluationCancelled&) {
        completed = false;
    } catch (...) {
        epochInProgress = s.epoch;
        throw;
    }
    outcome.epochs = s.state.epoch;
    outcome.bestEpoch = s.state.bestEpoch;
    outcome.earlyStopped = s.state.stopped;
    if (!completed) {
        outcome.status = "cancelled";
        listener.log("info", "cancelled during epoch " + std::to_string(s.epoch) +
                                 "; resume continues from the checkpoint after epoch " +
                                 std::to_string(s.state.epoch));
    }
    return outcome;
}

}  // namespace

Result<DeviceChoice> chooseDevice(const std::string& requested) {
    bool available = torch::cuda::is_available();
    std::string why = at::hasCUDA() ? "no CUDA device is visible to LibTorch"
                                    : "this LibTorch was built without CUDA (Debian's CPU build)";
    if (requested == "cpu") return DeviceChoice{"cpu", "the CPU was requested"};
    if (requested == "auto")
        return available ? DeviceChoice{"cuda:0", "CUDA is available; using the first GPU"}
                         : DeviceChoice{"cpu", "CUDA is not available: " + why};
    if (!available)
        return makeError(ErrorCode::InvalidArgument, "CUDA was requested but " + why,
                         "use --device cpu or auto");
    int index = requested.size() > 5 ? std::atoi(requested.c_str() + 5) : 0;
    int count = int(torch::cuda::device_count());
    if (index >= count)
        return makeError(ErrorCode::InvalidArgument, "there is no CUDA device " +
                                                         std::to_string(index) + " (" +
                                                         std::to_string(count) + " visible)");
    return DeviceChoice{"cuda:" + std::to_string(index),
                        "CUDA device " + std::to_string(index) + " was requested"};
}

Result<TrainOutcome> trainNetwork(const RunSpec& spec, TrainingData data, const fs::path& runDir,
                                  bool resume, TrainListener& listener) {
    int epoch = 0;
    try {
        return train(spec, std::move(data), runDir, resume, listener, epoch);
    } catch (const NonFiniteLoss& e) {
        std::ostringstream msg;
        msg << "the training loss became " << (std::isnan(e.value) ? "NaN" : "infinite")
            << " at epoch " << e.epoch << ", step " << e.step << "; lower the learning rate (now "
            << spec.optimizer.lr << ") or check the data for extreme values";
        return makeError(ErrorCode::InvalidArgument, msg.str(),
                         "epoch " + std::to_string(e.epoch) + ", step " + std::to_string(e.step));
    } catch (const c10::Error& e) {
        return makeError(ErrorCode::Internal,
                         std::string("LibTorch failed: ") + e.what_without_backtrace(),
                         epoch ? "epoch " + std::to_string(epoch) : "setting up the model");
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Io, std::string("training stopped: ") + e.what(),
                         epoch ? "epoch " + std::to_string(epoch) : "");
    }
}

}  // namespace kiln
