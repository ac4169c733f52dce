#include "core/data/histogram.h"

#include <algorithm>
#include <cmath>

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
    h.edges.back() = hi;
    h.norm = double(bins) / (hi - lo);
    return h;
}

void Histogram::merge(const Histogram& other) {
    for (std::size_t i = 0; i < counts.size() && i < other.counts.size(); ++i)
        counts[i] += other.counts[i];
}

int autoBinCount(std::uint64_t count, double min, double max, double iqr) {
    if (count == 0 || !(max > min)) return 1;
    double range = max - min;
    double sturgesWidth = range / (std::log2(double(count)) + 1.0);
    double fdWidth = 2.0 * iqr * std::pow(double(count), -1.0 / 3.0);
    double width = fdWidth > 0 ? std::min(fdWidth, sturgesWidth) : sturgesWidth;
    return int(std::max(1.0, std::ceil(range / width)));
}

}  // namespace kiln
