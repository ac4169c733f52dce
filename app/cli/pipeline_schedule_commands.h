#pragma once

#include <vector>

#include "app/cli/command.h"

namespace kiln::cli {

// `kiln pipeline schedule FILE [--backend systemd|cron] [--kiln PATH]`: installs the schedule the
// file names (a systemd user timer, else a crontab block), prints what it wrote where, the next
// run and, for systemd without lingering, the loginctl command that keeps timers running.
int runPipelineSchedule(const Arguments& args);
// `kiln pipeline unschedule FILE|NAME`: removes it.
int runPipelineUnschedule(const Arguments& args);
// `kiln pipeline list [--json]`: every pipeline of the workspace with its schedule, next, last and
// missed runs.
int runPipelineList(const Arguments& args);

// The options the verbs above add to `kiln pipeline` (--backend, --kiln).
std::vector<OptionSpec> pipelineScheduleOptions();

}  // namespace kiln::cli
