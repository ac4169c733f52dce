#include "core/analysis/aggregate.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "core/analysis/metric_store.h"
#include "core/store/catalog.h"

namespace kiln {

namespace {

using nlohmann::json;

// Lentz's continued fraction for the incomplete beta function (Numerical Recipes' betacf).
double betaContinuedFraction(double a, double b, double x) {
    constexpr double kTiny = 1e-300, kEps = 1e-15;
    double qab = a + b, qap = a + 1, qam = a - 1;
    double c = 1, d = 1 - qab * x / qap;
    if (std::fabs(d) < kTiny) d = kTiny;
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= 10000; ++m) {
        double m2 = 2.0 * m;
        double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1 + aa * d, c = 1 + aa / c;
        d = 1 / (std::fabs(d) < kTiny ? kTiny : d), c = std::fabs(c) < kTiny ? kTiny : c;
        h *= d * c;
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1 + aa * d, c = 1 + aa / c;
        d = 1 / (std::fabs(d) < kTiny ? kTiny : d), c = std::fabs(c) < kTiny ? kTiny : c;
        double delta = d * c;
        h *= delta;
        if (std::fabs(delta - 1) < kEps) break;
    }
    return h;
}

// t statistic, dof and p from a mean difference and its standard error.
TTestResult fromStandardError(const char* test, double diff, double se, double dof, std::size_t n) {
    TTestResult r;
    r.test = test;
    r.meanDifference = diff;
    r.dof = dof;
    r.n = n;
    if (se > 0) {
        r.t = diff / se;
        r.p = studentTwoSidedP(r.t, dof);
    } else {  // no spread: any difference is certain, none is no evidence
        r.t = diff == 0 ? 0 : std::copysign(std::numeric_limits<double>::infinity(), diff);
        r.p = diff == 0 ? 1 : 0;
    }
    return r;
}

std::uint64_t specSeed(const std::string& specJson) {
    auto j = json::parse(specJson, nullptr, false);
    if (!j.is_object() || !j.contains("seed") || !j["seed"].is_number()) return 0;
    return j["seed"].get<std::uint64_t>();
}

}  // namespace

double regularizedIncompleteBeta(double a, double b, double x) {
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    double lnFront = std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) +
                     b * std::log1p(-x);
    double front = std::exp(lnFront);
    // The continued fraction converges fast for x < (a+1)/(a+b+2); use symmetry otherwise.
    if (x < (a + 1) / (a + b + 2)) return front * betaContinuedFraction(a, b, x) / a;
    return 1 - front * betaContinuedFraction(b, a, 1 - x) / b;
}

double studentTwoSidedP(double t, double dof) {
    if (std::isnan(t) || !(dof > 0)) return std::numeric_limits<double>::quiet_NaN();
    if (std::isinf(t)) return 0;
    return regularizedIncompleteBeta(dof / 2, 0.5, dof / (dof + t * t));
}

MeanStd meanStd(const std::vector<double>& values) {
    MeanStd s;
    s.n = values.size();
    if (s.n == 0) return s;
    for (double v : values) s.mean += v;
    s.mean /= double(s.n);
    if (s.n < 2) return s;
    double ss = 0;
    for (double v : values) ss += (v - s.mean) * (v - s.mean);
    s.std = std::sqrt(ss / double(s.n - 1));
    return s;
}

Result<TTestResult> pairedTTest(const std::vector<double>& a, const std::vector<double>& b) {
    if (a.size() != b.size() || a.size() < 2)
        return makeError(ErrorCode::InvalidArgument,
                         "a paired t-test needs two equal-sized samples of at least 2 values");
    std::vector<double> d(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) d[i] = a[i] - b[i];
    MeanStd s = meanStd(d);
    return fromStandardError("paired t-test", s.mean, s.std / std::sqrt(double(s.n)),
                             double(s.n - 1), s.n);
}

Result<TTestResult> welchTTest(const std::vector<double>& a, const std::vector<double>& b) {
    if (a.size() < 2 || b.size() < 2)
        return makeError(ErrorCode::InvalidArgument,
                         "Welch's t-test needs at least 2 values in each group");
    MeanStd x = meanStd(a), y = meanStd(b);
    double va = x.std * x.std / double(x.n), vb = y.std * y.std / double(y.n);
    double se = std::sqrt(va + vb);
    double dof = (va + vb) * (va + vb) /
                 (va * va / double(x.n - 1) + vb * vb / double(y.n - 1));
    if (!(dof > 0)) dof = double(x.n + y.n - 2);  // both spreads zero
    return fromStandardError("Welch's t-test", x.mean - y.mean, se, dof, x.n + y.n);
}

Result<TTestResult> compareGroups(const std::map<std::uint64_t, double>& a,
                                  const std::map<std::uint64_t, double>& b) {
    std::vector<double> pa, pb;
    for (const auto& [seed, value] : a)
        if (auto it = b.find(seed); it != b.end()) pa.push_back(value), pb.push_back(it->second);
    if (pa.size() >= 2) return pairedTTest(pa, pb);
    std::vector<double> va, vb;
    for (const auto& [seed, value] : a) va.push_back(value);
    for (const auto& [seed, value] : b) vb.push_back(value);
    return welchTTest(va, vb);
}

std::string seedlessSpec(const std::string& specJson) {
    auto j = json::parse(specJson, nullptr, false);
    if (!j.is_object()) return specJson;
    j.erase("seed");
    j.erase("notes");
    if (j.contains("split") && j["split"].is_object()) j["split"].erase("seed");
    return j.dump();  // nlohmann::json objects are key-sorted: a canonical form
}

Result<std::vector<SeedGroup>> groupBySeed(Catalog& catalog,
                                           const std::vector<std::string>& runIds) {
    auto st = catalog.prepare("SELECT spec FROM runs WHERE id = ?");
    if (!st) return st.error();
    std::vector<SeedGroup> groups;
    std::map<std::string, std::size_t> at;
    for (const auto& id : runIds) {
        (void)st->reset();
        if (auto b = st->bind({id}); !b) return b.error();
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) return makeError(ErrorCode::NotFound, "no run '" + id + "'");
        std::string spec = st->columnText(0);
        std::string key = seedlessSpec(spec);
        auto [it, added] = at.emplace(key, groups.size());
        if (added) groups.push_back({key, {}, {}});
        groups[it->second].runIds.push_back(id);
        groups[it->second].seeds.push_back(specSeed(spec));
    }
    return groups;
}

Result<GroupAggregate> aggregateMetric(Catalog& catalog, const SeedGroup& group,
                                       const std::string& key, MetricReduce reduce) {
    SeriesRequest request;
    request.runIds = group.runIds;
    request.keys = {key};
    request.axis = MetricAxis::Epoch;
    auto series = MetricStore(catalog).read(request);
    if (!series) return series.error();
    std::map<std::int64_t, std::vector<double>> byEpoch;
    GroupAggregate out;
    out.key = key;
    std::vector<double> ends;
    for (const auto& s : *series) {
        std::map<std::int64_t, double> last;  // a run's last value in each epoch
        double best = s.points.front().y;
        for (const auto& p : s.points) {
            last[std::int64_t(p.x)] = p.y;
            best = lowerIsBetter(key) ? std::min(best, p.y) : std::max(best, p.y);
        }
        for (const auto& [epoch, value] : last) byEpoch[epoch].push_back(value);
        double end = reduce == MetricReduce::Best ? best : s.points.back().y;
        ends.push_back(end);
        auto i = std::size_t(std::find(group.runIds.begin(), group.runIds.end(), s.runId) -
                             group.runIds.begin());
        out.endBySeed[group.seeds[i]] = end;
    }
    for (const auto& [epoch, values] : byEpoch) {
        out.epochs.push_back(epoch);
        out.perEpoch.push_back(meanStd(values));
    }
    out.end = meanStd(ends);
    return out;
}

}  // namespace kiln
