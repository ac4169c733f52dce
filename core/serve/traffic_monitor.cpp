#include "core/serve/traffic_monitor.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/data/csv_import.h"
#include "core/data/table.h"
#include "core/export/held_out.h"
#include "core/export/model_registry.h"
#include "core/export/onnx_executor.h"
#include "core/export/trained_model.h"
#include "core/jobs/job_context.h"
#include "core/serve/served_model.h"
#include "core/serve/traffic_log.h"
#include "core/store/object_store.h"
#include "core/store/scratch_folder.h"
#include "core/store/workspace.h"

namespace kiln {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Tables made for the comparison live here, removed when it goes out of scope.
struct Scratch {
    ScratchFolder folder{"kiln-monitor-"};
    ObjectStore store{folder.path() / "objects"};
};

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

// A logged value as a CSV cell; whole numbers without a fraction (181, not 181.0).
std::string cellText(const json& v) {
    if (v.is_null()) return "";
    if (v.is_string()) return v.get<std::string>();
    if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
    if (v.is_number_float()) {
        const double d = v.get<double>();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15) return std::to_string(std::int64_t(d));
    }
    return v.dump();
}

// Whether every cell of `cells` is empty or a whole number, as an integer column takes them.
bool wholeNumbers(const std::vector<std::string>& cells) {
    return std::all_of(cells.begin(), cells.end(), [](const std::string& c) {
        return c.empty() || c.find_first_not_of("-0123456789") == std::string::npos;
    });
}

// Writes `columns` (name → one value per row) as a CSV file and reads it as a table, each
// column forced to `types` (name → type name) so it compares with the reference's column.
Result<std::shared_ptr<const Table>> tableOf(Scratch& scratch, const std::string& name,
                                             const std::vector<std::string>& order,
                                             const std::map<std::string, std::vector<std::string>>& columns,
                                             const std::map<std::string, std::string>& types, JobContext& job) {
    const fs::path file = scratch.folder.path() / (name + ".csv");
    {
        std::ofstream out(file, std::ios::binary);
        std::string line;
        for (const auto& c : order) line += (line.empty() ? "" : ",") + csvField(c);
        out << line << '\n';
        const std::size_t rows = order.empty() ? 0 : columns.at(order.front()).size();
        for (std::size_t r = 0; r < rows; ++r) {
            line.clear();
            for (std::size_t c = 0; c < order.size(); ++c)
                line += (c ? "," : "") + csvField(columns.at(order[c])[r]);
            out << line << '\n';
        }
    }
    ImportOptions options;
    options.format = ImportOptions::Format::Csv;
    options.forceHeader = true;
    for (const auto& [column, type] : types) options.typeOverrides.push_back(column + "=" + type);
    auto read = readCsvTable(scratch.store, file, options, job);
    if (!read) return read.error();
    auto table = Table::open(scratch.store, read->manifestHash);
    if (!table) return table.error();
    return std::shared_ptr<const Table>(std::move(*table));
}

// The model's predictions on its run's held-out rows (test, then validation, then training rows
// when the split held none out), as text: a label or a number. The rows and their raw inputs are
// what export verification uses (loadHeldOut), pictures decoded as in training.
Result<std::vector<std::string>> testPredictions(Workspace& ws, const ServedModel& model, const ModelLocation& l) {
    auto trained = loadTrainedModel(ws.runsDir() / l.runId);
    if (!trained) return withCause(makeError(ErrorCode::NotFound, "the model's run cannot be read",
                                             (ws.runsDir() / l.runId).string()),
                                   trained.error());
    auto held = loadHeldOut(*trained, ws.objects());
    if (!held) return held.error();
    auto out = model.executor.run(held->rawInputs);
    if (!out) return out.error();
    std::vector<std::string> predictions;
    for (std::size_t i = 0; i < held->count(); ++i) {
        if (model.classification) {
            auto label = std::size_t(out->at("label").int64s[i]);
            predictions.push_back(label < model.classes.size() ? model.classes[label] : std::to_string(label));
        } else {
            predictions.push_back(json(double(out->at("value").floats[i])).dump());
        }
    }
    return predictions;
}

}  // namespace

std::string TrafficReport::toJson(int indent) const {
    json inputsDoc = json::parse(inputs.toJson());
    json doc = {{"model", model},       {"dataset", dataset},     {"versions", versions},
                {"requests", requests}, {"rows", rows},           {"skipped_lines", skippedLines},
                {"first", firstTime},   {"last", lastTime},       {"inputs", inputsDoc},
                {"test_rows", testRows}};
    if (predictions) {
        json p = {{"column", predictions->column}, {"type", predictions->type}, {"psi", predictions->psi},
                  {"level", predictions->level}};
        if (predictions->ks) p["ks"] = *predictions->ks;
        if (predictions->ksPValue) p["ks_p_value"] = *predictions->ksPValue;
        doc["predictions"] = p;
    }
    return doc.dump(indent);
}

Result<TrafficReport> monitorTraffic(Workspace& ws, const std::string& ref, JobContext& job) {
    auto located = ModelRegistry(ws).locate(ref);
    if (!located) return located.error();
    std::size_t skipped = 0;
    auto lines = readTraffic(trafficFolder(ws, located->model), &skipped);
    if (!lines) return lines.error();
    auto reference = Table::open(ws.objects(), located->datasetHash);
    if (!reference)
        return makeError(ErrorCode::NotFound, "the model's training data (" + located->dataset + "@" +
                                                  std::to_string(located->datasetVersion) +
                                                  ") is not in this workspace");
    auto served = loadServedVersion(*located);
    if (!served) return served.error();
    TrafficReport report;
    report.model = located->model + "@" + std::to_string(located->version);
    report.dataset = located->dataset + "@" + std::to_string(located->datasetVersion);
    report.skippedLines = skipped;
    std::vector<std::string> order;
    std::map<std::string, std::vector<std::string>> columns;
    std::map<std::string, std::string> types;
    for (const auto& in : (*served)->inputs) {
        int index = (*reference)->columnIndex(in.name);
        if (index < 0) continue;
        order.push_back(in.name);
        types[in.name] = columnTypeName((*reference)->column(std::size_t(index)).info().type);
        columns[in.name];
    }
    std::vector<std::string> predicted;
    std::set<std::string> versions;
    for (const auto& line : *lines) {
        const json& inputs = line.value("inputs", json::object());
        const std::size_t rows = line.value("rows", std::size_t(0));
        if (!inputs.is_object() || rows == 0) continue;
        ++report.requests;
        report.rows += rows;
        versions.insert(line.value("model", "") + "@" + std::to_string(line.value("version", 0)));
        if (report.firstTime.empty()) report.firstTime = line.value("time", "");
        report.lastTime = line.value("time", "");
        for (const auto& name : order) {
            auto it = inputs.find(name);
            for (std::size_t r = 0; r < rows; ++r)
                columns[name].push_back(it != inputs.end() && it->is_array() && r < it->size() ? cellText((*it)[r]) : "");
        }
        const json& outputs = line.value("outputs", json::object());
        const json& values = outputs.contains("label") ? outputs["label"] : outputs.value("value", json::array());
        for (std::size_t r = 0; r < rows; ++r) predicted.push_back(r < values.size() ? cellText(values[r]) : "");
    }
    report.versions.assign(versions.begin(), versions.end());
    for (auto& [name, type] : types)  // live numbers with a fraction in a column of whole numbers
        if (type == "integer" && !wholeNumbers(columns[name])) type = "float";
    if (report.rows == 0 || (order.empty() && !(*served)->images()))
        return makeError(ErrorCode::InvalidArgument, "the traffic log holds no rows for the model's inputs",
                         trafficFolder(ws, located->model).string());
    Scratch scratch;
    if (!order.empty()) {  // an image model's pictures are compared through its predictions only
        auto live = tableOf(scratch, "traffic", order, columns, types, job);
        if (!live) return live.error();
        auto inputs = compareTables(**reference, **live, job);
        if (!inputs) return inputs.error();
        for (const auto& c : inputs->columns)
            if (types.count(c.column)) report.inputs.columns.push_back(c);
        for (const auto& s : inputs->schemaChanges)
            if (types.count(s.column) && s.change != "removed") report.inputs.schemaChanges.push_back(s);
    }
    auto test = testPredictions(ws, **served, *located);
    if (!test) return test.error();
    report.testRows = test->size();
    const std::string kind = (*served)->classification ? "categorical" : "float";
    auto testTable = tableOf(scratch, "test", {"prediction"}, {{"prediction", *test}}, {{"prediction", kind}}, job);
    if (!testTable) return testTable.error();
    auto liveTable = tableOf(scratch, "live", {"prediction"}, {{"prediction", predicted}}, {{"prediction", kind}}, job);
    if (!liveTable) return liveTable.error();
    auto drift = compareTables(**testTable, **liveTable, job);
    if (!drift) return drift.error();
    if (!drift->columns.empty()) report.predictions = drift->columns.front();
    return report;
}

}  // namespace kiln
