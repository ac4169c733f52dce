// The drift statistics against scipy. The expected values are literals printed by
// tests/monitor/scipy_values.py (scipy 1.10.1, numpy 1.24.2: Debian 12's python3-scipy) on the
// same samples: ks_2samp, chi2_contingency(correction=False),
// stats.contingency.association(method="cramer"), chi2.sf, wasserstein_distance,
// spatial.distance.jensenshannon(base=2), and Benjamini-Hochberg written out by hand there
// (statsmodels is not installed).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "core/data/drift.h"
#include "core/monitor/column_sample.h"
#include "core/monitor/drift_tests.h"

using namespace kiln;
using Catch::Matchers::WithinRel;

namespace {

const std::vector<double> kA = {0.61, 0.29,  0.06, 0.59,  -1.73, -0.74, 0.51,  -0.56, 0.39,  1.64,
                                0.48, -0.14, 0.02, -0.98, 0.33,  1.12,  -0.27, 0.85,  -0.41, 0.17};
const std::vector<double> kB = {1.05, 0.72, 1.91,  0.33, 1.48, 0.95, 2.21, 0.11, 1.37,
                                0.64, 1.83, 0.29,  1.16, 0.88, 2.05, 0.47, 1.62, 0.79,
                                1.24, 0.56, -0.12, 1.71, 0.93, 1.39, 0.68};

std::vector<double> sorted(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v;
}

// `n` values drawn from N(mean, 1), seeded, ascending.
std::vector<double> normalSample(std::size_t n, double mean, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<double> d(mean, 1.0);
    std::vector<double> v(n);
    for (auto& x : v) x = d(rng);
    return sorted(v);
}

}  // namespace

TEST_CASE("monitor: the KS statistic and p-value agree with scipy", "[monitor]") {
    const double d = ksStatistic(sorted(kA), sorted(kB));
    REQUIRE_THAT(d, WithinRel(0.61, 1e-12));
    // drift.h's p-value is Kolmogorov's limit with Stephens' small-sample correction. scipy
    // computes the exact distribution for samples this small (2.2527e-4; its asymptotic method
    // says 1.8501e-4): Stephens is within 5% of the exact value even here.
    REQUIRE_THAT(ksPValue(d, 20, 25), WithinRel(0.00022526639609842287, 0.05));
    // From a few hundred values on it matches scipy's asymptotic method,
    // kstwo.sf(D, round(n1 n2 / (n1 + n2))), to under 1%.
    REQUIRE_THAT(ksPValue(0.1, 400, 400), WithinRel(0.03411035080315383, 0.005));
    REQUIRE_THAT(ksPValue(0.05, 2000, 3000), WithinRel(0.004784209236950445, 0.01));
    REQUIRE_THAT(ksPValue(0.03, 5000, 5000), WithinRel(0.02176705196743979, 0.005));
    REQUIRE_THAT(ksPValue(0.02, 5000, 100000), WithinRel(0.04371959863194674, 0.005));
}

TEST_CASE("monitor: chi-squared homogeneity and Cramér's V agree with scipy", "[monitor]") {
    auto r = chiSquaredHomogeneity({30, 10, 5}, {20, 25, 10});
    REQUIRE_THAT(r.statistic, WithinRel(9.187109187109188, 1e-12));
    REQUIRE(r.dof == 2);
    REQUIRE_THAT(r.pValue, WithinRel(0.01011683315387354, 1e-9));
    REQUIRE_THAT(r.cramersV, WithinRel(0.3031024445152033, 1e-12));

    auto square = chiSquaredHomogeneity({40, 10}, {30, 20});  // no Yates correction
    REQUIRE_THAT(square.statistic, WithinRel(4.761904761904762, 1e-12));
    REQUIRE_THAT(square.pValue, WithinRel(0.029096331741252267, 1e-9));
    REQUIRE_THAT(square.cramersV, WithinRel(0.21821789023599236, 1e-12));

    SECTION("categories seen on neither side are left out") {
        auto padded = chiSquaredHomogeneity({30, 0, 10, 5}, {20, 0, 25, 10});
        REQUIRE(padded.dof == 2);
        REQUIRE_THAT(padded.statistic, WithinRel(9.187109187109188, 1e-12));
    }
    SECTION("one category, or an empty side, is no difference") {
        REQUIRE(chiSquaredHomogeneity({5}, {9}).pValue == 1);
        REQUIRE(chiSquaredHomogeneity({0, 0}, {3, 4}).statistic == 0);
    }
}

TEST_CASE("monitor: the chi-squared survival function agrees with scipy", "[monitor]") {
    REQUIRE_THAT(chiSquaredSurvival(3.84, 1), WithinRel(0.05004352124870519, 1e-9));
    REQUIRE_THAT(chiSquaredSurvival(0.5, 10), WithinRel(0.999993388289439, 1e-9));
    REQUIRE_THAT(chiSquaredSurvival(1100.0, 1000), WithinRel(0.014614408126295192, 1e-8));
    REQUIRE_THAT(chiSquaredSurvival(25.0, 3), WithinRel(1.5440498291101365e-05, 1e-9));
    REQUIRE_THAT(chiSquaredSurvival(1e-3, 2), WithinRel(0.9995001249791693, 1e-9));
    REQUIRE_THAT(chiSquaredSurvival(250.0, 200), WithinRel(0.009379131668826098, 1e-8));
    REQUIRE(chiSquaredSurvival(0, 4) == 1);
    REQUIRE(std::isnan(regularizedUpperGamma(-1, 2)));
}

TEST_CASE("monitor: the Wasserstein distance agrees with scipy", "[monitor]") {
    REQUIRE_THAT(wassersteinDistance(sorted(kA), sorted(kB)), WithinRel(0.9384999999999998, 1e-12));
    REQUIRE_THAT(sampleStandardDeviation(kA), WithinRel(0.7637047858957019, 1e-12));
    REQUIRE(wassersteinDistance(sorted(kA), sorted(kA)) == 0);
    REQUIRE(wassersteinDistance({1, 2, 3}, {}) == 0);
    // One value moved by 3 among three: a third of 3.
    REQUIRE_THAT(wassersteinDistance({1, 2, 3}, {1, 2, 6}), WithinRel(1.0, 1e-12));
}

TEST_CASE("monitor: the Jensen-Shannon distance agrees with scipy", "[monitor]") {
    REQUIRE_THAT(jensenShannonDistance({0.5, 0.3, 0.2, 0.1}, {0.25, 0.25, 0.25, 0.25}),
                 WithinRel(0.23201466513166275, 1e-12));
    REQUIRE_THAT(jensenShannonDistance({1, 0}, {0, 1}), WithinRel(1.0, 1e-12));
    REQUIRE_THAT(jensenShannonDistance({30, 10, 5}, {20, 25, 10}),
                 WithinRel(0.2611530880125977, 1e-12));
    REQUIRE(jensenShannonDistance({3, 4}, {3, 4}) == 0);
    REQUIRE(std::isnan(jensenShannonDistance({0, 0}, {1, 2})));
}

TEST_CASE("monitor: Benjamini-Hochberg adjusts as written out by hand", "[monitor]") {
    const auto adjusted = benjaminiHochberg({0.01, 0.04, 0.03, 0.005, 0.2, 0.9});
    const std::vector<double> expected = {0.03, 0.06, 0.06, 0.03, 0.24000000000000005, 0.9};
    REQUIRE(adjusted.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        REQUIRE_THAT(adjusted[i], WithinRel(expected[i], 1e-12));

    SECTION("a test without a p-value keeps none and does not count") {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const auto withGap = benjaminiHochberg({0.01, nan, 0.04});
        REQUIRE(std::isnan(withGap[1]));
        REQUIRE_THAT(withGap[0], WithinRel(0.02, 1e-12));
        REQUIRE_THAT(withGap[2], WithinRel(0.04, 1e-12));
    }
    SECTION("never above 1") {
        REQUIRE(benjaminiHochberg({0.9, 0.95})[0] <= 1.0);
    }
}

TEST_CASE("monitor: the test is chosen by kind and by the smaller sample's size", "[monitor]") {
    MonitorOptions o;
    const auto small = normalSample(5000, 0, 1), large = normalSample(5001, 0, 2),
               huge = normalSample(20000, 0, 3);

    auto ks = testNumbers(small, huge, o);  // the smaller side decides
    REQUIRE(ks.test == "ks");
    REQUIRE(ks.decidedByPValue);
    REQUIRE(ks.effectName == "ks_d");
    REQUIRE(ks.effect == ks.statistic);
    REQUIRE(ks.threshold == o.alpha);

    auto w = testNumbers(large, huge, o);
    REQUIRE(w.test == "wasserstein");
    REQUIRE_FALSE(w.decidedByPValue);
    REQUIRE(w.effectName == "wasserstein_sd");
    REQUIRE(w.threshold == o.wassersteinThreshold);
    REQUIRE(w.pValue > 0);  // the KS p-value, still reported
    REQUIRE_THAT(
        w.effect,
        WithinRel(wassersteinDistance(large, huge) / sampleStandardDeviation(large), 1e-12));

    auto chi = testCategories({2500, 2500}, {4000, 6000}, o);
    REQUIRE(chi.test == "chi_squared");
    REQUIRE(chi.effectName == "cramers_v");
    auto js = testCategories({2500, 2501}, {4000, 6000}, o);
    REQUIRE(js.test == "jensen_shannon");
    REQUIRE_FALSE(js.decidedByPValue);
    REQUIRE(js.threshold == o.jensenShannonThreshold);

    SECTION("the thresholds come from the options") {
        o.smallSample = 100;
        o.wassersteinThreshold = 0.3;
        auto t = testNumbers(small, huge, o);
        REQUIRE(t.test == "wasserstein");
        REQUIRE(t.threshold == 0.3);
    }
    SECTION("a constant reference is scaled by both samples' sd") {
        std::vector<double> constant(6000, 2.0), moved(6000, 3.0);
        auto t = testNumbers(constant, moved, o);
        REQUIRE(t.effectName == "wasserstein_pooled_sd");
        REQUIRE(t.effect > 1);
        REQUIRE(testNumbers(constant, constant, o).effect == 0);
    }
    SECTION("an empty side has no test") {
        auto none = testNumbers({}, small, o);
        REQUIRE(none.test == "none");
        REQUIRE(std::isnan(none.pValue));
        REQUIRE(testCategories({0, 0}, {1, 2}, o).test == "none");
    }
}

TEST_CASE("monitor: the radix sort orders numbers as std::sort does", "[monitor]") {
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> wide(-1e6, 1e6);
    std::vector<double> v(100000);
    for (auto& x : v) x = wide(rng);
    v[5] = -0.0;
    v[6] = 0.0;
    v[7] = std::numeric_limits<double>::infinity();
    v[8] = -std::numeric_limits<double>::infinity();
    v[9] = 1e-300;
    v[10] = -1e300;
    for (int i = 0; i < 1000; ++i) v[std::size_t(100 + i)] = 42.0;  // ties
    auto expected = v;
    std::sort(expected.begin(), expected.end());
    sortNumbers(v);
    REQUIRE(v == expected);
}
