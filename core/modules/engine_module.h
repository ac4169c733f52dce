#pragma once

// Kiln's heavy engines (LibTorch, OpenCV, XGBoost, ONNX) as one module loaded on first use, for
// a light process that must start fast: Kiln Studio links only kiln_base and reaches export,
// prediction, the model registry, image import and thumbnails, sweeps and the environment report
// through this table (the database clients are a module of their own: database_module.h). The module is kiln-engines.so (core/modules/engine_module_table.cpp over
// kiln_engines and kiln_export, only its entry point exported); the `kiln` CLI does the same
// with a separate executable (kiln-engine) instead.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <ostream>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "core/base/result.h"
#include "core/data/image_folder.h"
#include "core/env/environment.h"
#include "core/export/batch_predict.h"
#include "core/export/exporter.h"
#include "core/sweep/sweep_launcher.h"

namespace kiln {

class ObjectStore;
class Workspace;

// Bumped whenever the table below changes: a module of another build is refused.
inline constexpr int kEngineModuleAbi = 2;

// The engines' entry points, each what its namesake in core does.
struct EngineModule {
    int abi = kEngineModuleAbi;
    Environment (*captureEnvironment)() = nullptr;
    std::string (*environmentText)(const Environment& environment) = nullptr;
    Result<ExportResult> (*exportRun)(const std::filesystem::path& workspaceRoot, const std::string& runId,
                                      const std::filesystem::path& file,
                                      const std::function<void(const std::string&)>& progress) = nullptr;
    Result<nlohmann::json> (*registerModel)(Workspace& workspace, const std::string& runId,
                                            const std::string& name) = nullptr;
    Result<nlohmann::json> (*promoteModel)(Workspace& workspace, const std::string& ref,
                                           const std::string& stage) = nullptr;
    Result<nlohmann::json> (*listModels)(Workspace& workspace) = nullptr;
    Result<PredictionTable> (*predictFile)(const std::filesystem::path& model,
                                           const std::filesystem::path& data,
                                           const PredictOptions& options) = nullptr;
    void (*writePredictionsCsv)(const PredictionTable& table, std::ostream& out) = nullptr;
    Result<ImageDatasetImport> (*importImageDataset)(Workspace& workspace, const std::filesystem::path& folder,
                                                     const std::string& name, JobContext& job) = nullptr;
    Result<std::filesystem::path> (*imageThumbnail)(const ObjectStore& store, const std::string& imageHash,
                                                    const std::filesystem::path& cacheDir, int size) = nullptr;
    Status (*prepareSweep)(Workspace& workspace, SweepSpec& sweep) = nullptr;
    Result<SweepOutcome> (*runSweep)(Workspace& workspace, const std::string& sweepId, const SweepSpec& sweep,
                                     std::int64_t datasetVersionId, SweepListener* listener, JobContext& job,
                                     const std::filesystem::path& kilnPath) = nullptr;
    // kiln monitor MODEL --traffic: the TrafficReport (core/serve) as JSON.
    Result<std::string> (*monitorTraffic)(Workspace& workspace, const std::string& model) = nullptr;
};

// The module's one exported symbol: extern "C" const kiln::EngineModule* kiln_engine_module().
inline constexpr const char* kEngineModuleEntry = "kiln_engine_module";

// The engines, loading the module on the first call (from any thread; later calls wait for that
// one load and share its outcome). Where: $KILN_ENGINE_MODULE, else beside the executable as
// installed (../lib/kiln/kiln-engines.so), else the build tree's. Unsupported with what was
// tried and dlopen's reason when it cannot be loaded.
Result<const EngineModule*> engineModule();

// Whether the module is loaded now (it never unloads).
bool engineModuleLoaded();

// The file engineModule() loads, or tries first.
std::filesystem::path engineModulePath();

}  // namespace kiln
