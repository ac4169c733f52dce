// The pipeline steps that need the engines: image-folder import, gate, export, promote, monitor.
#include "core/pipeline/engine_steps.h"

#include <cmath>
#include <sstream>

#include "core/data/dataset_catalog.h"
#include "core/data/image_folder.h"
#include "core/data/table.h"
#include "core/export/exporter.h"
#include "core/export/held_out.h"
#include "core/export/model_registry.h"
#include "core/export/onnx_executor.h"
#include "core/export/trained_model.h"
#include "core/monitor/model_monitor.h"
#include "core/monitor/monitor_store.h"
#include "core/store/workspace.h"

namespace kiln {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string param(const PipelineStep& step, const std::string& name) {
    auto it = step.params.find(name);
    return it == step.params.end() ? std::string() : paramText(*it);
}

std::optional<double> numberParam(const PipelineStep& step, const std::string& name) {
    auto it = step.params.find(name);
    if (it == step.params.end() || !it->is_number()) return std::nullopt;
    return it->get<double>();
}

std::string figure(double v) {
    std::ostringstream out;
    out.precision(4);
    out << v;
    return out.str();
}

Result<std::string> trainedRun(const StepContext& c) {
    auto inputs = stepInputs(c);
    if (!inputs) return inputs.error();
    const json& run = (*inputs)["run"];
    if (!run.is_string() || run.get<std::string>().empty())
        return makeError(ErrorCode::InvalidArgument, "step '" + c.step.name + "' has no train step before it");
    return run.get<std::string>();
}

// An image folder is imported here (OpenCV decodes it); files go to the base import.
StepRunner importWithImages(StepRunner base) {
    return [base](StepContext& c, JobContext& job) -> Result<StepOutcome> {
        if (param(c.step, "folder").empty()) return base(c, job);
        const fs::path folder = c.spec.resolve(param(c.step, "folder"));
        auto r = importImageDataset(c.workspace, folder, param(c.step, "dataset"), job);
        if (!r) return r.error();
        auto v = DatasetCatalog(c.workspace.catalog()).resolve(r->dataset + "@" + std::to_string(r->version));
        if (!v) return v.error();
        c.log(std::string(r->created ? "imported " : "unchanged: ") + folder.string() + " as " + r->dataset + "@" +
              std::to_string(r->version));
        return StepOutcome{{{"dataset", r->dataset}, {"version", r->version}, {"hash", v->contentHash},
                            {"dataset_version_id", v->id}, {"rows", v->rows}, {"created", r->created},
                            {"file", folder.string()}},
                           std::nullopt};
    };
}

// The class names a model's file gives its label outputs (kiln.classes).
std::vector<std::string> fileClasses(const OnnxExecutor& exec) {
    auto it = exec.metadata().find("kiln.classes");
    if (it == exec.metadata().end()) return {};
    json classes = json::parse(it->second, nullptr, false);
    return classes.is_array() ? classes.get<std::vector<std::string>>() : std::vector<std::string>{};
}

// A table model's file takes the rows' raw cells by its own input names (the production model may
// read other columns than the new one); an image model's takes the held-out pictures.
Result<double> scoreFile(const TrainedModel& model, const HeldOutData& held, const Table* table,
                         const fs::path& file, const std::string& metric) {
    auto exec = OnnxExecutor::load(file);
    if (!exec) return exec.error();
    std::map<std::string, HostTensor> raw = held.rawInputs;
    if (table) {
        std::vector<std::pair<std::string, std::string>> inputs;
        for (const auto& name : exec->inputNames()) inputs.emplace_back(name, exec->inputType(name));
        auto read = rawTableInputs(*table, inputs, held.rows);
        if (!read) return read.error();
        raw = std::move(*read);
    }
    auto out = exec->run(raw);
    if (!out) return out.error();
    const std::size_t n = held.count();
    if (metric == "accuracy") {
        const auto classes = fileClasses(*exec);
        const auto& truth = model.recipe.target.classes;
        const auto& labels = out->at("label").int64s;
        std::size_t right = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const auto l = std::size_t(labels[i]);
            const std::string predicted = l < classes.size() ? classes[l] : std::to_string(labels[i]);
            right += held.labels[i] >= 0 && std::size_t(held.labels[i]) < truth.size() && truth[std::size_t(held.labels[i])] == predicted;
        }
        return n ? double(right) / double(n) : 0.0;
    }
    const auto& v = out->at("value").floats;
    double mean = 0, ssRes = 0, ssTot = 0, abs = 0;
    for (double y : held.targets) mean += y / double(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double e = held.targets[i] - v[i];
        ssRes += e * e;
        abs += std::fabs(e);
        ssTot += (held.targets[i] - mean) * (held.targets[i] - mean);
    }
    if (metric == "rmse") return std::sqrt(ssRes / double(n));
    if (metric == "mae") return abs / double(n);
    return ssTot > 0 ? 1 - ssRes / ssTot : 0.0;
}

Result<StepOutcome> runGate(StepContext& c, JobContext&) {
    auto runId = trainedRun(c);
    if (!runId) return runId.error();
    auto exported = exportRunIntoWorkspace(c.workspace.root(), *runId);
    if (!exported) return exported.error();
    const std::string model = modelNameFor(c);
    ModelRegistry registry(c.workspace);
    fs::path productionFile;
    std::string productionLabel;
    const bool beat = param(c.step, "beat").empty() || param(c.step, "beat") == "production";
    if (beat) {
        auto production = productionVersion(c.workspace, model);
        if (!production) return production.error();
        if (!production->is_null()) {
            auto located = registry.locate(model + "@production");
            if (!located) return located.error();
            productionFile = located->file;
            productionLabel = located->model + "@" + std::to_string(located->version);
        }
    }
    const std::string metric = param(c.step, "metric").empty() ? "test_accuracy" : param(c.step, "metric");
    auto scores = scoreForGate(c.workspace, *runId, metric, exported->file, productionFile);
    if (!scores) return scores.error();
    const double by = numberParam(c.step, "by").value_or(0);
    const auto atLeast = numberParam(c.step, "at_least");
    std::vector<std::string> refusals;
    const bool better = scores->higherIsBetter;
    if (atLeast && (better ? scores->candidate < *atLeast : scores->candidate > *atLeast))
        refusals.push_back(metric + " " + figure(scores->candidate) + (better ? " is below " : " is above ") +
                           figure(*atLeast));
    json out = {{"metric", metric}, {"candidate", scores->candidate}, {"run", *runId}, {"rows", scores->rows},
                {"rows_from", scores->part}, {"by", by}, {"model", model}};
    if (atLeast) out["at_least"] = *atLeast;
    if (scores->production) {
        const double margin = better ? scores->candidate - *scores->production : *scores->production - scores->candidate;
        out["production"] = *scores->production;
        out["production_model"] = productionLabel;
        out["margin"] = margin;
        if (margin < by)
            refusals.push_back(metric + " " + figure(scores->candidate) + " against production " + productionLabel + "'s " +
                               figure(*scores->production) + " on the same " + std::to_string(scores->rows) + " " +
                               scores->part + " rows: " + (margin < 0 ? "worse by " + figure(-margin) : "better by only " + figure(margin)) +
                               (by > 0 ? " (needs " + figure(by) + ")" : ""));
    } else {
        out["production"] = nullptr;
    }
    std::string message;
    for (const auto& r : refusals) message += (message.empty() ? "" : "; ") + r;
    out["passed"] = refusals.empty();
    out["message"] = refusals.empty() ? std::string("passed") : "refused: " + message;
    c.log(metric + ": new " + figure(scores->candidate) +
          (scores->production ? ", production " + figure(*scores->production) : std::string(", no production model yet")) +
          " on " + std::to_string(scores->rows) + " " + scores->part + " rows: " + out["message"].get<std::string>());
    StepOutcome outcome{out, std::nullopt};
    if (!refusals.empty()) outcome.refused = "the gate kept the new model out: " + message;
    return outcome;
}

Result<StepOutcome> runExport(StepContext& c, JobContext&) {
    auto runId = trainedRun(c);
    if (!runId) return runId.error();
    const std::string target = param(c.step, "onnx");
    if (target.empty()) return makeError(ErrorCode::InvalidArgument, "step '" + c.step.name + "' names no `onnx:` file");
    const fs::path file = c.spec.resolve(target);
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    auto exported = exportRun(c.workspace.root(), *runId, file, [&](const std::string& stage) { c.log(stage); });
    if (!exported) return exported.error();
    c.log("exported run " + *runId + " to " + exported->file.string() + " (verified)");
    return StepOutcome{{{"file", exported->file.string()}, {"sha256", exported->sha256}, {"run", *runId}}, std::nullopt};
}

Result<StepOutcome> runPromote(StepContext& c, JobContext&) {
    auto runId = trainedRun(c);
    if (!runId) return runId.error();
    const std::string model = modelNameFor(c);
    const std::string stage = param(c.step, "stage").empty() ? "production" : param(c.step, "stage");
    ModelRegistry registry(c.workspace);
    auto registered = registry.registerRun(*runId, model);
    if (!registered) return registered.error();
    const std::int64_t version = (*registered)["version"].get<std::int64_t>();
    const std::string ref = model + "@" + std::to_string(version);
    if (stage != "none")
        if (auto promoted = registry.promote(ref, stage); !promoted) return promoted.error();
    c.log("registered run " + *runId + " as " + ref + (stage != "none" ? " in " + stage : std::string()));
    return StepOutcome{{{"model", model}, {"version", version}, {"stage", stage}, {"run", *runId}}, std::nullopt};
}

Result<StepOutcome> runMonitor(StepContext& c, JobContext& job) {
    auto inputs = stepInputs(c);
    if (!inputs) return inputs.error();
    const json& model = (*inputs)["model"];
    if (model.is_null()) {  // the first run of a pipeline: nothing in production to compare with yet
        c.log("model " + modelNameFor(c) + " has no production version yet: nothing to monitor");
        return StepOutcome{{{"model", nullptr}, {"note", "no production version yet"}}, std::nullopt};
    }
    const json& data = (*inputs)["dataset"];
    const std::string modelRef = model["model"].get<std::string>() + "@" + std::to_string(model["version"].get<std::int64_t>());
    const std::string dataRef = data["dataset"].get<std::string>() + "@" + std::to_string(data["version"].get<std::int64_t>());
    MonitorOptions options;
    if (c.step.params.contains("features")) options.features = c.step.params["features"].get<std::vector<std::string>>();
    auto report = monitorModel(c.workspace, modelRef, dataRef, options, job);
    if (!report) return report.error();
    auto saved = saveMonitorReport(c.workspace.catalog(), *report, c.pipelineRunId);
    if (!saved) return saved.error();
    c.log(modelRef + " on " + dataRef + ": " + std::to_string(report->columnsDrifted) + " of " +
          std::to_string(report->columns.size()) + " columns drifted");
    json out = {{"report", *saved}, {"model", modelRef}, {"dataset", dataRef}, {"drifted_share", report->driftedShare}};
    if (auto limit = numberParam(c.step, "max_drifted_share"); limit && report->driftedShare > *limit)
        return makeError(ErrorCode::InvalidArgument, std::to_string(report->columnsDrifted) + " of " +
                                                         std::to_string(report->columns.size()) + " columns drifted (" +
                                                         figure(report->driftedShare) + " > " + figure(*limit) + ")");
    return StepOutcome{out, std::nullopt};
}

}  // namespace

Result<GateScores> scoreForGate(Workspace& ws, const std::string& runId, const std::string& metricName,
                                const fs::path& candidateFile, const fs::path& productionFile) {
    GateScores s;
    s.metric = metricName.rfind("test_", 0) == 0 ? metricName.substr(5) : metricName;
    if (s.metric != "accuracy" && s.metric != "r2" && s.metric != "rmse" && s.metric != "mae")
        return makeError(ErrorCode::InvalidArgument, "the gate measures accuracy, r2, rmse or mae, not '" + metricName + "'");
    s.higherIsBetter = s.metric == "accuracy" || s.metric == "r2";
    auto model = loadTrainedModel(ws.runsDir() / runId);
    if (!model) return model.error();
    if ((s.metric == "accuracy") != model->classification())
        return makeError(ErrorCode::InvalidArgument, "run " + runId + " is a " +
                                                         (model->classification() ? "classifier" : "regression") +
                                                         "; the gate's metric " + metricName + " does not apply");
    auto held = loadHeldOut(*model, ws.objects());
    if (!held) return held.error();
    if (held->count() == 0) return makeError(ErrorCode::InvalidArgument, "run " + runId + " holds no rows out to compare on");
    std::shared_ptr<Table> table;
    if (model->spec.datasetKind != "images") {
        auto opened = Table::open(ws.objects(), model->spec.datasetHash);
        if (!opened) return opened.error();
        table = *opened;
    }
    s.rows = held->count();
    s.part = held->part;
    auto candidate = scoreFile(*model, *held, table.get(), candidateFile, s.metric);
    if (!candidate) return candidate.error();
    s.candidate = *candidate;
    if (!productionFile.empty()) {
        auto production = scoreFile(*model, *held, table.get(), productionFile, s.metric);
        if (!production)
            return withCause(makeError(ErrorCode::InvalidArgument,
                                       "the production model cannot be scored on the new run's rows"),
                             production.error());
        s.production = *production;
    }
    return s;
}

StepRunners allStepRunners() {
    StepRunners runners = baseStepRunners();
    runners["import"] = importWithImages(runners["import"]);
    runners["gate"] = runGate;
    runners["export"] = runExport;
    runners["promote"] = runPromote;
    runners["monitor"] = runMonitor;
    return runners;
}

}  // namespace kiln
