#pragma once

#include <filesystem>
#include <memory>
#include <ostream>
#include <string>

#include "core/base/result.h"

namespace kiln {

// Checks that `path` may be written as a user's output file (an exported model, predictions, a
// saved chart) and returns the path to write: `path` made absolute with its symbolic links
// resolved, so a link is written through to its target. Refused with InvalidArgument:
// - anything inside a Kiln workspace: the folder `workspace` (when given) and any folder that
//   holds a catalog (kiln.db), so Kiln's own files are never replaced by an output;
// - an existing path that is not a regular file (a folder, a FIFO, a device, a socket);
// NotFound when the folder it would go in does not exist. Does not check write permission: the
// write itself reports that. Thread-safe.
Result<std::filesystem::path> checkOutputPath(const std::filesystem::path& path,
                                              const std::filesystem::path& workspace = {});

// Why checkOutputPath refused a path, for callers that word the reason themselves (Studio
// translates it): None for an error that is not a refusal (an I/O failure).
enum class OutputRefusal { None, InsideWorkspace, NotRegularFile, MissingFolder };
OutputRefusal outputRefusal(const Error& error);

// Writes one file atomically: the bytes go to a temporary file in the target's folder, which
// commit() flushes, fsyncs and renames over the target (then fsyncs the folder), so readers see
// the old file or the complete new one, never a part. Destroying the writer without commit()
// (or after a failed write) removes the temporary. The target gets mode 0666 less the umask.
// Not thread-safe; one writer per file.
class AtomicFileWriter {
public:
    // Creates the temporary beside `target` (which should have passed checkOutputPath). Io when
    // the folder cannot be written, naming it and the reason.
    static Result<std::unique_ptr<AtomicFileWriter>> create(const std::filesystem::path& target);
    ~AtomicFileWriter();
    AtomicFileWriter(const AtomicFileWriter&) = delete;
    AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

    // The stream to write to; its failures are reported by commit().
    std::ostream& stream();
    // Appends `bytes` to the stream.
    void write(const std::string& bytes);
    // Writes what the stream holds to the temporary (no fsync), so it can be read back. Io
    // with the reason when a write failed.
    Status flush();
    // The temporary file (readable before commit, e.g. to verify what was written).
    const std::filesystem::path& temporaryPath() const { return m_temp; }
    const std::filesystem::path& target() const { return m_target; }
    // Flushes, fsyncs and renames the temporary over the target. Io naming the target when any
    // step fails; the temporary is removed then and the old target (if any) is left as it was.
    Status commit();

private:
    AtomicFileWriter(std::filesystem::path target, std::filesystem::path temp, int fd);
    void discard();

    std::filesystem::path m_target, m_temp;
    int m_fd = -1;
    struct Stream;
    std::unique_ptr<Stream> m_stream;
    bool m_done = false;
};

// checkOutputPath, then writes `bytes` through an AtomicFileWriter. Returns the path written.
Result<std::filesystem::path> writeOutputFile(const std::filesystem::path& path,
                                              const std::string& bytes,
                                              const std::filesystem::path& workspace = {});

}  // namespace kiln
