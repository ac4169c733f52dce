#pragma once

#include <cstdint>
#include <vector>

namespace kiln {

// Equal-width bins over [lo, hi], numpy-compatible: edges are np.linspace(lo, hi, bins + 1),
// each bin is half-open except the last, which includes hi (np.histogram(v, bins, (lo, hi))).
struct Histogram {
    std::vector<double> edges;          // bins + 1 values
    std::vector<std::uint64_t> counts;  // bins values
    double norm = 1;                    // bins / (hi - lo), as numpy computes it

    // The bin a value falls into, exactly as numpy decides it, or -1 outside [lo, hi] or NaN.
    int binOf(double value) const {
        const int bins = int(counts.size());
        if (!(value >= edges.front() && value <= edges.back())) return -1;
        int index = int((value - edges.front()) * norm);
        if (index >= bins) index = bins - 1;
        if (value < edges[std::size_t(index)]) --index;
        if (index < bins - 1 && value >= edges[std::size_t(index) + 1]) ++index;
        return index;
    }
    void add(double value, std::uint64_t times = 1) {
        int bin = binOf(value);
        if (bin >= 0) counts[std::size_t(bin)] += times;
    }
    // Adds another histogram with identical edges.
    void merge(const Histogram& other);
};

// Empty bins with numpy's edges. `bins` >= 1; when lo == hi numpy widens the range to
// [lo - 0.5, hi + 0.5], and so does this.
Histogram makeHistogram(double lo, double hi, int bins);

// numpy's 'auto' bin count: the larger of the Sturges and Freedman-Diaconis counts
// (FD unless its width is 0), for `count` finite values with the given range and IQR.
int autoBinCount(std::uint64_t count, double min, double max, double iqr);

}  // namespace kiln
