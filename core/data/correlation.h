#pragma once

#include <cstdint>
#include <vector>

#include "core/data/profile.h"

namespace kiln {

class Table;

// Pearson over pairwise-complete rows of equal-length columns (NaN = missing); NaN when fewer than
// two complete rows or a constant side.
double pearson(const double* x, const double* y, std::uint64_t n);

// Average ranks (1-based, ties share their mean rank) of the present values; NaN stays NaN.
std::vector<double> averageRanks(const std::vector<double>& values);

// The correlation matrices of the integer, float and boolean columns among `columns`.
// Checks the job for cancellation between column pairs.
CorrelationMatrix correlate(const Table& table, const std::vector<std::size_t>& columns, int threads,
                            JobContext& job);

}  // namespace kiln
