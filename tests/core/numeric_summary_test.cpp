#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "core/data/distinct_counter.h"
#include "core/data/numeric_summary.h"

using namespace kiln;

namespace {
const double kNaN = std::nan("");

// The slow, obvious way: compress, sort, index.
std::vector<double> sortedPresent(const std::vector<double>& v) {
    std::vector<double> out;
    for (double x : v)
        if (!std::isnan(x)) out.push_back(x);
    std::sort(out.begin(), out.end());
    return out;
}
}  // namespace

TEST_CASE("Numeric summary equals numpy's on a hand-checked column", "[profile]") {
    // Reference values printed by numpy 1.24: mean, std(ddof=1), quantile, histogram.
    std::vector<double> v = {3.5, 1.0, kNaN, 7.25, 2.0, 2.0, -4.0, 10.0, kNaN, 0.5};
    NumericSummaryOptions options;
    options.bins = 4;
    auto s = summariseNumeric(v.data(), v.size(), nullptr, options);
    CHECK(s.count == 8);
    CHECK(s.missing == 2);
    CHECK(s.distinct == 7);
    CHECK(s.mean == 2.78125);
    CHECK(s.std == Approx(4.279180286990889).epsilon(1e-12));
    CHECK(s.min == -4.0);
    CHECK(s.max == 10.0);
    std::vector<double> numpyQuantiles = {-3.685, -2.425, 0.875, 2.0, 4.4375, 9.037499999999998, 9.8075};
    CHECK(s.quantiles == numpyQuantiles);  // bit-for-bit
    CHECK(s.histogram.counts == std::vector<std::uint64_t>{1, 4, 1, 2});
    CHECK(s.histogram.edges == std::vector<double>{-4.0, -0.5, 3.0, 6.5, 10.0});
    CHECK(s.outliersLow == 0);   // fences: 0.875 - 1.5 * 3.5625 and 4.4375 + 1.5 * 3.5625
    CHECK(s.outliersHigh == 1);  // 10 > 9.78125
}

TEST_CASE("numpy's 'auto' bins are used when no bin count is given", "[profile]") {
    std::vector<double> v = {3.5, 1.0, 7.25, 2.0, 2.0, -4.0, 10.0, 0.5};
    auto s = summariseNumeric(v.data(), v.size(), nullptr, {});
    CHECK(s.histogram.counts == std::vector<std::uint64_t>{1, 4, 1, 2});  // np.histogram(v, 'auto')
}

TEST_CASE("Quantiles and histogram agree with a full sort on large skewed data", "[profile]") {
    std::mt19937_64 rng(7);
    std::lognormal_distribution<double> lognormal(3.0, 0.8);
    std::uniform_int_distribution<int> dice(0, 99);
    std::vector<double> v(300000);
    for (auto& x : v) x = dice(rng) < 5 ? kNaN : (dice(rng) < 20 ? std::round(lognormal(rng)) : lognormal(rng));
    for (int threads : {1, 2, 3}) {
        NumericSummaryOptions options;
        options.bins = 50;
        options.threads = threads;
        auto s = summariseNumeric(v.data(), v.size(), nullptr, options);
        auto sorted = sortedPresent(v);
        REQUIRE(s.count == sorted.size());
        for (std::size_t k = 0; k < kProfileQuantiles.size(); ++k)
            CHECK(s.quantiles[k] == quantileOfSorted(sorted.data(), sorted.size(), kProfileQuantiles[k]));
        Histogram brute = makeHistogram(sorted.front(), sorted.back(), 50);
        for (double x : sorted) brute.add(x);
        CHECK(s.histogram.counts == brute.counts);
        double q1 = s.quantiles[2], q3 = s.quantiles[4], iqr = q3 - q1;
        auto low = std::count_if(sorted.begin(), sorted.end(), [&](double x) { return x < q1 - 1.5 * iqr; });
        auto high = std::count_if(sorted.begin(), sorted.end(), [&](double x) { return x > q3 + 1.5 * iqr; });
        CHECK(s.outliersLow == std::uint64_t(low));
        CHECK(s.outliersHigh == std::uint64_t(high));
        CHECK(high > 0);
        std::uint64_t total = 0;
        for (auto c : s.histogram.counts) total += c;
        CHECK(total == s.count);
        CHECK(s.distinctIsEstimate);
        auto exact = std::uint64_t(std::unique(sorted.begin(), sorted.end()) - sorted.begin());
        CHECK(double(s.distinct) == Approx(double(exact)).epsilon(0.03));
    }
}

TEST_CASE("A mask marks missing rows; constant and empty columns are handled", "[profile]") {
    std::vector<double> v = {5, 5, 5, 1000};
    std::vector<std::uint8_t> mask = {0, 0, 0, 1};
    auto s = summariseNumeric(v.data(), v.size(), mask.data(), {});
    CHECK(s.count == 3);
    CHECK(s.missing == 1);
    CHECK(s.max == 5);
    CHECK(s.std == 0);
    CHECK(s.distinct == 1);
    CHECK(s.histogram.edges.front() == 4.5);  // numpy widens an empty range by 0.5 each side

    std::vector<double> none = {kNaN, kNaN};
    auto empty = summariseNumeric(none.data(), none.size(), nullptr, {});
    CHECK(empty.count == 0);
    CHECK(empty.missing == 2);
    CHECK(std::isnan(empty.mean));
}

TEST_CASE("The distinct counter estimates within a few percent", "[profile]") {
    DistinctCounter counter;
    for (std::uint64_t i = 0; i < 1000000; ++i) counter.add(i % 250000);
    CHECK(double(counter.estimate()) == Approx(250000).epsilon(0.03));
    DistinctCounter small;
    for (int i = 0; i < 100; ++i) small.add(std::uint64_t(i));
    CHECK(double(small.estimate()) == Approx(100).epsilon(0.03));
}

TEST_CASE("Whole numbers are summarised by counting, exactly as the general path does", "[profile]") {
    std::mt19937_64 rng(11);
    std::uniform_int_distribution<int> value(-500, 5000), dice(0, 99);
    std::vector<double> v(250000);
    for (auto& x : v) x = dice(rng) < 3 ? kNaN : double(dice(rng) < 50 ? value(rng) / 50 : value(rng));
    for (std::size_t i = 0; i < v.size(); i += 1000) v[i] = 100000;  // far outliers
    NumericSummaryOptions counting, general;
    counting.integral = true;
    counting.bins = general.bins = 40;
    auto a = summariseNumeric(v.data(), v.size(), nullptr, counting);
    auto b = summariseNumeric(v.data(), v.size(), nullptr, general);
    auto sorted = sortedPresent(v);
    CHECK(a.count == sorted.size());
    CHECK(a.quantiles == b.quantiles);
    for (std::size_t k = 0; k < kProfileQuantiles.size(); ++k)
        CHECK(a.quantiles[k] == quantileOfSorted(sorted.data(), sorted.size(), kProfileQuantiles[k]));
    CHECK(a.histogram.counts == b.histogram.counts);
    CHECK(a.histogram.edges == b.histogram.edges);
    CHECK(a.outliersLow == b.outliersLow);
    CHECK(a.outliersHigh == b.outliersHigh);
    CHECK(a.outliersHigh + a.outliersLow > 0);
    auto exact = std::uint64_t(std::unique(sorted.begin(), sorted.end()) - sorted.begin());
    CHECK(a.distinct == exact);
    CHECK_FALSE(a.distinctIsEstimate);
    CHECK(a.mean == Approx(b.mean).epsilon(1e-12));
    CHECK(a.std == Approx(b.std).epsilon(1e-12));
}

TEST_CASE("Values far outside the sampled range still land in the right quantiles", "[profile]") {
    // One huge value and one tiny one that a strided sample misses.
    std::vector<double> v(500000, 1.0);
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = double(i % 1000) * 0.001;
    v[12345] = 1e12;
    v[54321] = -1e12;
    NumericSummaryOptions options;
    options.bins = 10;
    auto s = summariseNumeric(v.data(), v.size(), nullptr, options);
    auto sorted = sortedPresent(v);
    CHECK(s.min == -1e12);
    CHECK(s.max == 1e12);
    for (std::size_t k = 0; k < kProfileQuantiles.size(); ++k)
        CHECK(s.quantiles[k] == quantileOfSorted(sorted.data(), sorted.size(), kProfileQuantiles[k]));
    CHECK(s.outliersLow == 1);
    CHECK(s.outliersHigh == 1);
    CHECK(s.histogram.counts.front() == 1);
    CHECK(s.histogram.counts[5] == v.size() - 2);
}

TEST_CASE("Counting gives numpy's quantiles on a few whole numbers too", "[profile]") {
    // numpy.quantile([28, 33, 34, 39, 41, 45, 52], [.01, .05, .25, .5, .75, .95, .99])
    std::vector<double> v = {34, 28, kNaN, 45, 52, 39, 41, 33};
    NumericSummaryOptions options;
    options.integral = true;
    auto s = summariseNumeric(v.data(), v.size(), nullptr, options);
    CHECK(s.quantiles == std::vector<double>{28.3, 29.5, 33.5, 39.0, 43.0, 49.89999999999999, 51.58});
    CHECK(s.distinct == 7);
    CHECK(s.histogram.counts.size() == 25);  // one bin per value from 28 to 52
}
