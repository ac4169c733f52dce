#include "widgets/pipeline_data.h"

#include <ctime>

#include "core/pipeline/pipeline_spec.h"
#include "core/store/workspace.h"

namespace kiln {
namespace widgets {
namespace {

// "penguins@3" → "penguins".
std::string modelName(const std::string& reference) {
    return reference.substr(0, reference.find('@'));
}

// What the page needs of the pipeline file: its name, steps and the models its monitor steps
// name (`monitors` set when it has any). The file's problem is kept when it cannot be read.
void readFile(PipelineData& data, std::vector<std::string>& monitorModels, bool& monitors) {
    auto spec = kiln::loadPipeline(data.file);
    if (!spec) {
        data.fileProblem = spec.error().toString();
        return;
    }
    data.name = spec->name;
    data.file = spec->file.string();
    data.declaredSchedule = spec->schedule;
    for (const kiln::PipelineStep& step : spec->steps) {
        data.steps.push_back({step.name, step.kind});
        if (step.kind != "monitor") continue;
        monitors = true;
        if (step.params.contains("model") && step.params["model"].is_string())
            monitorModels.push_back(step.params["model"].get<std::string>());
    }
}

// A monitor step without `model:` watches the model its pipeline promotes.
std::string promotedModel(const PipelineData& data) {
    for (const kiln::PipelineRunRecord& run : data.runs)
        for (const kiln::StepRecord& step : run.steps)
            if (step.kind == "promote" && step.outputs.contains("model") && step.outputs["model"].is_string())
                return step.outputs["model"].get<std::string>();
    return {};
}

}  // namespace

std::string monitoredModelOf(const PipelineData& data, const std::vector<std::string>& monitorModels) {
    for (const std::string& model : monitorModels)
        if (!model.empty()) return model;
    for (const kiln::PipelineRunRecord& run : data.runs)
        for (const kiln::StepRecord& step : run.steps)
            if (step.kind == "monitor" && step.outputs.contains("model") && step.outputs["model"].is_string())
                return modelName(step.outputs["model"].get<std::string>());
    return {};
}

kiln::Result<PipelineData> readPipelineData(const QString& workspaceDir, const QString& name,
                                            const QString& file, int runLimit) {
    PipelineData data;
    data.name = name.toStdString();
    data.file = file.toStdString();
    std::vector<std::string> monitorModels;
    bool monitors = false;
    if (!file.isEmpty()) readFile(data, monitorModels, monitors);
    if (data.name.empty())
        return kiln::makeError(kiln::ErrorCode::InvalidArgument, "cannot read the pipeline file: " + data.fileProblem);

    auto workspace = kiln::Workspace::open(workspaceDir.toStdString(), false);
    if (!workspace) return workspace.error();
    kiln::Catalog& catalog = workspace.value()->catalog();
    auto listings = kiln::listPipelines(catalog, std::time(nullptr));
    if (!listings) return listings.error();
    for (kiln::PipelineListing& l : *listings)
        if (l.pipeline == data.name) data.listing = std::move(l);
    if (!data.listing && data.steps.empty())
        return kiln::makeError(kiln::ErrorCode::NotFound, "the workspace records no pipeline '" + data.name + "'");
    if (data.file.empty() && data.listing) {  // opened by name: read the file it last ran from
        data.file = data.listing->file;
        readFile(data, monitorModels, monitors);
    }
    auto runs = kiln::PipelineStore(catalog).runs(data.name, runLimit);
    if (!runs) return runs.error();
    data.runs = std::move(*runs);
    data.monitoredModel = monitoredModelOf(data, monitorModels);
    if (data.monitoredModel.empty() && monitors) data.monitoredModel = promotedModel(data);
    if (!data.monitoredModel.empty()) {
        auto drift = kiln::listMonitorReports(catalog, data.monitoredModel);
        if (!drift) return drift.error();
        data.drift = std::move(*drift);
    }
    return data;
}

}  // namespace widgets
}  // namespace kiln
