#include "core/data/correlation.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/base/parallel.h"
#include "core/data/table.h"

namespace kiln {

namespace {

bool isCorrelatable(ColumnType type) {
    return type == ColumnType::Integer || type == ColumnType::Float || type == ColumnType::Boolean;
}

// Every `stride`-th row, so a sample spans the whole file.
std::vector<double> sampled(const std::vector<double>& values, std::uint64_t stride) {
    if (stride <= 1) return values;
    std::vector<double> out;
    out.reserve(values.size() / stride + 1);
    for (std::uint64_t i = 0; i < values.size(); i += stride) out.push_back(values[i]);
    return out;
}

// Fills the symmetric matrix `m` with pearson() of every pair, over `threads` threads.
void fillMatrix(const std::vector<std::vector<double>>& data, std::vector<double>& m, int threads,
                JobContext& job) {
    const std::size_t k = data.size();
    m.assign(k * k, std::nan(""));
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = i; j < k; ++j) pairs.emplace_back(i, j);
    parallelSlices(pairs.size(), threads, [&](int, std::uint64_t begin, std::uint64_t end) {
        for (auto p = begin; p < end && !job.cancelled(); ++p) {
            auto [i, j] = pairs[p];
            double r = pearson(data[i].data(), data[j].data(), data[i].size());
            m[i * k + j] = m[j * k + i] = r;
        }
    });
}

}  // namespace

double pearson(const double* x, const double* y, std::uint64_t n) {
    // Two passes (means, then centred sums) for accuracy on large offsets.
    double sx = 0, sy = 0;
    std::uint64_t count = 0;
    for (std::uint64_t i = 0; i < n; ++i) {
        if (std::isnan(x[i]) || std::isnan(y[i])) continue;
        sx += x[i], sy += y[i], ++count;
    }
    if (count < 2) return std::nan("");
    double mx = sx / double(count), my = sy / double(count);
    double sxy = 0, sxx = 0, syy = 0;
    for (std::uint64_t i = 0; i < n; ++i) {
        if (std::isnan(x[i]) || std::isnan(y[i])) continue;
        double dx = x[i] - mx, dy = y[i] - my;
        sxy += dx * dy, sxx += dx * dx, syy += dy * dy;
    }
    if (sxx == 0 || syy == 0) return std::nan("");
    return std::clamp(sxy / std::sqrt(sxx * syy), -1.0, 1.0);
}

namespace {

// Ranks of whole numbers in a small range by counting: O(n), no sort.
bool countingRanks(const std::vector<double>& values, std::vector<double>& ranks) {
    double lo = INFINITY, hi = -INFINITY;
    for (double x : values) {
        if (std::isnan(x)) continue;
        if (x != std::floor(x)) return false;
        lo = std::min(lo, x), hi = std::max(hi, x);
    }
    if (!(lo <= hi)) {  // nothing present
        ranks.assign(values.size(), std::nan(""));
        return true;
    }
    if (hi - lo >= double(1 << 20)) return false;
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
