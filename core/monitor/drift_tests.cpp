#include "core/monitor/drift_tests.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "core/data/drift.h"

namespace kiln {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kEpsilon = 1e-15;
constexpr int kMaxIterations = 1'000'000;  // a 2 × 1,000,000 table still converges well inside

// e^(−x) x^a / Γ(a), the factor both expansions of the incomplete gamma share.
double gammaPrefactor(double a, double x) {
    return std::exp(-x + a * std::log(x) - std::lgamma(a));
}

// P(a, x) by its series, for x < a + 1.
double lowerGammaSeries(double a, double x) {
    double term = 1.0 / a, sum = term;
    for (int n = 1; n < kMaxIterations; ++n) {
        term *= x / (a + n);
        sum += term;
        if (std::fabs(term) < std::fabs(sum) * kEpsilon) break;
    }
    return sum * gammaPrefactor(a, x);
}

// Q(a, x) by its continued fraction (modified Lentz), for x >= a + 1.
double upperGammaFraction(double a, double x) {
    constexpr double tiny = 1e-300;
    double b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
    for (int i = 1; i < kMaxIterations; ++i) {
        const double an = -i * (i - a);
        b += 2;
        d = an * d + b;
        if (std::fabs(d) < tiny) d = tiny;
        c = b + an / c;
        if (std::fabs(c) < tiny) c = tiny;
        d = 1 / d;
        const double step = d * c;
        h *= step;
        if (std::fabs(step - 1) < kEpsilon) break;
    }
    return h * gammaPrefactor(a, x);
}

double sum(const std::vector<double>& v) {
    return std::accumulate(v.begin(), v.end(), 0.0);
}

double mean(const std::vector<double>& v) {
    return v.empty() ? 0 : sum(v) / double(v.size());
}

double squaredDeviations(const std::vector<double>& v, double centre) {
    double s = 0;
    for (double x : v) s += (x - centre) * (x - centre);
    return s;
}

// The sd of both samples as one (ddof 1): the scale when the reference alone has none.
double pooledStandardDeviation(const std::vector<double>& a, const std::vector<double>& b) {
    const double n = double(a.size() + b.size());
    if (n < 2) return 0;
    const double centre = (sum(a) + sum(b)) / n;
    return std::sqrt((squaredDeviations(a, centre) + squaredDeviations(b, centre)) / (n - 1));
}

bool isSmall(std::size_t a, std::size_t b, const MonitorOptions& o) {
    return std::min(a, b) <= o.smallSample;
}

// What a column with no values on one side (or both) gets: no test, no p-value.
DriftTestResult noTest(const MonitorOptions& o) {
    DriftTestResult r;
    r.test = "none";
    r.pValue = kNaN;
    r.threshold = o.alpha;
    return r;
}

}  // namespace

double regularizedUpperGamma(double a, double x) {
    if (!(a > 0) || !(x >= 0) || std::isnan(x)) return kNaN;
    if (x == 0) return 1;
    if (std::isinf(x)) return 0;
    if (x < a + 1) return std::clamp(1 - lowerGammaSeries(a, x), 0.0, 1.0);
    return std::clamp(upperGammaFraction(a, x), 0.0, 1.0);
}

double chiSquaredSurvival(double x, double dof) {
    if (!(dof > 0)) return kNaN;
    if (x <= 0) return 1;
    return regularizedUpperGamma(dof / 2, x / 2);
}

ChiSquaredResult chiSquaredHomogeneity(const std::vector<double>& reference,
                                       const std::vector<double>& current) {
    std::vector<double> a, b;  // the categories seen on either side
    for (std::size_t i = 0; i < reference.size() && i < current.size(); ++i)
        if (reference[i] + current[i] > 0) a.push_back(reference[i]), b.push_back(current[i]);
    const double rowA = sum(a), rowB = sum(b), total = rowA + rowB;
    ChiSquaredResult r;
    if (a.size() < 2 || rowA <= 0 || rowB <= 0) return r;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const double column = a[i] + b[i];
        const double expectedA = rowA * column / total, expectedB = rowB * column / total;
        r.statistic += (a[i] - expectedA) * (a[i] - expectedA) / expectedA +
                       (b[i] - expectedB) * (b[i] - expectedB) / expectedB;
    }
    r.dof = double(a.size() - 1);
    r.pValue = chiSquaredSurvival(r.statistic, r.dof);
    r.cramersV = std::sqrt(r.statistic / total);  // min(2, k) − 1 = 1 for a 2 × k table
    return r;
}

double wassersteinDistance(const std::vector<double>& a, const std::vector<double>& b) {
    if (a.empty() || b.empty()) return 0;
    // Between neighbouring values of the merged samples both CDFs are flat: add |Fa − Fb| times
    // the width of each such stretch.
    std::size_t i = 0, j = 0;
    double distance = 0, x = std::min(a[0], b[0]);
    const double na = double(a.size()), nb = double(b.size());
    while (i < a.size() || j < b.size()) {
        while (i < a.size() && a[i] == x) ++i;
        while (j < b.size() && b[j] == x) ++j;
        if (i == a.size() && j == b.size()) break;
        const double next = std::min(i < a.size() ? a[i] : b[j], j < b.size() ? b[j] : a[i]);
        distance += std::fabs(double(i) / na - double(j) / nb) * (next - x);
        x = next;
    }
    return distance;
}

double sampleStandardDeviation(const std::vector<double>& values) {
    if (values.size() < 2) return 0;
    return std::sqrt(squaredDeviations(values, mean(values)) / double(values.size() - 1));
}

double jensenShannonDistance(const std::vector<double>& p, const std::vector<double>& q) {
    const double sp = sum(p), sq = sum(q);
    if (p.size() != q.size() || !(sp > 0) || !(sq > 0)) return kNaN;
    double divergence = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        const double a = p[i] / sp, b = q[i] / sq, m = (a + b) / 2;
        if (a > 0) divergence += 0.5 * a * std::log2(a / m);
        if (b > 0) divergence += 0.5 * b * std::log2(b / m);
    }
    return std::sqrt(std::clamp(divergence, 0.0, 1.0));
}

std::vector<double> benjaminiHochberg(const std::vector<double>& pValues) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < pValues.size(); ++i)
        if (!std::isnan(pValues[i])) order.push_back(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return pValues[x] < pValues[y]; });
    std::vector<double> adjusted(pValues.size(), kNaN);
    const double m = double(order.size());
    double running = 1;
    for (std::size_t rank = order.size(); rank >= 1; --rank) {
        const std::size_t i = order[rank - 1];
        running = std::min(running, pValues[i] * m / double(rank));
        adjusted[i] = running;
    }
    return adjusted;
}

DriftTestResult testNumbers(const std::vector<double>& reference,
                            const std::vector<double>& current, const MonitorOptions& o) {
    if (reference.empty() || current.empty()) return noTest(o);
    DriftTestResult r;
    r.statistic = ksStatistic(reference, current);
    r.pValue = ksPValue(r.statistic, reference.size(), current.size());
    if (isSmall(reference.size(), current.size(), o)) {
        r.test = "ks";
        r.effect = r.statistic;
        r.effectName = "ks_d";
        r.threshold = o.alpha;
        return r;
    }
    r.test = "wasserstein";
    r.decidedByPValue = false;
    r.threshold = o.wassersteinThreshold;
    double scale = sampleStandardDeviation(reference);
    r.effectName = "wasserstein_sd";
    if (!(scale > 0)) {
        scale = pooledStandardDeviation(reference, current);
        r.effectName = "wasserstein_pooled_sd";
    }
    const double distance = wassersteinDistance(reference, current);
    r.effect = scale > 0 ? distance / scale : 0;
    return r;
}

DriftTestResult testCategories(const std::vector<double>& reference,
                               const std::vector<double>& current, const MonitorOptions& o) {
    if (!(sum(reference) > 0) || !(sum(current) > 0)) return noTest(o);
    const ChiSquaredResult chi = chiSquaredHomogeneity(reference, current);
    DriftTestResult r;
    r.statistic = chi.statistic;
    r.pValue = chi.pValue;
    if (isSmall(std::size_t(sum(reference)), std::size_t(sum(current)), o)) {
        r.test = "chi_squared";
        r.effect = chi.cramersV;
        r.effectName = "cramers_v";
        r.threshold = o.alpha;
        return r;
    }
    r.test = "jensen_shannon";
    r.decidedByPValue = false;
    r.effect = jensenShannonDistance(reference, current);
    r.effectName = "jensen_shannon";
    r.threshold = o.jensenShannonThreshold;
    return r;
}

}  // namespace kiln
