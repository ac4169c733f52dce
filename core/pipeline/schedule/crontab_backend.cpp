// Schedules as a marked block in the user's crontab, read with `crontab -l` and written back
// whole with `crontab -`, every line outside the block kept as it was.
#include "core/pipeline/schedule/calendar_spec.h"
#include "core/pipeline/schedule/schedule_backends.h"
#include "core/pipeline/schedule/schedule_process.h"

namespace kiln {

namespace {

namespace fs = std::filesystem;

class CronBackend : public ScheduleBackendImpl {
public:
    explicit CronBackend(const InstallerEnvironment& env) : m_env(env) {}

    Status available() const override {
        if (findOnPath("crontab")) return {};
        return makeError(ErrorCode::Unsupported, "`crontab` is not on PATH");
    }

    Result<std::string> unitName(const std::string&) const override { return std::string("crontab"); }

    Result<std::string> installedWorkspace(const std::string& pipeline) const override {
        auto crontab = read();
        if (!crontab) return crontab.error();
        auto block = findCronBlock(*crontab, pipeline);
        return block ? cronBlockWorkspace(*block) : std::string();
    }

    Status install(const ScheduledCommand& command, const CalendarSpec& calendar, ScheduleInstall& out) override {
        auto time = calendar.toCron();
        if (!time) return time.error();
        auto block = cronBlock(command, *time);
        if (!block) return block.error();
        std::error_code ec;
        fs::create_directories(command.cronLog.parent_path(), ec);
        if (ec) return makeError(ErrorCode::Io, "cannot make the folder for the schedule's log: " + ec.message(),
                                 command.cronLog.parent_path().string());
        if (auto st = edit([&](const std::string& crontab) { return replaceCronBlock(crontab, command.pipeline, *block); }); !st)
            return st;
        out.unit = "crontab";
        out.cronBlock = *block;
        out.cronLog = command.cronLog;
        out.commands = {"crontab -l", "crontab -"};
        return {};
    }

    Status remove(const std::string& pipeline, ScheduleRemoval& out) override {
        auto crontab = read();
        if (!crontab) return crontab.error();
        if (!findCronBlock(*crontab, pipeline)) {
            out.warnings.push_back("the crontab held no block for pipeline " + pipeline);
            return {};
        }
        auto updated = removeCronBlock(*crontab, pipeline);
        if (!updated) return updated.error();
        if (auto st = write(*updated); !st) return st;
        out.removed.push_back("the block of pipeline " + pipeline + " in the crontab");
        return {};
    }

    Status pause(const std::string& pipeline, const std::string& reason) override {
        return edit([&](const std::string& crontab) -> Result<std::string> {
            auto block = findCronBlock(crontab, pipeline);
            if (!block) return makeError(ErrorCode::NotFound, "the crontab holds no block for pipeline " + pipeline);
            return replaceCronBlock(crontab, pipeline, pausedCronBlock(*block, reason));
        });
    }

private:
    // The user's crontab; a user without one has an empty one.
    Result<std::string> read() const {
        auto r = runTool({"crontab", "-l"}, {}, m_env.timeoutSeconds);
        if (!r) return r.error();
        if (r->exitStatus == 0) return r->out;
        if (r->err.find("no crontab") != std::string::npos) return std::string();
        return makeError(ErrorCode::Io, "`crontab -l` failed: " + toolComplaint(*r));
    }

    Status write(const std::string& text) const {
        auto r = runToolChecked({"crontab", "-"}, text, m_env.timeoutSeconds);
        if (!r) return r.error();
        return {};
    }

    template <class Change>
    Status edit(Change change) const {
        auto crontab = read();
        if (!crontab) return crontab.error();
        auto updated = change(*crontab);
        if (!updated) return updated.error();
        return write(*updated);
    }

    const InstallerEnvironment& m_env;
};

}  // namespace

std::unique_ptr<ScheduleBackendImpl> makeCronBackend(const InstallerEnvironment& env) {
    return std::make_unique<CronBackend>(env);
}

}  // namespace kiln
