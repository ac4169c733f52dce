#include "core/train/metrics.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <numeric>

namespace kiln {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxCurvePoints = 200;

std::vector<long> argmax(const std::vector<float>& probs, std::size_t n, int k) {
    std::vector<long> pred(n);
    for (std::size_t i = 0; i < n; ++i) {
        const float* p = probs.data() + i * std::size_t(k);
        pred[i] = long(std::max_element(p, p + k) - p);
    }
    return pred;
}

std::vector<std::vector<long>> confusion(const std::vector<long>& labels,
                                         const std::vector<long>& pred, int k) {
    std::vector<std::vector<long>> m(std::size_t(k), std::vector<long>(std::size_t(k), 0));
    for (std::size_t i = 0; i < labels.size(); ++i)
        ++m[std::size_t(labels[i])][std::size_t(pred[i])];
    return m;
}

struct ClassScores {
    double precision = 0, recall = 0, f1 = 0;
    long support = 0;
};

ClassScores classScores(const std::vector<std::vector<long>>& m, std::size_t c) {
    long tp = m[c][c], actual = 0, predicted = 0;
    for (std::size_t j = 0; j < m.size(); ++j) {
        actual += m[c][j];
        predicted += m[j][c];
    }
    ClassScores s;
    s.support = actual;
    s.precision = predicted ? double(tp) / double(predicted) : 0;
    s.recall = actual ? double(tp) / double(actual) : 0;
    s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
    return s;
}

std::vector<double> column(const std::vector<float>& probs, std::size_t n, int k, int c) {
    std::vector<double> v(n);
    for (std::size_t i = 0; i < n; ++i) v[i] = probs[i * std::size_t(k) + std::size_t(c)];
    return v;
}

std::vector<char> isClass(const std::vector<long>& labels, long c) {
    std::vector<char> v(labels.size());
    for (std::size_t i = 0; i < labels.size(); ++i) v[i] = labels[i] == c;
    return v;
}

// Scores that sort: a NaN score (a model that produced NaN) ranks below every number, so the
// comparisons below form a strict weak order and every loop over ties moves on.
std::vector<double> orderable(const std::vector<double>& scores) {
    std::vector<double> v(scores);
    for (double& x : v)
        if (std::isnan(x)) x = -std::numeric_limits<double>::infinity();
    return v;
}

// The 32 bits of a float score as an unsigned key in the score's order; NaN takes the key of
// -inf (it ranks lowest, as in rocAuc).
std::uint32_t orderedKey(float score) {
    if (std::isnan(score)) score = -std::numeric_limits<float>::infinity();
    if (score == 0) score = 0;  // -0 and 0 tie
    std::uint32_t bits;
    std::memcpy(&bits, &score, sizeof bits);
    return (bits & 0x80000000u) ? ~bits : bits | 0x80000000u;
}

// Sorts by the upper 32 bits: three counting passes of 11 bits, stable.
void radixSortUpper(std::vector<std::uint64_t>& items) {
    std::vector<std::uint64_t> scratch(items.size());
    for (int shift = 32; shift < 64; shift += 11) {
        std::size_t counts[2049] = {};
        for (auto v : items) ++counts[((v >> shift) & 2047) + 1];
        for (std::size_t b = 1; b < 2049; ++b) counts[b] += counts[b - 1];
        for (auto v : items) scratch[counts[(v >> shift) & 2047]++] = v;
        items.swap(scratch);
    }
}

// rocAuc of class `c`'s column of row-major float scores, equal to rocAuc on the same values
// as doubles; sorted in linear time (it runs on the validation rows every boosting round).
double floatAuc(const std::vector<float>& probs, const std::vector<long>& labels, int k, int c) {
    const std::size_t n = labels.size();
    std::vector<std::uint64_t> items(n);  // key in the upper half, positive in bit 0
    for (std::size_t i = 0; i < n; ++i)
        items[i] = std::uint64_t(orderedKey(probs[i * std::size_t(k) + std::size_t(c)])) << 32 |
                   std::uint64_t(labels[i] == c);
    radixSortUpper(items);
    double rankSum = 0, pos = 0;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i + 1, positives = items[i] & 1;
        while (j < n && (items[j] >> 32) == (items[i] >> 32)) positives += items[j++] & 1;
        rankSum += double(positives) * (double(i) + double(j) + 1) / 2;
        pos += double(positives);
        i = j;
    }
    double neg = double(n) - pos;
    if (pos == 0 || neg == 0) return std::numeric_limits<double>::quiet_NaN();
    return (rankSum - pos * (pos + 1) / 2) / (pos * neg);
}

double macroAuc(const std::vector<float>& probs, const std::vector<long>& labels, int k) {
    if (k == 2) return floatAuc(probs, labels, k, 1);
    double sum = 0;
    int counted = 0;
    for (int c = 0; c < k; ++c) {
        double auc = floatAuc(probs, labels, k, c);
        if (!std::isnan(auc)) {
            sum += auc;
            ++counted;
        }
    }
    return counted ? sum / counted : std::numeric_limits<double>::quiet_NaN();
}

// ROC and PR points of one class, thresholds from high to low, thinned to kMaxCurvePoints.
json curves(const std::vector<double>& rawScores, const std::vector<char>& positive) {
    const std::vector<double> scores = orderable(rawScores);
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](auto a, auto b) { return scores[a] > scores[b]; });
    double pos = double(std::count(positive.begin(), positive.end(), 1));
    double neg = double(positive.size()) - pos;
    json roc = json::array({{0.0, 0.0}}), pr = json::array();
    double tp = 0, fp = 0;
    std::size_t every = std::max<std::size_t>(1, order.size() / kMaxCurvePoints);
    for (std::size_t i = 0; i < order.size(); ++i) {
        (positive[order[i]] ? tp : fp) += 1;
        bool boundary = i + 1 == order.size() || scores[order[i + 1]] != scores[order[i]];
        if (!boundary || (i % every != 0 && i + 1 != order.size())) continue;
        double fpr = neg ? fp / neg : 0, tpr = pos ? tp / pos : 0;
        roc.push_back({fpr, tpr});
        pr.push_back({tpr, tp / (tp + fp)});
    }
    return {{"roc", roc}, {"pr", pr}};
}

json nanToNull(double v) {
    return std::isfinite(v) ? json(v) : json(nullptr);
}

}  // namespace

double rocAuc(const std::vector<double>& rawScores, const std::vector<char>& positive) {
    const std::vector<double> scores = orderable(rawScores);
    // (score, positive) pairs sorted by score: ties get one average rank, so their order does
    // not matter, and sorting the pairs themselves is several times faster than sorting indices.
    std::vector<std::pair<double, char>> ranked(scores.size());
    for (std::size_t i = 0; i < scores.size(); ++i) ranked[i] = {scores[i], positive[i]};
    std::sort(ranked.begin(), ranked.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    // Mann-Whitney U with average ranks for ties.
    double rankSum = 0, pos = 0;
    for (std::size_t i = 0; i < ranked.size();) {
        std::size_t j = i + 1;  // at least one row per step, whatever the scores
        while (j < ranked.size() && ranked[j].first == ranked[i].first) ++j;
        double rank = (double(i) + double(j) + 1) / 2;
        for (std::size_t t = i; t < j; ++t)
            if (ranked[t].second) {
                rankSum += rank;
                pos += 1;
            }
        i = j;
    }
    double neg = double(scores.size()) - pos;
    if (pos == 0 || neg == 0) return std::numeric_limits<double>::quiet_NaN();
    return (rankSum - pos * (pos + 1) / 2) / (pos * neg);
}

ClassificationMetrics classificationMetrics(const std::vector<float>& probs,
                                            const std::vector<long>& labels, int classes) {
    ClassificationMetrics m;
    if (labels.empty()) return m;
    auto pred = argmax(probs, labels.size(), classes);
    auto cm = confusion(labels, pred, classes);
    long correct = 0;
    for (int c = 0; c < classes; ++c) correct += cm[std::size_t(c)][std::size_t(c)];
    m.accuracy = double(correct) / double(labels.size());
    double f1 = 0;
    for (int c = 0; c < classes; ++c) f1 += classScores(cm, std::size_t(c)).f1;
    m.macroF1 = f1 / classes;
    m.rocAuc = macroAuc(probs, labels, classes);
    return m;
}

RegressionMetrics regressionMetrics(const std::vector<double>& predicted,
                                    const std::vector<double>& actual) {
    RegressionMetrics m;
    std::size_t n = actual.size();
    if (n == 0) return m;
    double mean = std::accumulate(actual.begin(), actual.end(), 0.0) / double(n);
    double se = 0, ae = 0, tot = 0;
    for (std::size_t i = 0; i < n; ++i) {
        double e = predicted[i] - actual[i];
        se += e * e;
        ae += std::fabs(e);
        tot += (actual[i] - mean) * (actual[i] - mean);
    }
    m.rmse = std::sqrt(se / double(n));
    m.mae = ae / double(n);
    m.r2 = tot > 0 ? 1 - se / tot : 0;
    return m;
}

json classificationReport(const std::vector<float>& probs, const std::vector<long>& labels,
                          const std::vector<std::string>& classes) {
    int k = int(classes.size());
    auto pred = argmax(probs, labels.size(), k);
    auto cm = confusion(labels, pred, k);
    auto summary = classificationMetrics(probs, labels, k);
    json perClass = json::array(), curveList = json::array();
    for (int c = 0; c < k; ++c) {
        auto s = classScores(cm, std::size_t(c));
        perClass.push_back({{"class", classes[std::size_t(c)]},
                            {"precision", s.precision},
                            {"recall", s.recall},
                            {"f1", s.f1},
                            {"support", s.support}});
        if (k == 2 && c == 0) continue;  // binary: the curves of the positive class say it all
        auto positive = isClass(labels, c);
        json cv = curves(column(probs, labels.size(), k, c), positive);
        cv["class"] = classes[std::size_t(c)];
        cv["auc"] = nanToNull(rocAuc(column(probs, labels.size(), k, c), positive));
        curveList.push_back(cv);
    }
    return {{"task", "classification"},    {"rows", labels.size()},
            {"classes", classes},          {"accuracy", summary.accuracy},
            {"macro_f1", summary.macroF1}, {"roc_auc", nanToNull(summary.rocAuc)},
            {"confusion_matrix", cm},      {"per_class", perClass},
            {"curves", curveList}};
}

json regressionReport(const std::vector<double>& predicted, const std::vector<double>& actual) {
    auto m = regressionMetrics(predicted, actual);
    json pairs = json::array();
    std::vector<double> residuals(actual.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        residuals[i] = actual[i] - predicted[i];
        if (i < 5000) pairs.push_back({predicted[i], actual[i]});
    }
    // A NaN or infinite residual (a model that diverged) has no bin: the histogram is of the rest.
    residuals.erase(std::remove_if(residuals.begin(), residuals.end(),
                                   [](double r) { return !std::isfinite(r); }),
                    residuals.end());
    json hist = json::object();
    if (!residuals.empty()) {
        auto [lo, hi] = std::minmax_element(residuals.begin(), residuals.end());
        const int bins = 30;
        double width = (*hi - *lo) / bins;
        std::vector<long> counts(bins, 0);
        for (double r : residuals)
            ++counts[std::size_t(width > 0 && std::isfinite(width)
                                     ? std::clamp(int((r - *lo) / width), 0, bins - 1)
                                     : 0)];
        hist = {{"min", *lo}, {"max", *hi}, {"counts", counts}};
    }
    return {{"task", "regression"},
            {"rows", actual.size()},
            {"rmse", m.rmse},
            {"mae", m.mae},
            {"r2", m.r2},
            {"predicted_vs_actual", pairs},
            {"residual_histogram", hist}};
}

}  // namespace kiln
