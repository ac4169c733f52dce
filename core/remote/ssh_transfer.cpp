// Copying files to and from a host over the shared SSH connection: one file at a time, or many
// in one session (streamed, each checked by its sha256 before it takes its place).
#include "core/remote/ssh_host.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <thread>

#include "core/remote/ssh_process.h"

namespace kiln {

namespace fs = std::filesystem;

Status SshConnection::upload(const fs::path& localFile, const std::string& remotePath,
                             const std::string& expectedSha256) {
    if (auto st = open(); !st) return st.error();
    int fd = ::open(localFile.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return makeError(ErrorCode::Io, std::strerror(errno), localFile.string());
    std::string dir = remotePath.substr(0, remotePath.rfind('/'));
    std::string tmp = remotePath + ".part";
    auto argv = sshArgv();
    argv.insert(argv.end(),
                {m_target.destination(), "--",
                 "mkdir -p -- " + shellQuote(dir) + " && cat > " + shellQuote(tmp) +
                     (expectedSha256.empty()
                          ? std::string()
                          : " && { h=$(sha256sum < " + shellQuote(tmp) +
                                " | cut -c1-64); [ \"$h\" = " + shellQuote(expectedSha256) +
                                " ] || { rm -f -- " + shellQuote(tmp) +
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
            return makeError(ErrorCode::Io, "a file copied from the host arrived short",
                             f.remotePath);
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
    Status st =
        !r ? Status(r.error())
        : r->exitStatus != 0
            ? Status(makeError(ErrorCode::Io, "cannot read on the host: " + lastLines(r->err, 2),
                               files.front().remotePath))
            : splitBundle(bundle, files);
    fs::remove(bundle, ec);
    return st;
}

}  // namespace kiln
