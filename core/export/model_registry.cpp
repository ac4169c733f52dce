#include "core/export/model_registry.h"

#include <nlohmann/json.hpp>

#include "core/base/names.h"
#include "core/export/exporter.h"
#include "core/export/system_evaluation.h"
#include "core/runs/run_store.h"
#include "core/store/sha256.h"
#include "core/store/workspace.h"

namespace kiln {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const char* kVersionSelect =
    "SELECT mv.id, m.name, mv.version, mv.stage, mv.run_id, mv.onnx_path, mv.onnx_sha256, "
    "mv.verification, mv.system_evaluation, mv.created_at, COALESCE(d.name, ''), "
    "COALESCE(dv.version, 0), COALESCE(dv.content_hash, '') "
    "FROM model_versions mv JOIN models m ON m.id = mv.model_id "
    "LEFT JOIN dataset_versions dv ON dv.id = mv.dataset_version_id "
    "LEFT JOIN datasets d ON d.id = dv.dataset_id ";

// The model file a stored onnx_path names in the workspace at `root`. Paths inside the
// workspace are stored relative to it; an absolute one in the registry's own layout
// (…/runs/<run id>/model.onnx, as older Kiln stored them) is read in this workspace, so a copied
// or moved workspace does not point into the old one. Other absolute paths stay as they are.
fs::path modelFile(const fs::path& root, const std::string& stored, const std::string& runId) {
    fs::path p(stored);
    if (p.is_relative()) return root / p;
    fs::path layout = fs::path("runs") / runId / "model.onnx";
    auto tail = std::distance(layout.begin(), layout.end());
    auto size = std::distance(p.begin(), p.end());
    if (size > tail && std::equal(layout.begin(), layout.end(), std::next(p.begin(), size - tail)))
        return root / layout;
    return p;
}

// What to store for `file`: relative to the workspace when inside it, else absolute.
std::string storedPath(const fs::path& root, const fs::path& file) {
    std::error_code ec;
    fs::path base = fs::weakly_canonical(fs::absolute(root, ec), ec);
    fs::path rel = fs::weakly_canonical(fs::absolute(file, ec), ec).lexically_relative(base);
    if (!rel.empty() && *rel.begin() != "..") return rel.generic_string();
    return fs::absolute(file, ec).string();
}

json rowDocument(const Statement& st, const fs::path& root) {
    return {{"name", st.columnText(1)},
            {"version", st.columnInt(2)},
            {"stage", st.columnText(3)},
            {"lineage",
             {{"run_id", st.columnText(4)},
              {"dataset", st.columnText(10)},
              {"dataset_version", st.columnInt(11)},
              {"dataset_version_hash", st.columnText(12)}}},
            {"onnx_path", modelFile(root, st.columnText(5), st.columnText(4)).string()},
            {"onnx_sha256", st.columnText(6)},
            {"verification", json::parse(st.columnText(7), nullptr, false)},
            {"system_evaluation", json::parse(st.columnText(8), nullptr, false)},
            {"created_at", st.columnText(9)}};
}

}  // namespace

Result<ModelRegistry::Ref> ModelRegistry::resolve(const std::string& ref) {
    auto at = ref.find('@');
    Ref r;
    r.model = ref.substr(0, at);
    auto st = m_ws.catalog().prepare(
        "SELECT mv.id, mv.model_id, mv.version, mv.run_id, mv.onnx_path, mv.onnx_sha256, mv.stage "
        "FROM model_versions mv "
        "JOIN models m ON m.id = mv.model_id WHERE m.name = ? AND (? < 0 OR mv.version = ?) "
        "AND (? = '' OR mv.stage = ?) ORDER BY mv.version DESC LIMIT 1");
    if (!st) return st.error();
    std::int64_t version = -1;
    std::string stage;
    if (at != std::string::npos) {
        // Digits only: "m@2x", "m@-1" and "m@+2" name no version (stoll would read 2, -1, 2).
        const std::string digits = ref.substr(at + 1);
        bool number = !digits.empty() && digits.size() <= 18 &&
                      digits.find_first_not_of("0123456789") == std::string::npos;
        if (digits == "production" || digits == "staging")
            stage = digits;
        else if (!number)
            return makeError(ErrorCode::InvalidArgument,
                             "'" + printable(ref) +
                                 "' is not NAME@VERSION (a version number) or NAME@STAGE "
                                 "(staging, production)");
        else
            version = std::stoll(digits);
    }
    if (auto b = st->bind({r.model, version, version, stage, stage}); !b) return b.error();
    auto row = st->step();
    if (!row) return row.error();
    if (!*row)
        return makeError(ErrorCode::NotFound,
                         stage.empty() ? "no model version '" + printable(ref) + "'"
                                       : "model '" + printable(r.model) + "' has no version in " + stage,
                         "see kiln models");
    r.id = st->columnInt(0);
    r.modelId = st->columnInt(1);
    r.version = st->columnInt(2);
    r.runId = st->columnText(3);
    r.onnxPath = modelFile(m_ws.root(), st->columnText(4), r.runId).string();
    r.sha256 = st->columnText(5);
    r.stage = st->columnText(6);
    return r;
}

Result<ModelLocation> ModelRegistry::locate(const std::string& ref) {
    auto r = resolve(ref);
    if (!r) return r.error();
    if (auto st = checkModelFile(*r); !st) return st.error();
    auto doc = versionDocument(r->id);
    if (!doc) return doc.error();
    ModelLocation l;
    l.model = r->model;
    l.version = r->version;
    l.stage = r->stage;
    l.runId = r->runId;
    l.file = r->onnxPath;
    l.sha256 = r->sha256;
    const json& lineage = (*doc)["lineage"];
    l.dataset = lineage.value("dataset", "");
    l.datasetVersion = lineage.value("dataset_version", std::int64_t(0));
    l.datasetHash = lineage.value("dataset_version_hash", "");
    return l;
}

Status ModelRegistry::checkModelFile(const Ref& r) {
    const std::string ref = r.model + "@" + std::to_string(r.version);
    std::error_code ec;
    auto status = fs::symlink_status(r.onnxPath, ec);
    if (!fs::exists(status))
        return makeError(ErrorCode::NotFound, "the model file of " + ref + " is missing",
                         r.onnxPath);
    if (!fs::is_regular_file(status))
        return makeError(ErrorCode::Corrupt, "the model file of " + ref + " is not a regular file",
                         r.onnxPath);
    auto sha = sha256OfFile(r.onnxPath);
    if (!sha) return sha.error();
    if (*sha != r.sha256)
        return makeError(ErrorCode::Corrupt,
                         "the model file of " + ref +
                             " has changed since it was registered (sha256 " + sha->substr(0, 12) +
                             "…, the registry recorded " + r.sha256.substr(0, 12) +
                             "…); register the run again to make a new version",
                         r.onnxPath);
    return {};
}

Result<json> ModelRegistry::versionDocument(std::int64_t id) {
    auto st = m_ws.catalog().prepare(std::string(kVersionSelect) + "WHERE mv.id = ?");
    if (!st) return st.error();
    if (auto b = st->bind({id}); !b) return b.error();
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return makeError(ErrorCode::NotFound, "model version vanished");
    return rowDocument(*st, m_ws.root());
}

Result<json> ModelRegistry::registerRun(const std::string& runId, const std::string& name) {
    if (auto st = checkName(name, "model name"); !st) return st.error();
    if (name.empty() || name.find('@') != std::string::npos)
        return makeError(ErrorCode::InvalidArgument, "a model name must be non-empty and without '@'");
    auto run = RunStore(m_ws.catalog()).get(runId);
    if (!run) {
        if (run.error().code == ErrorCode::NotFound)
            return makeError(ErrorCode::NotFound, "no run '" + runId + "'");
        return run.error();
    }
    if (run->status != RunStatus::Completed)
        return makeError(ErrorCode::InvalidArgument, "run " + runId + " is " +
                                                         runStatusName(run->status) +
                                                         "; only a completed run can be registered");
    auto exported = exportRunIntoWorkspace(m_ws.root(), runId);
    if (!exported) return exported.error();
    auto eval = evaluateSystem(m_ws.root(), runId, exported->file);
    if (!eval) return eval.error();
    auto& c = m_ws.catalog();
    Transaction tx(c);
    if (!tx) return tx.error();
    if (auto st = c.execute("INSERT OR IGNORE INTO models(name) VALUES (?)", {name}); !st)
        return withCause(makeError(ErrorCode::Io, "cannot record the model"), st.error());
    auto mid = c.queryValue("SELECT id FROM models WHERE name = ?", {name});
    auto next = c.queryValue("SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions mv JOIN models m "
                             "ON m.id = mv.model_id WHERE m.name = ?", {name});
    for (const auto* failed : {&mid, &next})
        if (!*failed)
            return withCause(makeError(ErrorCode::Io, "cannot record the model version"),
                             failed->error());
    SqlValue dataset = run->datasetVersionId ? SqlValue(run->datasetVersionId) : SqlValue(nullptr);
    if (auto st = c.execute("INSERT INTO model_versions(model_id, version, run_id, dataset_version_id, "
                            "onnx_path, onnx_sha256, verification, system_evaluation) VALUES "
                            "(?,?,?,?,?,?,?,?)",
                            {*mid, *next, runId, dataset, storedPath(m_ws.root(), exported->file),
                             exported->sha256, exported->verification.toJson().dump(),
                             eval->toJson().dump()});
        !st)
        return withCause(makeError(ErrorCode::Io, "cannot record the model version"), st.error());
    auto id = c.lastInsertId();
    if (auto cm = tx.commit(); !cm) return cm.error();
    return versionDocument(id);
}

Result<json> ModelRegistry::promote(const std::string& ref, const std::string& stage) {
    if (stage != "none" && stage != "staging" && stage != "production" && stage != "archived")
        return makeError(ErrorCode::InvalidArgument,
                         "stage '" + stage + "' is not one of none, staging, production, archived");
    auto r = resolve(ref);
    if (!r) return r.error();
    auto& c = m_ws.catalog();
    Transaction tx(c);
    if (!tx) return tx.error();
    if (stage == "production")
        if (auto st = c.execute("UPDATE model_versions SET stage = 'archived' WHERE model_id = ? "
                                "AND stage = 'production' AND id != ?",
                                {r->modelId, r->id});
            !st)
            return withCause(makeError(ErrorCode::Io, "cannot change stages"), st.error());
    if (auto st = c.execute("UPDATE model_versions SET stage = ? WHERE id = ?", {stage, r->id}); !st)
        return withCause(makeError(ErrorCode::Io, "cannot change the stage"), st.error());
    if (auto cm = tx.commit(); !cm) return cm.error();
    return versionDocument(r->id);
}

Result<json> ModelRegistry::evaluate(const std::string& ref) {
    auto r = resolve(ref);
    if (!r) return r.error();
    if (auto st = checkModelFile(*r); !st) return st.error();
    auto eval = evaluateSystem(m_ws.root(), r->runId, r->onnxPath);
    if (!eval) return eval.error();
    if (auto st = m_ws.catalog().execute(
            "UPDATE model_versions SET system_evaluation = ? WHERE id = ?",
            {eval->toJson().dump(), r->id});
        !st)
        return withCause(makeError(ErrorCode::Io, "cannot store the system evaluation"), st.error());
    return versionDocument(r->id);
}

Result<json> ModelRegistry::list() {
    auto st = m_ws.catalog().prepare(std::string(kVersionSelect) + "ORDER BY m.name, mv.version");
    if (!st) return st.error();
    json models = json::array();
    for (auto row = st->step();; row = st->step()) {
        if (!row) return row.error();
        if (!*row) break;
        json v = rowDocument(*st, m_ws.root());
        if (models.empty() || models.back()["name"] != v["name"])
            models.push_back({{"name", v["name"]}, {"versions", json::array()}});
        models.back()["versions"].push_back(v);
    }
    return json{{"models", models}};
}

}  // namespace kiln
