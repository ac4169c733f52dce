// Scheduling pipelines on this machine: which backend, what is already installed, the record in
// the catalog. The backends themselves are systemd_timer_backend.cpp and crontab_backend.cpp.
#include "core/pipeline/schedule/schedule_installer.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

#include "core/base/logger.h"
#include "core/pipeline/pipeline_spec.h"
#include "core/pipeline/schedule/calendar_spec.h"
#include "core/pipeline/schedule/schedule_backends.h"
#include "core/pipeline/schedule/schedule_record.h"
#include "core/pipeline/schedule/schedule_time.h"

namespace kiln {

namespace {

namespace fs = std::filesystem;

std::string environment(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

fs::path homeFolder() {
    if (auto home = environment("HOME"); !home.empty()) return home;
    const passwd* pw = ::getpwuid(::getuid());
    return pw && pw->pw_dir ? pw->pw_dir : "/";
}

std::unique_ptr<ScheduleBackendImpl> makeBackend(ScheduleBackend b, const InstallerEnvironment& env) {
    return b == ScheduleBackend::Systemd ? makeSystemdBackend(env) : makeCronBackend(env);
}

Error noSchedule(const std::string& pipeline) {
    Error e = makeError(ErrorCode::NotFound, "pipeline " + pipeline + " has no schedule in this workspace");
    e.hint = "`kiln pipeline list` shows the scheduled pipelines";
    return e;
}

Result<ScheduleBackend> recordedBackend(const ScheduleRecord& r) {
    auto b = parseScheduleBackend(r.backend);
    if (!b) return makeError(ErrorCode::Corrupt, "pipeline " + r.pipeline + "'s schedule names backend '" + r.backend + "'");
    return *b;
}

Error scheduledElsewhere(const std::string& pipeline, const std::string& workspace) {
    Error e = makeError(ErrorCode::InvalidArgument,
                        "pipeline " + pipeline + " is already scheduled on this machine from workspace " + workspace);
    e.hint = "unschedule it there first (`kiln pipeline unschedule " + pipeline + " --workspace " + workspace +
             "`), or give this pipeline another name";
    return e;
}

Result<CalendarSpec> calendarOf(const PipelineSpec& spec) {
    if (spec.schedule.empty()) {
        Error e = makeError(ErrorCode::InvalidArgument, "pipeline " + spec.name + " has no `schedule:`", spec.file.string());
        e.hint = "add a calendar event to the file, such as `schedule: \"Mon *-*-* 03:00\"` (see systemd.time(7))";
        return e;
    }
    auto calendar = CalendarSpec::parse(spec.schedule);
    if (!calendar) {
        Error e = calendar.error();
        e.context = spec.file.string();
        e.hint = "write it as systemd.time(7) does: \"Mon *-*-* 03:00\", \"Mon..Fri 09:00\", \"*-*-1 00:00\", \"daily\"";
        return e;
    }
    return calendar;
}

}  // namespace

const char* scheduleBackendName(ScheduleBackend backend) {
    return backend == ScheduleBackend::Systemd ? "systemd" : "cron";
}

std::optional<ScheduleBackend> parseScheduleBackend(const std::string& text) {
    if (text == "systemd") return ScheduleBackend::Systemd;
    if (text == "cron") return ScheduleBackend::Cron;
    return std::nullopt;
}

InstallerEnvironment InstallerEnvironment::fromProcess() {
    InstallerEnvironment env;
    const std::string config = environment("XDG_CONFIG_HOME");
    // The XDG base directory spec ignores a relative $XDG_CONFIG_HOME.
    const fs::path configHome = !config.empty() && config[0] == '/' ? fs::path(config) : homeFolder() / ".config";
    env.unitFolder = configHome / "systemd" / "user";
    env.user = environment("USER");
    if (env.user.empty())
        if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_name) env.user = pw->pw_name;
    return env;
}

nlohmann::json ScheduleInstall::toJson() const {
    nlohmann::json files = nlohmann::json::array();
    for (const auto& f : written) files.push_back(f.string());
    nlohmann::json doc = {{"pipeline", pipeline}, {"backend", scheduleBackendName(backend)}, {"calendar", calendar},
                          {"unit", unit}, {"written", files}, {"commands", commands},
                          {"next", next ? nlohmann::json(isoUtc(*next)) : nlohmann::json()}, {"resumed", resumed},
                          {"linger_hint", lingerHint}};
    if (backend == ScheduleBackend::Cron) {
        doc["crontab_block"] = cronBlock;
        doc["log"] = cronLog.string();
    }
    return doc;
}

nlohmann::json ScheduleRemoval::toJson() const {
    return {{"pipeline", pipeline}, {"backend", scheduleBackendName(backend)}, {"removed", removed}, {"warnings", warnings}};
}

ScheduleInstaller::ScheduleInstaller(Catalog& catalog, InstallerEnvironment env)
    : m_catalog(catalog), m_env(std::move(env)) {}

Result<ScheduleBackend> ScheduleInstaller::chooseBackend(std::optional<ScheduleBackend> wanted) const {
    if (wanted) {
        if (auto st = makeBackend(*wanted, m_env)->available(); !st) {
            Error e = st.error();
            e.hint = *wanted == ScheduleBackend::Systemd ? "schedule with --backend cron, or from a login session"
                                                         : "install cron, or schedule with --backend systemd";
            return e;
        }
        return *wanted;
    }
    const Status systemd = makeSystemdBackend(m_env)->available();
    if (systemd) return ScheduleBackend::Systemd;
    const Status cron = makeCronBackend(m_env)->available();
    if (cron) return ScheduleBackend::Cron;
    Error e = makeError(ErrorCode::Unsupported, "neither systemd nor cron can schedule here: " + systemd.error().message +
                                                    ", and " + cron.error().message);
    e.hint = "start `kiln pipeline run FILE --scheduled` from the scheduler you use: it records its runs as scheduled "
             "ones, a run without new data as skipped";
    return e;
}

Result<ScheduleInstall> ScheduleInstaller::install(const PipelineSpec& spec, const ScheduleOptions& options) {
    auto calendar = calendarOf(spec);
    if (!calendar) return calendar.error();
    if (!options.kiln.is_absolute() || !options.workspace.is_absolute())
        return makeError(ErrorCode::InvalidArgument, "a schedule needs the absolute paths of kiln and the workspace");
    auto backend = chooseBackend(options.backend);
    if (!backend) return backend.error();
    ScheduleStore store(m_catalog);
    auto previous = store.find(spec.name);
    if (!previous) return previous.error();
    auto impl = makeBackend(*backend, m_env);
    auto installedIn = impl->installedWorkspace(spec.name);
    if (!installedIn) return installedIn.error();
    if (!installedIn->empty() && fs::path(*installedIn) != options.workspace)
        return scheduledElsewhere(spec.name, *installedIn);
    if (*previous && (*previous)->backend != scheduleBackendName(*backend)) {
        // Moving to the other backend: the old schedule must not run beside the new one.
        ScheduleRemoval removal;
        auto old = recordedBackend(**previous);
        if (!old) return old.error();
        if (auto st = makeBackend(*old, m_env)->remove(spec.name, removal); !st) return st.error();
    }
    ScheduleInstall out;
    out.pipeline = spec.name;
    out.backend = *backend;
    out.calendar = calendar->normalized();
    out.resumed = *previous && (*previous)->paused;
    const ScheduledCommand command{spec.name, options.kiln, spec.file, options.workspace,
                                   options.workspace / "schedules" / (spec.name + ".log")};
    if (auto st = impl->install(command, *calendar, out); !st) return st.error();
    ScheduleRecord record{spec.name, out.calendar, scheduleBackendName(*backend), out.unit, spec.file.string(),
                          spec.pauseAfterFailures, false, "", ""};
    if (auto st = store.save(record, spec.specHash); !st) return st.error();
    out.next = calendar->next(std::time(nullptr));
    log::info("pipeline " + spec.name + " scheduled (" + out.calendar + ") with " + scheduleBackendName(*backend));
    return out;
}

Result<ScheduleRemoval> ScheduleInstaller::unschedule(const std::string& pipeline) {
    ScheduleStore store(m_catalog);
    auto record = store.find(pipeline);
    if (!record) return record.error();
    if (!*record) return noSchedule(pipeline);
    auto backend = recordedBackend(**record);
    if (!backend) return backend.error();
    ScheduleRemoval out;
    out.pipeline = pipeline;
    out.backend = *backend;
    if (auto st = makeBackend(*backend, m_env)->remove(pipeline, out); !st) return st.error();
    if (auto st = store.remove(pipeline); !st) return st.error();
    for (const auto& w : out.warnings) log::warning("unscheduling pipeline " + pipeline + ": " + w);
    return out;
}

Status ScheduleInstaller::pause(const std::string& pipeline, const std::string& reason) {
    ScheduleStore store(m_catalog);
    auto record = store.find(pipeline);
    if (!record) return record.error();
    if (!*record) return noSchedule(pipeline);
    auto backend = recordedBackend(**record);
    if (!backend) return backend.error();
    const Status stopped = makeBackend(*backend, m_env)->pause(pipeline, reason);
    // Recorded paused even when stopping failed: `kiln pipeline list` then says so, and the
    // next scheduled run that fails tries again.
    if (auto st = store.markPaused(pipeline, reason); !st) return st;
    if (!stopped) {
        Error e = stopped.error();
        e.hint = "stop it by hand (`kiln pipeline unschedule " + pipeline + "`)";
        return e;
    }
    log::warning("pipeline " + pipeline + "'s schedule paused: " + reason);
    return {};
}

}  // namespace kiln
