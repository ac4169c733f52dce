// Schedules as systemd user timers: NAME.service and NAME.timer in the user's unit folder,
// enabled through `systemctl --user`, with loginctl asked whether they run while logged out.
#include <fstream>
#include <sstream>

#include "core/pipeline/schedule/calendar_spec.h"
#include "core/pipeline/schedule/schedule_backends.h"
#include "core/pipeline/schedule/schedule_process.h"
#include "core/store/output_file.h"

namespace kiln {

namespace {

namespace fs = std::filesystem;

Status writeUnitFile(const fs::path& file, const std::string& text) {
    auto writer = AtomicFileWriter::create(file);
    if (!writer) return writer.error();
    (*writer)->write(text);
    return (*writer)->commit();
}

std::string readText(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

class SystemdBackend : public ScheduleBackendImpl {
public:
    explicit SystemdBackend(const InstallerEnvironment& env) : m_env(env) {}

    Status available() const override {
        auto r = runTool({"systemctl", "--user", "show-environment"}, {}, m_env.timeoutSeconds);
        if (!r) return r.error();
        if (r->exitStatus != 0)
            return makeError(ErrorCode::Unsupported,
                             "systemd's user manager does not answer (`systemctl --user show-environment`: " +
                                 toolComplaint(*r) + ")");
        return {};
    }

    Result<std::string> unitName(const std::string& pipeline) const override {
        auto base = unitBaseName(pipeline);
        if (!base) return base.error();
        return *base + ".timer";
    }

    Result<std::string> installedWorkspace(const std::string& pipeline) const override {
        auto base = unitBaseName(pipeline);
        if (!base) return base.error();
        const fs::path service = m_env.unitFolder / (*base + ".service");
        std::error_code ec;
        if (!fs::exists(service, ec)) return std::string();
        return unitWorkspace(readText(service));
    }

    Status install(const ScheduledCommand& command, const CalendarSpec& calendar, ScheduleInstall& out) override {
        auto base = unitBaseName(command.pipeline);
        if (!base) return base.error();
        auto service = serviceUnitText(command);
        if (!service) return service.error();
        auto timer = timerUnitText(command.pipeline, calendar.normalized());
        if (!timer) return timer.error();
        std::error_code ec;
        fs::create_directories(m_env.unitFolder, ec);
        if (ec) return makeError(ErrorCode::Io, "cannot make the folder for systemd user units: " + ec.message(),
                                 m_env.unitFolder.string());
        for (const auto& [name, text] : {std::pair{*base + ".service", *service}, std::pair{*base + ".timer", *timer}}) {
            if (auto st = writeUnitFile(m_env.unitFolder / name, text); !st) return st;
            out.written.push_back(m_env.unitFolder / name);
        }
        out.unit = *base + ".timer";
        for (const std::vector<std::string>& argv : {std::vector<std::string>{"systemctl", "--user", "daemon-reload"},
                                                     std::vector<std::string>{"systemctl", "--user", "enable", "--now", out.unit}}) {
            if (auto r = runToolChecked(argv, {}, m_env.timeoutSeconds); !r) return enableFailed(r.error(), out.unit);
            out.commands.push_back(commandText(argv));
        }
        out.lingerHint = lingerHint();
        return {};
    }

    Status remove(const std::string& pipeline, ScheduleRemoval& out) override {
        auto base = unitBaseName(pipeline);
        if (!base) return base.error();
        const std::vector<std::string> disable = {"systemctl", "--user", "disable", "--now", *base + ".timer"};
        if (auto r = runToolChecked(disable, {}, m_env.timeoutSeconds); !r) out.warnings.push_back(r.error().message);
        for (const std::string suffix : {".timer", ".service"}) {
            const fs::path file = m_env.unitFolder / (*base + suffix);
            std::error_code ec;
            if (fs::remove(file, ec)) out.removed.push_back(file.string());
            else if (ec) return makeError(ErrorCode::Io, "cannot remove the unit file: " + ec.message(), file.string());
        }
        const std::vector<std::string> reload = {"systemctl", "--user", "daemon-reload"};
        if (auto r = runToolChecked(reload, {}, m_env.timeoutSeconds); !r) out.warnings.push_back(r.error().message);
        return {};
    }

    Status pause(const std::string& pipeline, const std::string&) override {
        auto timer = unitName(pipeline);
        if (!timer) return timer.error();
        auto r = runToolChecked({"systemctl", "--user", "disable", "--now", *timer}, {}, m_env.timeoutSeconds);
        if (!r) return r.error();
        return {};
    }

private:
    Error enableFailed(Error e, const std::string& timer) const {
        e.context = "systemd user units in " + m_env.unitFolder.string();
        e.hint = "the unit files are written; `systemctl --user status " + timer +
                 "` says more, or schedule with --backend cron";
        return e;
    }

    // Without lingering, the user's manager (and its timers) runs only while the user is logged in.
    std::string lingerHint() const {
        auto r = runTool({"loginctl", "show-user", m_env.user, "--property=Linger"}, {}, m_env.timeoutSeconds);
        if (!r || r->exitStatus != 0 || r->out.find("Linger=no") == std::string::npos) return {};
        return "systemd runs your timers only while you are logged in. To run them while you are logged out "
               "and after a reboot before you log in: loginctl enable-linger " + m_env.user;
    }

    const InstallerEnvironment& m_env;
};

}  // namespace

std::unique_ptr<ScheduleBackendImpl> makeSystemdBackend(const InstallerEnvironment& env) {
    return std::make_unique<SystemdBackend>(env);
}

}  // namespace kiln
