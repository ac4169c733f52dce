#pragma once

#include <cstdint>
#include <vector>

#include "core/data/histogram.h"
#include "core/jobs/job_context.h"

namespace kiln {

// The quantile levels every numeric profile reports.
inline const std::vector<double> kProfileQuantiles = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99};

// Statistics of one numeric column, numpy-compatible: std is the sample std (ddof = 1), quantiles
// are exact with linear interpolation (numpy's default), the histogram is np.histogram over
// [min, max]. NaN marks a missing value. Every statistic is over the finite values: +inf and -inf
// are counted on their own and left out of mean, std, min, max, quantiles, histogram and outliers
// (a sum with one inf says nothing about the other values). A range wider than the largest
// double (say -1e308 to 1e308) still gets finite bins, quantiles and a mean.
struct NumericSummary {
    std::uint64_t count = 0;    // finite values: the ones the statistics below describe
    std::uint64_t missing = 0;  // NaN (or masked) values
    std::uint64_t positiveInfinite = 0, negativeInfinite = 0;  // +inf and -inf values
    std::uint64_t distinct = 0;  // distinct values, +inf and -inf each counting as one
    bool distinctIsEstimate = false;  // HyperLogLog (±1%) above kExactDistinctLimit values
    double mean = 0, std = 0, min = 0, max = 0;
    std::vector<double> quantiles;  // at kProfileQuantiles
    Histogram histogram;
    std::uint64_t outliersLow = 0, outliersHigh = 0;  // beyond 1.5 IQR from the quartiles

    // Values that are +inf or -inf.
    std::uint64_t infinite() const { return positiveInfinite + negativeInfinite; }
};

struct NumericSummaryOptions {
    int bins = 0;        // histogram bins; 0 picks numpy's 'auto'
    int threads = 0;     // 0: all cores
    bool distinct = true;
    // The values are whole numbers (integer, boolean, date columns): distinct is counted exactly
    // with a bitmap when the range allows, and with 'auto' bins a small range (up to
    // kIntegerBinLimit values) gets one bin per value, centred on it.
    bool integral = false;
};

inline constexpr int kIntegerBinLimit = 128;

// Summarises `count` doubles (NaN = missing; `mask[i] != 0` also marks row i missing when given).
// Runs on `threads` threads in a few linear passes (no full sort); a short column (up to
// kSortedColumnLimit values) is sorted on the calling thread instead, which is faster there and
// gives the same figures. Stops with an empty summary when the job is cancelled. Thread-safe:
// reads only its inputs.
NumericSummary summariseNumeric(const double* values, std::uint64_t count, const std::uint8_t* mask,
                                const NumericSummaryOptions& options, JobContext* job = nullptr);

// Columns up to this many values are summarised by one sort (no buckets, no threads).
inline constexpr std::uint64_t kSortedColumnLimit = 32768;

// numpy.quantile(sorted, q) for an ascending array (method 'linear'), bit-for-bit; where the two
// neighbours differ by more than the largest double (-1e308 and 1e308) it still interpolates,
// where numpy would give -inf.
double quantileOfSorted(const double* sorted, std::uint64_t n, double q);

// Distinct values counted exactly up to this many values; above it, estimated.
inline constexpr std::uint64_t kExactDistinctLimit = 200000;

}  // namespace kiln
