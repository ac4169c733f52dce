#include "core/data/correlation.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>

#include "core/base/parallel.h"
#include "core/data/table.h"

namespace kiln {

bool isCorrelatable(ColumnType type) {
    return type == ColumnType::Integer || type == ColumnType::Float || type == ColumnType::Boolean;
}

namespace {

// Every `stride`-th row, so a sample spans the whole file.
std::vector<double> sampled(const std::vector<double>& values, std::uint64_t stride) {
    if (stride <= 1) return values;
    std::vector<double> out;
    out.reserve(values.size() / stride + 1);
    for (std::uint64_t i = 0; i < values.size(); i += stride) out.push_back(values[i]);
    return out;
}

// Fills the symmetric matrix `m` with pearson() of every pair, over `threads` threads that take
// one matrix row at a time (no list of pairs: that alone was 16 bytes per cell).
void fillMatrix(const std::vector<std::vector<double>>& data, std::vector<double>& m, int threads,
                JobContext& job) {
    const std::size_t k = data.size();
    m.assign(k * k, std::nan(""));
    std::atomic<std::size_t> next{0};
    parallelSlices(std::uint64_t(threads), threads, [&](int, std::uint64_t, std::uint64_t) {
        for (std::size_t i = next++; i < k && !job.cancelled(); i = next++)
            for (std::size_t j = i; j < k; ++j) {
                double r = pearson(data[i].data(), data[j].data(), data[i].size());
                m[i * k + j] = m[j * k + i] = r;
            }
    });
}

struct PearsonSums {
    std::uint64_t count = 0;
    double sxy = 0, sxx = 0, syy = 0, largestX = 0, largestY = 0;
};

// Two passes (means, then centred sums) for accuracy on large offsets, over the rows where both
// values are finite, each multiplied by kx or ky (powers of two, so exact).
PearsonSums pearsonSums(const double* x, const double* y, std::uint64_t n, double kx, double ky) {
    PearsonSums p;
    double sx = 0, sy = 0;
    for (std::uint64_t i = 0; i < n; ++i) {
        if (!std::isfinite(x[i]) || !std::isfinite(y[i])) continue;
        sx += x[i] * kx, sy += y[i] * ky, ++p.count;
        p.largestX = std::max(p.largestX, std::fabs(x[i])), p.largestY = std::max(p.largestY, std::fabs(y[i]));
    }
    if (p.count < 2) return p;
    double mx = sx / double(p.count), my = sy / double(p.count);
    for (std::uint64_t i = 0; i < n; ++i) {
        if (!std::isfinite(x[i]) || !std::isfinite(y[i])) continue;
        double dx = x[i] * kx - mx, dy = y[i] * ky - my;
        p.sxy += dx * dy, p.sxx += dx * dx, p.syy += dy * dy;
    }
    return p;
}

// The power of two that brings `largest` to about 1 (within what a double's exponent allows).
double unitScale(double largest) { return std::ldexp(1.0, std::clamp(-std::ilogb(largest), -1000, 1000)); }

}  // namespace

double pearson(const double* x, const double* y, std::uint64_t n) {
    PearsonSums p = pearsonSums(x, y, n, 1.0, 1.0);
    if (p.count < 2 || p.largestX == 0 || p.largestY == 0) return std::nan("");
    double product = p.sxx * p.syy;
    // Sums that overflow (values near ±1e308) or underflow (denormal ones): again, scaled.
    if (!std::isfinite(p.sxy) || !std::isfinite(product) || product == 0)
        p = pearsonSums(x, y, n, unitScale(p.largestX), unitScale(p.largestY)), product = p.sxx * p.syy;
    if (p.sxx == 0 || p.syy == 0 || !std::isfinite(product)) return std::nan("");
    return std::clamp(p.sxy / std::sqrt(product), -1.0, 1.0);
}

namespace {

// Ranks of whole numbers in a small range by counting: O(n), no sort.
bool countingRanks(const std::vector<double>& values, std::vector<double>& ranks) {
    double lo = INFINITY, hi = -INFINITY;
    for (double x : values) {
        if (std::isnan(x)) continue;
        if (x != std::floor(x) || std::isinf(x)) return false;
        lo = std::min(lo, x), hi = std::max(hi, x);
    }
    if (!(lo <= hi)) {  // nothing present
        ranks.assign(values.size(), std::nan(""));
        return true;
    }
    if (!(hi - lo < double(1 << 20))) return false;
    std::vector<std::uint64_t> counts(std::size_t(hi - lo) + 1, 0);
    for (double x : values)
        if (!std::isnan(x)) ++counts[std::size_t(x - lo)];
    std::vector<double> rankOf(counts.size());
    std::uint64_t below = 0;
    for (std::size_t v = 0; v < counts.size(); ++v) {
        rankOf[v] = (double(below + 1) + double(below + counts[v])) / 2.0;  // mean of tied ranks
        below += counts[v];
    }
    ranks.resize(values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        ranks[i] = std::isnan(values[i]) ? std::nan("") : rankOf[std::size_t(values[i] - lo)];
    return true;
}

}  // namespace

std::vector<double> averageRanks(const std::vector<double>& values) {
    std::vector<double> ranks;
    if (countingRanks(values, ranks)) return ranks;
    // Sorting (value, index) pairs keeps the comparisons on contiguous memory.
    std::vector<std::pair<double, std::uint32_t>> order;
    order.reserve(values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        if (!std::isnan(values[i])) order.emplace_back(values[i], std::uint32_t(i));
    std::sort(order.begin(), order.end());
    ranks.assign(values.size(), std::nan(""));
    for (std::size_t start = 0; start < order.size();) {
        std::size_t end = start + 1;
        while (end < order.size() && order[end].first == order[start].first) ++end;
        double rank = (double(start + 1) + double(end)) / 2.0;  // mean of ranks start+1..end
        for (std::size_t k = start; k < end; ++k) ranks[order[k].second] = rank;
        start = end;
    }
    return ranks;
}

CorrelationMatrix correlate(const Table& table, const std::vector<std::size_t>& columns, int threads,
                            JobContext& job) {
    if (threads <= 0) threads = defaultThreadCount();
    CorrelationMatrix result;
    std::vector<std::vector<double>> data;
    for (std::size_t index : columns) {
        const ColumnView& column = table.column(index);
        if (!isCorrelatable(column.info().type)) continue;
        result.columns.push_back(column.info().name);
        data.push_back(columnAsDoubles(column));
        for (double& x : data.back())
            if (std::isinf(x)) x = std::nan("");  // correlations are over finite values
    }
    if (data.empty()) return result;
    fillMatrix(data, result.pearson, threads, job);

    const std::uint64_t rows = data.front().size();
    const std::uint64_t stride = rows > kSpearmanRows ? (rows + kSpearmanRows - 1) / kSpearmanRows : 1;
    std::vector<std::vector<double>> ranks(data.size());
    parallelSlices(data.size(), threads, [&](int, std::uint64_t begin, std::uint64_t end) {
        for (auto c = begin; c < end && !job.cancelled(); ++c) ranks[c] = averageRanks(sampled(data[c], stride));
    });
    result.spearmanRows = ranks.front().size();
    data.clear();
    fillMatrix(ranks, result.spearman, threads, job);
    return result;
}

}  // namespace kiln
