#pragma once

#include <filesystem>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "core/base/result.h"

namespace kiln {

// The pipeline's last step: an exported file measured in an inference runtime (Kiln's ONNX
// executor) on the run's test split (its validation rows when it has no test part, its training
// rows when it holds nothing out; `part` says which).
struct SystemEvaluation {
    std::string metric;  // "accuracy" or "r2"
    double value = 0;
    std::size_t rows = 0;
    std::string part =
        "test";  // the split measured: test, validation, or training (nothing held out)
    double p50Ms = 0, p95Ms = 0, p99Ms = 0;  // latency of one row (batch 1)
    double rowsPerSecond = 0;                // throughput at batch 64
    int threads = 0;

    nlohmann::json toJson() const;
};

// Evaluates `onnxFile` (an export of run `runId`) in the workspace at `root`: the accuracy (or
// R²) of its outputs against the test split's true targets, latency percentiles over 200 single
// rows and throughput over about a second of batches of 64. Errors as loadTrainedModel and the
// executor report them.
Result<SystemEvaluation> evaluateSystem(const std::filesystem::path& root, const std::string& runId,
                                        const std::filesystem::path& onnxFile, int threads = 0);

}  // namespace kiln
