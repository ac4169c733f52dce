#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"

namespace kiln {

// What a schedule starts: `KILN pipeline run FILE --scheduled --workspace WS` in FILE's folder.
// Every path absolute.
struct ScheduledCommand {
    std::string pipeline;              // the pipeline's name (it names the units and the block)
    std::filesystem::path kiln;        // the `kiln` front end
    std::filesystem::path file;        // the pipeline file
    std::filesystem::path workspace;
    std::filesystem::path cronLog;     // cron only: the file its output is appended to

    std::vector<std::string> argv() const;
    std::filesystem::path folder() const { return file.parent_path(); }
};

// "kiln-pipeline-NAME": bytes a unit name cannot hold written \xNN, as systemd-escape does.
// InvalidArgument when the result is longer than a unit name may be.
Result<std::string> unitBaseName(const std::string& pipeline);

// A word as systemd's command lines read it (ExecStart=): as is when plain, else in double quotes
// with \ and " escaped; % doubled (specifiers) and $ doubled (variables) either way.
std::string systemdQuote(const std::string& word);
// A word for sh (cron lines): as is when plain, else in single quotes ('\'' for a quote).
std::string shellWord(const std::string& word);

// The text of kiln-pipeline-NAME.service: Type=oneshot, WorkingDirectory= the file's folder,
// Environment=KILN_WORKSPACE=, ExecStart= the command. InvalidArgument when a path holds a line
// break or another control character (no unit file can say it).
Result<std::string> serviceUnitText(const ScheduledCommand& command);
// The text of kiln-pipeline-NAME.timer: OnCalendar= `calendar` (normalised), Persistent=true (a
// run missed while the machine was off happens at the next boot), Unit= the service.
Result<std::string> timerUnitText(const std::string& pipeline, const std::string& calendar);
// The workspace a service file written by serviceUnitText runs in (its X-KilnWorkspace= line);
// empty when it names none.
std::string unitWorkspace(const std::string& serviceText);

// The crontab block of a pipeline:
//   # kiln pipeline NAME: begin (managed by kiln; edit with kiln pipeline schedule/unschedule)
//   # workspace WS
//   M H DOM MON DOW cd 'FOLDER' && 'KILN' pipeline run … >> 'LOG' 2>&1
//   # kiln pipeline NAME: end
// `cronTime` is CalendarSpec::toCron(). InvalidArgument for a path with a line break.
Result<std::string> cronBlock(const ScheduledCommand& command, const std::string& cronTime);
// `block` with its command commented out and a line saying why: the schedule keeps its place and
// is resumed by writing the block again.
std::string pausedCronBlock(const std::string& block, const std::string& reason);
// The pipeline's block in `crontab` (begin to end line, with its line break), or nullopt.
std::optional<std::string> findCronBlock(const std::string& crontab, const std::string& pipeline);
// The workspace line of a block ("# workspace WS"); empty when none.
std::string cronBlockWorkspace(const std::string& block);
// `crontab` with the pipeline's block replaced by `block`, or `block` appended when there is
// none; every other line stays byte for byte. Corrupt when a begin line has no end line.
Result<std::string> replaceCronBlock(const std::string& crontab, const std::string& pipeline,
                                     const std::string& block);
// `crontab` without the pipeline's block (unchanged when it has none). Corrupt as above.
Result<std::string> removeCronBlock(const std::string& crontab, const std::string& pipeline);

}  // namespace kiln
