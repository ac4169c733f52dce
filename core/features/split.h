#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/train/run_spec.h"

namespace kiln {

// Row indices of the train, validation and test parts of a dataset version. Saved with the run as
// split.json so evaluation is on exactly the held-out rows.
struct DataSplit {
    std::vector<std::uint64_t> train, val, test;

    std::string toJson() const;
    static Result<DataSplit> fromJson(const std::string& json);
};

// Splits `rows` (the usable row indices) by the spec's fractions, shuffled with its seed. With
// `labels` (one class index per entry of `rows`), each class is split on its own (stratified), so
// every part keeps the class balance. Each part is sorted. Deterministic across platforms.
DataSplit makeSplit(const std::vector<std::uint64_t>& rows, const std::vector<int>* labels,
                    const SplitSpec& spec);

// K folds of `rows` for cross-validation: shuffled with `seed`, each class dealt round-robin
// across the folds when `labels` are given (stratified), so every fold keeps the class balance.
// The folds are disjoint, together hold every row, differ in size by at most one per class, and
// are each sorted. Deterministic across platforms.
std::vector<std::vector<std::uint64_t>> makeFolds(const std::vector<std::uint64_t>& rows,
                                                  const std::vector<int>* labels, int folds,
                                                  std::uint64_t seed);

// A small portable random generator (SplitMix64): the same numbers on every platform and
// standard library, which std::shuffle with std::mt19937 does not promise.
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next();
    // Uniform in [0, bound).
    std::uint64_t below(std::uint64_t bound) { return next() % bound; }

private:
    std::uint64_t m_state;
};

// Fisher–Yates shuffle with SplitMix64.
void shuffleIndices(std::vector<std::uint64_t>& v, SplitMix64& rng);

}  // namespace kiln
