#include "image_fixtures.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <string>

namespace kiln::test {

std::filesystem::path writeImageFolder(const std::filesystem::path& root) {
    cv::RNG rng(3);
    for (int cls = 0; cls < 2; ++cls) {
        std::filesystem::path dir = root / (cls ? "stripes" : "blobs");
        std::filesystem::create_directories(dir);
        for (int i = 0; i < 24; ++i) {
            cv::Mat img(16, 16, CV_8UC3);
            rng.fill(img, cv::RNG::UNIFORM, 0, 60);
            for (int y = 0; y < 16; ++y)
                for (int x = 0; x < 16; ++x)
                    if (cls ? (x + y + i) % 4 == 0 : (x - 8) * (x - 8) + (y - 8) * (y - 8) < 20)
                        img.at<cv::Vec3b>(y, x) =
                            cls ? cv::Vec3b(250, 240, 230) : cv::Vec3b(20, 160, 40);
            cv::imwrite((dir / ("img" + std::to_string(i) + ".png")).string(), img);
        }
    }
    return root;
}

}  // namespace kiln::test
