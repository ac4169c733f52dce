#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kiln {

class Table;

// How missing numbers and dates in a run's features are filled (RunSpec::imputation), each value
// fitted on the training rows only and saved in the recipe as the step's fill, so an ONNX export
// fills the same way:
//   median         the training median (the default)
//   mean           the training mean
//   most_frequent  the training value met most often (the smallest of a tie)
//   constant       RunSpec::imputeValue (dates take the median)
//   drop           rows with any missing feature are left out of training and evaluation; at
//                  prediction a missing cell takes the training median
// Numbers filled from a column that had missing training cells also get a 0/1 "missing" input.
// Categories and booleans always take their most frequent value; the tree families keep missing
// values whatever the strategy says (they learn which way a missing value goes).
bool isImputation(const std::string& strategy);
// "median, mean, most_frequent, constant or drop", for messages.
const char* imputationNames();

// The fill of a column whose usable (finite) training values are `values`.
double fillValue(std::vector<double> values, const std::string& strategy, double constant, bool date);

// How a missing number is filled under `strategy` ("filled with the training mean"; drop: the
// median, as at prediction).
std::string fillPhrase(const std::string& strategy, double constant);
// What happens to missing numbers under `strategy`, for notes ("filled with the training mean
// and a missing indicator"; drop: their rows are left out).
std::string imputationPhrase(const std::string& strategy, double constant);

// The rows of `rows` with every feature present (numbers and dates finite).
std::vector<std::uint64_t> rowsWithEveryFeature(const Table& table, const std::vector<std::string>& features,
                                                const std::vector<std::uint64_t>& rows);

}  // namespace kiln
