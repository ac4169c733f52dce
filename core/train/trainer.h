#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/result.h"
#include "core/train/run_spec.h"

namespace kiln {

// The training loss of the batches since the last progress report, recorded as it comes (a few
// times a second) with step = batches since the first epoch's start; "train_loss" stays the
// epoch's mean. Full-batch fits (one step an epoch) record none.
inline constexpr const char* kTrainLossStep = "train_loss_step";

// What a trainer tells whoever runs it, on the training thread, as it goes.
class TrainListener {
public:
    virtual ~TrainListener() = default;
    // Step `step` (1-based, within the epoch) of `stepsPerEpoch` in epoch `epoch` (1-based).
    virtual void progress(int epoch, std::int64_t step, std::int64_t stepsPerEpoch) = 0;
    // One metric value; per-epoch metrics use step = epoch (kTrainLossStep counts batches).
    virtual void metric(const std::string& key, double value, std::int64_t step, int epoch) = 0;
    virtual void log(const std::string& level, const std::string& message) = 0;
    // A file the run made, relative to the run folder.
    virtual void artifact(const std::string& kind, const std::string& relativePath) = 0;
    // Checked once per batch: true stops training at that batch boundary.
    virtual bool cancelled() = 0;
};

// The device a run will use and why.
struct DeviceChoice {
    std::string device;  // "cpu" or "cuda:N"
    std::string reason;  // a sentence a person reads
};

// Resolves "auto", "cpu", "cuda" or "cuda:N". InvalidArgument when CUDA is asked for and
// LibTorch cannot use it (the message says why and suggests --device cpu).
Result<DeviceChoice> chooseDevice(const std::string& requested);

// A trained table model's outputs for `rows` preprocessed inputs `x` ([rows, width], as the
// recipe makes them): class probabilities [rows, classes], or the standardised prediction
// [rows, 1]. What permutation importance and cross-validation score with.
using Predictor = std::function<std::vector<float>(const std::vector<float>& x, std::size_t rows)>;

// What a finished (or stopped) training produced.
struct TrainOutcome {
    std::string status = "completed";  // completed | cancelled
    int epochs = 0;                    // epochs (tree families: boosting rounds) in total
    int bestEpoch = 0;
    bool earlyStopped = false;
    nlohmann::json testMetrics = nlohmann::json::object();  // test_* metrics (completed runs)
    Predictor predict;  // completed table runs: the final model
};

// Trains the spec's model on the run folder's data: writes split.json, recipe.json,
// checkpoints/ (last and best, each epoch), model.pt (tree families: model.xgb.json) and
// report.json into `runDir`, and reports through `listener`. With cv_folds, or a table run
// whose model is "auto", cross-validates first (report.json's "cv"; auto keeps the family with
// the best mean score, rewrites runDir/spec.json with it and says why in its notes). With `resume`, continues from the last checkpoint in `runDir`, giving the
// same result as an uninterrupted run on the same machine. On CPU it uses every core (or the
// spec's threads) and is deterministic. Fails with an Error naming epoch and step when the loss
// becomes NaN or infinite, and turns LibTorch failures into Errors.
Result<TrainOutcome> runTraining(const RunSpec& spec, const std::filesystem::path& workspace,
                                 const std::filesystem::path& runDir, bool resume,
                                 TrainListener& listener);

}  // namespace kiln
