#pragma once

// Internal to core/pipeline/schedule: the two places a schedule can live, behind one interface
// the installer drives (systemd_timer_backend.cpp, crontab_backend.cpp).

#include <memory>
#include <string>

#include "core/base/result.h"
#include "core/pipeline/schedule/schedule_installer.h"
#include "core/pipeline/schedule/schedule_units.h"

namespace kiln {

class CalendarSpec;

class ScheduleBackendImpl {
public:
    virtual ~ScheduleBackendImpl() = default;

    // Whether it can work here; the error says why not.
    virtual Status available() const = 0;
    // The workspace a schedule of `pipeline` already installed here runs in; "" when none.
    virtual Result<std::string> installedWorkspace(const std::string& pipeline) const = 0;
    // Installs or replaces the schedule; fills unit, written, commands (and the cron fields).
    virtual Status install(const ScheduledCommand& command, const CalendarSpec& calendar, ScheduleInstall& out) = 0;
    // Removes it; what it removed and what failed on the way go into `out`.
    virtual Status remove(const std::string& pipeline, ScheduleRemoval& out) = 0;
    // Stops it, keeping it in place.
    virtual Status pause(const std::string& pipeline, const std::string& reason) = 0;
    // The timer unit or "crontab", as pipeline_schedules records it.
    virtual Result<std::string> unitName(const std::string& pipeline) const = 0;
};

std::unique_ptr<ScheduleBackendImpl> makeSystemdBackend(const InstallerEnvironment& env);
std::unique_ptr<ScheduleBackendImpl> makeCronBackend(const InstallerEnvironment& env);

}  // namespace kiln
