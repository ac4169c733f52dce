#pragma once

#include <cstdint>

#include <nlohmann/json_fwd.hpp>

#include "core/train/trainer.h"
#include "core/train/training_data.h"

namespace kiln {

// Permutation importance on `part` for any table model: each input column's inputs are shuffled
// together across the rows (`repeats` times, seeded) and the drop of the primary metric
// (accuracy or R²) is its importance, so every family is measured on one scale. Parts larger
// than `maxRows` are measured on that many of their rows, chosen with the seed.
// [{"feature", "mean", "std"}], largest first; empty for a part with fewer than two rows.
nlohmann::json permutationImportance(const Predictor& predict, const SplitArrays& part,
                                     const TrainingData& data, std::uint64_t seed,
                                     int repeats = 5, std::size_t maxRows = 5000);

}  // namespace kiln
