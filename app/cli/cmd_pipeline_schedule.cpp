// kiln pipeline schedule|unschedule|list: a pipeline's schedule on this machine (a systemd user
// timer or a crontab block, core/pipeline/schedule), answered by the light front end.
#include <unistd.h>

#include <ctime>
#include <iostream>
#include <sstream>

#include "app/cli/cli_app.h"
#include "app/cli/pipeline_schedule_commands.h"
#include "core/base/names.h"
#include "core/pipeline/pipeline_spec.h"
#include "core/pipeline/schedule/calendar_spec.h"
#include "core/pipeline/schedule/schedule_installer.h"
#include "core/pipeline/schedule/schedule_list.h"
#include "core/pipeline/schedule/schedule_time.h"
#include "core/store/workspace.h"

namespace kiln::cli {

namespace {

namespace fs = std::filesystem;

bool executable(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

// The `kiln` front end a schedule runs: --kiln, else the one beside this executable (kiln-engine
// sits beside it in a build, in libexec/kiln when installed).
Result<fs::path> frontEndPath(const Arguments& args) {
    if (auto given = args.value("kiln")) {
        const fs::path p = fs::absolute(*given).lexically_normal();
        if (executable(p)) return p;
        return makeError(ErrorCode::NotFound, "--kiln " + *given + " is not an executable file");
    }
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return makeError(ErrorCode::Io, "cannot read /proc/self/exe: " + ec.message());
    for (const fs::path& candidate : {self.parent_path() / "kiln", self.parent_path() / ".." / ".." / "bin" / "kiln"})
        if (executable(candidate)) return fs::weakly_canonical(candidate, ec);
    Error e = makeError(ErrorCode::NotFound, "cannot find the kiln executable beside " + self.string());
    e.hint = "name it with --kiln PATH";
    return e;
}

Result<ScheduleOptions> scheduleOptions(const Arguments& args, const Workspace& workspace) {
    ScheduleOptions o;
    if (auto b = args.value("backend")) {
        o.backend = parseScheduleBackend(*b);
        if (!o.backend) return makeError(ErrorCode::InvalidArgument, "--backend is systemd or cron, not '" + *b + "'");
    }
    auto kiln = frontEndPath(args);
    if (!kiln) return kiln.error();
    o.kiln = *kiln;
    o.workspace = fs::absolute(workspace.root()).lexically_normal();
    return o;
}

std::string commandLine(const fs::path& kiln, const PipelineSpec& spec, const fs::path& workspace) {
    return kiln.string() + " pipeline run " + spec.file.string() + " --scheduled --workspace " + workspace.string();
}

void printInstall(const ScheduleInstall& r, const PipelineSpec& spec, const ScheduleOptions& o) {
    const bool systemd = r.backend == ScheduleBackend::Systemd;
    std::cout << "Pipeline " << printable(r.pipeline) << " scheduled " << (systemd ? "with a systemd user timer" : "in your crontab")
              << ": " << r.calendar << (r.resumed ? " (resumed: it had paused itself)" : "") << "\n";
    for (const auto& f : r.written) std::cout << "  wrote  " << printable(f.string()) << "\n";
    for (const auto& c : r.commands) std::cout << "  ran    " << printable(c) << "\n";
    std::cout << "  runs   " << printable(commandLine(o.kiln, spec, o.workspace)) << "\n";
    if (!systemd) {
        std::cout << "  block in the crontab:\n";
        std::istringstream lines(r.cronBlock);
        for (std::string line; std::getline(lines, line);) std::cout << "         " << printable(line) << "\n";
        std::cout << "  log    " << printable(r.cronLog.string()) << "\n";
    }
    std::cout << "Next run: " << (r.next ? formatLocalTime(*r.next) : "never (the calendar does not elapse again)") << "\n";
    std::cout << (systemd ? "Persistent=true: a run missed while the machine was off happens at the next boot.\n"
                          : "Cron does not make up a run missed while the machine was off; `kiln pipeline list` counts them.\n");
    if (!r.lingerHint.empty()) std::cout << "Note: " << printable(r.lingerHint) << "\n";
}

// FILE or NAME: a pipeline file's name, or the name of a pipeline recorded in the workspace.
Result<std::string> pipelineNameOf(const std::string& text) {
    std::error_code ec;
    if (!fs::is_regular_file(text, ec)) return text;
    auto spec = loadPipeline(text);
    if (!spec) return spec.error();
    return spec->name;
}

void printListing(const PipelineListing& l) {
    std::cout << printable(l.pipeline) << "  (" << printable(l.file) << ")\n";
    if (!l.schedule) {
        std::cout << "  schedule  none\n";
    } else {
        const auto& s = *l.schedule;
        std::cout << "  schedule  " << printable(s.calendar) << ", " << s.backend << " (" << printable(s.unit)
                  << "), pauses after " << s.pauseAfter << " failures in a row\n";
        if (s.paused)
            std::cout << "  paused    " << printable(s.pausedReason) << "; `kiln pipeline schedule " << printable(s.file)
                      << "` resumes it\n";
        else
            std::cout << "  next      " << (l.next ? formatLocalTime(*l.next) : "never") << "\n";
    }
    if (l.lastRun)
        std::cout << "  last run  " << l.lastRun->number << " " << l.lastRun->status << " (" << l.lastRun->trigger << "), "
                  << l.lastRun->startedAt << (l.lastRun->message.empty() ? "" : ": " + printable(l.lastRun->message)) << "\n";
    else
        std::cout << "  last run  none\n";
    if (!l.missed.empty()) {
        std::cout << "  missed    " << l.missed.size() << (l.missedMore ? "+" : "") << ":";
        for (auto t : l.missed) std::cout << " " << formatLocalTime(t) << (t == l.missed.back() ? "" : ",");
        std::cout << "\n";
    }
}

}  // namespace

std::vector<OptionSpec> pipelineScheduleOptions() {
    return {{"backend", "systemd|cron", "where the schedule lives (schedule; default: systemd when its user manager answers, else cron)"},
            {"kiln", "PATH", "the kiln executable the schedule starts (schedule; default: the one beside this one)"}};
}

int runPipelineSchedule(const Arguments& args) {
    if (args.positionals.size() != 2)
        return reportUsageError("usage: kiln pipeline schedule FILE [--backend systemd|cron] [--kiln PATH]");
    auto spec = loadPipeline(args.positionals[1]);
    if (!spec) return reportError(spec.error());
    if (spec->schedule.empty()) {
        Error e = makeError(ErrorCode::InvalidArgument, "pipeline " + spec->name + " has no `schedule:`", spec->file.string());
        e.hint = "add one to the file, such as `schedule: \"Mon *-*-* 03:00\"` (a systemd calendar event, systemd.time(7)), "
                 "or run it with `kiln pipeline run FILE`";
        return reportError(e);
    }
    auto workspace = openWorkspace(args, false);
    if (!workspace) return reportError(workspace.error());
    auto options = scheduleOptions(args, **workspace);
    if (!options) return reportError(options.error());
    ScheduleInstaller installer((*workspace)->catalog());
    auto installed = installer.install(*spec, *options);
    if (!installed) return reportError(installed.error());
    if (args.json) std::cout << installed->toJson().dump(2) << "\n";
    else printInstall(*installed, *spec, *options);
    return kExitOk;
}

int runPipelineUnschedule(const Arguments& args) {
    if (args.positionals.size() != 2) return reportUsageError("usage: kiln pipeline unschedule FILE|NAME");
    auto name = pipelineNameOf(args.positionals[1]);
    if (!name) return reportError(name.error());
    auto workspace = openWorkspace(args, false);
    if (!workspace) return reportError(workspace.error());
    auto removed = ScheduleInstaller((*workspace)->catalog()).unschedule(*name);
    if (!removed) return reportError(removed.error());
    if (args.json) {
        std::cout << removed->toJson().dump(2) << "\n";
        return kExitOk;
    }
    std::cout << "Pipeline " << printable(*name) << " unscheduled (" << scheduleBackendName(removed->backend) << ")\n";
    for (const auto& r : removed->removed) std::cout << "  removed  " << printable(r) << "\n";
    for (const auto& w : removed->warnings) std::cout << "  warning  " << printable(w) << "\n";
    return kExitOk;
}

int runPipelineList(const Arguments& args) {
    if (args.positionals.size() != 1) return reportUsageError("usage: kiln pipeline list [--json]");
    auto workspace = openWorkspace(args, false);
    if (!workspace) return reportError(workspace.error());
    auto listing = listPipelines((*workspace)->catalog(), std::time(nullptr));
    if (!listing) return reportError(listing.error());
    if (args.json) {
        nlohmann::json doc = nlohmann::json::array();
        for (const auto& l : *listing) doc.push_back(l.toJson());
        std::cout << nlohmann::json{{"pipelines", doc}}.dump(2) << "\n";
        return kExitOk;
    }
    if (listing->empty()) {
        std::cout << "No pipelines in this workspace yet: `kiln pipeline run FILE` records one.\n";
        return kExitOk;
    }
    for (std::size_t i = 0; i < listing->size(); ++i) {
        if (i) std::cout << "\n";
        printListing((*listing)[i]);
    }
    return kExitOk;
}

}  // namespace kiln::cli
