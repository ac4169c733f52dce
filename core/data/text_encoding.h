#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/base/result.h"

namespace kiln {

// How a text file's bytes were written.
enum class TextEncoding { Utf8, Utf8Bom, Utf16Le, Utf16Be, Latin1 };

// "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "latin-1".
const char* textEncodingName(TextEncoding encoding);

// Appends code point `cp` (at most U+10FFFF) to `out` in UTF-8.
void appendUtf8(std::string& out, std::uint32_t cp);

// Offset of the first byte that is not valid UTF-8 in [data, data + size), or `size` when all of
// it is valid: overlong forms, surrogates and code points past U+10FFFF are invalid, as strict
// decoders (JSON writers) hold them. A sequence cut off at the end counts as valid (the caller
// owns the rest).
// Thread-safe; ASCII runs are checked 8 bytes at a time.
std::size_t findInvalidUtf8(const char* data, std::size_t size);

// The same for a whole value (a name, a cell, a footer field), which has no rest: a sequence cut
// off at its end is invalid, at the offset of its lead byte.
std::size_t findInvalidUtf8InValue(const char* data, std::size_t size);

// What a stretch of bytes says about being UTF-8: how many bytes are not valid UTF-8, how many
// valid multi-byte characters it holds, and where the first few invalid bytes are (offsets from
// the start of the stretch, ascending).
struct Utf8Evidence {
    std::uint64_t invalidBytes = 0;
    std::uint64_t multibyteChars = 0;
    std::vector<std::size_t> firstInvalid;  // at most `maxSamples`
};

// Weighs [data, data + size). A sequence cut off at `size` counts as invalid when `atEnd` (the
// stretch ends the file), else as valid (the next stretch owns it). Thread-safe.
Utf8Evidence weighUtf8(const char* data, std::size_t size, bool atEnd, std::size_t maxSamples);

// True when the evidence says UTF-8, perhaps with a few bad bytes: no invalid byte, or at least
// four valid multi-byte characters per invalid byte (Latin-1 text almost never forms valid
// UTF-8 sequences, so a genuine Latin-1 file has next to none).
bool mostlyUtf8(const Utf8Evidence& evidence);

// A file's text as UTF-8 without a byte-order mark. UTF-8 files are memory-mapped (nothing is
// copied); UTF-16 (with a BOM) and Latin-1 are transcoded into memory. Move-only; reading is
// thread-safe.
class TextSource {
public:
    // Maps `file` and detects its encoding from the BOM (UTF-8 or UTF-16). Fails with NotFound
    // or Io when it cannot be read, InvalidArgument when it is not a regular file (a FIFO, a
    // device, a socket or a folder: refused before anything is read, so nothing blocks). An
    // empty file opens with size() 0. Pages that vanish because the file is truncated while
    // mapped read as zeros instead of raising SIGBUS; verifyUnchanged() then fails.
    static Result<TextSource> open(const std::filesystem::path& file);

    // Moves keep data() pointing at the text: transcoded text lives in a std::string, whose
    // short contents move with the object (a default move left data() on the old one's stack).
    TextSource() = default;
    TextSource(TextSource&& other) noexcept;
    TextSource& operator=(TextSource&& other) noexcept;
    TextSource(const TextSource&) = delete;
    TextSource& operator=(const TextSource&) = delete;

    const char* data() const { return m_data; }
    std::size_t size() const { return m_size; }
    TextEncoding encoding() const { return m_encoding; }
    // The file's size in bytes when it was opened (BOM included).
    std::uint64_t fileSize() const { return m_fileSize; }

    // Re-reads the mapped bytes as Latin-1 (after they failed UTF-8 validation), transcoding
    // them into memory. Only for a source that was mapped as UTF-8 without a BOM.
    void reinterpretAsLatin1();
    // Replaces every byte that is not valid UTF-8 by U+FFFD, copying the text into memory. For a
    // UTF-8 source (with or without BOM) that is mostly valid.
    void replaceInvalidUtf8();
    // Tells the kernel the UTF-8 bytes in [begin, end) are no longer needed, so the pages of a
    // parsed range stop counting towards memory use. The data stays readable (re-faulted).
    void release(std::size_t begin, std::size_t end) const;
    // Maps the pages of [begin, end) in one call before they are read (MADV_POPULATE_READ, Linux
    // 5.14 on), instead of a page fault every few pages; nothing where that is not there.
    void prefetch(std::size_t begin, std::size_t end) const;
    // Io ("the file changed while it was being read") when a read fell past the end of the
    // file because it was truncated after open(), or when the file is now shorter than it was;
    // Io ("part of the file could not be read") when a mapped read failed otherwise (SIGBUS
    // from an I/O error). Call it before trusting what was read. Thread-safe.
    Status verifyUnchanged() const;

private:
    struct Mapping;
    void detectEncoding();  // from the BOM; transcodes UTF-16
    void dropMapping();     // after transcoding, keeping whether a truncation was seen
    std::shared_ptr<Mapping> m_mapping;
    std::string m_path;
    std::uint64_t m_fileSize = 0;
    bool m_truncatedEarlier = false;  // a mapping dropped after transcoding saw a truncation
    std::string m_owned;  // transcoded text, when not mapped
    const char* m_data = nullptr;
    std::size_t m_size = 0;
    TextEncoding m_encoding = TextEncoding::Utf8;
};

}  // namespace kiln
