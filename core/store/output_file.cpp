#include "core/store/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <streambuf>
#include <vector>

#include "core/store/workspace.h"

namespace kiln {

namespace fs = std::filesystem;

namespace {

const char kNotRegular[] = ", not a regular file";
const char kMissingFolder[] = " does not exist";
const char kInsideWorkspace[] = "the output path is inside the Kiln workspace ";

// Follows symbolic links (also dangling ones) to the path a write would land on.
Result<fs::path> resolveLinks(fs::path p) {
    std::error_code ec;
    for (int hops = 0; fs::is_symlink(fs::symlink_status(p, ec)); ++hops) {
        if (hops == 40)
            return makeError(ErrorCode::InvalidArgument, "too many symbolic links", p.string());
        fs::path target = fs::read_symlink(p, ec);
        if (ec)
            return makeError(ErrorCode::Io, "cannot read the symbolic link: " + ec.message(),
                             p.string());
        p = target.is_absolute() ? target : p.parent_path() / target;
    }
    fs::path resolved = fs::weakly_canonical(p, ec);
    if (ec) return makeError(ErrorCode::Io, "cannot resolve the path: " + ec.message(), p.string());
    return resolved;
}

std::string kindOf(fs::file_type t) {
    switch (t) {
        case fs::file_type::directory:
            return "a folder";
        case fs::file_type::fifo:
            return "a FIFO (named pipe)";
        case fs::file_type::character:
            return "a character device";
        case fs::file_type::block:
            return "a block device";
        case fs::file_type::socket:
            return "a socket";
        default:
            return "a special file";
    }
}

bool isWithin(const fs::path& p, const fs::path& folder) {
    auto [f, q] = std::mismatch(folder.begin(), folder.end(), p.begin(), p.end());
    return f == folder.end() || (f->empty() && std::next(f) == folder.end());
}

// The Kiln workspace that holds `p`, or an empty path.
fs::path enclosingWorkspace(const fs::path& p, const fs::path& workspace) {
    std::error_code ec;
    if (!workspace.empty()) {
        fs::path ws = fs::weakly_canonical(fs::absolute(workspace, ec), ec);
        if (!ec && isWithin(p, ws)) return ws;
    }
    for (fs::path dir = p.parent_path(); !dir.empty(); dir = dir.parent_path()) {
        if (Workspace::exists(dir)) return dir;
        if (dir == dir.root_path()) break;
    }
    return {};
}

mode_t newFileMode(const fs::path& target) {
    struct stat st {};
    if (::stat(target.c_str(), &st) == 0) return st.st_mode & 07777;
    mode_t mask = 022;
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("Umask:", 0) == 0) mask = mode_t(std::strtoul(line.c_str() + 6, nullptr, 8));
    return 0666 & ~mask;
}

Error ioError(const std::string& what, int err, const fs::path& where) {
    return makeError(ErrorCode::Io, what + ": " + std::strerror(err), where.string());
}

}  // namespace

// An unbuffered-by-iostream sink straight onto the file descriptor, so a failed write keeps
// its errno (a full disk says so).
struct AtomicFileWriter::Stream : std::streambuf {
    explicit Stream(int fd) : fd(fd), buffer(1 << 16), out(this) {
        setp(buffer.data(), buffer.data() + buffer.size());
    }
    bool drain() {
        for (char* p = pbase(); p < pptr();) {
            ssize_t n = ::write(fd, p, std::size_t(pptr() - p));
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                err = n < 0 ? errno : EIO;
                return false;
            }
            p += n;
        }
        setp(buffer.data(), buffer.data() + buffer.size());
        return true;
    }
    int_type overflow(int_type c) override {
        if (err || !drain()) return traits_type::eof();
        if (!traits_type::eq_int_type(c, traits_type::eof())) sputc(traits_type::to_char_type(c));
        return traits_type::not_eof(c);
    }
    int sync() override { return err || !drain() ? -1 : 0; }

    int fd;
    int err = 0;
    std::vector<char> buffer;
    std::ostream out;
};

AtomicFileWriter::AtomicFileWriter(fs::path target, fs::path temp, int fd)
    : m_target(std::move(target)), m_temp(std::move(temp)), m_fd(fd), m_stream(new Stream(fd)) {}

AtomicFileWriter::~AtomicFileWriter() {
    discard();
}

Result<std::unique_ptr<AtomicFileWriter>> AtomicFileWriter::create(const fs::path& target) {
    fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    std::string name = (folder / ("." + target.filename().string() + ".kiln-XXXXXX")).string();
    std::vector<char> buf(name.begin(), name.end());
    buf.push_back('\0');
    int fd = ::mkostemp(buf.data(), O_CLOEXEC);
    if (fd < 0)
        return ioError("cannot create a file in the folder " + folder.string(), errno, target);
    if (::fchmod(fd, newFileMode(target)) != 0) {
        int err = errno;
        ::close(fd);
        ::unlink(buf.data());
        return ioError("cannot set the file's permissions", err, target);
    }
    return std::unique_ptr<AtomicFileWriter>(
        new AtomicFileWriter(target, fs::path(buf.data()), fd));
}

std::ostream& AtomicFileWriter::stream() {
    return m_stream->out;
}

void AtomicFileWriter::write(const std::string& bytes) {
    m_stream->out.write(bytes.data(), std::streamsize(bytes.size()));
}

void AtomicFileWriter::discard() {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = -1;
    if (!m_done) ::unlink(m_temp.c_str());
    m_done = true;
}

Status AtomicFileWriter::flush() {
    m_stream->out.flush();
    int err = m_stream->err ? m_stream->err : (m_stream->out ? 0 : EIO);
    if (err) return ioError("cannot write the file", err, m_target);
    return {};
}

Status AtomicFileWriter::commit() {
    if (m_done)
        return makeError(ErrorCode::Internal, "the file was already committed", m_target.string());
    m_stream->out.flush();
    int err = m_stream->err;
    if (!err && !m_stream->out) err = EIO;
    if (!err && ::fsync(m_fd) != 0) err = errno;
    if (!err && ::close(m_fd) != 0) err = errno;
    m_fd = -1;
    if (!err && ::rename(m_temp.c_str(), m_target.c_str()) != 0) err = errno;
    if (err) {
        discard();
        return ioError("cannot write the file", err, m_target);
    }
    m_done = true;
    fs::path folder = m_target.parent_path().empty() ? fs::path(".") : m_target.parent_path();
    int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);  // the rename itself survives a crash
        ::close(dir);
    }
    return {};
}

Result<fs::path> checkOutputPath(const fs::path& path, const fs::path& workspace) {
    if (path.empty()) return makeError(ErrorCode::InvalidArgument, "no output file was given");
    std::error_code ec;
    auto resolved = resolveLinks(fs::absolute(path, ec));
    if (!resolved) return resolved.error();
    const fs::path& p = *resolved;
    const bool linked = p != fs::absolute(path, ec).lexically_normal();
    std::string shown = path.string() + (linked ? " → " + p.string() : "");
    auto status = fs::status(p, ec);
    if (fs::exists(status) && !fs::is_regular_file(status))
        return makeError(ErrorCode::InvalidArgument,
                         "the output path is " + kindOf(status.type()) + kNotRegular, shown);
    if (!fs::is_directory(p.parent_path(), ec))
        return makeError(ErrorCode::NotFound,
                         "the folder " + p.parent_path().string() + kMissingFolder, shown);
    fs::path ws = enclosingWorkspace(p, workspace);
    if (!ws.empty())
        return makeError(ErrorCode::InvalidArgument,
                         kInsideWorkspace + ws.string() +
                             "; Kiln does not write outputs among its own files, choose a path "
                             "outside it",
                         shown);
    return p;
}

OutputRefusal outputRefusal(const Error& e) {
    auto ends = [&](const std::string& tail) {
        return e.message.size() >= tail.size() &&
               e.message.compare(e.message.size() - tail.size(), tail.size(), tail) == 0;
    };
    if (e.message.rfind(kInsideWorkspace, 0) == 0) return OutputRefusal::InsideWorkspace;
    if (e.code == ErrorCode::InvalidArgument && ends(kNotRegular))
        return OutputRefusal::NotRegularFile;
    if (e.code == ErrorCode::NotFound && ends(kMissingFolder)) return OutputRefusal::MissingFolder;
    return OutputRefusal::None;
}

Result<fs::path> writeOutputFile(const fs::path& path, const std::string& bytes,
                                 const fs::path& workspace) {
    auto target = checkOutputPath(path, workspace);
    if (!target) return target.error();
    auto writer = AtomicFileWriter::create(*target);
    if (!writer) return writer.error();
    (*writer)->write(bytes);
    if (auto st = (*writer)->commit(); !st) return st.error();
    return *target;
}

}  // namespace kiln
