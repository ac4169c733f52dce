#include "core/train/importance.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <numeric>

#include "core/features/split.h"
#include "core/train/scoring.h"

namespace kiln {

namespace {

// `x` with the inputs [first, first + count) of every row moved to the rows `order` names.
std::vector<float> permuted(const std::vector<float>& x, std::size_t width, std::size_t first,
                            std::size_t count, const std::vector<std::uint64_t>& order) {
    std::vector<float> out(x);
    for (std::size_t r = 0; r < order.size(); ++r)
        std::copy_n(x.begin() + long(order[r] * width + first), count,
                    out.begin() + long(r * width + first));
    return out;
}

// At most `maxRows` rows of `part` (a seeded sample, in row order), inputs and targets.
SplitArrays sampleOf(const SplitArrays& part, std::size_t width, std::size_t maxRows,
                     SplitMix64& rng) {
    if (part.rows <= maxRows) return part;
    std::vector<std::uint64_t> order(part.rows);
    std::iota(order.begin(), order.end(), 0);
    shuffleIndices(order, rng);
    order.resize(maxRows);
    std::sort(order.begin(), order.end());
    SplitArrays out;
    out.rows = maxRows;
    for (auto r : order) {
        out.rowIndex.push_back(part.rowIndex[r]);
        out.x.insert(out.x.end(), part.x.begin() + long(r * width),
                     part.x.begin() + long((r + 1) * width));
        if (!part.labels.empty()) out.labels.push_back(part.labels[r]);
        if (!part.targets.empty()) out.targets.push_back(part.targets[r]);
    }
    return out;
}

}  // namespace

nlohmann::json permutationImportance(const Predictor& predict, const SplitArrays& whole,
                                     const TrainingData& data, std::uint64_t seed, int repeats,
                                     std::size_t maxRows) {
    nlohmann::json out = nlohmann::json::array();
    if (!predict || whole.rows < 2) return out;
    SplitMix64 sampler(seed ^ 0x5DEECE66Dull);
    const SplitArrays part = sampleOf(whole, std::size_t(data.inputWidth), maxRows, sampler);
    const std::size_t width = std::size_t(data.inputWidth);
    const double baseline = primaryScore(predict(part.x, part.rows), part, data);
    struct Entry {
        std::string feature;
        double mean, std;
    };
    std::vector<Entry> entries;
    std::size_t first = 0;
    SplitMix64 rng(seed ^ 0x9E3779B97F4A7C15ull);
    for (const auto& step : data.recipe.steps) {
        const std::size_t count = step.outputs.size();
        std::vector<double> drops;
        for (int k = 0; k < repeats; ++k) {
            std::vector<std::uint64_t> order(part.rows);
            std::iota(order.begin(), order.end(), 0);
            shuffleIndices(order, rng);
            auto x = permuted(part.x, width, first, count, order);
            drops.push_back(baseline - primaryScore(predict(x, part.rows), part, data));
        }
        double mean = std::accumulate(drops.begin(), drops.end(), 0.0) / double(drops.size());
        double sq = 0;
        for (double d : drops) sq += (d - mean) * (d - mean);
        double sd = drops.size() > 1 ? std::sqrt(sq / double(drops.size() - 1)) : 0;
        entries.push_back({step.column, std::isfinite(mean) ? mean : 0, std::isfinite(sd) ? sd : 0});
        first += count;
    }
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry& a, const Entry& b) { return a.mean > b.mean; });
    for (const auto& e : entries)
        out.push_back({{"feature", e.feature}, {"mean", e.mean}, {"std", e.std}});
    return out;
}

}  // namespace kiln
