#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kiln {

// How `kiln monitor` decides whether a column drifted from the reference (the model's training
// dataset version) to the current data. The test is chosen by the column's kind and by n, the
// number of present values in the smaller of the two (sampled) columns:
//
//   numbers, dates   n <= smallSample  two-sample Kolmogorov-Smirnov: drifted when the
//                                      Benjamini-Hochberg adjusted p-value < alpha; effect = D
//                    n >  smallSample  Wasserstein-1 distance in reference standard deviations:
//                                      drifted when the effect >= wassersteinThreshold; the KS
//                                      p-value is still reported (and adjusted), but at this
//                                      size it flags differences too small to matter, so it
//                                      does not decide
//   categories,      n <= smallSample  chi-squared test of homogeneity: drifted when the
//   booleans                           adjusted p-value < alpha; effect = Cramér's V
//                    n >  smallSample  Jensen-Shannon distance (base 2, 0..1): drifted when the
//                                      effect >= jensenShannonThreshold; the chi-squared p-value
//                                      is still reported
//
// The Wasserstein distance is divided by the reference's sd (ddof 1). A constant reference has
// an sd of 0, and an IQR of 0 as well, so no robust scale helps there: the distance is then
// divided by the sd of both samples together, which is 0 only when both hold the same one value
// (effect 0). The p-value adjustment runs across the compared columns of one report; the model's
// predictions are a test of their own, left out of it. Missing values are left out of the tests
// and each column's missing shares are reported beside them. A column with values on one side
// only is drifted (test "none").
struct MonitorOptions {
    double alpha = 0.05;                // false discovery rate of the p-value tests
    std::uint64_t smallSample = 5000;   // n at or below which the p-value decides
    double wassersteinThreshold = 0.1;  // in reference standard deviations
    double jensenShannonThreshold = 0.1;
    std::uint64_t maxRows = 1'000'000;       // per column and side, sampled evenly above it
    std::uint64_t predictionRows = 100'000;  // per side, for the prediction drift
    std::vector<std::string> features;       // the columns to compare; empty: every shared column
    std::string target;                      // a column never compared (the model's target)
    int threads = 0;                         // columns compared side by side (0: every core)
};

}  // namespace kiln
