// The image half of the feature recipe: decoding and resizing with OpenCV, kept apart so only this
// file pays for OpenCV's headers.
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>

#include "core/data/image_header.h"
#include "core/data/table.h"
#include "core/features/feature_recipe.h"
#include "core/store/object_store.h"

namespace kiln {

namespace {

// Decodes one image into `out` as [channels, size, size] uint8 (RGB order for colour).
Status decodeInto(const std::string& path, const ImageCoding& coding, std::uint8_t* out) {
    if (auto header = checkImageHeader(path); !header) return header;
    cv::Mat image =
        cv::imread(path, coding.channels == 1 ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR);
    if (image.empty()) return makeError(ErrorCode::Corrupt, "cannot decode image", path);
    if (coding.channels == 3) cv::cvtColor(image, image, cv::COLOR_BGR2RGB);
    cv::Mat resized;
    cv::resize(image, resized, cv::Size(coding.size, coding.size), 0, 0, cv::INTER_AREA);
    const int plane = coding.size * coding.size;
    for (int y = 0; y < coding.size; ++y) {
        const std::uint8_t* src = resized.ptr<std::uint8_t>(y);
        for (int x = 0; x < coding.size; ++x)
            for (int ch = 0; ch < coding.channels; ++ch)
                out[ch * plane + y * coding.size + x] = src[x * coding.channels + ch];
    }
    return {};
}

}  // namespace

Result<std::vector<std::uint8_t>> loadImages(const ObjectStore& store, const Table& table,
                                             const ImageCoding& coding,
                                             const std::vector<std::uint64_t>& rows) {
    int hashColumn = table.columnIndex(coding.column);
    if (hashColumn < 0)
        return makeError(ErrorCode::InvalidArgument,
                         "the dataset has no '" + coding.column +
                             "' column of image hashes; is it an image dataset?");
    const ColumnView& hashes = table.column(std::size_t(hashColumn));
    const std::size_t stride = std::size_t(coding.channels) * coding.size * coding.size;
    std::vector<std::uint8_t> pixels(rows.size() * stride);
    try {
        for (std::size_t i = 0; i < rows.size(); ++i) {
            auto status = decodeInto(store.pathFor(hashes.text(rows[i])).string(), coding,
                                     pixels.data() + i * stride);
            if (!status)
                return makeError(status.error().code, status.error().message,
                                 "row " + std::to_string(rows[i]) + ", " + status.error().context);
        }
    } catch (const cv::Exception& e) {
        return makeError(ErrorCode::Corrupt,
                         std::string("OpenCV failed to read an image: ") + e.what());
    }
    return pixels;
}

void fitImageNormalisation(ImageCoding& coding, const std::vector<std::uint8_t>& pixels) {
    const std::size_t plane = std::size_t(coding.size) * coding.size;
    const std::size_t stride = plane * std::size_t(coding.channels);
    std::size_t images = stride ? pixels.size() / stride : 0;
    coding.mean.assign(std::size_t(coding.channels), 0.0);
    coding.std.assign(std::size_t(coding.channels), 1.0);
    for (int ch = 0; ch < coding.channels; ++ch) {
        double sum = 0, sq = 0;
        for (std::size_t i = 0; i < images; ++i) {
            const std::uint8_t* p = pixels.data() + i * stride + std::size_t(ch) * plane;
            for (std::size_t k = 0; k < plane; ++k) {
                double v = p[k] / 255.0;
                sum += v;
                sq += v * v;
            }
        }
        double n = double(images * plane);
        if (n == 0) continue;
        double mean = sum / n;
        coding.mean[std::size_t(ch)] = mean;
        double var = sq / n - mean * mean;
        coding.std[std::size_t(ch)] = var > 1e-12 ? std::sqrt(var) : 1.0;
    }
}

}  // namespace kiln
