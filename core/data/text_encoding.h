#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "core/base/result.h"

namespace kiln {

// How a text file's bytes were written.
enum class TextEncoding { Utf8, Utf8Bom, Utf16Le, Utf16Be, Latin1 };

// "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "latin-1".
const char* textEncodingName(TextEncoding encoding);

// Offset of the first byte that is not valid UTF-8 in [data, data + size), or `size` when all of
// it is valid. A sequence cut off at the end counts as valid (the caller owns the rest).
// Thread-safe; ASCII runs are checked 8 bytes at a time.
std::size_t findInvalidUtf8(const char* data, std::size_t size);

// A file's text as UTF-8 without a byte-order mark. UTF-8 files are memory-mapped (nothing is
// copied); UTF-16 (with a BOM) and Latin-1 are transcoded into memory. Move-only; reading is
// thread-safe.
class TextSource {
public:
    // Maps `file` and detects its encoding from the BOM (UTF-8 or UTF-16). Fails with NotFound
    // or Io when it cannot be read. An empty file opens with size() 0.
    static Result<TextSource> open(const std::filesystem::path& file);

    const char* data() const { return m_data; }
    std::size_t size() const { return m_size; }
    TextEncoding encoding() const { return m_encoding; }

    // Re-reads the mapped bytes as Latin-1 (after they failed UTF-8 validation), transcoding
    // them into memory. Only for a source that was mapped as UTF-8 without a BOM.
    void reinterpretAsLatin1();
    // Tells the kernel the UTF-8 bytes in [begin, end) are no longer needed, so the pages of a
    // parsed range stop counting towards memory use. The data stays readable (re-faulted).
    void release(std::size_t begin, std::size_t end) const;

private:
    struct Mapping;
    std::shared_ptr<Mapping> m_mapping;
    std::string m_owned;  // transcoded text, when not mapped
    const char* m_data = nullptr;
    std::size_t m_size = 0;
    TextEncoding m_encoding = TextEncoding::Utf8;
};

}  // namespace kiln
