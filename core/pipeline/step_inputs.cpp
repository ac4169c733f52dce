// What each kind of step reads, for its cache key, and whether a recorded output is still there.
#include <sys/stat.h>

#include <algorithm>
#include <chrono>

#include "core/data/dataset_catalog.h"
#include "core/data/dataset_source.h"
#include "core/pipeline/pipeline_steps.h"
#include "core/runs/run_store.h"
#include "core/store/catalog.h"
#include "core/store/sha256.h"
#include "core/store/workspace.h"

namespace kiln {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

json pending(const PipelineStep& step) { return {{"pending", step.name}}; }

std::string param(const PipelineStep& step, const std::string& name) {
    auto it = step.params.find(name);
    return it == step.params.end() ? std::string() : paramText(*it);
}

bool flag(const PipelineStep& step, const std::string& name) {
    auto it = step.params.find(name);
    return it != step.params.end() && it->is_boolean() && it->get<bool>();
}

json fileState(const fs::path& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) return {{"file", file.string()}, {"missing", true}};
    return {{"file", file.string()},
            {"size", std::int64_t(st.st_size)},
            {"mtime_ns", std::int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec}};
}

// A folder of images: every file's relative path, size and time, hashed (the import itself hashes
// the content; this only tells whether anything was added, removed or touched).
Result<json> folderState(const fs::path& folder) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return makeError(ErrorCode::NotFound, "no folder " + folder.string());
    std::vector<std::string> entries;
    for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        json state = fileState(it->path());
        state["file"] = fs::relative(it->path(), folder, ec).string();
        entries.push_back(state.dump());
    }
    if (ec) return makeError(ErrorCode::Io, "cannot list " + folder.string() + ": " + ec.message());
    std::sort(entries.begin(), entries.end());
    Sha256 h;
    for (const auto& e : entries) h.update(e + "\n");
    return json{{"folder", folder.string()}, {"files", entries.size()}, {"listing", h.hexDigest()}};
}

Result<json> importInputs(const StepContext& c) {
    const PipelineStep& s = c.step;
    if (!param(s, "db").empty()) {
        // A database is read again on every run; the content hash of what it gave decides
        // whether later steps run.
        const auto now = std::chrono::system_clock::now().time_since_epoch();
        return json{{"db", "read on every run"},
                    {"read_at", std::chrono::duration_cast<std::chrono::milliseconds>(now).count()}};
    }
    if (!param(s, "folder").empty()) return folderState(c.spec.resolve(param(s, "folder")));
    const std::string path = param(s, "path");
    if (path.empty())
        return makeError(ErrorCode::InvalidArgument, "step '" + s.name + "' names no path, folder or db");
    const fs::path resolved = c.spec.resolve(path);
    if (flag(s, "newest") || resolved.string().find_first_of("*?[") != std::string::npos) {
        auto newest = newestMatch(resolved.string());
        if (!newest) return newest.error();
        json state = fileState(*newest);
        state["pattern"] = resolved.string();
        return state;
    }
    std::error_code ec;
    if (fs::is_directory(resolved, ec)) return folderState(resolved);
    json state = fileState(resolved);
    if (state.contains("missing")) return makeError(ErrorCode::NotFound, "no such file " + resolved.string());
    return state;
}

json versionJson(const DatasetVersion& v) {
    return {{"dataset", v.dataset}, {"version", v.version}, {"dataset_version_id", v.id}, {"hash", v.contentHash}};
}

Result<json> datasetVersionById(Workspace& ws, std::int64_t id) {
    auto rows = ws.catalog().queryRows<json>(
        "SELECT d.name, v.version, v.id, v.content_hash FROM dataset_versions v JOIN datasets d ON d.id = v.dataset_id "
        "WHERE v.id = ?",
        {id}, [](const Statement& st) {
            return json{{"dataset", st.columnText(0)}, {"version", st.columnInt(1)},
                        {"dataset_version_id", st.columnInt(2)}, {"hash", st.columnText(3)}};
        });
    if (!rows) return rows.error();
    if (rows->empty()) return makeError(ErrorCode::NotFound, "dataset version " + std::to_string(id) + " is gone");
    return rows->front();
}

// validate's reference: the production model's training data, the dataset's previous version,
// or a named version.
Result<json> referenceInput(const StepContext& c, const json& current) {
    const std::string against = param(c.step, "against");
    if (against.empty()) return json(nullptr);
    if (against == "production") {
        auto production = productionVersion(c.workspace, modelNameFor(c));
        if (!production) return production.error();
        if (production->is_null()) return json(nullptr);
        auto dv = c.workspace.catalog().queryValue(
            "SELECT mv.dataset_version_id FROM model_versions mv JOIN models m ON m.id = mv.model_id "
            "WHERE m.name = ? AND mv.version = ?",
            {(*production)["model"].get<std::string>(), (*production)["version"].get<std::int64_t>()});
        if (!dv || !std::holds_alternative<std::int64_t>(*dv)) return json(nullptr);
        return datasetVersionById(c.workspace, std::get<std::int64_t>(*dv));
    }
    if (against == "previous") {
        if (current.contains("pending")) return current;
        const std::int64_t version = current["version"].get<std::int64_t>();
        if (version <= 1) return json(nullptr);
        auto v = DatasetCatalog(c.workspace.catalog())
                     .resolve(current["dataset"].get<std::string>() + "@" + std::to_string(version - 1));
        if (!v) return v.error();
        return versionJson(*v);
    }
    auto v = DatasetCatalog(c.workspace.catalog()).resolve(against);
    if (!v) return v.error();
    return versionJson(*v);
}

// The train run an export, gate or promote step takes: the train step's output.
json runInput(const StepContext& c) {
    const PipelineStep* train = upstreamStep(c, "train");
    if (!train) return nullptr;
    auto out = c.outputs.find(train->name);
    if (out == c.outputs.end()) return pending(*train);
    return out->second.value("run", std::string());
}

Result<json> modelInput(const StepContext& c) {
    const PipelineStep* promote = upstreamStep(c, "promote");
    if (promote) {
        auto out = c.outputs.find(promote->name);
        if (out == c.outputs.end()) return pending(*promote);
        if (out->second.contains("version")) return out->second;
    }
    return productionVersion(c.workspace, modelNameFor(c));
}

}  // namespace

std::string paramText(const json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
    if (value.is_null()) return "";
    if (value.is_array()) {
        std::string out;
        for (const auto& item : value) out += (out.empty() ? "" : ",") + paramText(item);
        return out;
    }
    return value.dump();
}

const PipelineStep* upstreamStep(const StepContext& c, const std::string& kind) {
    const PipelineStep* nearest = nullptr;
    const std::string from = c.step.params.value("from", std::string());
    for (const auto& s : c.spec.steps) {
        if (&s == &c.step || s.name == c.step.name) break;
        if (!from.empty() && s.name == from && s.kind == kind) return &s;
        if (s.kind == kind) nearest = &s;
    }
    return from.empty() ? nearest : nullptr;
}

Result<json> datasetInput(const StepContext& c, const std::string& parameter) {
    const std::string named = param(c.step, parameter);
    // An earlier import writing that dataset (or named so) gives the version it made.
    for (const auto& s : c.spec.steps) {
        if (s.name == c.step.name) break;
        if (s.kind != "import") continue;
        const std::string writes = param(s, "dataset");
        if (!named.empty() && named != s.name && named != writes) continue;
        auto out = c.outputs.find(s.name);
        return out == c.outputs.end() ? pending(s) : out->second;
    }
    if (named.empty())
        return makeError(ErrorCode::InvalidArgument, "step '" + c.step.name + "' names no dataset and no import step precedes it");
    auto v = DatasetCatalog(c.workspace.catalog()).resolve(named);
    if (!v) return v.error();
    return versionJson(*v);
}

std::string modelNameFor(const StepContext& c) {
    if (auto m = param(c.step, "model"); !m.empty() && c.step.kind != "train") return m.substr(0, m.find('@'));
    for (const auto& s : c.spec.steps)
        if (s.kind == "promote" && !param(s, "model").empty()) return param(s, "model");
    return c.spec.name;
}

Result<json> productionVersion(Workspace& ws, const std::string& model) {
    auto rows = ws.catalog().queryRows<json>(
        "SELECT m.name, mv.version, mv.onnx_sha256, mv.run_id FROM model_versions mv JOIN models m ON m.id = mv.model_id "
        "WHERE m.name = ? AND mv.stage = 'production' ORDER BY mv.version DESC LIMIT 1",
        {model}, [](const Statement& st) {
            return json{{"model", st.columnText(0)}, {"version", st.columnInt(1)}, {"sha256", st.columnText(2)},
                        {"run", st.columnText(3)}};
        });
    if (!rows) return rows.error();
    return rows->empty() ? json(nullptr) : rows->front();
}

Result<json> stepInputs(const StepContext& c) {
    const std::string& kind = c.step.kind;
    if (kind == "import") return importInputs(c);
    if (kind == "validate") {
        auto current = datasetInput(c);
        if (!current) return current.error();
        auto reference = referenceInput(c, *current);
        if (!reference) return reference.error();
        return json{{"dataset", *current}, {"reference", *reference}};
    }
    if (kind == "train") {
        auto current = datasetInput(c);
        if (!current) return current.error();
        return json{{"dataset", *current}};
    }
    if (kind == "gate") {
        auto production = productionVersion(c.workspace, modelNameFor(c));
        if (!production) return production.error();
        return json{{"run", runInput(c)}, {"production", *production}};
    }
    if (kind == "export" || kind == "promote") return json{{"run", runInput(c)}};
    if (kind == "monitor") {
        auto current = datasetInput(c);
        if (!current) return current.error();
        auto model = modelInput(c);
        if (!model) return model.error();
        return json{{"dataset", *current}, {"model", *model}};
    }
    return makeError(ErrorCode::InvalidArgument, "unknown step kind " + kind);
}

Status outputsStillThere(Workspace& ws, const std::string& kind, const json& out) {
    if (kind == "import" || out.contains("dataset_version_id")) {
        if (!out.contains("dataset_version_id")) return {};
        auto v = datasetVersionById(ws, out["dataset_version_id"].get<std::int64_t>());
        if (!v) return makeError(ErrorCode::NotFound, "dataset " + out.value("dataset", std::string()) + " version " +
                                                          std::to_string(out.value("version", 0)) + " was removed");
        if (!ws.objects().contains(out.value("hash", std::string())))
            return makeError(ErrorCode::NotFound, "the stored table of " + out.value("dataset", std::string()) + "@" +
                                                      std::to_string(out.value("version", 0)) + " is gone");
        return {};
    }
    if (kind == "train") {
        const std::string run = out.value("run", std::string());
        auto status = RunStore(ws.catalog()).status(run);
        std::error_code ec;
        if (!status || *status != RunStatus::Completed || !fs::is_directory(ws.runsDir() / run, ec))
            return makeError(ErrorCode::NotFound, "run " + run + " was removed");
        return {};
    }
    if (kind == "export") {
        const std::string file = out.value("file", std::string());
        auto hash = sha256OfFile(file);
        if (!hash) return makeError(ErrorCode::NotFound, "the exported file " + file + " is gone");
        if (*hash != out.value("sha256", std::string()))
            return makeError(ErrorCode::NotFound, "the exported file " + file + " was changed since");
        return {};
    }
    if (kind == "promote") {
        auto n = ws.catalog().queryValue(
            "SELECT COUNT(*) FROM model_versions mv JOIN models m ON m.id = mv.model_id WHERE m.name = ? AND mv.version = ?",
            {out.value("model", std::string()), out.value("version", std::int64_t(0))});
        if (!n || std::get<std::int64_t>(*n) == 0)
            return makeError(ErrorCode::NotFound, "model version " + out.value("model", std::string()) + "@" +
                                                      std::to_string(out.value("version", 0)) + " was removed");
        return {};
    }
    if (kind == "monitor" && out.contains("report")) {
        auto n = ws.catalog().queryValue("SELECT COUNT(*) FROM monitor_reports WHERE id = ?",
                                         {out["report"].get<std::int64_t>()});
        if (!n || std::get<std::int64_t>(*n) == 0) return makeError(ErrorCode::NotFound, "the drift report was removed");
    }
    return {};
}

}  // namespace kiln
