#pragma once

// What the schedule tests share: environment variables set for one test, executable scripts
// (fake systemctl, loginctl, crontab, notify-send), and systemd-analyze when this machine has it.

#include <sys/stat.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "core/pipeline/schedule/schedule_process.h"
#include "temp_dir.h"

// Sets an environment variable (or unsets it, given nullopt) until the end of the scope.
class ScopedEnv {
public:
    ScopedEnv(std::string name, const std::optional<std::string>& value) : m_name(std::move(name)) {
        if (const char* old = std::getenv(m_name.c_str())) m_old = old;
        if (value) ::setenv(m_name.c_str(), value->c_str(), 1);
        else ::unsetenv(m_name.c_str());
        ::tzset();
    }
    ~ScopedEnv() {
        if (m_old) ::setenv(m_name.c_str(), m_old->c_str(), 1);
        else ::unsetenv(m_name.c_str());
        ::tzset();
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    std::string m_name;
    std::optional<std::string> m_old;
};

inline std::string readText(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline void writeText(const std::filesystem::path& file, const std::string& text) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

// An executable shell script at `file`.
inline void writeScript(const std::filesystem::path& file, const std::string& body) {
    writeText(file, "#!/bin/sh\n" + body);
    ::chmod(file.c_str(), 0755);
}

// A UTC moment from its fields.
inline std::time_t utcTime(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) {
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    return timegm(&tm);
}

// Whether `systemd-analyze` runs here at all.
inline bool haveSystemdAnalyze() { return kiln::findOnPath("systemd-analyze").has_value(); }

// A folder of fake tools for the installer, first in $PATH for the scope. Each fake appends its
// arguments to LOG/NAME.args; crontab keeps its table in crontab.txt ("no crontab" until written).
class FakeTools {
public:
    // `systemdWorks`: whether the fake systemctl answers (else it fails as without a user bus).
    explicit FakeTools(bool systemdWorks, bool withCrontab = true, bool keepSystemPath = true)
        : m_bin(m_dir / "bin"),
          m_path("PATH", m_bin.string() + (keepSystemPath ? ":" + std::string(std::getenv("PATH")) : std::string())) {
        const std::string log = m_dir.path().string();
        writeScript(m_bin / "systemctl", "echo \"$*\" >> '" + log + "/systemctl.args'\n" +
                                             (systemdWorks ? "exit 0\n"
                                                           : "echo 'Failed to connect to bus: No medium found' >&2\nexit 1\n"));
        writeScript(m_bin / "loginctl", "echo \"$*\" >> '" + log + "/loginctl.args'\necho Linger=no\n");
        if (withCrontab)
            writeScript(m_bin / "crontab",
                        "echo \"$*\" >> '" + log + "/crontab.args'\n"
                        "case \"$1\" in\n"
                        "  -l) if [ -f '" + log + "/crontab.txt' ]; then /bin/cat '" + log + "/crontab.txt'; "
                        "else echo \"no crontab for $USER\" >&2; exit 1; fi ;;\n"
                        "  -) /bin/cat > '" + log + "/crontab.txt' ;;\n"
                        "  *) exit 2 ;;\n"
                        "esac\n");
    }

    const std::filesystem::path& bin() const { return m_bin; }
    const std::filesystem::path& dir() const { return m_dir.path(); }
    std::string args(const std::string& tool) const { return readText(m_dir / (tool + ".args")); }
    std::string crontab() const { return readText(m_dir / "crontab.txt"); }
    void setCrontab(const std::string& text) const { writeText(m_dir / "crontab.txt", text); }
    bool hasCrontab() const { return std::filesystem::exists(m_dir / "crontab.txt"); }

private:
    TempDir m_dir;
    std::filesystem::path m_bin;
    ScopedEnv m_path;
};
