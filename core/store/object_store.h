#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"
#include "core/jobs/job_context.h"

namespace kiln {

class ImportRecord;

// A content-addressed blob store: objects/ab/cdef… where abcdef… is the sha256 of the bytes.
// Writes go to objects/tmp/, are fsync'd, then renamed into place, so a crash never leaves a
// half-written object under its name. Identical content is stored once. Safe for several
// threads and processes at once: renames are atomic, and racing writers of one object agree.
class ObjectStore {
public:
    explicit ObjectStore(std::filesystem::path root);

    const std::filesystem::path& root() const { return m_root; }
    // Where the object with this hash lives (whether or not it exists).
    std::filesystem::path pathFor(std::string_view hash) const;
    bool contains(std::string_view hash) const;

    // Stores bytes; returns their hash. Storing existing content is a cheap no-op.
    // `record`, when given, hears the hash before the object gets its name.
    Result<std::string> put(std::string_view bytes, ImportRecord* record = nullptr) const;
    // Streams a file into the store without holding it in memory; returns its hash.
    Result<std::string> putFile(const std::filesystem::path& file) const;
    // Stores the whole content of an unnamed temporary file (O_TMPFILE in tmpDir(), already
    // written) without copying it: hashes it, fsyncs it, makes it read-only and links it in under
    // its hash. Unsupported when the file cannot be linked (the caller copies it instead).
    // `record`, when given, hears the hash before the file gets its name.
    Result<std::string> adoptTemporary(int fd, ImportRecord* record = nullptr) const;
    // Where writers keep their temporary files (same file system as the objects).
    std::filesystem::path tmpDir() const { return m_root / "tmp"; }
    Result<std::string> read(std::string_view hash) const;
    // Re-hashes an object: Corrupt when its bytes no longer match its name.
    Status verify(std::string_view hash) const;

    // Re-hashes every object, reporting progress and each corrupt object to the job.
    // Returns the number of objects checked; Cancelled when the job is cancelled.
    Result<std::uint64_t> verifyAll(JobContext& job) const;

    // Removes temporary files older than `maxAgeSeconds` left by writers that crashed.
    void removeStaleTemporaries(std::int64_t maxAgeSeconds = 24 * 3600) const;

    // The hashes listed by the records of imports that were killed while committing objects
    // (see ImportRecord), each record's path with its hashes. Empty, and `locked` false, while a
    // live import is committing: then nothing may be removed. On success the caller holds the
    // commit lock until it calls releaseAbandoned(), which removes the given objects and the
    // records.
    struct Abandoned {
        std::vector<std::filesystem::path> records;
        std::vector<std::string> hashes;
        int lockFd = -1;
    };
    Abandoned findAbandoned() const;
    // Removes the objects of `orphans` (a subset of `abandoned.hashes` that nothing references),
    // then the records, and releases the lock.
    void releaseAbandoned(Abandoned& abandoned, const std::vector<std::string>& orphans) const;

    // Counts stored objects and their total size in bytes.
    struct Usage {
        std::uint64_t objects = 0;
        std::uint64_t bytes = 0;
    };
    Usage usage() const;

private:
    friend class ObjectWriter;
    std::filesystem::path m_root;
};

// Writes one object in pieces (an import streams columns through this). Bytes go to a temporary
// file while being hashed; commit() fsyncs and renames it into place. A writer destroyed without
// commit() deletes its temporary: an abandoned import leaves nothing behind.
class ObjectWriter {
public:
    explicit ObjectWriter(const ObjectStore& store);
    ~ObjectWriter();
    ObjectWriter(const ObjectWriter&) = delete;
    ObjectWriter& operator=(const ObjectWriter&) = delete;

    Status open();
    Status write(const void* data, std::size_t size);
    Status write(std::string_view bytes) { return write(bytes.data(), bytes.size()); }
    // Finishes the object; returns its hash (told to `record` first, when given). The writer
    // cannot be reused.
    Result<std::string> commit(ImportRecord* record = nullptr);
    std::uint64_t bytesWritten() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace kiln

namespace kiln {

// The objects one import links into the store, written down before each gets its name in
// objects/tmp/import-<pid>-XXXXXX, so that when the import is killed before its catalog rows
// are written, the next opener of the workspace removes the objects nothing references
// (Workspace::open). From begin() until destruction the import holds objects/tmp/commit.lock
// shared; a cleaner runs only while it holds that lock exclusively, so a live import's objects
// are never touched. Destroying the record (after the catalog rows are written, or on a failed
// import) removes it. The record is not fsync'd: it outlives a killed process, not a power cut.
// Thread-safe.
class ImportRecord {
public:
    // Io when objects/tmp cannot be written. Waits while a cleaner holds the lock (briefly).
    static Result<std::unique_ptr<ImportRecord>> begin(const ObjectStore& store);
    ~ImportRecord();
    ImportRecord(const ImportRecord&) = delete;
    ImportRecord& operator=(const ImportRecord&) = delete;

    // Appends a hash to the record.
    Status add(std::string_view hash);

private:
    ImportRecord() = default;
    int m_lockFd = -1;
    int m_fd = -1;
    std::filesystem::path m_path;
    std::mutex m_mutex;
};

}  // namespace kiln
