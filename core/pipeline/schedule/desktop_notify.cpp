// Desktop notifications for scheduled runs: notify-send, else gdbus, never an error for the run.
#include "core/pipeline/schedule/desktop_notify.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "core/base/logger.h"
#include "core/pipeline/schedule/schedule_process.h"

namespace kiln {

namespace {

constexpr int kTimeoutSeconds = 10;
constexpr int kShownMilliseconds = 10000;

const char* urgencyName(NotifyUrgency u) {
    return u == NotifyUrgency::Low ? "low" : u == NotifyUrgency::Critical ? "critical" : "normal";
}

// A GVariant text-format string, so gdbus reads the text as it is whatever it holds.
std::string gvariantString(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\\' || c == '\'') out += '\\';
        out += c;
    }
    return out + "'";
}

// A job started by cron has no session bus address; the user's bus is usually still there.
std::vector<std::string> withSessionBus(std::vector<std::string> argv) {
    if (std::getenv("DBUS_SESSION_BUS_ADDRESS")) return argv;
    const std::string bus = "/run/user/" + std::to_string(::getuid()) + "/bus";
    std::error_code ec;
    if (!std::filesystem::exists(bus, ec)) return argv;
    argv.insert(argv.begin(), {"env", "DBUS_SESSION_BUS_ADDRESS=unix:path=" + bus});
    return argv;
}

}  // namespace

std::vector<std::string> gdbusNotifyArgv(const std::string& summary, const std::string& body, NotifyUrgency urgency) {
    return {"gdbus", "call", "--session", "--dest", "org.freedesktop.Notifications", "--object-path",
            "/org/freedesktop/Notifications", "--method", "org.freedesktop.Notifications.Notify", "'kiln'", "0", "''",
            gvariantString(summary), gvariantString(body), "[]",
            "{'urgency': <byte " + std::to_string(int(urgency)) + ">}", std::to_string(kShownMilliseconds)};
}

bool notifyDesktop(const std::string& summary, const std::string& body, NotifyUrgency urgency) {
    if (const char* off = std::getenv("KILN_NO_NOTIFY"); off && std::string(off) == "1") return false;
    std::vector<std::string> argv;
    if (findOnPath("notify-send"))
        argv = {"notify-send", "--app-name=Kiln", std::string("--urgency=") + urgencyName(urgency), "--", summary, body};
    else if (findOnPath("gdbus"))
        argv = gdbusNotifyArgv(summary, body, urgency);
    if (argv.empty()) {
        log::warning("no desktop notification (neither notify-send nor gdbus is on PATH): " + summary + ": " + body);
        return false;
    }
    auto r = runTool(withSessionBus(argv), {}, kTimeoutSeconds);
    if (r && r->exitStatus == 0) return true;
    log::warning("no desktop notification (" + argv[0] + ": " + (r ? toolComplaint(*r) : r.error().message) + "): " +
                 summary + ": " + body);
    return false;
}

}  // namespace kiln
