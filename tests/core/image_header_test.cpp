#include <catch2/catch.hpp>
#include <fstream>
#include <opencv2/imgcodecs.hpp>

#include "core/data/image_folder.h"
#include "core/data/image_header.h"
#include "core/store/workspace.h"
#include "temp_dir.h"

using namespace kiln;
namespace fs = std::filesystem;

namespace {

std::vector<std::uint8_t> encode(const std::string& extension, int width, int height, int channels,
                                 std::vector<int> params = {}) {
    cv::Mat image(height, width, channels == 1 ? CV_8UC1 : CV_8UC3, cv::Scalar(40, 120, 200));
    std::vector<std::uint8_t> bytes;
    REQUIRE(cv::imencode(extension, image, bytes, params));
    return bytes;
}

void writeBytes(const fs::path& file, const std::vector<std::uint8_t>& bytes) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()),
                                                std::streamsize(bytes.size()));
}

// A JPEG of 157 bytes whose frame header claims 29555 × 28009 pixels (found by fuzz_image_file:
// OpenCV allocated 2.5 GB for it before finding the data short).
std::vector<std::uint8_t> jpegBomb() {
    std::ifstream in(fs::path(KILN_SOURCE_DIR) / "fuzz/regressions/fuzz_image_file/jpeg-claims-28009x29555",
                     std::ios::binary);
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(bytes.size() == 157);
    bytes.erase(bytes.begin());  // the harness's flag byte
    return bytes;
}

}  // namespace

TEST_CASE("Image headers give the size OpenCV will decode, in each format Kiln reads", "[images]") {
    struct Case {
        const char* extension;
        const char* format;
        int channels;
        std::vector<int> params;
    };
    const std::vector<Case> cases = {
        {".png", "PNG", 3, {}},
        {".png", "PNG", 1, {}},
        {".jpg", "JPEG", 3, {}},
        {".jpg", "JPEG", 1, {cv::IMWRITE_JPEG_PROGRESSIVE, 1}},
        {".bmp", "BMP", 3, {}},
        {".bmp", "BMP", 1, {}},
        {".tiff", "TIFF", 3, {}},
        {".webp", "WebP", 3, {cv::IMWRITE_WEBP_QUALITY, 80}},
        {".webp", "WebP", 3, {cv::IMWRITE_WEBP_QUALITY, 101}},  // lossless
    };
    for (const auto& c : cases) {
        INFO(c.extension << " with " << c.channels << " channels");
        auto bytes = encode(c.extension, 37, 23, c.channels, c.params);
        auto header = parseImageHeader(bytes.data(), bytes.size());
        REQUIRE(header);
        CHECK(header->format == c.format);
        CHECK(header->width == 37);
        CHECK(header->height == 23);
    }
}

TEST_CASE("A JPEG's size is found behind metadata longer than the first read", "[images]") {
    auto jpeg = encode(".jpg", 50, 40, 3);
    // Three 60 KB application segments (as EXIF thumbnails and ICC profiles make) before the frame.
    std::vector<std::uint8_t> padded(jpeg.begin(), jpeg.begin() + 2);
    for (int i = 0; i < 3; ++i) {
        const std::size_t length = 60000;
        padded.insert(padded.end(), {0xFF, 0xE2, std::uint8_t(length >> 8), std::uint8_t(length & 0xFF)});
        padded.insert(padded.end(), length - 2, 0x20);
    }
    padded.insert(padded.end(), jpeg.begin() + 2, jpeg.end());
    TempDir dir;
    writeBytes(dir / "padded.jpg", padded);
    CHECK(checkImageHeader(dir / "padded.jpg").ok());
    auto header = parseImageHeader(padded.data(), padded.size());
    REQUIRE(header);
    CHECK(header->width == 50);
    CHECK(header->height == 40);
    CHECK(cv::imread((dir / "padded.jpg").string()).cols == 50);
}

TEST_CASE("An image that claims too many pixels, no size or no known header is refused before decoding",
          "[images]") {
    TempDir dir;
    writeBytes(dir / "bomb.jpg", jpegBomb());
    auto bomb = checkImageHeader(dir / "bomb.jpg");
    REQUIRE_FALSE(bomb.ok());
    CHECK(bomb.error().message ==
          "the JPEG header claims 29555 × 28009 pixels (827 megapixels); Kiln decodes at most 178 megapixels");

    auto png = encode(".png", 8, 8, 3);
    png.resize(20);  // cut inside the IHDR chunk
    writeBytes(dir / "cut.png", png);
    auto cut = checkImageHeader(dir / "cut.png");
    REQUIRE_FALSE(cut.ok());
    CHECK(cut.error().message == "not a decodable image: the PNG header is corrupt or truncated");

    auto zero = encode(".png", 8, 8, 3);
    std::fill(zero.begin() + 16, zero.begin() + 20, 0);  // width 0
    writeBytes(dir / "zero.png", zero);
    CHECK(checkImageHeader(dir / "zero.png").error().message == "the PNG header gives a size of 0 × 8 pixels");

    auto wide = encode(".png", 8, 8, 3);
    std::fill(wide.begin() + 16, wide.begin() + 24, 0xFF);  // 4294967295 × 4294967295
    writeBytes(dir / "wide.png", wide);
    CHECK(checkImageHeader(dir / "wide.png").error().message ==
          "the PNG header claims 4294967295 × 4294967295 pixels; Kiln decodes at most 1048576 pixels a side");

    writeBytes(dir / "text.png", {'h', 'e', 'l', 'l', 'o'});
    CHECK(checkImageHeader(dir / "text.png").error().message ==
          "not a decodable image: not a PNG, JPEG, BMP, TIFF or WebP file");
}

TEST_CASE("An image folder with a decompression bomb imports the rest and names the bomb", "[images]") {
    TempDir dir;
    const fs::path root = dir / "shapes";
    writeBytes(root / "a" / "fine.png", encode(".png", 12, 10, 3));
    writeBytes(root / "a" / "bomb.jpg", jpegBomb());
    auto ws = Workspace::open(dir / "ws").value();
    BasicJobContext job;
    auto imported = importImageDataset(*ws, root, "", job);
    REQUIRE(imported.ok());
    CHECK(imported->images.manifest.rows == 1);
    REQUIRE(imported->images.skipped.size() == 1);
    CHECK(imported->images.skipped[0].reason.find("claims 29555 × 28009 pixels") != std::string::npos);
}
