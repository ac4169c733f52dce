#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

#include "core/base/result.h"

namespace kiln {

// One member of a zip archive, read as a stream of its inflated bytes (minizip). Each reader
// opens the archive on its own, so several can read at once. Not thread-safe.
class ZipEntryReader {
public:
    ZipEntryReader() = default;
    ~ZipEntryReader();
    ZipEntryReader(const ZipEntryReader&) = delete;
    ZipEntryReader& operator=(const ZipEntryReader&) = delete;

    // Opens `entry` of `archive`. InvalidArgument when the file is not a zip archive, NotFound
    // when the archive has no such member.
    Status open(const std::filesystem::path& archive, const std::string& entry);
    // Up to `size` more bytes into `buffer`; 0 at the end. InvalidArgument when the member is
    // damaged (bad deflate data or checksum).
    Result<std::size_t> read(char* buffer, std::size_t size);
    // The member's inflated size as the archive states it.
    std::uint64_t size() const { return m_size; }
    void close();

private:
    void* m_zip = nullptr;
    bool m_entryOpen = false;
    std::uint64_t m_size = 0;
    std::string m_context;
};

}  // namespace kiln
