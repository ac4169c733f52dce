// The steps kiln_base runs itself: import, validate and train.
#include <cmath>

#include "core/base/names.h"
#include "core/data/dataset_catalog.h"
#include "core/data/dataset_source.h"
#include "core/data/drift.h"
#include "core/data/table.h"
#include "core/jobs/job_context.h"
#include "core/modules/database_module.h"
#include "core/pipeline/pipeline_steps.h"
#include "core/runs/launcher.h"
#include "core/runs/run_store.h"
#include "core/store/catalog.h"
#include "core/store/workspace.h"
#include "core/train/train_params.h"

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

Result<ImportOptions> importOptions(const PipelineStep& step) {
    ImportOptions o;
    const std::string format = param(step, "format");
    if (format == "csv") o.format = ImportOptions::Format::Csv;
    else if (format == "tsv") o.format = ImportOptions::Format::Tsv;
    else if (format == "parquet") o.format = ImportOptions::Format::Parquet;
    else if (format == "jsonl") o.format = ImportOptions::Format::JsonLines;
    else if (format == "xlsx") o.format = ImportOptions::Format::Excel;
    else if (!format.empty() && format != "auto")
        return makeError(ErrorCode::InvalidArgument, "step '" + step.name + "': format '" + format +
                                                         "' is not one of csv, tsv, parquet, jsonl, xlsx");
    o.sheet = param(step, "sheet");
    return o;
}

json importedJson(Workspace& ws, const DatasetImport& r, const std::string& file) {
    json out = {{"dataset", r.dataset}, {"version", r.version}, {"hash", r.table.manifestHash},
                {"rows", r.table.manifest.rows}, {"created", r.created}, {"file", file}};
    if (auto v = DatasetCatalog(ws.catalog()).resolve(r.dataset + "@" + std::to_string(r.version)))
        out["dataset_version_id"] = v->id;
    return out;
}

Result<StepOutcome> runImport(StepContext& c, JobContext& job) {
    const PipelineStep& s = c.step;
    auto options = importOptions(s);
    if (!options) return options.error();
    std::string name = param(s, "dataset");
    Result<DatasetImport> imported = makeError(ErrorCode::Internal, "nothing imported");
    std::string from;
    if (!param(s, "db").empty()) {
        auto clients = databaseModule();
        if (!clients) return clients.error();
        DatabaseTarget target{param(s, "db"), param(s, "table"), param(s, "query")};
        from = (*clients)->redactedUrl(target.url);
        if (name.empty()) return makeError(ErrorCode::InvalidArgument, "step '" + s.name + "': a database import needs `dataset:`");
        imported = (*clients)->importDatabaseDataset(c.workspace, target, "", name, *options, job);
    } else if (!param(s, "folder").empty()) {
        return makeError(ErrorCode::Unsupported, "an image folder is imported by kiln-engine");
    } else {
        const fs::path path = c.spec.resolve(param(s, "path"));
        const bool pattern = path.string().find_first_of("*?[") != std::string::npos;
        if (pattern || (s.params.contains("newest") && s.params["newest"] == true)) {
            auto newest = newestMatch(path.string());
            if (!newest) return newest.error();
            from = newest->string();
            if (name.empty()) name = validNameFrom(path.stem().string());
            imported = importNewestMatch(c.workspace, path.string(), name, *options, job);
        } else {
            from = path.string();
            imported = importTableDataset(c.workspace, path, name, *options, job);
        }
    }
    if (!imported) return imported.error();
    c.log(std::string(imported->created ? "imported " : "unchanged: ") + from + " as " + imported->dataset + "@" +
          std::to_string(imported->version) + " (" + std::to_string(imported->table.manifest.rows) + " rows)");
    return StepOutcome{importedJson(c.workspace, *imported, from), std::nullopt};
}

Result<std::shared_ptr<Table>> openVersion(Workspace& ws, const json& version) {
    return Table::open(ws.objects(), version.value("hash", std::string()));
}

std::string label(const json& v) {
    return v.value("dataset", std::string()) + "@" + std::to_string(v.value("version", std::int64_t(0)));
}

// validate: the share missing per column, schema changes and drift against the reference.
Result<StepOutcome> runValidate(StepContext& c, JobContext& job) {
    auto inputs = stepInputs(c);
    if (!inputs) return inputs.error();
    const json& current = (*inputs)["dataset"];
    const json& reference = (*inputs)["reference"];
    auto table = openVersion(c.workspace, current);
    if (!table) return table.error();
    const double maxMissing = numberParam(c.step, "max_missing").value_or(1.0);
    const double maxPsi = numberParam(c.step, "max_drift_psi").value_or(INFINITY);
    const bool schemaMayChange = c.step.params.value("allow_schema_changes", false);
    std::vector<std::string> problems;
    json missing = json::object();
    for (std::size_t i = 0; i < (*table)->columnCount(); ++i) {
        const ColumnInfo& info = (*table)->column(i).info();
        const double share = (*table)->rows() ? double(info.missing) / double((*table)->rows()) : 0;
        missing[info.name] = share;
        if (share > maxMissing)
            problems.push_back(info.name + " is " + std::to_string(int(std::lround(share * 100))) + "% missing (at most " +
                               std::to_string(int(std::lround(maxMissing * 100))) + "% allowed)");
    }
    json out = {{"dataset", label(current)}, {"missing", missing}, {"max_missing", maxMissing}};
    if (reference.is_null()) {
        c.log("no reference to compare with (" + (param(c.step, "against").empty() ? std::string("none named")
                                                                                  : "no " + param(c.step, "against") + " yet") +
              "): drift not checked");
    } else {
        auto ref = openVersion(c.workspace, reference);
        if (!ref) return ref.error();
        auto drift = compareTables(**ref, **table, job);
        if (!drift) return drift.error();
        out["against"] = label(reference);
        out["drift"] = json::parse(drift->toJson());
        for (const auto& change : drift->schemaChanges)
            if (!schemaMayChange)
                problems.push_back("column " + change.column + " " + change.change +
                                   (change.change == "type changed" ? " (" + change.from + " → " + change.to + ")" : ""));
        for (const auto& d : drift->columns)
            if (d.psi > maxPsi)
                problems.push_back(d.column + " drifted: PSI " + std::to_string(d.psi).substr(0, 5) + " > " +
                                   std::to_string(maxPsi).substr(0, 5));
        c.log("compared with " + label(reference) + ": " + std::to_string(drift->columns.size()) + " columns, " +
              std::to_string(drift->schemaChanges.size()) + " schema changes");
    }
    out["problems"] = problems;
    out["passed"] = problems.empty();
    if (!problems.empty()) {
        std::string text;
        for (const auto& p : problems) text += (text.empty() ? "" : "; ") + p;
        return makeError(ErrorCode::InvalidArgument, label(current) + " did not pass validation: " + text);
    }
    c.log(label(current) + " passed validation");
    return StepOutcome{out, std::nullopt};
}

// The train step's settings as train parameters (max_depth read as --max-depth's value).
TrainParamSource trainParams(const PipelineStep& step) {
    TrainParamSource source;
    auto lookup = [&step](const std::string& name) -> const json* {
        std::string key = name;
        std::replace(key.begin(), key.end(), '-', '_');
        auto it = step.params.find(key);
        return it == step.params.end() ? nullptr : &*it;
    };
    source.value = [lookup](const std::string& name) -> std::optional<std::string> {
        const json* v = lookup(name);
        if (!v || v->is_null() || v->is_boolean()) return std::nullopt;
        return paramText(*v);
    };
    source.has = [lookup](const std::string& name) {
        const json* v = lookup(name);
        return v && v->is_boolean() && v->get<bool>();
    };
    source.label = [](const std::string& name) {
        std::string key = name;
        std::replace(key.begin(), key.end(), '-', '_');
        return key;
    };
    return source;
}

json finalMetrics(Workspace& ws, const std::string& runId) {
    json metrics = json::object();
    auto rows = ws.catalog().queryRows<std::pair<std::string, double>>(
        "SELECT key, value FROM metric_last WHERE run_id = ?", {runId},
        [](const Statement& st) { return std::make_pair(st.columnText(0), st.columnDouble(1)); });
    if (rows)
        for (const auto& [k, v] : *rows)
            if (k.rfind("test_", 0) == 0 || k.rfind("cv_", 0) == 0) metrics[k] = v;
    return metrics;
}

Result<StepOutcome> runTrain(StepContext& c, JobContext&) {
    auto inputs = stepInputs(c);
    if (!inputs) return inputs.error();
    auto version = DatasetCatalog(c.workspace.catalog()).resolve(label((*inputs)["dataset"]));
    if (!version) return version.error();
    RunSpec spec;
    useDataset(spec, *version);
    if (auto st = applyTrainParams(trainParams(c.step), spec); !st)
        return makeError(ErrorCode::InvalidArgument, "step '" + c.step.name + "': " + st.error().message);
    std::vector<std::string> excluded;
    if (auto e = param(c.step, "exclude"); !e.empty()) {
        auto list = parseColumnList(e);
        if (!list) return list.error();
        excluded = *list;
    }
    if (auto st = prepareRunSpec(c.workspace, spec, excluded); !st) return st.error();
    for (const auto& note : spec.notes) c.log("note: " + note);
    const std::string host = param(c.step, "on");
    auto runId = recordRun(c.workspace, spec, version->id, host == "local" ? "" : host);
    if (!runId) return runId.error();
    for (const auto& [k, v] : {std::pair<std::string, std::string>{"pipeline", c.spec.name},
                               {"pipeline_run", std::to_string(c.pipelineRunId)}})
        (void)c.workspace.catalog().execute("INSERT OR REPLACE INTO tags (run_id, key, value) VALUES (?, ?, ?)",
                                            {*runId, k, v});
    c.log("run " + *runId + " on " + version->dataset + "@" + std::to_string(version->version) + ", model " +
          spec.model.family);
    LaunchOptions launch;
    launch.host = host;
    auto executor = launchRun(c.workspace, *runId, launch);
    if (!executor) return executor.error();
    std::string error;
    auto status = (*executor)->follow([&](const WorkerEvent& e) {
        if (auto* f = e.as<event::Finished>(); f && !f->error.empty()) error = f->error;
        if (auto* l = e.as<event::Log>(); l && l->level != "info") c.log(l->level + ": " + l->message);
    });
    if (!status) return status.error();
    if (*status != "completed")
        return makeError(ErrorCode::Internal, "run " + *runId + " " + *status + (error.empty() ? "" : ": " + error));
    json metrics = finalMetrics(c.workspace, *runId);
    c.log("run " + *runId + " completed: " + metrics.dump());
    return StepOutcome{{{"run", *runId}, {"dataset", label((*inputs)["dataset"])}, {"metrics", metrics}}, std::nullopt};
}

}  // namespace

StepRunners baseStepRunners() {
    return {{"import", runImport}, {"validate", runValidate}, {"train", runTrain}};
}

}  // namespace kiln
