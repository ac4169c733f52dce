// The entry point of kiln-engines.so: the table of engine_module.h over kiln_engines and
// kiln_export. The module's link keeps every other symbol local (engine_module.map).
#include "core/modules/engine_module.h"

#include <nlohmann/json.hpp>

#include "core/export/model_registry.h"
#include "core/jobs/job_context.h"
#include "core/serve/traffic_monitor.h"

namespace kiln {
namespace {

std::string environmentText(const Environment& environment) { return environment.toText(); }

Result<nlohmann::json> registerModel(Workspace& workspace, const std::string& runId, const std::string& name) {
    return ModelRegistry(workspace).registerRun(runId, name);
}

Result<nlohmann::json> promoteModel(Workspace& workspace, const std::string& ref, const std::string& stage) {
    return ModelRegistry(workspace).promote(ref, stage);
}

Result<nlohmann::json> listModels(Workspace& workspace) { return ModelRegistry(workspace).list(); }

Result<std::string> monitorTraffic(Workspace& workspace, const std::string& model) {
    NullJobContext job;
    auto report = kiln::monitorTraffic(workspace, model, job);
    if (!report) return report.error();
    return report->toJson();
}

EngineModule makeTable() {
    EngineModule table;
    table.captureEnvironment = &captureEnvironment;
    table.environmentText = &environmentText;
    table.exportRun = &exportRun;
    table.registerModel = &registerModel;
    table.promoteModel = &promoteModel;
    table.listModels = &listModels;
    table.predictFile = &predictFile;
    table.writePredictionsCsv = &writePredictionsCsv;
    table.importImageDataset = &importImageDataset;
    table.imageThumbnail = &imageThumbnail;
    table.prepareSweep = &prepareSweep;
    table.runSweep = &runSweep;
    table.monitorTraffic = &monitorTraffic;
    return table;
}

}  // namespace
}  // namespace kiln

extern "C" __attribute__((visibility("default"))) const kiln::EngineModule* kiln_engine_module() {
    static const kiln::EngineModule table = kiln::makeTable();
    return &table;
}
