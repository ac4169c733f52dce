#pragma once

#include <cstddef>
#include <vector>

namespace kiln {

// One point of a metric curve: x is an epoch, a step or a wall time (seconds), y the value.
struct SeriesPoint {
    double x = 0;
    double y = 0;
};

// How a series with more points than pixels is thinned for drawing.
enum class DownsampleMethod {
    MinMax,  // per pixel bucket, its lowest and highest point: every extreme and spike survives
    Lttb,    // largest-triangle-three-buckets: one point per bucket, keeps the visual shape
};

// Thins `points` (x non-decreasing; when not, buckets are by index instead of by x) for a plot
// `pixelWidth` pixels wide. MinMax returns at most 2·pixelWidth points: the first and last point
// of the series, and each x bucket's minimum and maximum in x order, so the global minimum and
// maximum and every spike are kept. Lttb returns at most pixelWidth points (at least 3 are
// needed), the first and last included. A series that already fits is returned unchanged.
// Pure function, thread-safe. NaN values are kept only when a bucket holds nothing else.
std::vector<SeriesPoint> downsample(const std::vector<SeriesPoint>& points, int pixelWidth,
                                    DownsampleMethod method = DownsampleMethod::MinMax);

// The min/max reduction alone (see downsample).
std::vector<SeriesPoint> downsampleMinMax(const std::vector<SeriesPoint>& points, int pixelWidth);

// Largest-triangle-three-buckets (Steinarsson 2013) to `budget` points (see downsample).
std::vector<SeriesPoint> downsampleLttb(const std::vector<SeriesPoint>& points, int budget);

// The most points `method` returns for a plot `pixelWidth` pixels wide.
std::size_t downsampleBudget(int pixelWidth, DownsampleMethod method);

}  // namespace kiln
