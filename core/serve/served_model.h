#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/base/result.h"
#include "core/export/onnx_executor.h"

namespace kiln {

struct ModelLocation;

// One graph input of a served model: the name a request gives, its ONNX element type ("float",
// "double" for dates, "string" for categories, "uint8" for an image model's pictures) and the
// kind the export recorded.
struct ServedInput {
    std::string name, type, kind;
};

// A model loaded, verified and ready to answer: its executor and what it is (for /v1/model and
// for every answer, so a client knows which version answered).
struct ServedModel {
    explicit ServedModel(OnnxExecutor loaded) : executor(std::move(loaded)) {}

    OnnxExecutor executor;
    std::string name;          // the registered model, or the file's stem
    std::int64_t version = 0;  // 0 for a file served outside the registry
    std::string stage, sha256, file, runId, task, target, dataset, datasetHash;
    std::int64_t datasetVersion = 0;
    std::vector<ServedInput> inputs;
    bool classification = false;
    std::vector<std::string> classes;
    int imageSize = 0, imageChannels = 0;  // an image model's pictures (0 for a table model)

    bool images() const { return imageSize > 0; }

    // "wine@3", or the file's stem.
    std::string label() const;
    // What GET /v1/model answers.
    nlohmann::json describe() const;
};

// Loads `file` (sha256 checked against `expectedSha256` when given), checks it is a model Kiln
// exported (a table model, or an image model with one uint8 NHWC input and the size its recipe
// names) and runs it once on a row of missing values (a black picture), so a model that loads but
// cannot run is refused before it answers anyone.
Result<std::shared_ptr<const ServedModel>> loadServedFile(const std::filesystem::path& file,
                                                          const std::string& expectedSha256 = "");

// The same for a registered version, which also names it.
Result<std::shared_ptr<const ServedModel>> loadServedVersion(const ModelLocation& location);

}  // namespace kiln
