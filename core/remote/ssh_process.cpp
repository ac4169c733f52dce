// Child processes for the SSH client: ssh, ssh-keyscan and ssh-keygen run with their standard
// streams fed and captured through pipes, under a deadline.
#include "core/remote/ssh_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/store/sha256.h"

namespace kiln {

namespace fs = std::filesystem;

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
    for (std::size_t i = lines.size() > std::size_t(n) ? lines.size() - n : 0; i < lines.size();
         ++i)
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

namespace {

// Our ends of a child's standard streams; -1 where it uses the caller's descriptor, or once
// the stream is closed.
struct ChildStreams {
    int input = -1;   // we write its stdin here
    int output = -1;  // we read its stdout here
    int error = -1;   // we read its stderr here
};

// Forks and execs argv with stdin from `inputFd` (or a pipe), stdout to `outputFd` (or a pipe)
// and stderr to a pipe; `ours` gets the parent's ends.
Result<pid_t> startChild(const std::vector<std::string>& argv, int inputFd, int outputFd,
                         ChildStreams& ours) {
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
    ours = {in[1], out[0], err[0]};
    return pid;
}

// Reads what a ready stream holds into `into`; closes the stream at its end.
void drain(const pollfd& p, int& fd, std::string& into) {
    if (!(p.revents & (POLLIN | POLLHUP | POLLERR))) return;
    char buf[65536];
    ssize_t r = ::read(fd, buf, sizeof buf);
    if (r < 0 && errno == EINTR) return;
    if (r <= 0) {
        ::close(fd);
        fd = -1;
    } else
        into.append(buf, std::size_t(r));
}

// Writes what the child's stdin takes now; closes it once all of `input` is written or it fails.
void feed(const pollfd& p, int& fd, const std::string& input, std::size_t& written) {
    if (!(p.revents & (POLLOUT | POLLERR | POLLHUP))) return;
    ssize_t w = ::write(fd, input.data() + written, input.size() - written);
    if (w > 0) written += std::size_t(w);
    if ((w < 0 && errno != EAGAIN && errno != EINTR) || written == input.size()) {
        ::close(fd);
        fd = -1;
    }
}

// Feeds `input` and collects stdout and stderr until both end; false when the deadline passed
// first (the child is then killed).
bool pump(pid_t pid, const std::string& input, ChildStreams& s, int timeoutSeconds,
          SshOutput& result) {
    std::size_t written = 0;
    if (s.input >= 0) ::fcntl(s.input, F_SETFL, O_NONBLOCK);
    if (s.input >= 0 && input.empty()) {
        ::close(s.input);
        s.input = -1;
    }
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeoutSeconds);
    while (s.output >= 0 || s.error >= 0) {
        pollfd p[3];
        int n = 0, iout = -1, ierr = -1, iin = -1;
        if (s.output >= 0) p[iout = n++] = {s.output, POLLIN, 0};
        if (s.error >= 0) p[ierr = n++] = {s.error, POLLIN, 0};
        if (s.input >= 0) p[iin = n++] = {s.input, POLLOUT, 0};
        int ready = ::poll(p, nfds_t(n), 200);
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid, SIGKILL);
            return false;
        }
        if (ready <= 0) continue;
        if (iout >= 0) drain(p[iout], s.output, result.out);
        if (ierr >= 0) drain(p[ierr], s.error, result.err);
        if (iin >= 0) feed(p[iin], s.input, input, written);
    }
    return true;
}

}  // namespace

Result<SshOutput> runProcess(const std::vector<std::string>& argv, const std::string& input,
                             int inputFd, int outputFd, int timeoutSeconds) {
    ::signal(SIGPIPE, SIG_IGN);
    ChildStreams streams;
    auto pid = startChild(argv, inputFd, outputFd, streams);
    if (!pid) return pid.error();
    SshOutput result;
    bool finished = pump(*pid, input, streams, timeoutSeconds, result);
    for (int fd : {streams.output, streams.error, streams.input})
        if (fd >= 0) ::close(fd);
    int status = 0;
    while (::waitpid(*pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!finished)
        return makeError(ErrorCode::Io,
                         "ssh did not finish within " + std::to_string(timeoutSeconds) + " s");
    result.exitStatus = WIFEXITED(status) ? WEXITSTATUS(status)
                                          : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127 && result.err.empty())
        result.err = "cannot run " + argv[0];
    return result;
}

}  // namespace kiln
