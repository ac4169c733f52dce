#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "core/base/result.h"
#include "core/jobs/job_context.h"

namespace kiln {

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
    Result<std::string> put(std::string_view bytes) const;
    // Streams a file into the store without holding it in memory; returns its hash.
    Result<std::string> putFile(const std::filesystem::path& file) const;
    // Stores the whole content of an unnamed temporary file (O_TMPFILE in tmpDir(), already
    // written) without copying it: hashes it, fsyncs it, makes it read-only and links it in under
    // its hash. Unsupported when the file cannot be linked (the caller copies it instead).
    Result<std::string> adoptTemporary(int fd) const;
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
    // Finishes the object; returns its hash. The writer cannot be reused.
    Result<std::string> commit();
    std::uint64_t bytesWritten() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace kiln
