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
// [min, max]. NaN marks a missing value. Values are the finite, non-missing ones.
struct NumericSummary {
    std::uint64_t count = 0;    // non-missing values
    std::uint64_t missing = 0;  // NaN (or masked) values
    std::uint64_t distinct = 0;
    bool distinctIsEstimate = false;  // HyperLogLog (±1%) above kExactDistinctLimit values
    double mean = 0, std = 0, min = 0, max = 0;
    std::vector<double> quantiles;  // at kProfileQuantiles
    Histogram histogram;
    std::uint64_t outliersLow = 0, outliersHigh = 0;  // beyond 1.5 IQR from the quartiles
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
// Runs on `threads` threads in a few linear passes (no full sort). Stops with an empty summary
// when the job is cancelled. Thread-safe: reads only its inputs.
NumericSummary summariseNumeric(const double* values, std::uint64_t count, const std::uint8_t* mask,
                                const NumericSummaryOptions& options, JobContext* job = nullptr);

// numpy.quantile(sorted, q) for an ascending array (method 'linear'), bit-for-bit.
double quantileOfSorted(const double* sorted, std::uint64_t n, double q);

// Distinct values counted exactly up to this many values; above it, estimated.
inline constexpr std::uint64_t kExactDistinctLimit = 200000;

}  // namespace kiln
