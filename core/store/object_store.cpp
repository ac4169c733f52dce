#include "core/store/object_store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <vector>

#include "core/store/object_collection.h"
#include "core/store/sha256.h"

namespace kiln {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kChunk = 1 << 20;
constexpr const char* kCommitLockName = "commit.lock";
constexpr const char* kImportRecordPrefix = "import-";

Error ioError(const std::string& what, const fs::path& path) {
    return makeError(ErrorCode::Io, what + ": " + std::strerror(errno), path.string());
}

// Makes a rename durable by syncing the folder that holds the new name.
void syncDirectory(const fs::path& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

Result<std::string> hashFile(const fs::path& file, JobContext* job = nullptr) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return ioError("cannot read object", file);
    Sha256 hasher;
    std::vector<char> buffer(kChunk);
    while (in) {
        if (job && job->cancelled()) return makeError(ErrorCode::Cancelled, "cancelled");
        in.read(buffer.data(), std::streamsize(buffer.size()));
        hasher.update(buffer.data(), std::size_t(in.gcount()));
    }
    if (in.bad()) return ioError("cannot read object", file);
    return hasher.hexDigest();
}

}  // namespace

ObjectStore::ObjectStore(fs::path root) : m_root(std::move(root)) {}

namespace {

// Hashes a file's bytes where they lie in the page cache, mapped a stretch at a time rather
// than copied out (each stretch unmapped before the next, so they never count towards the
// process's memory together). Returns how far it got: a stretch that cannot be mapped is left,
// with the rest, to hashRead.
std::size_t hashMapped(int fd, Sha256& hasher) {
    struct stat st {};
    if (::fstat(fd, &st) != 0) return 0;
    const std::size_t size = std::size_t(st.st_size);
    constexpr std::size_t kStretch = std::size_t(8) << 20;  // a multiple of any page size
    constexpr int kPopulateRead = 22;  // MADV_POPULATE_READ (Linux 5.14); refused before
    std::size_t at = 0;
    for (; at < size; at += kStretch) {
        const std::size_t n = std::min(kStretch, size - at);
        void* base = ::mmap(nullptr, n, PROT_READ, MAP_SHARED, fd, off_t(at));
        if (base == MAP_FAILED) break;
        ::madvise(base, n, kPopulateRead);
        hasher.update(base, n);
        ::munmap(base, n);
    }
    return at;
}

// Hashes a file's bytes from `from` to its end, read into a buffer.
Status hashRead(int fd, std::size_t from, Sha256& hasher) {
    std::vector<char> buffer(kChunk);
    for (off_t at = off_t(from);;) {
        ssize_t n = ::pread(fd, buffer.data(), buffer.size(), at);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return makeError(ErrorCode::Io, std::strerror(errno));
        if (n == 0) return {};
        hasher.update(buffer.data(), std::size_t(n));
        at += n;
    }
}

}  // namespace

Result<std::string> ObjectStore::adoptTemporary(int fd, ImportRecord* record) const {
    Sha256 hasher;
    if (!hashRead(fd, hashMapped(fd, hasher), hasher))
        return ioError("cannot read a temporary file", tmpDir());
    if (::fsync(fd) != 0) return ioError("cannot flush object to disk", tmpDir());
    ::fchmod(fd, 0444);
    std::string hash = hasher.hexDigest();
    if (record)
        if (auto s = record->add(hash); !s) return s.error();
    fs::path target = pathFor(hash);
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    // An O_TMPFILE file gets its first name atomically, whole: no half object is ever visible.
    std::string self = "/proc/self/fd/" + std::to_string(fd);
    if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, target.c_str(), AT_SYMLINK_FOLLOW) != 0) {
        if (errno == EEXIST) return hash;  // identical content is already stored
        return makeError(ErrorCode::Unsupported,
                         std::string("cannot link a temporary file: ") + std::strerror(errno),
                         target.string());
    }
    syncDirectory(target.parent_path());
    return hash;
}

fs::path ObjectStore::pathFor(std::string_view hash) const {
    std::string h(hash);
    return m_root / h.substr(0, 2) / h.substr(2);
}

bool ObjectStore::contains(std::string_view hash) const {
    std::error_code ec;
    return isSha256Hex(hash) && fs::is_regular_file(pathFor(hash), ec);
}

Result<std::string> ObjectStore::put(std::string_view bytes, ImportRecord* record) const {
    ObjectWriter writer(*this);
    if (auto s = writer.open(); !s) return s.error();
    if (auto s = writer.write(bytes); !s) return s.error();
    return writer.commit(record);
}

Result<std::string> ObjectStore::putFile(const fs::path& file) const {
    std::ifstream in(file, std::ios::binary);
    if (!in) return makeError(ErrorCode::NotFound, "cannot open file to store", file.string());
    ObjectWriter writer(*this);
    if (auto s = writer.open(); !s) return s.error();
    std::vector<char> buffer(kChunk);
    while (in) {
        in.read(buffer.data(), std::streamsize(buffer.size()));
        if (auto s = writer.write(buffer.data(), std::size_t(in.gcount())); !s) return s.error();
    }
    if (in.bad()) return ioError("cannot read file to store", file);
    return writer.commit();
}

Result<std::string> ObjectStore::read(std::string_view hash) const {
    if (!isSha256Hex(hash)) return makeError(ErrorCode::InvalidArgument, "not an object hash", std::string(hash));
    std::ifstream in(pathFor(hash), std::ios::binary);
    if (!in) return makeError(ErrorCode::NotFound, "no such object", std::string(hash));
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return bytes;
}

Status ObjectStore::verify(std::string_view hash) const {
    if (!contains(hash)) return makeError(ErrorCode::NotFound, "no such object", std::string(hash));
    auto actual = hashFile(pathFor(hash));
    if (!actual) return actual.error();
    if (*actual != hash)
        return makeError(ErrorCode::Corrupt, "object content does not match its hash (now " +
                                                 actual->substr(0, 12) + "…)",
                         pathFor(hash).string());
    return {};
}

Result<std::uint64_t> ObjectStore::verifyAll(JobContext& job) const {
    std::vector<std::string> hashes;
    std::error_code ec;
    for (auto& dir : fs::directory_iterator(m_root, ec)) {
        auto prefix = dir.path().filename().string();
        if (!dir.is_directory() || prefix.size() != 2) continue;
        for (auto& file : fs::directory_iterator(dir.path(), ec))
            if (isSha256Hex(prefix + file.path().filename().string()))
                hashes.push_back(prefix + file.path().filename().string());
    }
    std::uint64_t checked = 0;
    for (const auto& hash : hashes) {
        job.progress(checked, hashes.size(), "Verifying objects");
        if (job.cancelled()) return makeError(ErrorCode::Cancelled, "verification cancelled");
        auto actual = hashFile(pathFor(hash), &job);
        if (!actual && actual.error().code == ErrorCode::Cancelled)
            return makeError(ErrorCode::Cancelled, "verification cancelled");
        if (!actual || *actual != hash)
            job.report({IssueSeverity::Error,
                        actual ? "object content does not match its hash" : actual.error().message,
                        pathFor(hash).string()});
        ++checked;
    }
    job.progress(checked, hashes.size(), "Verifying objects");
    return checked;
}

void ObjectStore::removeStaleTemporaries(std::int64_t maxAgeSeconds) const {
    std::error_code ec;
    auto now = fs::file_time_type::clock::now();
    for (auto& entry : fs::directory_iterator(m_root / "tmp", ec)) {
        // The commit lock and live import records are never stale (see findAbandoned).
        auto name = entry.path().filename().string();
        if (name == kCommitLockName || name.rfind(kImportRecordPrefix, 0) == 0) continue;
        auto age = now - entry.last_write_time(ec);
        if (!ec && std::chrono::duration_cast<std::chrono::seconds>(age).count() > maxAgeSeconds)
            fs::remove(entry.path(), ec);
    }
}

namespace {

constexpr const char* kCommitLock = kCommitLockName;
constexpr const char* kRecordPrefix = kImportRecordPrefix;

int openCommitLock(const fs::path& tmp) {
    std::error_code ec;
    fs::create_directories(tmp, ec);
    return ::open((tmp / kCommitLock).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
}

std::vector<std::string> readRecord(const fs::path& file) {
    std::vector<std::string> hashes;
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);)
        if (isSha256Hex(line)) hashes.push_back(line);
    return hashes;
}

}  // namespace

ObjectStore::Abandoned ObjectStore::findAbandoned() const {
    Abandoned found;
    std::error_code ec;
    bool any = false;
    for (auto& entry : fs::directory_iterator(tmpDir(), ec))
        any |= entry.path().filename().string().rfind(kRecordPrefix, 0) == 0;
    if (!any) return found;
    found.lockFd = openCommitLock(tmpDir());
    if (found.lockFd < 0) return found;
    if (::flock(found.lockFd, LOCK_EX | LOCK_NB) != 0) {  // a live import is committing
        ::close(found.lockFd);
        found.lockFd = -1;
        return found;
    }
    // Holding the lock exclusively: every record left is from an import that is gone.
    for (auto& entry : fs::directory_iterator(tmpDir(), ec)) {
        if (entry.path().filename().string().rfind(kRecordPrefix, 0) != 0) continue;
        found.records.push_back(entry.path());
        for (auto& hash : readRecord(entry.path())) found.hashes.push_back(std::move(hash));
    }
    return found;
}

void ObjectStore::releaseAbandoned(Abandoned& abandoned,
                                   const std::vector<std::string>& orphans) const {
    std::error_code ec;
    for (const auto& hash : orphans)
        if (isSha256Hex(hash)) fs::remove(pathFor(hash), ec);
    for (const auto& record : abandoned.records) fs::remove(record, ec);
    if (abandoned.lockFd >= 0) ::close(abandoned.lockFd);  // releases the lock
    abandoned.lockFd = -1;
}

Result<std::unique_ptr<ImportRecord>> ImportRecord::begin(const ObjectStore& store) {
    std::unique_ptr<ImportRecord> record(new ImportRecord);
    const fs::path tmp = store.tmpDir();
    record->m_lockFd = openCommitLock(tmp);
    if (record->m_lockFd < 0) return ioError("cannot create the commit lock", tmp / kCommitLock);
    while (::flock(record->m_lockFd, LOCK_SH) != 0)
        if (errno != EINTR) return ioError("cannot lock the object store", tmp / kCommitLock);
    std::string pattern = (tmp / (kRecordPrefix + std::to_string(::getpid()) + "-XXXXXX")).string();
    record->m_fd = ::mkstemp(pattern.data());
    if (record->m_fd < 0) return ioError("cannot create an import record", tmp);
    record->m_path = pattern;
    return record;
}

ImportRecord::~ImportRecord() {
    if (m_fd >= 0) ::close(m_fd);
    if (!m_path.empty()) ::unlink(m_path.c_str());
    if (m_lockFd >= 0) ::close(m_lockFd);  // the record is gone before the lock is released
}

Status ImportRecord::add(std::string_view hash) {
    std::string line = std::string(hash) + "\n";
    std::lock_guard lock(m_mutex);
    if (::write(m_fd, line.data(), line.size()) != ssize_t(line.size()))
        return ioError("cannot write an import record", m_path);
    return {};
}

Result<std::unique_ptr<CollectionLock>> CollectionLock::acquire(const ObjectStore& store) {
    int fd = openCommitLock(store.tmpDir());
    if (fd < 0) return ioError("cannot create the commit lock", store.tmpDir() / kCommitLock);
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        Error busy = makeError(ErrorCode::Busy, "an import is storing objects in this workspace",
                               store.root().string());
        busy.hint = "try again when it has finished";
        return busy;
    }
    return std::unique_ptr<CollectionLock>(new CollectionLock(fd));
}

CollectionLock::~CollectionLock() {
    if (m_fd >= 0) ::close(m_fd);  // closing releases the lock
}

ObjectStore::Usage ObjectStore::usage() const {
    Usage usage;
    std::error_code ec;
    for (auto& dir : fs::directory_iterator(m_root, ec)) {
        if (!dir.is_directory() || dir.path().filename().string().size() != 2) continue;
        for (auto& file : fs::directory_iterator(dir.path(), ec)) {
            ++usage.objects;
            usage.bytes += file.file_size(ec);
        }
    }
    return usage;
}

struct ObjectWriter::Impl {
    fs::path root;
    fs::path tempPath;
    int fd = -1;
    Sha256 hasher;
    std::uint64_t written = 0;
    bool committed = false;
};

ObjectWriter::ObjectWriter(const ObjectStore& store) : m_impl(std::make_unique<Impl>()) {
    m_impl->root = store.root();
}

ObjectWriter::~ObjectWriter() {
    if (m_impl->fd >= 0) ::close(m_impl->fd);
    if (!m_impl->committed && !m_impl->tempPath.empty()) ::unlink(m_impl->tempPath.c_str());
}

Status ObjectWriter::open() {
    std::error_code ec;
    fs::create_directories(m_impl->root / "tmp", ec);
    std::string pattern = (m_impl->root / "tmp" / "object-XXXXXX").string();
    m_impl->fd = ::mkstemp(pattern.data());
    if (m_impl->fd < 0) return ioError("cannot create a temporary object file", m_impl->root / "tmp");
    m_impl->tempPath = pattern;
    return {};
}

Status ObjectWriter::write(const void* data, std::size_t size) {
    if (m_impl->fd < 0) return makeError(ErrorCode::Internal, "object writer is not open");
    m_impl->hasher.update(data, size);
    auto bytes = static_cast<const char*>(data);
    while (size > 0) {
        ssize_t n = ::write(m_impl->fd, bytes, size);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return ioError("cannot write object", m_impl->tempPath);
        bytes += n, size -= std::size_t(n), m_impl->written += std::uint64_t(n);
    }
    return {};
}

Result<std::string> ObjectWriter::commit(ImportRecord* record) {
    if (m_impl->fd < 0) return makeError(ErrorCode::Internal, "object writer is not open");
    if (::fsync(m_impl->fd) != 0) return ioError("cannot flush object to disk", m_impl->tempPath);
    ::fchmod(m_impl->fd, 0444);
    ::close(m_impl->fd);
    m_impl->fd = -1;
    std::string hash = m_impl->hasher.hexDigest();
    if (record)
        if (auto s = record->add(hash); !s) return s.error();
    fs::path target = m_impl->root / hash.substr(0, 2) / hash.substr(2);
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    if (fs::exists(target, ec)) {  // identical content is already stored
        ::unlink(m_impl->tempPath.c_str());
    } else {
        if (::rename(m_impl->tempPath.c_str(), target.c_str()) != 0)
            return ioError("cannot move object into place", target);
        syncDirectory(target.parent_path());
    }
    m_impl->committed = true;
    return hash;
}

std::uint64_t ObjectWriter::bytesWritten() const { return m_impl->written; }

}  // namespace kiln
