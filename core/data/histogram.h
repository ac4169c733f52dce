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
    // Where numpy's estimate is more than one bin off (a range that overflows a double, or a
    // denormal one), the bin is searched among the edges instead.
    int binOf(double value) const {
        const int bins = int(counts.size());
        if (!(value >= edges.front() && value <= edges.back())) return -1;
        double estimate = (value - edges.front()) * norm;
        int index = estimate >= double(bins) ? bins - 1 : (estimate >= 1.0 ? int(estimate) : 0);
        if (value < edges[std::size_t(index)]) --index;
        if (index < bins - 1 && value >= edges[std::size_t(index) + 1]) ++index;
        if (index < 0 || value < edges[std::size_t(index)] ||
            (index < bins - 1 && value >= edges[std::size_t(index) + 1]))
            index = searchBin(value);
        return index;
    }
    void add(double value, std::uint64_t times = 1) {
        int bin = binOf(value);
        if (bin >= 0) counts[std::size_t(bin)] += times;
    }
    // Adds another histogram with identical edges.
    void merge(const Histogram& other);

  private:
    int searchBin(double value) const;
};

// Empty bins with numpy's edges. `bins` >= 1; when lo == hi numpy widens the range to
// [lo - 0.5, hi + 0.5], and so does this. A range wider than the largest double (-1e308 to
// 1e308) gets finite edges too (numpy's would be NaN).
Histogram makeHistogram(double lo, double hi, int bins);

// numpy's 'auto' bin count: the larger of the Sturges and Freedman-Diaconis counts
// (FD unless its width is 0), for `count` finite values with the given range and IQR. Always a
// count from 1 to INT_MAX, whatever the range (one that overflows a double is measured in halves).
int autoBinCount(std::uint64_t count, double min, double max, double iqr);

}  // namespace kiln
