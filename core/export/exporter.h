#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "core/base/result.h"

namespace kiln {

struct TrainedModel;
struct HeldOutData;

// What verification of an exported file found. Classification compares probabilities (max
// absolute difference) and labels; regression compares values relative to max(|value|, the
// target's standard deviation); tree models also compare the margins (before the sigmoid or
// softmax) with XGBoost's, relative to max(|margin|, 1).
struct VerificationReport {
    bool passed = false;
    std::string checker;         // "onnx checker + shape inference passed (ai.onnx 13, 42 nodes)"
    std::size_t rows = 0;        // held-out rows compared
    std::string part = "test";   // the split they come from (test, validation, training)
    double maxAbsDiff = 0;       // probabilities (classification) or values (regression)
    double maxRelDiff = 0;       // regression
    std::size_t labelMismatches = 0;
    double maxMarginDiff = 0;            // tree models
    std::string reference = "LibTorch";  // what the file is compared with: LibTorch or XGBoost
    double tolerance = 1e-4;
    double seconds = 0;          // checker + read back + run + compare
    std::string message;         // one line a person reads

    nlohmann::json toJson() const;
};

// Checks `file` (ONNX checker with shape inference), reads it back with Kiln's ONNX executor,
// runs it on the held-out rows' raw inputs and compares with the trained model's outputs on
// the recipe's features (LibTorch, or XGBoost itself for trees). Returns the report (passed or
// not); an Error only when the comparison could not be made at all.
Result<VerificationReport> verifyOnnxFile(const TrainedModel& model, const HeldOutData& heldOut,
                                          const std::filesystem::path& file);

// The outcome of an export.
struct ExportResult {
    std::string runId;
    std::filesystem::path file;
    std::string sha256;
    std::int64_t bytes = 0;
    VerificationReport verification;
    double seconds = 0;  // everything, loading the run included

    nlohmann::json toJson() const;
};

// Exports run `runId` of the workspace at `workspaceRoot` to `file`, a user's output path. Only
// a completed run is exported (InvalidArgument names its status otherwise). The path is
// refused as checkOutputPath refuses it (inside a workspace, a folder, a FIFO, a device; a
// symbolic link is written through). Loads the run, builds the graph, writes it beside `file`
// under a temporary name, verifies it, and only then renames it over `file` (fsync'd).
// `progress` hears each stage ("loading run", "writing", "verifying"). A failed verification
// removes the temporary, leaves an existing `file` as it was, and fails with Corrupt, the
// figures in the message.
Result<ExportResult> exportRun(const std::filesystem::path& workspaceRoot, const std::string& runId,
                               const std::filesystem::path& file,
                               const std::function<void(const std::string&)>& progress = {});

// The same into the run's own folder (runs/<id>/model.onnx), the one place inside the
// workspace Kiln writes a model: what the model registry keeps.
Result<ExportResult> exportRunIntoWorkspace(
    const std::filesystem::path& workspaceRoot, const std::string& runId,
    const std::function<void(const std::string&)>& progress = {});

}  // namespace kiln
