// The pipeline tables of the catalog (migration 7): pipelines, their runs and step runs.
#include "core/pipeline/pipeline_store.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>

#include "core/store/catalog.h"

namespace kiln {

namespace {

using nlohmann::json;

constexpr const char* kStepColumns =
    "s.position, s.name, s.kind, s.status, s.reason, s.key, s.key_parts, s.outputs, s.log, s.started_at, s.finished_at";

json parsedOr(const std::string& text, json fallback) {
    json parsed = json::parse(text, nullptr, false);
    return parsed.is_discarded() ? fallback : parsed;
}

StepRecord readStep(const Statement& st);

// A step with its run's number in column 11.
StepRecord readStepOfRun(const Statement& st) {
    StepRecord s = readStep(st);
    s.runNumber = st.columnInt(11);
    return s;
}

StepRecord readStep(const Statement& st) {
    StepRecord s;
    s.position = int(st.columnInt(0));
    s.name = st.columnText(1);
    s.kind = st.columnText(2);
    s.status = parseStepStatus(st.columnText(3)).value_or(StepStatus::Pending);
    s.reason = st.columnText(4);
    s.key = st.columnText(5);
    s.keyParts = parsedOr(st.columnText(6), json::object());
    s.outputs = parsedOr(st.columnText(7), json::object());
    s.log = st.columnText(8);
    s.startedAt = st.columnText(9);
    s.finishedAt = st.columnText(10);
    return s;
}

std::string now(Catalog& catalog) {
    auto v = catalog.queryValue("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");
    return v && std::holds_alternative<std::string>(*v) ? std::get<std::string>(*v) : std::string();
}

bool processAlive(std::int64_t pid) {
    if (pid <= 0) return false;
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

}  // namespace

const char* stepStatusName(StepStatus s) {
    switch (s) {
    case StepStatus::Pending: return "pending";
    case StepStatus::Running: return "running";
    case StepStatus::Ran: return "ran";
    case StepStatus::Cached: return "cached";
    case StepStatus::Skipped: return "skipped";
    case StepStatus::Failed: return "failed";
    }
    return "pending";
}

std::optional<StepStatus> parseStepStatus(const std::string& text) {
    for (StepStatus s : {StepStatus::Pending, StepStatus::Running, StepStatus::Ran, StepStatus::Cached,
                         StepStatus::Skipped, StepStatus::Failed})
        if (text == stepStatusName(s)) return s;
    return std::nullopt;
}

const char* pipelineRunStatusName(PipelineRunStatus s) {
    switch (s) {
    case PipelineRunStatus::Running: return "running";
    case PipelineRunStatus::Completed: return "completed";
    case PipelineRunStatus::Failed: return "failed";
    case PipelineRunStatus::Refused: return "refused";
    case PipelineRunStatus::Skipped: return "skipped";
    }
    return "running";
}

std::optional<PipelineRunStatus> parsePipelineRunStatus(const std::string& text) {
    for (PipelineRunStatus s : {PipelineRunStatus::Running, PipelineRunStatus::Completed, PipelineRunStatus::Failed,
                                PipelineRunStatus::Refused, PipelineRunStatus::Skipped})
        if (text == pipelineRunStatusName(s)) return s;
    return std::nullopt;
}

json PipelineRunRecord::toJson() const {
    json steps = json::array();
    for (const auto& s : this->steps)
        steps.push_back({{"name", s.name},
                         {"kind", s.kind},
                         {"status", stepStatusName(s.status)},
                         {"reason", s.reason},
                         {"key", s.key},
                         {"outputs", s.outputs},
                         {"started_at", s.startedAt},
                         {"finished_at", s.finishedAt}});
    return {{"pipeline", pipeline}, {"run", number},       {"trigger", trigger},
            {"status", pipelineRunStatusName(status)},     {"message", message},
            {"spec_hash", specHash}, {"started_at", startedAt}, {"finished_at", finishedAt},
            {"steps", steps}};
}

Result<std::int64_t> PipelineStore::ensurePipeline(const std::string& name, const std::string& file,
                                                   const std::string& specHash) {
    if (auto st = m_catalog.execute(
            "INSERT INTO pipelines (name, file, spec_hash) VALUES (?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET file = excluded.file, spec_hash = excluded.spec_hash",
            {name, file, specHash});
        !st)
        return st.error();
    auto id = m_catalog.queryValue("SELECT id FROM pipelines WHERE name = ?", {name});
    if (!id) return id.error();
    return std::get<std::int64_t>(*id);
}

Result<std::int64_t> PipelineStore::startRun(std::int64_t pipelineId, const std::string& trigger,
                                             const std::string& specHash, const std::vector<StepRecord>& steps) {
    Transaction tx(m_catalog);
    if (!tx) return tx.error();
    auto next = m_catalog.queryValue("SELECT COALESCE(MAX(number), 0) + 1 FROM pipeline_runs WHERE pipeline_id = ?",
                                     {pipelineId});
    if (!next) return next.error();
    if (auto st = m_catalog.execute(
            "INSERT INTO pipeline_runs (pipeline_id, number, trigger, spec_hash, pid) VALUES (?, ?, ?, ?, ?)",
            {pipelineId, std::get<std::int64_t>(*next), trigger, specHash, std::int64_t(::getpid())});
        !st)
        return st.error();
    const std::int64_t runId = m_catalog.lastInsertId();
    for (const auto& s : steps)
        if (auto st = m_catalog.execute(
                "INSERT INTO pipeline_steps (run_id, position, name, kind, status, reason, key, key_parts) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                {runId, std::int64_t(s.position), s.name, s.kind, stepStatusName(s.status), s.reason, s.key,
                 s.keyParts.dump()});
            !st)
            return st.error();
    if (auto st = tx.commit(); !st) return st.error();
    return runId;
}

Status PipelineStore::updateStep(std::int64_t runId, const StepRecord& s) {
    return m_catalog.execute(
        "UPDATE pipeline_steps SET status = ?, reason = ?, key = ?, key_parts = ?, outputs = ?, log = ?, "
        "started_at = ?, finished_at = ? WHERE run_id = ? AND position = ?",
        {stepStatusName(s.status), s.reason, s.key, s.keyParts.dump(), s.outputs.dump(), s.log, s.startedAt,
         s.finishedAt, runId, std::int64_t(s.position)});
}

Status PipelineStore::finishRun(std::int64_t runId, PipelineRunStatus status, const std::string& message) {
    return m_catalog.execute(
        "UPDATE pipeline_runs SET status = ?, message = ?, finished_at = ? WHERE id = ?",
        {pipelineRunStatusName(status), message, now(m_catalog), runId});
}

Result<StepRecord> PipelineStore::cachedStep(const std::string& pipeline, const std::string& name,
                                             const std::string& key) {
    auto rows = m_catalog.queryRows<StepRecord>(
        std::string("SELECT ") + kStepColumns +
            ", r.number FROM pipeline_steps s JOIN pipeline_runs r ON r.id = s.run_id JOIN pipelines p ON p.id = r.pipeline_id "
            "WHERE p.name = ? AND s.name = ? AND s.key = ? AND s.status IN ('ran', 'cached') "
            "ORDER BY r.number DESC LIMIT 1",
        {pipeline, name, key}, readStepOfRun);
    if (!rows) return rows.error();
    if (rows->empty()) return makeError(ErrorCode::NotFound, "no reusable output of step " + name);
    return rows->front();
}

Result<StepRecord> PipelineStore::lastStep(const std::string& pipeline, const std::string& name) {
    auto rows = m_catalog.queryRows<StepRecord>(
        std::string("SELECT ") + kStepColumns +
            ", r.number FROM pipeline_steps s JOIN pipeline_runs r ON r.id = s.run_id JOIN pipelines p ON p.id = r.pipeline_id "
            "WHERE p.name = ? AND s.name = ? AND s.status IN ('ran', 'cached', 'failed') "
            "ORDER BY r.number DESC LIMIT 1",
        {pipeline, name}, readStepOfRun);
    if (!rows) return rows.error();
    if (rows->empty()) return makeError(ErrorCode::NotFound, "step " + name + " never ran");
    return rows->front();
}

Result<std::vector<PipelineRunRecord>> PipelineStore::runs(const std::string& pipeline, int limit) {
    auto records = m_catalog.queryRows<PipelineRunRecord>(
        "SELECT r.id, p.name, r.number, r.trigger, r.status, r.message, r.spec_hash, r.started_at, r.finished_at "
        "FROM pipeline_runs r JOIN pipelines p ON p.id = r.pipeline_id WHERE p.name = ? "
        "ORDER BY r.number DESC LIMIT ?",
        {pipeline, std::int64_t(limit > 0 ? limit : -1)}, [](const Statement& st) {
            PipelineRunRecord r;
            r.id = st.columnInt(0);
            r.pipeline = st.columnText(1);
            r.number = st.columnInt(2);
            r.trigger = st.columnText(3);
            r.status = parsePipelineRunStatus(st.columnText(4)).value_or(PipelineRunStatus::Running);
            r.message = st.columnText(5);
            r.specHash = st.columnText(6);
            r.startedAt = st.columnText(7);
            r.finishedAt = st.columnText(8);
            return r;
        });
    if (!records) return records.error();
    for (auto& r : *records) {
        auto steps = m_catalog.queryRows<StepRecord>(
            std::string("SELECT ") + kStepColumns + " FROM pipeline_steps s WHERE s.run_id = ? ORDER BY s.position",
            {r.id}, readStep);
        if (!steps) return steps.error();
        r.steps = std::move(*steps);
    }
    return records;
}

Result<PipelineRunRecord> PipelineStore::run(const std::string& pipeline, std::int64_t number) {
    auto all = runs(pipeline);
    if (!all) return all.error();
    for (auto& r : *all)
        if (r.number == number) return r;
    return makeError(ErrorCode::NotFound, "pipeline " + pipeline + " has no run " + std::to_string(number));
}

Result<PipelineRunRecord> PipelineStore::lastRun(const std::string& pipeline) {
    auto newest = runs(pipeline, 1);
    if (!newest) return newest.error();
    if (newest->empty()) return makeError(ErrorCode::NotFound, "pipeline " + pipeline + " never ran");
    return newest->front();
}

Result<int> PipelineStore::consecutiveFailures(const std::string& pipeline) {
    auto statuses = m_catalog.queryRows<std::string>(
        "SELECT r.status FROM pipeline_runs r JOIN pipelines p ON p.id = r.pipeline_id WHERE p.name = ? "
        "AND r.status != 'running' ORDER BY r.number DESC",
        {pipeline}, [](const Statement& st) { return st.columnText(0); });
    if (!statuses) return statuses.error();
    int n = 0;
    for (const auto& s : *statuses) {
        if (s != "failed") break;
        ++n;
    }
    return n;
}

Result<std::vector<std::pair<std::string, std::string>>> PipelineStore::pipelines() {
    return m_catalog.queryRows<std::pair<std::string, std::string>>(
        "SELECT name, file FROM pipelines ORDER BY name", {},
        [](const Statement& st) { return std::make_pair(st.columnText(0), st.columnText(1)); });
}

Result<int> PipelineStore::markAbandonedRuns() {
    auto running = m_catalog.queryRows<std::pair<std::int64_t, std::int64_t>>(
        "SELECT id, pid FROM pipeline_runs WHERE status = 'running'", {},
        [](const Statement& st) { return std::make_pair(st.columnInt(0), st.columnInt(1)); });
    if (!running) return running.error();
    int marked = 0;
    for (const auto& [id, pid] : *running) {
        if (processAlive(pid)) continue;
        const std::string why = "the pipeline process ended while this step ran";
        if (auto st = m_catalog.execute(
                "UPDATE pipeline_steps SET status = 'failed', reason = ?, finished_at = ? "
                "WHERE run_id = ? AND status = 'running'",
                {why, now(m_catalog), id});
            !st)
            return st.error();
        if (auto st = finishRun(id, PipelineRunStatus::Failed, "the pipeline process ended before the run did"); !st)
            return st.error();
        ++marked;
    }
    return marked;
}

}  // namespace kiln
