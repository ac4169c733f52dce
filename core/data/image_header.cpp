#include "core/data/image_header.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <vector>

namespace kiln {

namespace {

// Reads `n` bytes at `offset` into `out`; false past the end.
using ByteReader = std::function<bool(std::uint64_t offset, std::size_t n, std::uint8_t* out)>;

std::uint32_t bigEndian(const std::uint8_t* p, int n) {
    std::uint32_t v = 0;
    for (int i = 0; i < n; ++i) v = (v << 8) | p[i];
    return v;
}

std::uint32_t littleEndian(const std::uint8_t* p, int n) {
    std::uint32_t v = 0;
    for (int i = n - 1; i >= 0; --i) v = (v << 8) | p[i];
    return v;
}

bool startsWith(const std::uint8_t* bytes, std::size_t size, const char* magic, std::size_t n) {
    return size >= n && std::memcmp(bytes, magic, n) == 0;
}

std::optional<ImageHeader> sized(const char* format, std::int64_t width, std::int64_t height) {
    return ImageHeader{format, width, height};
}

// PNG: the IHDR chunk comes first, width and height big-endian.
std::optional<ImageHeader> pngHeader(const std::uint8_t* p, std::size_t size) {
    if (size < 24 || std::memcmp(p + 12, "IHDR", 4) != 0) return std::nullopt;
    return sized("PNG", bigEndian(p + 16, 4), bigEndian(p + 20, 4));
}

bool isStartOfFrame(std::uint8_t marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

// JPEG: walks the marker segments to the first start-of-frame, which holds the size. Metadata
// (EXIF, ICC profiles, thumbnails) can put it hundreds of kilobytes in. As libjpeg does, bytes
// between a segment's end and the next marker are skipped, so a frame header libjpeg would find
// is found here too.
std::optional<ImageHeader> jpegHeader(const ByteReader& read) {
    std::uint64_t at = 2;
    const std::uint64_t kMaxSkipped = 1 << 20;
    for (int segments = 0; segments < 4096; ++segments) {
        std::uint8_t byte = 0;
        std::uint64_t skipped = 0;
        // To the next 0xFF, past fill bytes, to a marker that is not a stuffed zero.
        for (;;) {
            if (!read(at, 1, &byte)) return std::nullopt;
            ++at;
            if (byte != 0xFF) {
                if (++skipped > kMaxSkipped) return std::nullopt;
                continue;
            }
            do {
                if (!read(at, 1, &byte)) return std::nullopt;
                ++at;
            } while (byte == 0xFF);
            if (byte != 0x00) break;
        }
        const std::uint8_t marker = byte;
        if (marker == 0xD9 || marker == 0xDA) return std::nullopt;  // end, or a scan before any frame
        if ((marker >= 0xD0 && marker <= 0xD8) || marker == 0x01) continue;  // no length
        std::uint8_t segment[7];
        if (!read(at, 2, segment)) return std::nullopt;
        const std::uint32_t length = bigEndian(segment, 2);
        if (length < 2) return std::nullopt;
        if (isStartOfFrame(marker)) {
            if (length < 7 || !read(at, 7, segment)) return std::nullopt;
            return sized("JPEG", bigEndian(segment + 5, 2), bigEndian(segment + 3, 2));
        }
        at += length;
    }
    return std::nullopt;
}

// BMP: a core header (12 bytes) has 16-bit sides, the later ones 32-bit; a negative height means
// top-down rows.
std::optional<ImageHeader> bmpHeader(const std::uint8_t* p, std::size_t size) {
    if (size < 26) return std::nullopt;
    const std::uint32_t infoSize = littleEndian(p + 14, 4);
    if (infoSize == 12) return sized("BMP", littleEndian(p + 18, 2), littleEndian(p + 20, 2));
    if (infoSize < 40) return std::nullopt;
    const auto width = std::int32_t(littleEndian(p + 18, 4));
    const auto height = std::int32_t(littleEndian(p + 22, 4));
    return sized("BMP", width, height == INT32_MIN ? 0 : std::abs(height));
}

// TIFF: ImageWidth (256) and ImageLength (257) in the first directory, SHORT or LONG.
std::optional<ImageHeader> tiffHeader(const ByteReader& read, bool little) {
    auto number = [little](const std::uint8_t* p, int n) {
        return little ? littleEndian(p, n) : bigEndian(p, n);
    };
    std::uint8_t word[12];
    if (!read(4, 4, word)) return std::nullopt;
    const std::uint64_t directory = number(word, 4);
    if (!read(directory, 2, word)) return std::nullopt;
    const std::uint32_t entries = number(word, 2);
    std::int64_t width = -1, height = -1;
    for (std::uint32_t i = 0; i < entries; ++i) {
        if (!read(directory + 2 + 12 * std::uint64_t(i), 12, word)) return std::nullopt;
        const std::uint32_t tag = number(word, 2), type = number(word + 2, 2);
        if (tag != 256 && tag != 257) continue;
        std::int64_t value = type == 3 ? number(word + 8, 2) : type == 4 ? number(word + 8, 4) : -1;
        if (value < 0) return std::nullopt;
        (tag == 256 ? width : height) = value;
    }
    if (width < 0 || height < 0) return std::nullopt;
    return sized("TIFF", width, height);
}

// WebP: a RIFF file whose first chunk is lossy (VP8), lossless (VP8L) or extended (VP8X).
std::optional<ImageHeader> webpHeader(const std::uint8_t* p, std::size_t size) {
    if (size < 30) return std::nullopt;
    if (std::memcmp(p + 12, "VP8 ", 4) == 0) {
        if (bigEndian(p + 23, 3) != 0x9D012A) return std::nullopt;
        return sized("WebP", littleEndian(p + 26, 2) & 0x3FFF, littleEndian(p + 28, 2) & 0x3FFF);
    }
    if (std::memcmp(p + 12, "VP8L", 4) == 0) {
        if (p[20] != 0x2F) return std::nullopt;
        const std::uint32_t bits = littleEndian(p + 21, 4);
        return sized("WebP", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
    }
    if (std::memcmp(p + 12, "VP8X", 4) == 0)
        return sized("WebP", littleEndian(p + 24, 3) + 1, littleEndian(p + 27, 3) + 1);
    return std::nullopt;
}

// The format named by the file's first bytes; empty when none Kiln reads.
std::string signatureFormat(const std::uint8_t* bytes, std::size_t size) {
    if (startsWith(bytes, size, "\x89PNG\r\n\x1a\n", 8)) return "PNG";
    if (startsWith(bytes, size, "\xFF\xD8\xFF", 3)) return "JPEG";
    if (startsWith(bytes, size, "BM", 2)) return "BMP";
    if (startsWith(bytes, size, "II*\0", 4) || startsWith(bytes, size, "MM\0*", 4)) return "TIFF";
    if (startsWith(bytes, size, "RIFF", 4) && size >= 12 && std::memcmp(bytes + 8, "WEBP", 4) == 0) return "WebP";
    return {};
}

std::optional<ImageHeader> parseWith(const std::uint8_t* bytes, std::size_t size, const ByteReader& read) {
    const std::string format = signatureFormat(bytes, size);
    if (format == "PNG") return pngHeader(bytes, size);
    if (format == "JPEG") return jpegHeader(read);
    if (format == "BMP") return bmpHeader(bytes, size);
    if (format == "TIFF") return tiffHeader(read, bytes[0] == 'I');
    if (format == "WebP") return webpHeader(bytes, size);
    return std::nullopt;
}

ByteReader memoryReader(const std::uint8_t* bytes, std::size_t size) {
    return [bytes, size](std::uint64_t offset, std::size_t n, std::uint8_t* out) {
        if (offset > size || n > size - offset) return false;
        std::memcpy(out, bytes + offset, n);
        return true;
    };
}

// The limits every decode keeps, on a header read from `head` (the image's first bytes).
Status checkParsed(const std::optional<ImageHeader>& header, const std::uint8_t* head, std::size_t headSize,
                   const std::string& where) {
    if (!header) {
        const std::string format = signatureFormat(head, headSize);
        return makeError(ErrorCode::Corrupt,
                         format.empty() ? "not a decodable image: not a PNG, JPEG, BMP, TIFF or WebP file"
                                        : "not a decodable image: the " + format + " header is corrupt or truncated",
                         where);
    }
    const std::string size = std::to_string(header->width) + " × " + std::to_string(header->height);
    if (header->width < 1 || header->height < 1)
        return makeError(ErrorCode::Corrupt, "the " + header->format + " header gives a size of " + size + " pixels",
                         where);
    // Sides up to 2^32 - 1 (PNG, TIFF): their product is taken in double, as it can pass 2^63.
    const double pixels = double(header->width) * double(header->height);
    if (header->width > kMaxImageSide || header->height > kMaxImageSide)
        return makeError(ErrorCode::Corrupt,
                         "the " + header->format + " header claims " + size + " pixels; Kiln decodes at most " +
                             std::to_string(kMaxImageSide) + " pixels a side",
                         where);
    if (pixels > double(kMaxImagePixels))
        return makeError(ErrorCode::Corrupt,
                         "the " + header->format + " header claims " + size + " pixels (" +
                             std::to_string(std::int64_t(pixels / 1e6)) + " megapixels); Kiln decodes at most " +
                             std::to_string(kMaxImagePixels / 1'000'000) + " megapixels",
                         where);
    return {};
}

}  // namespace

std::optional<ImageHeader> parseImageHeader(const std::uint8_t* bytes, std::size_t size) {
    return parseWith(bytes, size, memoryReader(bytes, size));
}

Status checkImageBytes(const std::uint8_t* bytes, std::size_t size, const std::string& where) {
    return checkParsed(parseImageHeader(bytes, size), bytes, std::min<std::size_t>(size, 64 * 1024), where);
}

Status checkImageHeader(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return makeError(ErrorCode::Io, "cannot read the image file", path.string());
    // A window of the file: the first 64 KB, then wherever the reads go (a JPEG's segments).
    const std::size_t kWindow = 64 * 1024;
    std::vector<std::uint8_t> window(kWindow);
    std::uint64_t windowAt = 0;
    auto fill = [&](std::uint64_t offset) {
        in.clear();
        in.seekg(std::streamoff(offset));
        window.resize(kWindow);
        in.read(reinterpret_cast<char*>(window.data()), std::streamsize(kWindow));
        window.resize(std::size_t(in.gcount()));
        windowAt = offset;
    };
    fill(0);
    const std::vector<std::uint8_t> head = window;
    ByteReader read = [&](std::uint64_t offset, std::size_t n, std::uint8_t* out) {
        if (offset < windowAt || offset + n > windowAt + window.size()) fill(offset);
        if (offset + n > windowAt + window.size()) return false;
        std::memcpy(out, window.data() + (offset - windowAt), n);
        return true;
    };
    return checkParsed(parseWith(head.data(), head.size(), read), head.data(), head.size(), path.string());
}

}  // namespace kiln
