#include "core/sweep/sweep_launcher.h"

#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/data/table.h"
#include "core/env/environment.h"
#include "core/store/workspace.h"
#include "core/sweep/sweep_record.h"
#include "core/sweep/trial_runner.h"

namespace kiln {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

void countDevices(SweepSpec& sweep) {
    Environment env = captureEnvironment();
    sweep.gpus = env.cudaAvailable ? int(env.gpus.size()) : 0;
    sweep.cpuCores = env.cpuCores;
}

json trialJson(const TrialResult& r) {
    json values = json::object();
    for (const auto& [k, v] : r.assignment) values[k] = v;
    return {{"trial", r.number},
            {"run_id", r.runId},
            {"status", r.status},
            {"value", r.value ? json(*r.value) : json(nullptr)},
            {"params", values},
            {"error", r.error}};
}

json outcomeJson(const std::string& id, const SweepSpec& s, const SweepOutcome& o) {
    json trials = json::array();
    for (const auto& t : o.trials) trials.push_back(trialJson(t));
    return {{"sweep_id", id},
            {"metric", s.metric},
            {"mode", s.maximize ? "max" : "min"},
            {"planned", o.planned},
            {"cancelled", o.cancelled},
            {"parallel", s.effectiveParallel()},
            {"trials", trials},
            {"best", o.best ? trialJson(*o.best) : json(nullptr)}};
}

// Writes sweeps/<id>.json through a temporary file renamed into place: a killed sweep leaves
// the last whole record, never half of one.
void writeRecord(Workspace& ws, const std::string& id, const SweepSpec& s, std::int64_t versionId,
                 const std::string& status, const json& outcome) {
    std::error_code ec;
    auto file = sweepRecordPath(ws, id);
    fs::create_directories(file.parent_path(), ec);
    json doc = {{"spec", json::parse(s.toJson())},
                {"dataset_version_id", versionId},
                {"status", status},
                {"outcome", outcome}};
    auto tmp = file;
    tmp += ".tmp";
    if (std::ofstream(tmp) << doc.dump(2) << "\n") fs::rename(tmp, file, ec);
}

// Keeps sweeps/<id>.json current while the sweep runs: the trials started (with their runs)
// and those finished, so a sweep whose process was killed can be resumed.
class SweepRecorder : public SweepListener {
public:
    SweepRecorder(Workspace& ws, std::string id, const SweepSpec& spec, std::int64_t versionId,
                  SweepListener* next)
        : m_ws(ws), m_id(std::move(id)), m_spec(spec), m_versionId(versionId), m_next(next) {}
    void trialStarted(const Trial& t, const std::string& runId) override {
        if (m_next) m_next->trialStarted(t, runId);
        std::lock_guard<std::mutex> lock(m_mutex);
        m_running[t.number] = runId;
        save();
    }
    void trialProgress(const Trial& t, std::int64_t epoch, double value) override {
        if (m_next) m_next->trialProgress(t, epoch, value);
    }
    void trialFinished(const TrialResult& r, const std::optional<TrialResult>& best) override {
        if (m_next) m_next->trialFinished(r, best);
        std::lock_guard<std::mutex> lock(m_mutex);
        m_running.erase(r.number);
        m_done.push_back(r);
        save();
    }
    // Writes the record once (before the first trial starts).
    void start() {
        std::lock_guard<std::mutex> lock(m_mutex);
        save();
    }

private:
    void save() {
        SweepOutcome partial;
        partial.trials = m_done;
        partial.planned = int(sweepAssignments(m_spec).size());
        json outcome = outcomeJson(m_id, m_spec, partial);
        outcome["running"] = json::object();
        for (const auto& [number, runId] : m_running)
            outcome["running"][std::to_string(number)] = runId;
        writeRecord(m_ws, m_id, m_spec, m_versionId, "running", outcome);
    }
    Workspace& m_ws;
    std::string m_id;
    const SweepSpec& m_spec;
    std::int64_t m_versionId;
    SweepListener* m_next;
    std::mutex m_mutex;
    std::map<int, std::string> m_running;
    std::vector<TrialResult> m_done;
};

}  // namespace

// Whether the sweep varies a knob only the tree families have.
bool sweepsTreeKnobs(const SweepSpec& sweep) {
    for (const auto& p : sweep.params)
        for (const char* knob : {"trees", "max_depth", "learning_rate", "min_child_weight",
                                 "subsample", "colsample", "l1", "l2"})
            if (p.name == knob) return true;
    return false;
}

bool sweepsFamily(const SweepSpec& sweep) {
    for (const auto& p : sweep.params)
        if (p.name == "model") return true;
    return false;
}

Status prepareSweep(Workspace& ws, SweepSpec& sweep) {
    auto table = Table::open(ws.objects(), sweep.base.datasetHash);
    if (!table) return table.error();
    // A sweep compares one family's knobs: "auto" (cross-validating every family per trial)
    // becomes boosted trees when tree knobs are swept, else an MLP.
    RunSpec& base = sweep.base;
    if (base.model.family == "auto" && base.datasetKind != "images" && !sweepsFamily(sweep)) {
        base.model.family = sweepsTreeKnobs(sweep) ? "boosted" : "mlp";
        base.notes.push_back("model auto: a sweep trains " + base.model.family +
                             " in every trial (sweep model=… to compare families)");
    }
    // A swept family takes its own defaults (the worker fills the knobs left at 0).
    const ModelSpec knobs = base.model;
    if (auto st = resolveSpec(base, **table); !st) return st;
    if (sweepsFamily(sweep)) {
        base.model.trees = knobs.trees, base.model.maxDepth = knobs.maxDepth;
        base.model.learningRate = knobs.learningRate, base.model.subsample = knobs.subsample;
        base.model.colsample = knobs.colsample;
    }
    countDevices(sweep);
    return sweep.validate();
}

fs::path sweepRecordPath(Workspace& ws, const std::string& id) {
    return sweepRecordFile(ws.root(), id);
}

Result<RecordedSweep> readSweepForResume(Workspace& ws, const std::string& id) {
    auto file = sweepRecordPath(ws, id);
    std::ifstream in(file);
    if (id.empty() || id.find('/') != std::string::npos || !in)
        return makeError(ErrorCode::NotFound, "no sweep '" + id + "'",
                         "sweeps are recorded in " + (ws.root() / "sweeps").string());
    json doc = json::parse(in, nullptr, false);
    if (!doc.is_object() || !doc.contains("spec"))
        return makeError(ErrorCode::Corrupt, "the sweep's record is not readable", file.string());
    RecordedSweep out;
    out.status = doc.contains("status") && doc["status"].is_string() ? doc["status"].get<std::string>()
                                                                      : std::string();
    if (out.status == "completed")
        return makeError(ErrorCode::InvalidArgument,
                         "sweep " + id + " is complete; nothing to resume",
                         "its outcome is in " + file.string());
    auto spec = SweepSpec::fromJson(doc["spec"].dump());
    if (!spec) return makeError(spec.error().code, spec.error().message, file.string());
    out.spec = std::move(*spec);
    auto version = doc.find("dataset_version_id");
    out.datasetVersionId =
        version != doc.end() && version->is_number_integer() ? version->get<std::int64_t>() : 0;
    countDevices(out.spec);
    if (auto st = out.spec.validate(); !st) return st.error();
    return out;
}

std::string sweepOutcomeJson(const std::string& id, const SweepSpec& sweep,
                             const SweepOutcome& outcome, int indent) {
    return outcomeJson(id, sweep, outcome).dump(indent);
}

Result<SweepOutcome> runSweep(Workspace& ws, const std::string& id, const SweepSpec& sweep,
                              std::int64_t versionId, SweepListener* listener, JobContext& job,
                              const fs::path& kilnPath) {
    LocalTrialRunner runner(ws.root(), versionId, id, sweep.metric, sweep.maximize, sweep.reduce,
                            kilnPath);
    SweepRecorder recorder(ws, id, sweep, versionId, listener);
    recorder.start();
    auto outcome = SweepScheduler(sweep, runner, &recorder).run(job);
    if (!outcome) return outcome.error();
    writeRecord(ws, id, sweep, versionId, outcome->cancelled ? "cancelled" : "completed",
                outcomeJson(id, sweep, *outcome));
    return outcome;
}

}  // namespace kiln
