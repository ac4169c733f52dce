#include "core/remote/ssh_host.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "core/base/names.h"
#include "core/store/catalog.h"
#include "core/store/sha256.h"

namespace kiln {

namespace fs = std::filesystem;

std::string SshTarget::knownHostsName() const {
    if (port == 0 || port == 22) return host;
    return "[" + host + "]:" + std::to_string(port);
}

Result<SshTarget> parseSshTarget(const std::string& target) {
    SshTarget t;
    std::string rest = target;
    auto at = rest.rfind('@');
    if (at != std::string::npos) {
        t.user = rest.substr(0, at);
        rest = rest.substr(at + 1);
    }
    auto colon = rest.rfind(':');
    if (colon != std::string::npos && rest.find(']') == std::string::npos &&
        rest.find(':') == colon) {
        std::string port = rest.substr(colon + 1);
        rest = rest.substr(0, colon);
        if (port.empty() || port.size() > 5 ||
            port.find_first_not_of("0123456789") != std::string::npos || std::stoi(port) == 0 ||
            std::stoi(port) > 65535)
            return makeError(ErrorCode::InvalidArgument, "the SSH port must be 1 to 65535", target);
        t.port = std::stoi(port);
    }
    if (!rest.empty() && rest.front() == '[' && rest.back() == ']')
        rest = rest.substr(1, rest.size() - 2);
    t.host = rest;
    auto bad = [](const std::string& s) {
        if (s.empty()) return false;
        if (s.front() == '-') return true;
        for (unsigned char c : s)
            if (!(std::isalnum(c) || c == '.' || c == '-' || c == '_' || c == ':')) return true;
        return false;
    };
    if (t.host.empty() || bad(t.host) || bad(t.user) ||
        (at != std::string::npos && t.user.empty()))
        return makeError(ErrorCode::InvalidArgument,
                         "the SSH target must be USER@HOST[:PORT] (letters, digits, . - _)",
                         target);
    return t;
}

std::string shellQuote(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    out += "'";
    return out;
}

// ---- catalog records ----

Status validateHostName(const std::string& name) {
    if (auto st = checkName(name, "host name"); !st) return st;
    if (name.empty() || name == "local" || name.size() > 64 || name.front() == '-')
        return makeError(ErrorCode::InvalidArgument,
                         "a host name is 1 to 64 characters, not \"local\", not starting with '-'",
                         name);
    for (unsigned char c : name)
        if (c < 0x20 || c == 0x7f)
            return makeError(ErrorCode::InvalidArgument, "a host name has no control characters");
    return {};
}

Status addHost(Catalog& catalog, const SshHost& host) {
    if (auto st = validateHostName(host.name); !st) return st;
    if (auto t = parseSshTarget(host.sshTarget); !t) return t.error();
    auto settings = nlohmann::json::parse(host.settings, nullptr, false);
    if (!settings.is_object())
        return makeError(ErrorCode::InvalidArgument, "host settings must be a JSON object");
    auto exists = catalog.queryValue("SELECT COUNT(*) FROM hosts WHERE name = ?", {host.name});
    if (!exists) return exists.error();
    if (std::get<std::int64_t>(*exists) > 0)
        return makeError(ErrorCode::InvalidArgument, "a host with this name exists already",
                         host.name);
    auto r = catalog.queryValue(
        "INSERT INTO hosts (name, ssh_target, kiln_path, workdir, identity, settings) "
        "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        {host.name, host.sshTarget, host.kilnPath.empty() ? std::string("kiln") : host.kilnPath,
         host.workdir, host.identity, settings.dump()});
    if (!r) return r.error();
    return {};
}

Result<std::vector<SshHost>> listHosts(Catalog& catalog) {
    auto st = catalog.prepare(
        "SELECT name, ssh_target, kiln_path, workdir, identity, settings FROM hosts ORDER BY name");
    if (!st) return st.error();
    std::vector<SshHost> hosts;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) break;
        SshHost h;
        h.name = st->columnText(0);
        h.sshTarget = st->columnText(1);
        h.kilnPath = st->columnText(2);
        h.workdir = st->columnText(3);
        h.identity = st->columnText(4);
        h.settings = st->columnText(5);
        hosts.push_back(std::move(h));
    }
    return hosts;
}

Result<SshHost> findHost(Catalog& catalog, const std::string& name) {
    auto hosts = listHosts(catalog);
    if (!hosts) return hosts.error();
    for (auto& h : *hosts)
        if (h.name == name) return h;
    return makeError(ErrorCode::NotFound, "no host with this name (see `kiln hosts list`)", name);
}

Status removeHost(Catalog& catalog, const std::string& name) {
    if (auto h = findHost(catalog, name); !h) return h.error();
    auto r = catalog.queryValue("DELETE FROM hosts WHERE name = ? RETURNING id", {name});
    if (!r) return r.error();
    return {};
}

// ---- running ssh ----

namespace {

std::string readAllFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string shortHash(const std::string& s) {
    Sha256 h;
    h.update(s);
    return h.hexDigest().substr(0, 16);
}

std::string lastLines(const std::string& text, int n) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line.find("Warning: Permanently added") == std::string::npos)
            lines.push_back(line);
    std::string out;
    for (std::size_t i = lines.size() > std::size_t(n) ? lines.size() - n : 0; i < lines.size(); ++i)
        out += (out.empty() ? "" : " ") + lines[i];
    return out;
}

[[noreturn]] void execArgv(const std::vector<std::string>& argv) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::signal(SIGPIPE, SIG_DFL);
    ::execvp(args[0], args.data());
    ::_exit(127);
}

}  // namespace

// Runs argv; `input` on its stdin (or `inputFd` when >= 0), stdout captured (or to `outputFd`
// when >= 0), stderr captured. Kills it after `timeoutSeconds`.
Result<SshOutput> runProcess(const std::vector<std::string>& argv, const std::string& input,
                             int inputFd, int outputFd, int timeoutSeconds) {
    ::signal(SIGPIPE, SIG_IGN);
    int in[2] = {-1, -1}, out[2] = {-1, -1}, err[2] = {-1, -1};
    if ((inputFd < 0 && ::pipe2(in, O_CLOEXEC) != 0) ||
        (outputFd < 0 && ::pipe2(out, O_CLOEXEC) != 0) || ::pipe2(err, O_CLOEXEC) != 0)
        return makeError(ErrorCode::Io, std::strerror(errno), "pipe");
    pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(inputFd >= 0 ? inputFd : in[0], 0);
        ::dup2(outputFd >= 0 ? outputFd : out[1], 1);
        ::dup2(err[1], 2);
        execArgv(argv);
    }
    if (in[0] >= 0) ::close(in[0]);
    if (out[1] >= 0) ::close(out[1]);
    ::close(err[1]);
    if (pid < 0) return makeError(ErrorCode::Io, std::strerror(errno), "fork");
    SshOutput result;
    std::size_t written = 0;
    int wfd = in[1];
    if (wfd >= 0) ::fcntl(wfd, F_SETFL, O_NONBLOCK);
    if (wfd >= 0 && input.empty()) {
        ::close(wfd);
        wfd = -1;
    }
    int rout = out[0], rerr = err[0];
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeoutSeconds);
    bool timedOut = false;
    while (rout >= 0 || rerr >= 0) {
        pollfd p[3];
        int n = 0, iout = -1, ierr = -1, iin = -1;
        if (rout >= 0) p[iout = n++] = {rout, POLLIN, 0};
        if (rerr >= 0) p[ierr = n++] = {rerr, POLLIN, 0};
        if (wfd >= 0) p[iin = n++] = {wfd, POLLOUT, 0};
        int ready = ::poll(p, nfds_t(n), 200);
        if (std::chrono::steady_clock::now() > deadline) {
            timedOut = true;
            ::kill(pid, SIGKILL);
            break;
        }
        if (ready <= 0) continue;
        char buf[65536];
        auto drain = [&](int idx, int& fd, std::string& into) {
            if (idx < 0 || !(p[idx].revents & (POLLIN | POLLHUP | POLLERR))) return;
            ssize_t r = ::read(fd, buf, sizeof buf);
            if (r < 0 && errno == EINTR) return;
            if (r <= 0) {
                ::close(fd);
                fd = -1;
            } else
                into.append(buf, std::size_t(r));
        };
        drain(iout, rout, result.out);
        drain(ierr, rerr, result.err);
        if (iin >= 0 && (p[iin].revents & (POLLOUT | POLLERR | POLLHUP))) {
            ssize_t w = ::write(wfd, input.data() + written, input.size() - written);
            if (w > 0) written += std::size_t(w);
            if ((w < 0 && errno != EAGAIN && errno != EINTR) || written == input.size()) {
                ::close(wfd);
                wfd = -1;
            }
        }
    }
    for (int fd : {rout, rerr, wfd})
        if (fd >= 0) ::close(fd);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (timedOut)
        return makeError(ErrorCode::Io,
                         "ssh did not finish within " + std::to_string(timeoutSeconds) + " s");
    result.exitStatus =
        WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127 && result.err.empty())
        result.err = "cannot run " + argv[0];
    return result;
}

SshConnection::SshConnection(SshHost host, fs::path workspaceRoot)
    : m_host(std::move(host)), m_workspace(fs::absolute(std::move(workspaceRoot))) {
    auto t = parseSshTarget(m_host.sshTarget);
    if (t) m_target = *t;
    std::string dir = "/tmp/kiln-ssh-" + std::to_string(::getuid());
    ::mkdir(dir.c_str(), 0700);
    m_controlPath = dir + "/" + shortHash(m_workspace.string() + "\n" + m_host.name + "\n" +
                                          m_host.sshTarget + "\n" + m_host.identity);
}

SshConnection::~SshConnection() {
    close();
}

fs::path SshConnection::knownHostsFile() const {
    return m_workspace / "ssh" / "known_hosts";
}

std::vector<std::string> SshConnection::sshArgv(bool forMaster) const {
    auto quoteCfg = [](const std::string& p) { return "\"" + p + "\""; };
    std::string knownHosts = quoteCfg(knownHostsFile().string());
    if (const char* home = std::getenv("HOME"))
        knownHosts += " " + quoteCfg(std::string(home) + "/.ssh/known_hosts");
    std::vector<std::string> argv = {"ssh",
                                     "-o", "BatchMode=yes",
                                     "-o", "StrictHostKeyChecking=yes",
                                     "-o", "UserKnownHostsFile=" + knownHosts,
                                     "-o", "ControlPath=" + m_controlPath,
                                     "-o", std::string("ControlMaster=") + (forMaster ? "yes" : "no"),
                                     "-o", "ConnectTimeout=15",
                                     "-o", "ServerAliveInterval=5",
                                     "-o", "ServerAliveCountMax=3"};
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

Result<std::vector<std::string>> SshConnection::scanFingerprints() {
    std::vector<std::string> argv = {"ssh-keyscan", "-T", "10"};
    if (m_target.port > 0) {
        argv.push_back("-p");
        argv.push_back(std::to_string(m_target.port));
    }
    argv.push_back("--");
    argv.push_back(m_target.host);
    auto scan = runProcess(argv, {}, -1, -1, 30);
    if (!scan) return scan.error();
    if (scan->out.empty())
        return makeError(ErrorCode::Io, "ssh-keyscan got no host key", m_host.sshTarget);
    auto fp = runProcess({"ssh-keygen", "-l", "-f", "-"}, scan->out, -1, -1, 30);
    if (!fp) return fp.error();
    std::vector<std::string> out;
    std::istringstream lines(fp->out);
    for (std::string line; std::getline(lines, line);) {
        // "256 SHA256:abc [127.0.0.1]:2222 (ED25519)"
        std::istringstream words(line);
        std::string bits, hash, name, type;
        words >> bits >> hash >> name >> type;
        if (type.size() > 2) type = type.substr(1, type.size() - 2);
        if (hash.rfind("SHA256:", 0) == 0) out.push_back(type + " " + hash);
    }
    return out;
}

Error SshConnection::sshFailure(const std::string& err) const {
    bool changed = err.find("REMOTE HOST IDENTIFICATION HAS CHANGED") != std::string::npos;
    bool unknown = err.find("Host key verification failed") != std::string::npos ||
                   err.find("host key is known") != std::string::npos;
    if (changed || unknown) {
        std::string offered;
        auto fps = const_cast<SshConnection*>(this)->scanFingerprints();
        if (fps && !fps->empty()) {
            for (const auto& f : *fps) offered += (offered.empty() ? "" : ", ") + f;
        } else {
            auto pos = err.find("SHA256:");
            offered = pos == std::string::npos ? "an unknown key"
                                               : err.substr(pos, err.find_first_of(" \r\n", pos) - pos);
        }
        std::string fp = offered;
        auto p = offered.find("SHA256:");
        if (p != std::string::npos) fp = offered.substr(p, offered.find_first_of(", ", p) - p);
        if (changed)
            return makeError(
                ErrorCode::InvalidArgument,
                "the host key of " + m_target.knownHostsName() + " has CHANGED: it now offers " +
                    offered +
                    ", which does not match the recorded key. Someone may be intercepting the "
                    "connection (or the host was reinstalled). If you have checked the new key, "
                    "remove the old one (ssh-keygen -R '" + m_target.knownHostsName() + "' -f " +
                    knownHostsFile().string() + ") and run `kiln hosts trust " + m_host.name +
                    " --fingerprint " + fp + "`",
                m_host.name);
        return makeError(ErrorCode::InvalidArgument,
                         "the host key of " + m_target.knownHostsName() + " is not known: it offers " +
                             offered + ". If that is the host's key, run `kiln hosts trust " +
                             m_host.name + " --fingerprint " + fp + "`",
                         m_host.name);
    }
    std::string why = lastLines(err, 2);
    return makeError(ErrorCode::Io,
                     "cannot reach " + m_host.sshTarget + " over SSH" + (why.empty() ? "" : ": " + why),
                     m_host.name);
}

Status SshConnection::trustHostKey(const std::string& fingerprint) {
    std::vector<std::string> argv = {"ssh-keyscan", "-T", "10"};
    if (m_target.port > 0) {
        argv.push_back("-p");
        argv.push_back(std::to_string(m_target.port));
    }
    argv.push_back("--");
    argv.push_back(m_target.host);
    auto scan = runProcess(argv, {}, -1, -1, 30);
    if (!scan) return scan.error();
    std::istringstream lines(scan->out);
    std::string matched;
    std::vector<std::string> seen;
    for (std::string line; std::getline(lines, line);) {
        if (line.empty() || line[0] == '#') continue;
        auto fp = runProcess({"ssh-keygen", "-l", "-f", "-"}, line + "\n", -1, -1, 30);
        if (!fp) return fp.error();
        std::istringstream words(fp->out);
        std::string bits, hash;
        words >> bits >> hash;
        seen.push_back(hash);
        if (hash == fingerprint) matched = line;
    }
    if (matched.empty()) {
        std::string all;
        for (auto& s : seen) all += (all.empty() ? "" : ", ") + s;
        return makeError(ErrorCode::InvalidArgument,
                         "the host offers no key with fingerprint " + fingerprint +
                             (all.empty() ? std::string(" (no key received)") : " (it offers " + all + ")"),
                         m_host.sshTarget);
    }
    std::error_code ec;
    fs::create_directories(knownHostsFile().parent_path(), ec);
    std::ofstream out(knownHostsFile(), std::ios::app);
    out << matched << "\n";
    if (!out) return makeError(ErrorCode::Io, "cannot write", knownHostsFile().string());
    return {};
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

}  // namespace

Status SshConnection::open() {
    if (auto t = parseSshTarget(m_host.sshTarget); !t) return t.error();
    struct stat st {};
    if (m_open && m_ownMaster > 0 && ::kill(m_ownMaster, 0) != 0) {
        // Our master died (killed, or its link dropped): its socket is stale; start another.
        ::unlink(m_controlPath.c_str());
        m_open = false;
        m_ownMaster = -1;
        ++m_masterRestarts;
    }
    if (m_open && ::stat(m_controlPath.c_str(), &st) == 0 && S_ISSOCK(st.st_mode)) return {};
    // Connections to one host (threads, processes) take turns here, so that two of them never
    // both start a master on one control path (the loser would linger as a plain `ssh -N`).
    MasterLock lock(m_controlPath + ".lock");
    if (::stat(m_controlPath.c_str(), &st) == 0 && S_ISSOCK(st.st_mode)) {
        if (masterPid() > 0) return {};  // another connection's master: share it, it owns it
        ::unlink(m_controlPath.c_str());  // a stale socket from a master that died
    }
    std::error_code ec;
    fs::create_directories(m_workspace / "ssh", ec);
    fs::path log = m_workspace / "ssh" / ("master-" + shortHash(m_controlPath) + ".log");
    int logFd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    auto argv = sshArgv(true);
    argv.insert(argv.end(), {"-N", "-o", "ControlPersist=no", m_target.destination()});
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
    if (logFd >= 0) ::close(logFd);
    if (pid < 0) return makeError(ErrorCode::Io, std::strerror(errno), "fork");
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    for (;;) {
        int status = 0;
        if (::waitpid(pid, &status, WNOHANG) == pid) return sshFailure(readAllFile(log));
        if (::stat(m_controlPath.c_str(), &st) == 0 && S_ISSOCK(st.st_mode)) break;
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid, SIGTERM);
            ::waitpid(pid, &status, 0);
            return makeError(ErrorCode::Io, "the SSH connection did not come up within 30 s",
                             m_host.sshTarget);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
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

Status SshConnection::upload(const fs::path& localFile, const std::string& remotePath,
                             const std::string& expectedSha256) {
    if (auto st = open(); !st) return st.error();
    int fd = ::open(localFile.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return makeError(ErrorCode::Io, std::strerror(errno), localFile.string());
    std::string dir = remotePath.substr(0, remotePath.rfind('/'));
    std::string tmp = remotePath + ".part";
    auto argv = sshArgv();
    argv.insert(argv.end(), {m_target.destination(), "--",
                             "mkdir -p -- " + shellQuote(dir) + " && cat > " + shellQuote(tmp) +
                                 (expectedSha256.empty()
                                      ? std::string()
                                      : " && { h=$(sha256sum < " + shellQuote(tmp) +
                                            " | cut -c1-64); [ \"$h\" = " +
                                            shellQuote(expectedSha256) + " ] || { rm -f -- " +
                                            shellQuote(tmp) +
                                            "; echo \"sha256 mismatch after copy: $h\" >&2; "
                                            "exit 3; }; }") +
                                 " && mv -f -- " + shellQuote(tmp) + " " + shellQuote(remotePath)});
    auto r = runArgv(argv, {}, fd, -1, 3600);
    ::close(fd);
    if (!r) return r.error();
    if (r->exitStatus != 0)
        return makeError(ErrorCode::Io, "cannot write on the host: " + lastLines(r->err, 2),
                         remotePath);
    return {};
}

Status SshConnection::download(const std::string& remotePath, const fs::path& localFile) {
    if (auto st = open(); !st) return st.error();
    std::error_code ec;
    fs::create_directories(localFile.parent_path(), ec);
    fs::path tmp = localFile.string() + ".part";
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return makeError(ErrorCode::Io, std::strerror(errno), tmp.string());
    auto argv = sshArgv();
    argv.insert(argv.end(), {m_target.destination(), "--", "cat -- " + shellQuote(remotePath)});
    auto r = runArgv(argv, {}, -1, fd, 3600);
    ::close(fd);
    if (!r || r->exitStatus != 0) {
        fs::remove(tmp, ec);
        if (!r) return r.error();
        return makeError(ErrorCode::Io, "cannot read on the host: " + lastLines(r->err, 2),
                         remotePath);
    }
    fs::rename(tmp, localFile, ec);
    if (ec) return makeError(ErrorCode::Io, ec.message(), localFile.string());
    return {};
}

namespace {

// Sends `data` whole on a socket (no SIGPIPE when the reader went away).
bool sendAll(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data += n;
        size -= std::size_t(n);
    }
    return true;
}

// Writes the upload stream: per file "PATH\nSIZE\nSHA256\n" then its bytes.
void streamUploads(int fd, const std::vector<SshConnection::Upload>& files) {
    std::vector<char> buf(1 << 16);
    for (const auto& f : files) {
        std::error_code ec;
        auto size = fs::file_size(f.local, ec);
        std::ifstream in(f.local, std::ios::binary);
        if (ec || !in) break;
        std::string header = f.remotePath + "\n" + std::to_string(size) + "\n" + f.sha256 + "\n";
        if (!sendAll(fd, header.data(), header.size())) break;
        bool ok = true;
        while (ok && (in.read(buf.data(), std::streamsize(buf.size())) || in.gcount() > 0))
            ok = sendAll(fd, buf.data(), std::size_t(in.gcount()));
        if (!ok) break;
    }
    ::shutdown(fd, SHUT_WR);
}

// The host side of uploadAll: reads the stream, checks each file's sha256, renames it in place.
const char* kUploadScript =
    "while IFS= read -r p && IFS= read -r n && IFS= read -r h; do "
    "mkdir -p -- \"$(dirname -- \"$p\")\" && head -c \"$n\" > \"$p.part\" || exit 3; "
    "g=$(sha256sum < \"$p.part\" | cut -c1-64); "
    "if [ \"$g\" != \"$h\" ]; then rm -f -- \"$p.part\"; "
    "echo \"sha256 mismatch after copy: $p: $g\" >&2; exit 3; fi; "
    "mv -f -- \"$p.part\" \"$p\" || exit 3; done";

// Splits a downloadAll bundle ("SIZE\n" + bytes, or "-\n" for a missing file, per file).
Status splitBundle(const fs::path& bundle, const std::vector<SshConnection::Download>& files) {
    std::ifstream in(bundle, std::ios::binary);
    std::vector<char> buf(1 << 16);
    for (const auto& f : files) {
        std::string line;
        if (!std::getline(in, line))
            return makeError(ErrorCode::Io, "the host's copy stream ended early", f.remotePath);
        if (line == "-") {
            if (f.optional) continue;
            return makeError(ErrorCode::NotFound, "no such file on the host", f.remotePath);
        }
        std::uint64_t left = std::strtoull(line.c_str(), nullptr, 10);
        std::error_code ec;
        fs::create_directories(f.local.parent_path(), ec);
        fs::path tmp = f.local.string() + ".part";
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        while (left > 0 && in) {
            auto chunk = std::streamsize(std::min<std::uint64_t>(left, buf.size()));
            in.read(buf.data(), chunk);
            out.write(buf.data(), in.gcount());
            left -= std::uint64_t(in.gcount());
        }
        out.close();
        if (left > 0 || !out) {
            fs::remove(tmp, ec);
            return makeError(ErrorCode::Io, "a file copied from the host arrived short", f.remotePath);
        }
        fs::rename(tmp, f.local, ec);
        if (ec) return makeError(ErrorCode::Io, ec.message(), f.local.string());
    }
    return {};
}

}  // namespace

Status SshConnection::uploadAll(const std::vector<Upload>& files) {
    if (files.empty()) return {};
    for (const auto& f : files)
        if (f.remotePath.find('\n') != std::string::npos || f.sha256.size() != 64)
            return makeError(ErrorCode::InvalidArgument, "cannot stage this file", f.remotePath);
    if (auto st = open(); !st) return st.error();
    int sv[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
        return makeError(ErrorCode::Io, std::strerror(errno), "socketpair");
    std::thread writer([fd = sv[0], &files] { streamUploads(fd, files); });
    auto argv = sshArgv();
    argv.insert(argv.end(), {m_target.destination(), "--", kUploadScript});
    auto r = runArgv(argv, {}, sv[1], -1, 3600);
    ::close(sv[1]);
    ::shutdown(sv[0], SHUT_RDWR);  // unblocks the writer if ssh went away first
    writer.join();
    ::close(sv[0]);
    if (!r) return r.error();
    if (r->exitStatus != 0)
        return makeError(ErrorCode::Io, "cannot write on the host: " + lastLines(r->err, 2),
                         files.front().remotePath);
    return {};
}

Status SshConnection::downloadAll(const std::vector<Download>& files) {
    if (files.empty()) return {};
    if (auto st = open(); !st) return st.error();
    std::string script;
    for (const auto& f : files)
        script += "p=" + shellQuote(f.remotePath) +
                  "; if [ -f \"$p\" ]; then wc -c < \"$p\" && cat -- \"$p\" || exit 3; "
                  "else echo -; fi; ";
    fs::path bundle = files.front().local.parent_path() / ".download.part";
    std::error_code ec;
    fs::create_directories(bundle.parent_path(), ec);
    int fd = ::open(bundle.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return makeError(ErrorCode::Io, std::strerror(errno), bundle.string());
    auto argv = sshArgv();
    argv.insert(argv.end(), {m_target.destination(), "--", script});
    auto r = runArgv(argv, {}, -1, fd, 3600);
    ::close(fd);
    Status st = !r ? Status(r.error())
                   : r->exitStatus != 0
                         ? Status(makeError(ErrorCode::Io,
                                            "cannot read on the host: " + lastLines(r->err, 2),
                                            files.front().remotePath))
                         : splitBundle(bundle, files);
    fs::remove(bundle, ec);
    return st;
}

Result<std::string> SshConnection::remoteWorkdir() {
    if (!m_workdir.empty()) return m_workdir;
    std::string dir = m_host.workdir.empty() ? std::string(".cache/kiln/remote") : m_host.workdir;
    auto r = run("mkdir -p -- " + shellQuote(dir) + " && cd -- " + shellQuote(dir) + " && pwd -P");
    if (!r) return r.error();
    if (r->exitStatus != 0)
        return makeError(ErrorCode::Io, "cannot create the Kiln folder on the host: " +
                                            lastLines(r->err, 2), dir);
    std::string out = r->out;
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    if (out.empty() || out[0] != '/')
        return makeError(ErrorCode::Io, "the host did not report its Kiln folder", dir);
    m_workdir = out;
    return m_workdir;
}

}  // namespace kiln
