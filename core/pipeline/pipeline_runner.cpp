// Runs a pipeline's steps in order, reusing what the cache holds, recording each as it goes.
#include "core/pipeline/pipeline_runner.h"

#include <chrono>
#include <ctime>

#include "core/jobs/job_context.h"
#include "core/store/workspace.h"

namespace kiln {

namespace {

using nlohmann::json;

std::string isoNow() {
    const auto now = std::chrono::system_clock::now();
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec, int(ms));
    return buf;
}

// The import outputs of the last run that got past its imports with data (completed or refused):
// what "no new data" is measured against.
std::map<std::string, std::string> lastImportedHashes(PipelineStore& store, const std::string& pipeline) {
    std::map<std::string, std::string> hashes;
    auto runs = store.runs(pipeline, 20);
    if (!runs) return hashes;
    for (const auto& r : *runs) {
        if (r.status != PipelineRunStatus::Completed && r.status != PipelineRunStatus::Refused) continue;
        for (const auto& s : r.steps)
            if (s.kind == "import") hashes[s.name] = s.outputs.value("hash", std::string());
        break;
    }
    return hashes;
}

class Run {
public:
    Run(Workspace& ws, const PipelineSpec& spec, const StepRunners& runners, const PipelineRunOptions& options,
        JobContext& job)
        : m_ws(ws), m_spec(spec), m_runners(runners), m_options(options), m_job(job), m_store(ws.catalog()) {}

    Result<PipelineRunRecord> go() {
        if (auto marked = m_store.markAbandonedRuns(); !marked) return marked.error();
        auto pipelineId = m_store.ensurePipeline(m_spec.name, m_spec.file.string(), m_spec.specHash);
        if (!pipelineId) return pipelineId.error();
        for (std::size_t i = 0; i < m_spec.steps.size(); ++i) {
            StepRecord s;
            s.position = int(i);
            s.name = m_spec.steps[i].name;
            s.kind = m_spec.steps[i].kind;
            m_steps.push_back(s);
        }
        auto runId = m_store.startRun(*pipelineId, m_options.scheduled ? "scheduled" : "manual", m_spec.specHash, m_steps);
        if (!runId) return runId.error();
        m_runId = *runId;
        const auto previous = lastImportedHashes(m_store, m_spec.name);
        for (std::size_t i = 0; i < m_spec.steps.size(); ++i) {
            if (m_end != PipelineRunStatus::Running) {
                if (auto st = skip(i); !st) return st.error();
                continue;
            }
            if (m_job.cancelled()) {
                m_end = PipelineRunStatus::Failed;
                m_message = "cancelled before step '" + m_steps[i].name + "'";
                if (auto st = skip(i); !st) return st.error();
                continue;
            }
            if (auto st = step(i); !st) return st.error();
            if (m_options.scheduled && m_end == PipelineRunStatus::Running && endOfImports(i) && !previous.empty() &&
                importsUnchanged(i, previous)) {
                m_end = PipelineRunStatus::Skipped;
                m_message = "no new data";
            }
        }
        if (m_end == PipelineRunStatus::Running) m_end = PipelineRunStatus::Completed;
        if (auto st = m_store.finishRun(m_runId, m_end, m_message); !st) return st.error();
        auto record = m_store.runs(m_spec.name, 1);
        if (!record) return record.error();
        return record->front();
    }

private:
    bool endOfImports(std::size_t i) const {
        return m_spec.steps[i].kind == "import" &&
               (i + 1 == m_spec.steps.size() || m_spec.steps[i + 1].kind != "import");
    }

    bool importsUnchanged(std::size_t last, const std::map<std::string, std::string>& previous) const {
        for (std::size_t i = 0; i <= last; ++i) {
            if (m_spec.steps[i].kind != "import") continue;
            auto p = previous.find(m_steps[i].name);
            if (p == previous.end() || p->second != m_steps[i].outputs.value("hash", std::string())) return false;
        }
        return true;
    }

    Status save(const StepRecord& s) {
        if (m_options.onStep) m_options.onStep(s);
        return m_store.updateStep(m_runId, s);
    }

    Status skip(std::size_t i) {
        StepRecord& s = m_steps[i];
        s.status = StepStatus::Skipped;
        s.reason = m_end == PipelineRunStatus::Skipped   ? "skipped: no new data"
                   : m_end == PipelineRunStatus::Refused ? "skipped: " + m_message
                                                         : "skipped: an earlier step failed";
        return save(s);
    }

    Status fail(StepRecord& s, const std::string& why) {
        s.status = StepStatus::Failed;
        s.reason = why;
        s.finishedAt = isoNow();
        m_end = PipelineRunStatus::Failed;
        m_message = "step '" + s.name + "' failed: " + why;
        return save(s);
    }

    Status step(std::size_t i) {
        StepRecord& s = m_steps[i];
        s.startedAt = isoNow();
        PlannedStep plan = planStep(m_ws, m_spec, i, m_outputs, m_options.plan);
        s.key = plan.key;
        s.keyParts = plan.keyParts;
        if (plan.action == PlannedStep::Action::Fail) return fail(s, plan.reason);
        if (plan.action == PlannedStep::Action::RunIfChanged)  // an input still unknown: cannot happen in order
            return fail(s, "its input from '" + pendingInput(plan.keyParts) + "' is missing");
        if (plan.action == PlannedStep::Action::Reuse) {
            s.status = StepStatus::Cached;
            s.reason = plan.reason;
            s.outputs = plan.outputs;
            s.finishedAt = isoNow();
            m_outputs[s.name] = s.outputs;
            if (s.kind == "gate" && !s.outputs.value("passed", true)) refuse(s.outputs.value("message", std::string()));
            return save(s);
        }
        s.status = StepStatus::Running;
        s.reason = plan.reason;
        if (auto st = save(s); !st) return st;
        auto runner = m_runners.find(s.kind);
        if (runner == m_runners.end())
            return fail(s, "this program cannot run " + s.kind + " steps (kiln-engine runs every kind)");
        StepContext context{m_ws, m_spec, m_spec.steps[i], m_outputs, m_runId, m_options.scheduled,
                            [this, &s](const std::string& line) {
                                s.log += line + "\n";
                                if (m_options.onLog) m_options.onLog(s, line);
                            }};
        Result<StepOutcome> outcome = makeError(ErrorCode::Internal, "the step gave no outcome");
        try {
            outcome = runner->second(context, m_job);
        } catch (const std::exception& e) {  // a bug in a step fails that step, recorded, not the process
            return fail(s, std::string("internal error: ") + e.what());
        }
        if (!outcome) return fail(s, outcome.error().toString());
        s.status = StepStatus::Ran;
        s.outputs = outcome->outputs;
        s.finishedAt = isoNow();
        m_outputs[s.name] = s.outputs;
        if (outcome->refused) refuse(*outcome->refused);
        return save(s);
    }

    void refuse(const std::string& why) {
        m_end = PipelineRunStatus::Refused;
        m_message = why;
    }

    Workspace& m_ws;
    const PipelineSpec& m_spec;
    const StepRunners& m_runners;
    const PipelineRunOptions& m_options;
    JobContext& m_job;
    PipelineStore m_store;
    std::int64_t m_runId = 0;
    std::vector<StepRecord> m_steps;
    std::map<std::string, json> m_outputs;
    PipelineRunStatus m_end = PipelineRunStatus::Running;
    std::string m_message;
};

}  // namespace

Result<PipelineRunRecord> runPipeline(Workspace& workspace, const PipelineSpec& spec, const StepRunners& runners,
                                      const PipelineRunOptions& options, JobContext& job) {
    return Run(workspace, spec, runners, options, job).go();
}

}  // namespace kiln
