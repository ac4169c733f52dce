#include "core/data/histogram.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace kiln {

Histogram makeHistogram(double lo, double hi, int bins) {
    if (lo == hi) lo -= 0.5, hi += 0.5;
    bins = std::max(bins, 1);
    Histogram h;
    h.counts.assign(std::size_t(bins), 0);
    h.edges.resize(std::size_t(bins) + 1);
    // np.linspace(lo, hi, bins + 1): i * step + lo, the last edge exactly hi.
    double step = (hi - lo) / double(bins);
    for (int i = 0; i <= bins; ++i) h.edges[std::size_t(i)] = double(i) * step + lo;
    if (std::isinf(hi - lo))  // step overflows: weigh the ends instead, each term finite
        for (int i = 0; i <= bins; ++i) {
            double t = double(i) / double(bins);
            h.edges[std::size_t(i)] = lo * (1.0 - t) + hi * t;
        }
    h.edges.back() = hi;
    h.norm = double(bins) / (hi - lo);
    return h;
}

int Histogram::searchBin(double value) const {
    // The last edge that is <= value, among the first `bins` edges (the last bin is closed).
    auto after = std::upper_bound(edges.begin(), edges.end() - 1, value);
    return std::max(0, int(after - edges.begin()) - 1);
}

void Histogram::merge(const Histogram& other) {
    for (std::size_t i = 0; i < counts.size() && i < other.counts.size(); ++i)
        counts[i] += other.counts[i];
}

int autoBinCount(std::uint64_t count, double min, double max, double iqr) {
    if (count == 0 || !(max > min)) return 1;
    if (std::isinf(max - min)) return autoBinCount(count, min * 0.5, max * 0.5, iqr * 0.5);
    double range = max - min;
    double sturgesWidth = range / (std::log2(double(count)) + 1.0);
    double fdWidth = 2.0 * iqr * std::pow(double(count), -1.0 / 3.0);
    double width = fdWidth > 0 ? std::min(fdWidth, sturgesWidth) : sturgesWidth;
    double bins = std::ceil(range / width);  // NaN or huge for a denormal IQR
    return bins >= 1.0 ? int(std::min(bins, double(std::numeric_limits<int>::max()))) : 1;
}

}  // namespace kiln
