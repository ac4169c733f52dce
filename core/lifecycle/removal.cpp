#include "core/lifecycle/removal.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "core/base/names.h"
#include "core/data/dataset_catalog.h"
#include "core/lifecycle/stars.h"
#include "core/runs/run_store.h"
#include "core/store/workspace.h"
#include "core/sweep/sweep_record.h"

namespace kiln {

namespace fs = std::filesystem;

namespace {

std::string versionLabel(const std::string& dataset, std::int64_t version) {
    return dataset + "@" + std::to_string(version);
}

std::string modelLabel(const std::string& model, std::int64_t version) {
    return model + "@" + std::to_string(version);
}

// The model versions a set of runs or dataset versions were made from.
struct ModelUse {
    PlannedModelVersion version;
    std::int64_t datasetVersionId = 0;
};

Result<std::vector<ModelUse>> modelVersions(Catalog& catalog, const std::string& where,
                                            std::initializer_list<SqlValue> params) {
    return catalog.queryRows<ModelUse>(
        "SELECT mv.id, m.name, mv.version, mv.stage, mv.run_id, COALESCE(mv.dataset_version_id, 0) "
        "FROM model_versions mv JOIN models m ON m.id = mv.model_id " + where +
            " ORDER BY m.name, mv.version",
        params, [](const Statement& st) {
            ModelUse use;
            use.version = {st.columnInt(0), st.columnText(1), st.columnInt(2), st.columnText(3),
                           st.columnText(4)};
            use.datasetVersionId = st.columnInt(5);
            return use;
        });
}

// Gathers a plan: each add* takes one thing and what goes with it, once.
class Planner {
public:
    explicit Planner(Workspace& ws) : m_ws(ws), m_catalog(ws.catalog()) {}

    Status add(const RemovalTarget& target) {
        switch (target.kind) {
        case RemovalKind::Dataset: return addDataset(target.reference);
        case RemovalKind::DatasetVersion: return addVersionReference(target.reference);
        case RemovalKind::Run: return addRunReference(target.reference);
        case RemovalKind::Sweep: return addSweep(target.reference);
        case RemovalKind::Model: return addModel(target.reference);
        }
        return {};
    }

    Result<RemovalPlan> finish() {
        if (auto s = blockActiveRuns(); !s) return s.error();
        if (auto s = blockModelUses(); !s) return s.error();
        if (auto s = emptiedDatasets(); !s) return s.error();
        if (auto s = emptiedModels(); !s) return s.error();
        if (auto s = emptiedSweeps(); !s) return s.error();
        warnAboutStages();
        return std::move(m_plan);
    }

private:
    Status addDataset(const std::string& name) {
        auto versions = DatasetCatalog(m_catalog).versions(name);
        if (!versions) return versions.error();
        if (versions->empty())
            return makeError(ErrorCode::NotFound, "dataset '" + printable(name) + "' has no versions");
        for (const auto& v : *versions)
            if (auto s = addVersion(v); !s) return s;
        return {};
    }

    Status addVersionReference(const std::string& reference) {
        if (reference.find('@') == std::string::npos)
            return makeError(ErrorCode::InvalidArgument,
                             "'" + printable(reference) + "' names no version (NAME@VER)");
        auto v = DatasetCatalog(m_catalog).resolve(reference);
        if (!v) return v.error();
        return addVersion(*v);
    }

    Status addVersion(const DatasetVersion& v) {
        if (!m_versionIds.insert(v.id).second) return {};
        m_plan.versions.push_back({v.id, v.dataset, v.version, v.rows});
        auto runs = RunStore(m_catalog).list({std::nullopt, v.id});
        if (!runs) return runs.error();
        for (const auto& run : *runs)
            if (auto s = addRun(run); !s) return s;
        return {};
    }

    Status addRunReference(const std::string& reference) {
        auto id = RunStore(m_catalog).resolveId(reference);
        if (!id) return id.error();
        auto run = RunStore(m_catalog).get(*id);
        if (!run) return run.error();
        return addRun(*run);
    }

    Status addRun(const StoredRun& run) {
        if (!m_runIds.insert(run.id).second) return {};
        auto starred = isRunStarred(m_catalog, run.id);
        if (!starred) return starred.error();
        m_plan.runs.push_back({run.id, run.name, run.status, *starred});
        if (*starred) {
            RemovalWarning warning;
            warning.reason = RemovalWarning::Reason::StarredRun;
            warning.runId = run.id;
            m_plan.warnings.push_back(warning);
        }
        return {};
    }

    Status addSweep(const std::string& id) {
        auto trials = m_catalog.queryRows<std::string>(
            "SELECT run_id FROM tags WHERE key = 'sweep' AND value = ? ORDER BY run_id", {id},
            [](const Statement& st) { return st.columnText(0); });
        if (!trials) return trials.error();
        std::error_code ec;
        const bool recorded = !id.empty() && id.find('/') == std::string::npos &&
                              fs::is_regular_file(sweepRecordFile(m_ws.root(), id), ec);
        if (trials->empty() && !recorded)
            return makeError(ErrorCode::NotFound, "no sweep '" + printable(id) + "'",
                             "sweeps are recorded in " + (m_ws.root() / "sweeps").string());
        for (const auto& runId : *trials) {
            auto run = RunStore(m_catalog).get(runId);
            if (!run) return run.error();
            if (auto s = addRun(*run); !s) return s;
        }
        if (recorded && m_sweeps.insert(id).second) m_plan.sweeps.push_back(id);
        return {};
    }

    Status addModel(const std::string& reference) {
        const auto at = reference.find('@');
        const std::string name = reference.substr(0, at);
        std::int64_t version = -1;
        if (at != std::string::npos) {
            const std::string digits = reference.substr(at + 1);
            if (digits.empty() || digits.size() > 18 ||
                digits.find_first_not_of("0123456789") != std::string::npos)
                return makeError(ErrorCode::InvalidArgument,
                                 "'" + printable(reference) + "' is not MODEL@VERSION (a version number)");
            version = std::stoll(digits);
        }
        auto uses = modelVersions(m_catalog, "WHERE m.name = ? AND (? < 0 OR mv.version = ?)",
                                  {name, version, version});
        if (!uses) return uses.error();
        if (uses->empty())
            return makeError(ErrorCode::NotFound, "no model version '" + printable(reference) + "'",
                             "see kiln models");
        for (const auto& use : *uses)
            if (m_modelVersionIds.insert(use.version.id).second)
                m_plan.modelVersions.push_back(use.version);
        return {};
    }

    Status blockActiveRuns() {
        for (const auto& run : m_plan.runs)
            if (isActive(run.status)) {
                RemovalBlocker blocker;
                blocker.reason = RemovalBlocker::Reason::RunActive;
                blocker.runId = run.id;
                blocker.status = run.status;
                m_plan.blockers.push_back(blocker);
            }
        return {};
    }

    // A run or version a registered model was made from goes only with that model version.
    Status blockModelUses() {
        auto uses = modelVersions(m_catalog, "", {});
        if (!uses) return uses.error();
        for (const auto& use : *uses) {
            if (m_modelVersionIds.count(use.version.id)) continue;
            RemovalBlocker blocker;
            blocker.runId = use.version.runId;
            blocker.model = use.version.model;
            blocker.modelVersion = use.version.version;
            blocker.stage = use.version.stage;
            if (m_runIds.count(use.version.runId))
                blocker.reason = RemovalBlocker::Reason::RunMadeModel;
            else if (m_versionIds.count(use.datasetVersionId))
                blocker.reason = RemovalBlocker::Reason::VersionTrainedModel;
            else
                continue;
            m_plan.blockers.push_back(blocker);
        }
        return {};
    }

    Status emptiedDatasets() {
        std::map<std::string, std::size_t> planned;
        for (const auto& v : m_plan.versions) ++planned[v.dataset];
        for (const auto& [name, count] : planned) {
            auto all = DatasetCatalog(m_catalog).versions(name);
            if (!all) return all.error();
            if (all->size() == count) m_plan.datasets.push_back(name);
        }
        return {};
    }

    Status emptiedModels() {
        std::map<std::string, std::size_t> planned;
        for (const auto& mv : m_plan.modelVersions) ++planned[mv.model];
        for (const auto& [name, count] : planned) {
            auto all = modelVersions(m_catalog, "WHERE m.name = ?", {name});
            if (!all) return all.error();
            if (all->size() == count) m_plan.models.push_back(name);
        }
        return {};
    }

    // A sweep whose every trial run goes loses its record too.
    Status emptiedSweeps() {
        std::map<std::string, std::size_t> planned;
        for (const auto& run : m_plan.runs) {
            auto sweep = m_catalog.queryRows<std::string>(
                "SELECT value FROM tags WHERE run_id = ? AND key = 'sweep'", {run.id},
                [](const Statement& st) { return st.columnText(0); });
            if (!sweep) return sweep.error();
            for (const auto& id : *sweep) ++planned[id];
        }
        for (const auto& [id, count] : planned) {
            if (m_sweeps.count(id)) continue;
            auto all = m_catalog.queryValue(
                "SELECT COUNT(*) FROM tags WHERE key = 'sweep' AND value = ?", {id});
            if (!all) return all.error();
            std::error_code ec;
            if (std::get<std::int64_t>(*all) == std::int64_t(count) &&
                fs::is_regular_file(sweepRecordFile(m_ws.root(), id), ec) && m_sweeps.insert(id).second)
                m_plan.sweeps.push_back(id);
        }
        return {};
    }

    void warnAboutStages() {
        for (const auto& mv : m_plan.modelVersions)
            if (mv.stage == "production" || mv.stage == "staging") {
                RemovalWarning warning;
                warning.reason = RemovalWarning::Reason::ModelInStage;
                warning.model = mv.model;
                warning.modelVersion = mv.version;
                warning.stage = mv.stage;
                m_plan.warnings.push_back(warning);
            }
    }

    Workspace& m_ws;
    Catalog& m_catalog;
    RemovalPlan m_plan;
    std::set<std::int64_t> m_versionIds, m_modelVersionIds;
    std::set<std::string> m_runIds, m_sweeps;
};

// Inside the removal's transaction: nothing it names started since the plan, and no model
// version outside it uses what it removes.
Status checkStillAllowed(Catalog& catalog, const RemovalPlan& plan) {
    std::set<std::int64_t> modelIds, versionIds;
    std::set<std::string> runIds;
    for (const auto& mv : plan.modelVersions) modelIds.insert(mv.id);
    for (const auto& v : plan.versions) versionIds.insert(v.id);
    for (const auto& run : plan.runs) {
        runIds.insert(run.id);
        auto status = RunStore(catalog).status(run.id);
        if (!status) return status.error();
        if (isActive(*status))
            return makeError(ErrorCode::Busy, "run " + run.id + " started since the removal was planned");
    }
    auto uses = modelVersions(catalog, "", {});
    if (!uses) return uses.error();
    for (const auto& use : *uses)
        if (!modelIds.count(use.version.id) &&
            (runIds.count(use.version.runId) || versionIds.count(use.datasetVersionId)))
            return makeError(ErrorCode::Busy, "model " + modelLabel(use.version.model, use.version.version) +
                                                  " was registered since the removal was planned");
    return {};
}

Status removeRows(Catalog& catalog, const RemovalPlan& plan) {
    for (const auto& mv : plan.modelVersions)
        if (auto s = catalog.execute("DELETE FROM model_versions WHERE id = ?", {mv.id}); !s) return s;
    for (const auto& name : plan.models)
        if (auto s = catalog.execute("DELETE FROM models WHERE name = ? AND NOT EXISTS (SELECT 1 FROM "
                                     "model_versions mv WHERE mv.model_id = models.id)",
                                     {name});
            !s)
            return s;
    for (const auto& run : plan.runs)
        if (auto s = catalog.execute("DELETE FROM runs WHERE id = ?", {run.id}); !s) return s;
    for (const auto& v : plan.versions)
        if (auto s = catalog.execute("DELETE FROM dataset_versions WHERE id = ?", {v.id}); !s) return s;
    for (const auto& name : plan.datasets)
        if (auto s = catalog.execute("DELETE FROM datasets WHERE name = ? AND NOT EXISTS (SELECT 1 FROM "
                                     "dataset_versions v WHERE v.dataset_id = datasets.id)",
                                     {name});
            !s)
            return s;
    return {};
}

}  // namespace

Result<RemovalPlan> planRemoval(Workspace& workspace, const std::vector<RemovalTarget>& targets) {
    Planner planner(workspace);
    for (const auto& target : targets)
        if (auto s = planner.add(target); !s) return s.error();
    return planner.finish();
}

Status applyRemoval(Workspace& workspace, const RemovalPlan& plan) {
    if (!plan.allowed())
        return makeError(ErrorCode::InvalidArgument,
                         "the removal is not allowed: " + describeBlocker(plan.blockers.front()));
    Catalog& catalog = workspace.catalog();
    {
        Transaction tx(catalog);
        if (!tx) return tx.error();
        if (auto s = checkStillAllowed(catalog, plan); !s) return s;
        if (auto s = removeRows(catalog, plan); !s) {
            // A foreign key holds what the plan did not see (a run recorded on a version since).
            Error busy = makeError(ErrorCode::Busy, "the workspace changed since the removal was planned");
            busy.hint = "plan it again";
            return withCause(busy, s.error());
        }
        if (auto s = tx.commit(); !s) return s;
    }
    // The rows are gone: a crash from here leaves folders that `kiln gc` removes.
    std::error_code ec;
    for (const auto& run : plan.runs) fs::remove_all(workspace.runsDir() / run.id, ec);
    for (const auto& id : plan.sweeps) fs::remove(sweepRecordFile(workspace.root(), id), ec);
    return {};
}

std::vector<std::string> describeRemoval(const RemovalPlan& plan) {
    std::vector<std::string> lines;
    for (const auto& name : plan.datasets) lines.push_back("dataset " + name);
    for (const auto& v : plan.versions)
        lines.push_back("dataset version " + versionLabel(v.dataset, v.version) + " (" +
                        std::to_string(v.rows) + " rows)");
    for (const auto& run : plan.runs)
        lines.push_back("run " + run.id + " " + run.name + " (" + runStatusName(run.status) + ")");
    for (const auto& id : plan.sweeps) lines.push_back("sweep " + id);
    for (const auto& name : plan.models) lines.push_back("model " + name);
    for (const auto& mv : plan.modelVersions)
        lines.push_back("model version " + modelLabel(mv.model, mv.version) + " (stage " + mv.stage + ")");
    return lines;
}

std::string describeBlocker(const RemovalBlocker& b) {
    const std::string model = modelLabel(b.model, b.modelVersion);
    const std::string first = " (remove it first: kiln rm model " + model + ")";
    switch (b.reason) {
    case RemovalBlocker::Reason::RunActive:
        return "run " + b.runId + " is " + runStatusName(b.status) + ": cancel it first (kiln cancel " +
               b.runId + ")";
    case RemovalBlocker::Reason::RunMadeModel:
        return "run " + b.runId + " is the source of model " + model + ", stage " + b.stage + first;
    case RemovalBlocker::Reason::VersionTrainedModel:
        return "a dataset version it removes trained model " + model + first;
    }
    return {};
}

std::string describeWarning(const RemovalWarning& w) {
    if (w.reason == RemovalWarning::Reason::StarredRun) return "run " + w.runId + " is starred";
    return "model " + modelLabel(w.model, w.modelVersion) + " is in " + w.stage;
}

}  // namespace kiln
