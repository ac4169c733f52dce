#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "core/analysis/downsample.h"

using namespace kiln;

namespace {

// A noisy sine of n points with an upward spike at `up` and a downward one at `down`.
std::vector<SeriesPoint> spiky(std::size_t n, std::size_t up, std::size_t down) {
    std::vector<SeriesPoint> p(n);
    for (std::size_t i = 0; i < n; ++i)
        p[i] = {double(i), std::sin(double(i) * 0.001) + 0.01 * double((i * 7919) % 13)};
    p[up].y = 50;
    p[down].y = -40;
    return p;
}

bool contains(const std::vector<SeriesPoint>& pts, SeriesPoint q) {
    return std::any_of(pts.begin(), pts.end(), [&](auto& p) { return p.x == q.x && p.y == q.y; });
}

bool xOrdered(const std::vector<SeriesPoint>& pts) {
    return std::is_sorted(pts.begin(), pts.end(), [](auto& a, auto& b) { return a.x < b.x; });
}

}  // namespace

TEST_CASE("min/max keeps every spike, the extremes and the ends within 2 points a pixel",
          "[downsample]") {
    auto pts = spiky(100000, 31337, 77777);
    pts[5000].y = 30;  // a second spike, far from the first
    auto out = downsampleMinMax(pts, 800);
    CHECK(out.size() <= 1600);
    CHECK(out.size() > 1000);  // the budget is used, not wasted
    CHECK(contains(out, pts[31337]));
    CHECK(contains(out, pts[77777]));
    CHECK(contains(out, pts[5000]));
    CHECK(contains(out, pts.front()));
    CHECK(contains(out, pts.back()));
    CHECK(xOrdered(out));
    auto [lo, hi] = std::minmax_element(out.begin(), out.end(),
                                        [](auto& a, auto& b) { return a.y < b.y; });
    CHECK(lo->y == -40);
    CHECK(hi->y == 50);
}

TEST_CASE("min/max respects the budget for every width and uneven x", "[downsample]") {
    std::vector<SeriesPoint> pts;
    double x = 0;
    for (int i = 0; i < 20000; ++i) pts.push_back({x += (i % 100 == 0 ? 50.0 : 0.1), double(i % 97)});
    for (int width : {2, 3, 10, 333, 1000, 9999}) {
        auto out = downsampleMinMax(pts, width);
        CHECK(out.size() <= std::size_t(2 * width));
        CHECK(xOrdered(out));
    }
    CHECK(downsampleMinMax(pts, 1).size() == 2);
}

TEST_CASE("a series that fits passes through unchanged", "[downsample]") {
    auto pts = spiky(300, 10, 20);
    auto out = downsample(pts, 150, DownsampleMethod::MinMax);
    REQUIRE(out.size() == pts.size());
    for (std::size_t i = 0; i < pts.size(); ++i) CHECK((out[i].x == pts[i].x && out[i].y == pts[i].y));
    CHECK(downsample(pts, 300, DownsampleMethod::Lttb).size() == 300);
    CHECK(downsample({}, 100).empty());
}

TEST_CASE("unsorted x falls back to buckets by index and keeps input order", "[downsample]") {
    std::vector<SeriesPoint> pts;
    for (int i = 0; i < 5000; ++i) pts.push_back({double((i * 37) % 5000), double(i == 4321 ? 99 : 0)});
    auto out = downsampleMinMax(pts, 100);
    CHECK(out.size() <= 200);
    CHECK(contains(out, pts[4321]));
}

TEST_CASE("NaN values never hide a bucket's extremes", "[downsample]") {
    auto pts = spiky(10000, 501, 601);  // odd: the NaNs below sit on even indexes
    for (std::size_t i = 400; i < 700; i += 2) pts[i].y = std::nan("");
    auto out = downsampleMinMax(pts, 100);
    CHECK(contains(out, pts[501]));
    CHECK(contains(out, pts[601]));
}

TEST_CASE("LTTB keeps the ends, the budget and the order, and finds a lone spike",
          "[downsample]") {
    auto pts = spiky(100000, 31337, 77777);
    auto out = downsampleLttb(pts, 500);
    CHECK(out.size() == 500);
    CHECK(contains(out, pts.front()));
    CHECK(contains(out, pts.back()));
    CHECK(xOrdered(out));
    CHECK(contains(out, pts[31337]));  // a spike makes the largest triangle in its bucket
    CHECK(contains(out, pts[77777]));
}
