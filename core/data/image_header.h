// What an image file says about itself before anything decodes it: its format and its size in
// pixels, read from the header alone. OpenCV allocates the whole picture from the header's word,
// so a 157-byte JPEG that claims 28009 × 29555 pixels would cost 2.5 GB; every decode in Kiln asks
// checkImageHeader first.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "core/base/result.h"

namespace kiln {

struct ImageHeader {
    std::string format;  // "PNG", "JPEG", "BMP", "TIFF", "WebP"
    std::int64_t width = 0, height = 0;
};

// The most pixels Kiln decodes in one image (about 179 million, as Pillow's limit: a 0.5 GB
// colour picture) and the longest side (OpenCV's own limit).
constexpr std::int64_t kMaxImagePixels = 178'956'970;
constexpr std::int64_t kMaxImageSide = std::int64_t(1) << 20;

// The header of a PNG, JPEG, BMP, TIFF or WebP held in `bytes` (the file's first bytes, or all of
// them); nullopt when it is none of these or the header is cut short.
std::optional<ImageHeader> parseImageHeader(const std::uint8_t* bytes, std::size_t size);

// Reads what is needed of `path` (a JPEG's size can follow long metadata) and checks that it is
// one of the formats above, with sides of at least one pixel, within the limits.
Status checkImageHeader(const std::filesystem::path& path);

// The same for an image held in memory (a request's body); `where` names it in errors.
Status checkImageBytes(const std::uint8_t* bytes, std::size_t size, const std::string& where);

}  // namespace kiln
