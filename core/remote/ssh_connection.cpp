// The SSH connection: the ssh command line, the shared ControlMaster (started once per host and
// workspace, restarted when it dies) and running remote commands through it.
#include "core/remote/ssh_host.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "core/remote/ssh_process.h"

namespace kiln {

namespace fs = std::filesystem;

SshConnection::SshConnection(SshHost host, fs::path workspaceRoot)
    : m_host(std::move(host)), m_workspace(fs::absolute(std::move(workspaceRoot))) {
    auto t = parseSshTarget(m_host.sshTarget);
    if (t) m_target = *t;
    std::string dir = "/tmp/kiln-ssh-" + std::to_string(::getuid());
    ::mkdir(dir.c_str(), 0700);
    m_controlPath = dir + "/" +
                    shortHash(m_workspace.string() + "\n" + m_host.name + "\n" + m_host.sshTarget +
                              "\n" + m_host.identity);
}

SshConnection::~SshConnection() {
    close();
}

std::vector<std::string> SshConnection::sshArgv(bool forMaster) const {
    auto quoteCfg = [](const std::string& p) { return "\"" + p + "\""; };
    std::string knownHosts = quoteCfg(knownHostsFile().string());
    if (const char* home = std::getenv("HOME"))
        knownHosts += " " + quoteCfg(std::string(home) + "/.ssh/known_hosts");
    std::vector<std::string> argv = {"ssh",
                                     "-o",
                                     "BatchMode=yes",
                                     "-o",
                                     "StrictHostKeyChecking=yes",
                                     "-o",
                                     "UserKnownHostsFile=" + knownHosts,
                                     "-o",
                                     "ControlPath=" + m_controlPath,
                                     "-o",
                                     std::string("ControlMaster=") + (forMaster ? "yes" : "no"),
                                     "-o",
                                     "ConnectTimeout=15",
                                     "-o",
                                     "ServerAliveInterval=5",
                                     "-o",
                                     "ServerAliveCountMax=3"};
    if (m_target.port > 0) {
        argv.push_back("-p");
        argv.push_back(std::to_string(m_target.port));
    }
    if (!m_host.identity.empty()) {
        argv.push_back("-i");
        argv.push_back(m_host.identity);
        argv.push_back("-o");
        argv.push_back("IdentitiesOnly=yes");
    }
    return argv;
}

pid_t SshConnection::masterPid() const {
    auto argv = sshArgv();
    argv.insert(argv.end(), {"-O", "check", m_target.destination()});
    auto r = runProcess(argv, {}, -1, -1, 10);
    if (!r || r->exitStatus != 0) return -1;
    auto pos = r->err.find("pid=");
    if (pos == std::string::npos) return -1;
    return pid_t(std::atoi(r->err.c_str() + pos + 4));
}

namespace {

// An exclusive flock held while a connection checks for, or starts, its host's master.
class MasterLock {
public:
    explicit MasterLock(const std::string& file)
        : m_fd(::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600)) {
        if (m_fd >= 0)
            while (::flock(m_fd, LOCK_EX) != 0 && errno == EINTR) {
            }
    }
    ~MasterLock() {
        if (m_fd >= 0) ::close(m_fd);
    }
    MasterLock(const MasterLock&) = delete;
    MasterLock& operator=(const MasterLock&) = delete;

private:
    int m_fd;
};

// True when `path` is a socket (a master's control socket).
bool isSocket(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISSOCK(st.st_mode);
}

// Forks the master `ssh -N` (argv) in a session of its own, its stderr to `logFd`; the pid, or
// -1 when fork failed (errno says why).
pid_t spawnMaster(const std::vector<std::string>& argv, int logFd) {
    pid_t pid = ::fork();
    if (pid == 0) {
        ::setsid();  // the master outlives a Ctrl-C in the terminal; close() stops it
        int devnull = ::open("/dev/null", O_RDWR);
        ::dup2(devnull, 0);
        ::dup2(devnull, 1);
        ::dup2(logFd, 2);
        for (int fd = 3; fd < 1024; ++fd) ::close(fd);  // hold none of our pipes open
        execArgv(argv);
    }
    return pid;
}

enum class MasterStart { Up, Exited, TimedOut };

// Waits up to 30 s for the master `pid` to open its control socket; a master that is still
// starting then is stopped.
MasterStart waitForMaster(pid_t pid, const std::string& controlPath) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    for (;;) {
        int status = 0;
        if (::waitpid(pid, &status, WNOHANG) == pid) return MasterStart::Exited;
        if (isSocket(controlPath)) return MasterStart::Up;
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid, SIGTERM);
            ::waitpid(pid, &status, 0);
            return MasterStart::TimedOut;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

}  // namespace

Status SshConnection::open() {
    if (auto t = parseSshTarget(m_host.sshTarget); !t) return t.error();
    if (m_open && m_ownMaster > 0 && ::kill(m_ownMaster, 0) != 0) {
        // Our master died (killed, or its link dropped): its socket is stale; start another.
        ::unlink(m_controlPath.c_str());
        m_open = false;
        m_ownMaster = -1;
        ++m_masterRestarts;
    }
    if (m_open && isSocket(m_controlPath)) return {};
    // Connections to one host (threads, processes) take turns here, so that two of them never
    // both start a master on one control path (the loser would linger as a plain `ssh -N`).
    MasterLock lock(m_controlPath + ".lock");
    if (isSocket(m_controlPath)) {
        if (masterPid() > 0) return {};   // another connection's master: share it, it owns it
        ::unlink(m_controlPath.c_str());  // a stale socket from a master that died
    }
    std::error_code ec;
    fs::create_directories(m_workspace / "ssh", ec);
    fs::path log = m_workspace / "ssh" / ("master-" + shortHash(m_controlPath) + ".log");
    int logFd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    auto argv = sshArgv(true);
    argv.insert(argv.end(), {"-N", "-o", "ControlPersist=no", m_target.destination()});
    pid_t pid = spawnMaster(argv, logFd);
    if (logFd >= 0) ::close(logFd);
    if (pid < 0) return makeError(ErrorCode::Io, std::strerror(errno), "fork");
    switch (waitForMaster(pid, m_controlPath)) {
        case MasterStart::Exited:
            return sshFailure(readAllFile(log));
        case MasterStart::TimedOut:
            return makeError(ErrorCode::Io, "the SSH connection did not come up within 30 s",
                             m_host.sshTarget);
        case MasterStart::Up:
            break;
    }
    m_open = true;
    m_ownMaster = pid;
    // The master is our child: reap it whenever it ends so no zombie stays.
    std::thread([pid] {
        int status;
        ::waitpid(pid, &status, 0);
    }).detach();
    return {};
}

void SshConnection::close() {
    if (!m_open) return;
    auto argv = sshArgv();
    argv.insert(argv.end(), {"-O", "exit", m_target.destination()});
    (void)runProcess(argv, {}, -1, -1, 10);
    m_open = false;
    m_ownMaster = -1;
}

Result<SshOutput> SshConnection::runArgv(const std::vector<std::string>& argv,
                                         const std::string& input, int inputFd, int outputFd,
                                         int timeoutSeconds) {
    auto r = runProcess(argv, input, inputFd, outputFd, timeoutSeconds);
    if (!r) return r.error();
    if (r->exitStatus == 255) return sshFailure(r->err);
    return r;
}

Result<SshOutput> SshConnection::run(const std::string& remoteCommand, const std::string& input,
                                     int timeoutSeconds) {
    if (auto st = open(); !st) return st.error();
    auto argv = sshArgv();
    argv.insert(argv.end(), {m_target.destination(), "--", remoteCommand});
    return runArgv(argv, input, -1, -1, timeoutSeconds);
}

Result<std::string> SshConnection::remoteWorkdir() {
    if (!m_workdir.empty()) return m_workdir;
    std::string dir = m_host.workdir.empty() ? std::string(".cache/kiln/remote") : m_host.workdir;
    auto r = run("mkdir -p -- " + shellQuote(dir) + " && cd -- " + shellQuote(dir) + " && pwd -P");
    if (!r) return r.error();
    if (r->exitStatus != 0)
        return makeError(ErrorCode::Io,
                         "cannot create the Kiln folder on the host: " + lastLines(r->err, 2), dir);
    std::string out = r->out;
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    if (out.empty() || out[0] != '/')
        return makeError(ErrorCode::Io, "the host did not report its Kiln folder", dir);
    m_workdir = out;
    return m_workdir;
}

}  // namespace kiln
