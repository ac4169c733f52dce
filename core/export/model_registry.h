#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "core/base/result.h"

namespace kiln {

class Workspace;

// Where a registered model version's file is, and what it is: what a server needs to load it
// and to tell which version answered.
struct ModelLocation {
    std::string model, stage, runId, file, sha256;  // file: absolute, in this workspace
    std::int64_t version = 0;
    std::string dataset, datasetHash;  // the run's dataset version
    std::int64_t datasetVersion = 0;
};

// The model registry over the catalog's models and model_versions tables. Used from one thread
// with its Workspace.
class ModelRegistry {
public:
    explicit ModelRegistry(Workspace& workspace) : m_ws(workspace) {}

    // Registers run `runId` as the next version of model `name` (created when new): exports it to
    // runs/<id>/model.onnx (verified, see exportRunIntoWorkspace), runs the system evaluation on
    // it and stores the file's path (relative to the workspace) and sha256, the verification and
    // the evaluation with the version. Returns the version document (as in list()). Fails as
    // exportRun fails; nothing is recorded then.
    Result<nlohmann::json> registerRun(const std::string& runId, const std::string& name);

    // Sets the stage of NAME@VER (none | staging | production | archived). A version promoted
    // to production moves the model's previous production version to archived.
    Result<nlohmann::json> promote(const std::string& ref, const std::string& stage);

    // Re-runs the system evaluation of NAME@VER (or the newest version) and stores it. Corrupt
    // when the model file is not the one registered (its sha256 differs), NotFound when it is
    // gone.
    Result<nlohmann::json> evaluate(const std::string& ref);

    // NAME (the newest version), NAME@VER or NAME@STAGE (staging or production: the version in
    // that stage now), its file checked to be there with the sha256 the registry recorded.
    // NotFound when no version matches (or none is in the stage), Corrupt when the file changed.
    Result<ModelLocation> locate(const std::string& ref);

    // Every model with its versions: stage, lineage (run → dataset version), file (absolute, in
    // this workspace; stored relative to it), verification and system evaluation. {"models":
    // [{"name", "versions": [...]}]}.
    Result<nlohmann::json> list();

private:
    struct Ref {
        std::int64_t id = 0;  // model_versions.id
        std::string model, runId, onnxPath, sha256;  // onnxPath: resolved in this workspace
        std::int64_t modelId = 0, version = 0;
        std::string stage;
    };
    Result<Ref> resolve(const std::string& ref);
    Result<nlohmann::json> versionDocument(std::int64_t versionId);
    // The file of `r` is there, regular, and has the sha256 the registry recorded.
    Status checkModelFile(const Ref& r);

    Workspace& m_ws;
};

}  // namespace kiln
