#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/data/column_type.h"

namespace kiln {

class ColumnView;

// How two columns are compared: as numbers (integers and floats together), as dates, as
// timestamps, or as categories (categorical and boolean columns by their labels). Text is not
// compared: free text has as many values as rows.
enum class ValueKind { Number, Date, DateTime, Category, None };
ValueKind valueKindOf(ColumnType type);

// The present values of an even sample of a column, ascending, as the number tests take them.
// `rows` counts the sampled rows, `missing` those without a finite value (missing cells and ±inf,
// which have no distance to anything).
struct NumberSample {
    std::vector<double> sorted;
    std::uint64_t rows = 0, missing = 0;
};

// The label counts of an even sample of a categorical or boolean column.
struct CategorySample {
    std::map<std::string, double> counts;
    std::uint64_t rows = 0, missing = 0;
};

// Rows 0, step, 2·step, … of a column with `rows` rows so that at most `maxRows` are taken
// (all of them when rows <= maxRows): row i of the sample is i · rows / n.
std::uint64_t sampledRowCount(std::uint64_t rows, std::uint64_t maxRows);
std::uint64_t sampledRow(std::uint64_t i, std::uint64_t rows, std::uint64_t sampled);

// An even sample of at most `maxRows` rows of a number, date or datetime column (days, ms).
NumberSample sampleNumbers(const ColumnView& column, std::uint64_t maxRows);
// An even sample of at most `maxRows` rows of a categorical or boolean column.
CategorySample sampleCategories(const ColumnView& column, std::uint64_t maxRows);

// Sorts numbers ascending (in place), faster than std::sort on the millions of values a column
// sample holds. NaN must have been left out.
void sortNumbers(std::vector<double>& values);

// The two samples' counts over the union of their labels, in label order.
void alignCounts(const CategorySample& reference, const CategorySample& current,
                 std::vector<double>& referenceCounts, std::vector<double>& currentCounts);

}  // namespace kiln
