#pragma once

#include <ctime>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/result.h"

namespace kiln {

class Catalog;
struct PipelineSpec;

// Where a pipeline's schedule lives on this machine.
enum class ScheduleBackend { Systemd, Cron };
const char* scheduleBackendName(ScheduleBackend backend);  // "systemd", "cron"
std::optional<ScheduleBackend> parseScheduleBackend(const std::string& text);

// What the installer reads from the process: fromProcess() takes $XDG_CONFIG_HOME (else
// ~/.config) for the unit folder and $USER (else the password database) for the user. Tests
// point it at a temporary folder, and put fake systemctl, loginctl and crontab first in $PATH.
struct InstallerEnvironment {
    std::filesystem::path unitFolder;  // systemd user units: …/systemd/user
    std::string user;                  // for `loginctl show-user`
    int timeoutSeconds = 30;           // for each tool it runs

    static InstallerEnvironment fromProcess();
};

// How to schedule: the backend (detected when unset), the `kiln` front end the schedule runs and
// the workspace it runs in, both absolute.
struct ScheduleOptions {
    std::optional<ScheduleBackend> backend;
    std::filesystem::path kiln;
    std::filesystem::path workspace;
};

// What scheduling did, for people and for --json.
struct ScheduleInstall {
    std::string pipeline;
    ScheduleBackend backend = ScheduleBackend::Systemd;
    std::string calendar;                        // normalised
    std::string unit;                            // "kiln-pipeline-NAME.timer", or "crontab"
    std::vector<std::filesystem::path> written;  // the unit files, or the cron log's folder
    std::string cronBlock;                       // cron: the block now in the crontab
    std::filesystem::path cronLog;               // cron: where the runs' output goes
    std::vector<std::string> commands;           // the tools it ran, in order
    std::optional<std::time_t> next;             // the next elapse from now
    bool resumed = false;                        // it had paused itself
    std::string lingerHint;                      // systemd, Linger=no: what to run and why

    nlohmann::json toJson() const;
};

// What unscheduling did.
struct ScheduleRemoval {
    std::string pipeline;
    ScheduleBackend backend = ScheduleBackend::Systemd;
    std::vector<std::string> removed;   // the unit files deleted, or "the block in the crontab"
    std::vector<std::string> warnings;  // a step that failed but did not stop the removal

    nlohmann::json toJson() const;
};

// Installs, removes and pauses pipeline schedules on this machine: systemd user timers when the
// user manager answers (`systemctl --user show-environment`), else a marked block in the user's
// crontab; records each in the workspace's catalog (pipeline_schedules). Tools run without a
// shell, each under a timeout. One thread (the catalog's).
class ScheduleInstaller {
public:
    explicit ScheduleInstaller(Catalog& catalog, InstallerEnvironment env = InstallerEnvironment::fromProcess());

    // `wanted`, checked to work here, or the first that works: systemd, then cron. Unsupported
    // when neither does, saying how to run the pipeline from another scheduler.
    Result<ScheduleBackend> chooseBackend(std::optional<ScheduleBackend> wanted) const;

    // Schedules `spec` (its `schedule:` calendar) or replaces its schedule, resuming it when it
    // had paused itself. systemd: writes NAME.service and NAME.timer into the unit folder,
    // `systemctl --user daemon-reload` and `enable --now NAME.timer`, then asks loginctl about
    // lingering. cron: replaces the pipeline's block in `crontab -l` and feeds it to `crontab -`.
    // InvalidArgument when the file has no schedule or a bad one, or the pipeline is already
    // scheduled here from another workspace; Unsupported when cron cannot say the calendar; Io
    // when a tool fails (its message kept).
    Result<ScheduleInstall> install(const PipelineSpec& spec, const ScheduleOptions& options);

    // Removes the pipeline's schedule: systemd `disable --now`, the unit files, daemon-reload;
    // cron its block. NotFound when the workspace records none.
    Result<ScheduleRemoval> unschedule(const std::string& pipeline);

    // Stops the schedule without removing it (systemd: `disable --now` the timer, cron: the line
    // commented out in its block) and records it paused with `reason`; `kiln pipeline schedule`
    // resumes it. NotFound when the workspace records no schedule.
    Status pause(const std::string& pipeline, const std::string& reason);

    const InstallerEnvironment& environment() const { return m_env; }

private:
    Catalog& m_catalog;
    InstallerEnvironment m_env;
};

}  // namespace kiln
