#include "core/monitor/model_monitor.h"

#include <memory>

#include "core/data/dataset_catalog.h"
#include "core/data/table.h"
#include "core/export/model_registry.h"
#include "core/export/onnx_executor.h"
#include "core/jobs/job_context.h"
#include "core/monitor/prediction_drift.h"
#include "core/store/workspace.h"

namespace kiln {

namespace {

std::string labelOf(const DatasetVersion& v) {
    return v.dataset + "@" + std::to_string(v.version);
}

Error withHint(Error e, std::string hint) {
    if (e.hint.empty()) e.hint = std::move(hint);
    return e;
}

Result<ModelLocation> locateModel(Workspace& ws, const std::string& ref) {
    auto located = ModelRegistry(ws).locate(ref);
    if (!located)
        return withHint(located.error(),
                        "kiln models lists the registered models and their versions");
    return located;
}

// The dataset version the model version's run trained on.
Result<DatasetVersion> trainingVersion(Workspace& ws, const ModelLocation& l) {
    const std::string model = l.model + "@" + std::to_string(l.version);
    const std::string data = l.dataset + "@" + std::to_string(l.datasetVersion);
    Error gone = makeError(ErrorCode::NotFound,
                           "the training data of " + model +
                               (l.datasetHash.empty() ? "" : " (" + data + ")") +
                               " is no longer in this workspace",
                           ws.root().string());
    gone.hint =
        "monitoring compares new data with the very version a model trained on; train and register "
        "the model again on data this workspace holds";
    if (l.datasetHash.empty()) return gone;
    auto v = DatasetCatalog(ws.catalog()).resolve(data);
    if (!v) return withCause(gone, v.error());
    return v;
}

Result<DatasetVersion> currentVersion(Workspace& ws, const std::string& ref) {
    auto v = DatasetCatalog(ws.catalog()).resolve(ref);
    if (!v)
        return withHint(
            v.error(),
            "import the new data first (kiln import FILE --name DS) and give DS or DS@VER; "
            "kiln datasets lists the datasets");
    if (v->kind != "table")
        return makeError(ErrorCode::Unsupported,
                         "'" + labelOf(*v) + "' is an image dataset; kiln monitor compares tables");
    if (v->rows == 0)
        return makeError(ErrorCode::InvalidArgument,
                         "'" + labelOf(*v) + "' has no rows to compare");
    return v;
}

Result<std::shared_ptr<Table>> openVersion(Workspace& ws, const DatasetVersion& v) {
    auto table = Table::open(ws.objects(), v.contentHash);
    if (!table)
        return withHint(
            withCause(
                makeError(ErrorCode::NotFound, "the columns of " + labelOf(v) + " cannot be read",
                          ws.root().string()),
                table.error()),
            "the workspace's objects may have been removed by hand; import the data again");
    return table;
}

// The caller's options with the model's own columns: its inputs unless features were named,
// never its target.
MonitorOptions modelOptions(const OnnxExecutor& model, MonitorOptions o) {
    if (o.features.empty())
        for (const auto& name : model.inputNames())
            if (model.inputType(name) != "uint8") o.features.push_back(name);
    auto target = model.metadata().find("kiln.target");
    if (o.target.empty() && target != model.metadata().end()) o.target = target->second;
    return o;
}

// The columns of `table`, for a hint: "a, b, c" (the first 20).
std::string columnList(const Table& table) {
    std::string list;
    for (std::size_t i = 0; i < table.columnCount() && i < 20; ++i)
        list += (i ? ", " : "") + table.column(i).info().name;
    return table.columnCount() > 20 ? list + ", …" : list;
}

void comparePredictions(const OnnxExecutor& model, const Table& reference, const Table& current,
                        const MonitorOptions& o, JobContext& job, MonitorReport& report) {
    auto prediction = predictionDrift(model, reference, current, o, job);
    if (prediction)
        report.prediction = std::move(*prediction);
    else
        report.notes.push_back("the predictions were not compared: " +
                               prediction.error().toString());
}

}  // namespace

Result<MonitorReport> monitorModel(Workspace& ws, const std::string& modelRef,
                                   const std::string& dataRef, const MonitorOptions& options,
                                   JobContext& job) {
    auto located = locateModel(ws, modelRef);
    if (!located) return located.error();
    auto training = trainingVersion(ws, *located);
    if (!training) return training.error();
    if (training->kind != "table")
        return makeError(ErrorCode::Unsupported,
                         located->model + " was trained on pictures (" + labelOf(*training) +
                             "); kiln monitor compares tables, and kiln monitor MODEL --traffic "
                             "compares a served image model's predictions");
    auto data = currentVersion(ws, dataRef);
    if (!data) return data.error();
    auto reference = openVersion(ws, *training);
    if (!reference) return reference.error();
    auto current = openVersion(ws, *data);
    if (!current) return current.error();
    auto model = OnnxExecutor::load(located->file);
    if (!model) return model.error();
    const MonitorOptions o = modelOptions(*model, options);
    auto report = monitorTables(**reference, **current, o, job);
    if (!report) {
        Error e = report.error();
        if (e.code != ErrorCode::InvalidArgument) return e;
        e.context = "training data " + labelOf(*training);
        return withHint(e, "its columns: " + columnList(**reference));
    }
    comparePredictions(*model, **reference, **current, o, job, *report);
    if (job.cancelled()) return makeError(ErrorCode::Cancelled, "monitoring cancelled");
    report->model = located->model;
    report->modelVersion = located->version;
    report->reference = labelOf(*training);
    report->referenceVersionId = training->id;
    report->current = labelOf(*data);
    report->currentHash = data->contentHash;
    return report;
}

}  // namespace kiln
