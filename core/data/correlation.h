#pragma once

#include <cstdint>
#include <vector>

#include "core/data/profile.h"

namespace kiln {

class Table;

// Pearson over pairwise-complete rows of equal-length columns (NaN = missing; a row with an
// infinite value is left out too); NaN when fewer than two complete rows or a constant side.
// Values near ±1e308 or denormal ones give the same r as the values scaled to about 1.
double pearson(const double* x, const double* y, std::uint64_t n);

// Average ranks (1-based, ties share their mean rank) of the present values; NaN stays NaN.
std::vector<double> averageRanks(const std::vector<double>& values);

// Whether correlations cover columns of this type (integer, float, boolean).
bool isCorrelatable(ColumnType type);

// The correlation matrices of the integer, float and boolean columns among `columns` (infinite
// values count as missing). Memory: the columns as doubles plus two k x k matrices. Checks the
// job for cancellation between matrix rows.
CorrelationMatrix correlate(const Table& table, const std::vector<std::size_t>& columns, int threads,
                            JobContext& job);

}  // namespace kiln
