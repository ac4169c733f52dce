#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"

namespace kiln {

class Table;

// One condition on a table's rows, as a person writes it: "Ozone > 50", "Species = setosa",
// "name contains smith", "Solar.R is missing".
enum class RowTest { Equals, NotEquals, Less, LessOrEqual, Greater, GreaterOrEqual, Contains, IsMissing, IsPresent };

struct RowCondition {
    int column = -1;  // -1: any column's text contains `value` (a search)
    RowTest test = RowTest::Contains;
    std::string value;
};

// Which rows of a table to show and in what order. No conditions and no sort: every row in order.
struct RowQuery {
    std::vector<RowCondition> conditions;  // every one must hold
    int sortColumn = -1;                   // -1: table order
    bool descending = false;
    bool isIdentity() const { return conditions.empty() && sortColumn < 0; }
};

// Reads "COLUMN OP VALUE [and COLUMN OP VALUE …]" against `table`'s columns. OP is one of
// = != < <= > >= contains, "is missing", "is not missing"; a column name with spaces may be
// quoted with `backticks`; a value may be quoted with "double quotes". A clause that does not
// start with a column name searches every column for its text. InvalidArgument says which part
// could not be read (an unknown operator, a value that is not a number or a date of the column).
Result<std::vector<RowCondition>> parseRowConditions(const Table& table, std::string_view text);

// The numbers of the rows that hold every condition (0-based, table order), sorted by the sort
// column when there is one: numbers and dates by value, ordered categories by their order,
// other categories and text by their text ignoring case, booleans false first.
// Missing cells come last in either direction; ties keep table order. Reads the mapped columns
// only (no row is copied); safe on a pool thread.
Result<std::vector<std::uint64_t>> selectRows(const Table& table, const RowQuery& query);

}  // namespace kiln
