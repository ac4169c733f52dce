#include "core/features/split.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

namespace kiln {

std::uint64_t SplitMix64::next() {
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

void shuffleIndices(std::vector<std::uint64_t>& v, SplitMix64& rng) {
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng.below(i)]);
}

namespace {

// Deals one shuffled group into the three parts by the fractions (rounded, test gets the rest).
void deal(std::vector<std::uint64_t> group, const SplitSpec& spec, SplitMix64& rng,
          DataSplit& out) {
    shuffleIndices(group, rng);
    auto n = double(group.size());
    auto nTrain = std::size_t(std::llround(n * spec.train));
    auto nVal = std::min(group.size() - nTrain, std::size_t(std::llround(n * spec.val)));
    if (spec.test == 0) nVal = group.size() - nTrain;
    out.train.insert(out.train.end(), group.begin(), group.begin() + long(nTrain));
    out.val.insert(out.val.end(), group.begin() + long(nTrain),
                   group.begin() + long(nTrain + nVal));
    out.test.insert(out.test.end(), group.begin() + long(nTrain + nVal), group.end());
}

}  // namespace

DataSplit makeSplit(const std::vector<std::uint64_t>& rows, const std::vector<int>* labels,
                    const SplitSpec& spec) {
    DataSplit out;
    SplitMix64 rng(spec.seed);
    if (!labels) {
        deal(rows, spec, rng, out);
    } else {
        std::map<int, std::vector<std::uint64_t>> groups;
        for (std::size_t i = 0; i < rows.size(); ++i) groups[(*labels)[i]].push_back(rows[i]);
        for (auto& [label, group] : groups) deal(std::move(group), spec, rng, out);
    }
    for (auto* part : {&out.train, &out.val, &out.test}) std::sort(part->begin(), part->end());
    return out;
}

std::vector<std::vector<std::uint64_t>> makeFolds(const std::vector<std::uint64_t>& rows,
                                                  const std::vector<int>* labels, int folds,
                                                  std::uint64_t seed) {
    std::vector<std::vector<std::uint64_t>> out(std::size_t(std::max(folds, 1)));
    SplitMix64 rng(seed ^ 0xC5F01D5ull);
    std::map<int, std::vector<std::uint64_t>> groups;
    for (std::size_t i = 0; i < rows.size(); ++i) groups[labels ? (*labels)[i] : 0].push_back(rows[i]);
    std::size_t next = 0;  // the fold the next row goes to, carried across classes
    for (auto& [label, group] : groups) {
        shuffleIndices(group, rng);
        for (auto r : group) out[next++ % out.size()].push_back(r);
    }
    for (auto& fold : out) std::sort(fold.begin(), fold.end());
    return out;
}

std::string DataSplit::toJson() const {
    return nlohmann::json{
        {"format", "kiln-split/1"}, {"train", train}, {"val", val}, {"test", test}}
        .dump();
}

Result<DataSplit> DataSplit::fromJson(const std::string& text) {
    try {
        auto j = nlohmann::json::parse(text);
        DataSplit s;
        j.at("train").get_to(s.train);
        j.at("val").get_to(s.val);
        j.at("test").get_to(s.test);
        return s;
    } catch (const nlohmann::json::exception& e) {
        return makeError(ErrorCode::Corrupt, std::string("bad split.json: ") + e.what());
    }
}

}  // namespace kiln
