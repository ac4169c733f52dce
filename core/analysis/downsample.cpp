#include "core/analysis/downsample.h"

#include <algorithm>
#include <cmath>

namespace kiln {

namespace {

bool nonDecreasing(const std::vector<SeriesPoint>& p, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin + 1; i < end; ++i)
        if (!(p[i].x >= p[i - 1].x)) return false;
    return true;
}

// Gathers one bucket's lowest and highest point (by index) and emits them in x order.
class BucketExtremes {
public:
    void add(const std::vector<SeriesPoint>& p, std::size_t i) {
        if (std::isnan(p[i].y)) {
            if (m_nan < 0) m_nan = long(i);
            return;
        }
        if (m_min < 0 || p[i].y < p[std::size_t(m_min)].y) m_min = long(i);
        if (m_max < 0 || p[i].y > p[std::size_t(m_max)].y) m_max = long(i);
    }
    void emit(const std::vector<SeriesPoint>& p, std::vector<SeriesPoint>& out) {
        if (m_min < 0 && m_nan >= 0) out.push_back(p[std::size_t(m_nan)]);
        if (m_min >= 0) {
            long first = std::min(m_min, m_max), second = std::max(m_min, m_max);
            out.push_back(p[std::size_t(first)]);
            if (second != first) out.push_back(p[std::size_t(second)]);
        }
        m_min = m_max = m_nan = -1;
    }

private:
    long m_min = -1, m_max = -1, m_nan = -1;
};

// The bucket of point i among `buckets` spread over the interior [begin, end).
struct BucketIndex {
    bool byX = true;
    double x0 = 0, span = 0;
    std::size_t begin = 0, count = 0, buckets = 1;

    std::size_t operator()(const std::vector<SeriesPoint>& p, std::size_t i) const {
        std::size_t b = byX ? std::size_t(std::max(0.0, (p[i].x - x0) / span * double(buckets)))
                            : (i - begin) * buckets / count;
        return std::min(b, buckets - 1);
    }
};

}  // namespace

std::size_t downsampleBudget(int pixelWidth, DownsampleMethod method) {
    std::size_t w = std::size_t(std::max(pixelWidth, 1));
    return method == DownsampleMethod::MinMax ? 2 * w : std::max<std::size_t>(w, 3);
}

std::vector<SeriesPoint> downsampleMinMax(const std::vector<SeriesPoint>& points, int pixelWidth) {
    std::size_t n = points.size();
    if (n <= downsampleBudget(pixelWidth, DownsampleMethod::MinMax) || pixelWidth < 2) {
        if (n <= 2 || pixelWidth >= 2) return points;
        return {points.front(), points.back()};  // one pixel: the two ends
    }
    // First and last point stay; the interior gets pixelWidth − 1 buckets of at most 2 points.
    BucketIndex index;
    index.begin = 1;
    index.count = n - 2;
    index.buckets = std::size_t(pixelWidth - 1);
    index.x0 = points[1].x;
    index.span = points[n - 2].x - points[1].x;
    index.byX = index.span > 0 && std::isfinite(index.span) && nonDecreasing(points, 1, n - 1);
    std::vector<SeriesPoint> out;
    out.reserve(2 * std::size_t(pixelWidth));
    out.push_back(points.front());
    BucketExtremes extremes;
    std::size_t current = index(points, 1);
    for (std::size_t i = 1; i + 1 < n; ++i) {
        std::size_t b = index(points, i);
        if (b != current) extremes.emit(points, out), current = b;
        extremes.add(points, i);
    }
    extremes.emit(points, out);
    out.push_back(points.back());
    return out;
}

namespace {

// The point of [begin, end) that makes the largest triangle with `a` and the average `c`.
std::size_t largestTriangle(const std::vector<SeriesPoint>& p, std::size_t begin, std::size_t end,
                            const SeriesPoint& a, const SeriesPoint& c) {
    std::size_t best = begin;
    double bestArea = -1;
    for (std::size_t i = begin; i < end; ++i) {
        double area =
            std::fabs((a.x - c.x) * (p[i].y - a.y) - (a.x - p[i].x) * (c.y - a.y));
        if (area > bestArea) bestArea = area, best = i;  // NaN areas never win
    }
    return best;
}

SeriesPoint average(const std::vector<SeriesPoint>& p, std::size_t begin, std::size_t end) {
    SeriesPoint sum;
    std::size_t used = 0;
    for (std::size_t i = begin; i < end; ++i) {
        if (std::isnan(p[i].y)) continue;
        sum.x += p[i].x, sum.y += p[i].y, ++used;
    }
    if (used == 0) return p[begin];
    return {sum.x / double(used), sum.y / double(used)};
}

}  // namespace

std::vector<SeriesPoint> downsampleLttb(const std::vector<SeriesPoint>& points, int budget) {
    std::size_t n = points.size(), m = std::size_t(std::max(budget, 3));
    if (n <= m) return points;
    std::vector<SeriesPoint> out;
    out.reserve(m);
    out.push_back(points.front());
    // m − 2 buckets over the interior points 1 … n−2.
    double every = double(n - 2) / double(m - 2);
    std::size_t a = 0;
    for (std::size_t b = 0; b + 2 < m; ++b) {
        std::size_t begin = 1 + std::size_t(double(b) * every);
        std::size_t end = std::min(n - 1, 1 + std::size_t(double(b + 1) * every));
        std::size_t nextEnd = std::min(n - 1, 1 + std::size_t(double(b + 2) * every));
        SeriesPoint c = end < nextEnd ? average(points, end, nextEnd) : points.back();
        a = largestTriangle(points, begin, std::max(end, begin + 1), points[a], c);
        out.push_back(points[a]);
    }
    out.push_back(points.back());
    return out;
}

std::vector<SeriesPoint> downsample(const std::vector<SeriesPoint>& points, int pixelWidth,
                                    DownsampleMethod method) {
    return method == DownsampleMethod::MinMax ? downsampleMinMax(points, pixelWidth)
                                              : downsampleLttb(points, pixelWidth);
}

}  // namespace kiln
