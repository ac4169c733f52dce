#pragma once

#include <string>
#include <vector>

#include "core/monitor/monitor_options.h"

// The two-sample statistics `kiln monitor` uses, and the choice among them that
// monitor_options.h states. Pure functions of their arguments: safe from any thread. Checked
// against scipy 1.10 in tests/monitor (tests/monitor/scipy_values.py prints the values).
namespace kiln {

// One test's outcome on one column, before the adjustment across columns.
struct DriftTestResult {
    std::string test;             // "ks", "wasserstein", "chi_squared", "jensen_shannon", "none"
    double statistic = 0;         // KS D or the chi-squared statistic: what the p-value is of
    double pValue = 1;            // NaN when no test could run
    double effect = 0;            // how far apart, on the scale `effectName` says
    std::string effectName;       // "ks_d", "wasserstein_sd", "wasserstein_pooled_sd", "cramers_v",
                                  // "jensen_shannon"
    bool decidedByPValue = true;  // else by effect >= threshold
    double threshold = 0;         // alpha, or the effect threshold
};

// Q(a, x) = Γ(a, x) / Γ(a), the regularized upper incomplete gamma function, for a > 0, x >= 0
// (series below a + 1, Lentz's continued fraction above). NaN outside that domain.
double regularizedUpperGamma(double a, double x);

// P(X >= x) for X chi-squared with `dof` degrees of freedom (dof > 0).
double chiSquaredSurvival(double x, double dof);

// Pearson's chi-squared test of homogeneity on the 2 × k table of two count vectors of one
// length (categories where both are 0 are left out), without Yates' correction: scipy's
// chi2_contingency(correction=False). Cramér's V = sqrt(chi² / (N · (min(2, k) − 1))).
// With fewer than two categories, or a side with no counts, the statistic is 0, p 1 and V 0.
struct ChiSquaredResult {
    double statistic = 0;
    double dof = 0;
    double pValue = 1;
    double cramersV = 0;
};
ChiSquaredResult chiSquaredHomogeneity(const std::vector<double>& reference,
                                       const std::vector<double>& current);

// Wasserstein-1 (earth mover's) distance between the empirical distributions of two ascending
// samples, in their units: ∫ |F_a − F_b| dx (scipy.stats.wasserstein_distance). 0 when either is
// empty.
double wassersteinDistance(const std::vector<double>& a, const std::vector<double>& b);

// The sample standard deviation (ddof 1) of `values`; 0 for fewer than two.
double sampleStandardDeviation(const std::vector<double>& values);

// The Jensen-Shannon distance (the square root of the divergence, base 2: 0 same, 1 disjoint)
// between two count (or share) vectors of one length, each normalised to sum 1
// (scipy.spatial.distance.jensenshannon(p, q, base=2)). NaN when either sums to 0.
double jensenShannonDistance(const std::vector<double>& p, const std::vector<double>& q);

// Benjamini-Hochberg adjusted p-values, in the order given: p_(i) · m / i made monotone from the
// largest down and capped at 1. NaN entries stay NaN and do not count in m.
std::vector<double> benjaminiHochberg(const std::vector<double>& pValues);

// The test monitor_options.h chooses for two ascending samples of numbers (dates as days).
DriftTestResult testNumbers(const std::vector<double>& reference,
                            const std::vector<double>& current, const MonitorOptions& options);

// The test monitor_options.h chooses for two aligned count vectors of categories.
DriftTestResult testCategories(const std::vector<double>& reference,
                               const std::vector<double>& current, const MonitorOptions& options);

}  // namespace kiln
