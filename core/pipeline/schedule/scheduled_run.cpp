// The end of a scheduled run: notify on failure and promotion, pause after N failures in a row.
#include "core/pipeline/schedule/scheduled_run.h"

#include "core/base/logger.h"
#include "core/pipeline/pipeline_spec.h"
#include "core/pipeline/schedule/desktop_notify.h"
#include "core/pipeline/schedule/schedule_record.h"
#include "core/store/workspace.h"

namespace kiln {

namespace {

std::string plural(int n, const std::string& word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

// Pauses the schedule when this failure is the Nth in a row; the note it adds says so.
Status pauseWhenDue(Catalog& catalog, const PipelineSpec& spec, const std::string& message,
                    const InstallerEnvironment& env, ScheduledRunFollowUp& out) {
    if (out.consecutiveFailures < spec.pauseAfterFailures) return {};
    auto record = ScheduleStore(catalog).find(spec.name);
    if (!record) return record.error();
    if (!*record || (*record)->paused) return {};
    const std::string reason = plural(out.consecutiveFailures, "run") + " failed in a row (the last: " + message + ")";
    out.paused = true;
    out.notes.push_back("the schedule of pipeline " + spec.name + " paused itself: " + reason +
                        "; `kiln pipeline schedule " + spec.file.string() + "` resumes it");
    return ScheduleInstaller(catalog, env).pause(spec.name, reason);
}

// The failure as an error, what followed it (the pause) as a warning.
void logNotes(const std::vector<std::string>& notes) {
    for (std::size_t i = 0; i < notes.size(); ++i) (i == 0 ? log::error : log::warning)(notes[i]);
}

}  // namespace

Result<ScheduledRunFollowUp> followUpScheduledRun(Catalog& catalog, const PipelineSpec& spec, PipelineRunStatus status,
                                                  const std::string& message, const InstallerEnvironment& env) {
    ScheduledRunFollowUp out;
    if (status != PipelineRunStatus::Failed) return out;
    auto failures = PipelineStore(catalog).consecutiveFailures(spec.name);
    if (!failures) return failures.error();
    out.consecutiveFailures = *failures;
    out.notes.push_back("the scheduled run of pipeline " + spec.name + " failed (" +
                        plural(out.consecutiveFailures, "failure") + " in a row): " + message);
    const Status paused = pauseWhenDue(catalog, spec, message, env, out);
    std::string body = message;
    if (out.paused) body += "\n\nThe schedule paused itself after " + plural(out.consecutiveFailures, "failure") +
                            " in a row; `kiln pipeline schedule` resumes it.";
    out.notified = notifyDesktop("Kiln: pipeline " + spec.name + " failed", body, NotifyUrgency::Critical);
    if (!paused) return paused.error();
    return out;
}

Status afterScheduledRun(Catalog& catalog, const PipelineSpec& spec, PipelineRunStatus status, const std::string& message) {
    auto r = followUpScheduledRun(catalog, spec, status, message);
    if (!r) return r.error();
    logNotes(r->notes);
    return {};
}

std::string promotionOf(const PipelineRunRecord& run) {
    for (const auto& step : run.steps) {
        if (step.kind != "promote" || step.status != StepStatus::Ran) continue;
        const auto& o = step.outputs;
        if (!o.contains("model") || !o.contains("version") || o.value("stage", "") == "none") continue;
        return o["model"].get<std::string>() + "@" + std::to_string(o["version"].get<long long>()) + " to " +
               o.value("stage", "production");
    }
    return {};
}

void afterScheduledRun(Workspace& workspace, const PipelineSpec& spec, const PipelineRunRecord& run) {
    try {
        auto r = followUpScheduledRun(workspace.catalog(), spec, run.status, run.message);
        if (!r) log::error("after the scheduled run of pipeline " + spec.name + ": " + r.error().toString());
        else
            logNotes(r->notes);
        if (const std::string promoted = promotionOf(run); !promoted.empty()) {
            log::info("the scheduled run " + std::to_string(run.number) + " of pipeline " + spec.name + " promoted " + promoted);
            notifyDesktop("Kiln: pipeline " + spec.name + " promoted a model",
                          "Run " + std::to_string(run.number) + " promoted " + promoted + ".", NotifyUrgency::Normal);
        }
    } catch (const std::exception& e) {
        // Reached only by a defect; the run itself is recorded already.
        log::error("after the scheduled run of pipeline " + spec.name + ": " + e.what());
    }
}

}  // namespace kiln
