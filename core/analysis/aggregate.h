#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/analysis/run_query.h"
#include "core/base/result.h"

namespace kiln {

class Catalog;

// Runs whose specs are equal but for the seed (and the split seed derived from it).
struct SeedGroup {
    std::string specKey;               // the seedless spec (canonical JSON) they share
    std::vector<std::string> runIds;   // in the order given
    std::vector<std::uint64_t> seeds;  // seeds[i] is the seed of runIds[i]
};

// The spec JSON without "seed", "split.seed" and "notes", keys sorted: equal for runs that
// differ only by seed. Unparseable JSON is returned as it is.
std::string seedlessSpec(const std::string& specJson);

// Groups `runIds` by seedless spec, groups in order of their first run. NotFound names a run
// that is not in the catalog.
Result<std::vector<SeedGroup>> groupBySeed(Catalog& catalog, const std::vector<std::string>& runIds);

// Mean and sample standard deviation (n − 1 in the denominator; 0 when n < 2).
struct MeanStd {
    double mean = 0;
    double std = 0;
    std::size_t n = 0;
};
MeanStd meanStd(const std::vector<double>& values);

// A metric across a seed group: mean ± std per epoch (over the runs that reached it; a run's
// value in an epoch is its last point there) and of each run's final (or best) value.
struct GroupAggregate {
    std::string key;
    std::vector<std::int64_t> epochs;
    std::vector<MeanStd> perEpoch;   // perEpoch[i] belongs to epochs[i]
    MeanStd end;                     // over the runs' end values
    std::map<std::uint64_t, double> endBySeed;  // each run's end value by its seed
};

// Aggregates metric `key` over the runs of `group`; `reduce` picks each run's end value.
Result<GroupAggregate> aggregateMetric(Catalog& catalog, const SeedGroup& group,
                                       const std::string& key,
                                       MetricReduce reduce = MetricReduce::Final);

// The outcome of a two-sided t-test of equal means.
struct TTestResult {
    std::string test;           // "paired t-test" or "Welch's t-test"
    double t = 0;               // the t statistic (mean of a − mean of b, scaled)
    double dof = 0;             // degrees of freedom (Welch–Satterthwaite for Welch)
    double p = 1;               // two-sided p-value
    double meanDifference = 0;  // mean(a) − mean(b)
    std::size_t n = 0;          // pairs (paired) or total observations (Welch)
};

// Paired t-test over a[i] − b[i]: t = mean(d) / (sd(d)/√n), dof = n − 1. InvalidArgument when
// the sizes differ or n < 2. With zero spread: t = ±inf, p = 0 (or t = 0, p = 1 for d ≡ 0).
Result<TTestResult> pairedTTest(const std::vector<double>& a, const std::vector<double>& b);

// Welch's unequal-variances t-test. InvalidArgument when a group has fewer than 2 values.
Result<TTestResult> welchTTest(const std::vector<double>& a, const std::vector<double>& b);

// Compares two groups of per-seed values: the paired t-test over the seeds both groups have when
// there are at least 2 (seed s of one run matched with seed s of the other, so the same split
// and initialisation noise cancels), else Welch's t-test over all values.
Result<TTestResult> compareGroups(const std::map<std::uint64_t, double>& a,
                                  const std::map<std::uint64_t, double>& b);

// Two-sided tail probability P(|T| ≥ |t|) of Student's t with `dof` degrees of freedom, through
// the regularised incomplete beta function: I_{dof/(dof+t²)}(dof/2, 1/2).
double studentTwoSidedP(double t, double dof);

// The regularised incomplete beta function I_x(a, b), for a, b > 0 and 0 ≤ x ≤ 1 (Lentz's
// continued fraction; about 1e-14 relative accuracy).
double regularizedIncompleteBeta(double a, double b, double x);

}  // namespace kiln
