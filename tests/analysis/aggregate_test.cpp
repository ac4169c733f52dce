#include <catch2/catch.hpp>
#include <cmath>

#include "analysis_fixtures.h"
#include "core/analysis/aggregate.h"

using namespace kiln;

// Reference values from scipy 1.10 (scipy.special.betainc, scipy.stats.t.sf, ttest_rel,
// ttest_ind(equal_var=False)), computed once and written here.

TEST_CASE("the regularised incomplete beta matches scipy", "[stats]") {
    CHECK(regularizedIncompleteBeta(2.5, 0.5, 0.3) == Approx(0.01892712407194565).epsilon(1e-10));
    CHECK(regularizedIncompleteBeta(10, 3, 0.9) == Approx(0.889130022255).epsilon(1e-10));
    CHECK(regularizedIncompleteBeta(0.5, 0.5, 0.5) == Approx(0.5).epsilon(1e-12));
    CHECK(regularizedIncompleteBeta(50, 0.5, 0.99) == Approx(0.31730439787419623).epsilon(1e-10));
    CHECK(regularizedIncompleteBeta(2, 3, 0) == 0);
    CHECK(regularizedIncompleteBeta(2, 3, 1) == 1);
}

TEST_CASE("Student's t two-sided p-values match scipy", "[stats]") {
    CHECK(studentTwoSidedP(2.0, 3) == Approx(0.1393259685588431).epsilon(1e-10));
    CHECK(studentTwoSidedP(0.5, 10) == Approx(0.6278936057429729).epsilon(1e-10));
    CHECK(studentTwoSidedP(-3.7, 4.5) == Approx(0.016904343624830565).epsilon(1e-9));
    CHECK(studentTwoSidedP(12.0, 2) == Approx(0.00687293367715846).epsilon(1e-9));
    CHECK(studentTwoSidedP(0, 7) == Approx(1.0));
}

TEST_CASE("paired and Welch t-tests match scipy", "[stats]") {
    std::vector<double> a{0.91, 0.93, 0.90, 0.94, 0.92}, b{0.89, 0.92, 0.88, 0.90, 0.91};
    auto paired = pairedTTest(a, b);
    REQUIRE(paired);
    CHECK(paired->test == "paired t-test");
    CHECK(paired->t == Approx(3.6514837167011174).epsilon(1e-10));
    CHECK(paired->dof == 4);
    CHECK(paired->p == Approx(0.021742978465236443).epsilon(1e-9));
    std::vector<double> c{0.85, 0.88, 0.86, 0.90};
    auto welch = welchTTest(a, c);
    REQUIRE(welch);
    CHECK(welch->t == Approx(3.612228227989539).epsilon(1e-10));
    CHECK(welch->dof == Approx(5.281625351392785).epsilon(1e-10));
    CHECK(welch->p == Approx(0.013958892472461805).epsilon(1e-9));
    CHECK_FALSE(pairedTTest(a, c));
    CHECK_FALSE(welchTTest({1.0}, c));
    auto same = pairedTTest({1, 2}, {1, 2});
    REQUIRE(same);
    CHECK(same->p == 1);
}

TEST_CASE("groups are compared paired by seed, else by Welch", "[stats]") {
    std::map<std::uint64_t, double> a{{1, 0.91}, {2, 0.93}, {3, 0.90}, {4, 0.94}, {5, 0.92}};
    std::map<std::uint64_t, double> b{{1, 0.89}, {2, 0.92}, {3, 0.88}, {4, 0.90}, {5, 0.91}};
    auto r = compareGroups(a, b);
    REQUIRE(r);
    CHECK(r->test == "paired t-test");
    CHECK(r->p == Approx(0.021742978465236443).epsilon(1e-9));
    std::map<std::uint64_t, double> c{{11, 0.85}, {12, 0.88}, {13, 0.86}, {14, 0.90}};
    r = compareGroups(a, c);
    REQUIRE(r);
    CHECK(r->test == "Welch's t-test");
    CHECK(r->p == Approx(0.013958892472461805).epsilon(1e-9));
}

TEST_CASE("runs differing only by seed are grouped and aggregated per epoch", "[aggregate]") {
    test::RunsFixture f;
    auto spec = [](int seed, double lr) {
        return "{\"seed\":" + std::to_string(seed) + ",\"split\":{\"seed\":" +
               std::to_string(seed + 42) + ",\"train\":0.7},\"optimizer\":{\"lr\":" +
               std::to_string(lr) + "},\"notes\":[\"n" + std::to_string(seed) + "\"]}";
    };
    f.addRun("a1", 11, "completed", spec(1, 0.01), {}, {{"acc", {0.5, 0.91}}});
    f.addRun("a2", 11, "completed", spec(2, 0.01), {}, {{"acc", {0.7, 0.93}}});
    f.addRun("a3", 11, "completed", spec(3, 0.01), {}, {{"acc", {0.6, 0.90, 0.95}}});
    f.addRun("b1", 11, "completed", spec(1, 0.1), {}, {{"acc", {0.4, 0.89}}});
    auto groups = groupBySeed(f.catalog(), {"a1", "b1", "a2", "a3"});
    REQUIRE(groups);
    REQUIRE(groups->size() == 2);
    CHECK((*groups)[0].runIds == std::vector<std::string>{"a1", "a2", "a3"});
    CHECK((*groups)[0].seeds == std::vector<std::uint64_t>{1, 2, 3});
    auto agg = aggregateMetric(f.catalog(), (*groups)[0], "acc");
    REQUIRE(agg);
    REQUIRE(agg->epochs == std::vector<std::int64_t>{1, 2, 3});
    CHECK(agg->perEpoch[0].mean == Approx(0.6));
    CHECK(agg->perEpoch[0].std == Approx(0.1));
    CHECK(agg->perEpoch[1].mean == Approx(0.9133333333));
    CHECK(agg->perEpoch[1].std == Approx(0.0152752523));
    CHECK(agg->perEpoch[2].n == 1);
    CHECK(agg->end.mean == Approx((0.91 + 0.93 + 0.95) / 3));
    CHECK(agg->endBySeed.at(3) == Approx(0.95));
    CHECK_FALSE(groupBySeed(f.catalog(), {"zz"}));
}

TEST_CASE("mean and sample std", "[stats]") {
    auto s = meanStd({0.91, 0.93, 0.90, 0.94, 0.92});
    CHECK(s.mean == Approx(0.92));
    CHECK(s.std == Approx(0.015811388300841875));
    CHECK(meanStd({}).n == 0);
    CHECK(meanStd({3}).std == 0);
}
