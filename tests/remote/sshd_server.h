#pragma once

// A real OpenSSH server for the remote tests: /usr/sbin/sshd on 127.0.0.1 on a free port, with a
// temporary host key, a temporary user key in its authorized_keys, StrictModes no, running as the
// current user. Started by the constructor, stopped by the destructor.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>

#include "temp_dir.h"

namespace kiln::test {

inline std::string shellOutput(const std::string& command) {
    std::string out;
    FILE* p = ::popen(command.c_str(), "r");
    if (!p) return out;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    ::pclose(p);
    return out;
}

class SshServer {
public:
    SshServer() {
        ::mkdir("/run/sshd", 0755);  // sshd refuses to start without its privilege-separation dir
        m_port = freePort();
        makeKey("hostkey");
        makeKey("userkey");
        std::filesystem::copy_file(m_dir / "userkey.pub", m_dir / "authorized_keys");
        std::ofstream cfg(m_dir / "sshd_config");
        cfg << "Port " << m_port << "\nListenAddress 127.0.0.1\n"
            << "HostKey " << (m_dir / "hostkey").string() << "\n"
            << "AuthorizedKeysFile " << (m_dir / "authorized_keys").string() << "\n"
            << "PidFile none\nStrictModes no\nPasswordAuthentication no\n"
            << "KbdInteractiveAuthentication no\nPubkeyAuthentication yes\n"
            << "PermitRootLogin prohibit-password\nUsePAM no\nLogLevel ERROR\n"
            << "MaxStartups 100\nMaxSessions 100\n";
        cfg.close();
        start();
    }
    ~SshServer() { stop(); }

    int port() const { return m_port; }
    std::string user() const {
        const char* u = std::getenv("USER");
        return u && *u ? u : shellOutput("id -un").substr(0, shellOutput("id -un").size() - 1);
    }
    std::string target() const { return user() + "@127.0.0.1:" + std::to_string(m_port); }
    std::filesystem::path identity() const { return m_dir / "userkey"; }
    const std::filesystem::path& dir() const { return m_dir.path(); }
    // "SHA256:…" of the current host key.
    std::string fingerprint() const {
        std::string line = shellOutput("ssh-keygen -lf '" + (m_dir / "hostkey.pub").string() + "'");
        auto a = line.find(' ');
        return line.substr(a + 1, line.find(' ', a + 1) - a - 1);
    }
    // Restarts on the same port with a new host key (a reinstalled host, or an attacker).
    void changeHostKey() {
        stop();
        std::filesystem::remove(m_dir / "hostkey");
        std::filesystem::remove(m_dir / "hostkey.pub");
        makeKey("hostkey");
        start();
    }

    void start() {
        m_pid = ::fork();
        if (m_pid == 0) {
            ::execl("/usr/sbin/sshd", "/usr/sbin/sshd", "-D", "-f", (m_dir / "sshd_config").c_str(), "-E",
                    (m_dir / "sshd.log").c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        for (int i = 0; i < 200; ++i) {  // up to 10 s for it to listen
            if (canConnect()) return;
            int status;
            if (::waitpid(m_pid, &status, WNOHANG) == m_pid)
                throw std::runtime_error("sshd did not start: " + shellOutput("cat '" + (m_dir / "sshd.log").string() + "'"));
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        throw std::runtime_error("sshd does not listen");
    }
    void stop() {
        if (m_pid <= 0) return;
        ::kill(m_pid, SIGTERM);
        int status;
        ::waitpid(m_pid, &status, 0);
        m_pid = -1;
    }

private:
    void makeKey(const std::string& name) {
        std::string cmd = "ssh-keygen -q -t ed25519 -N '' -C kiln-test -f '" + (m_dir / name).string() + "'";
        if (std::system(cmd.c_str()) != 0) throw std::runtime_error("ssh-keygen failed");
    }
    static int freePort() {
        int s = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
        socklen_t len = sizeof a;
        ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len);
        ::close(s);
        return ntohs(a.sin_port);
    }
    bool canConnect() const {
        int s = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(std::uint16_t(m_port));
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        bool ok = ::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
        ::close(s);
        return ok;
    }
    TempDir m_dir;
    int m_port = 0;
    pid_t m_pid = -1;
};

}  // namespace kiln::test
