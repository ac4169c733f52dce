#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kiln {

// The logical type of a dataset column, inferred at import and overridable by the user.
enum class ColumnType {
    Integer,      // int64
    Float,        // float64, NaN for missing
    Boolean,      // true/false, yes/no, 0/1 spelled as words
    Date,         // calendar day
    DateTime,     // instant with millisecond precision (no time zone: as written)
    Categorical,  // low-cardinality strings, stored as codes into a dictionary
    Text,         // free text
};

// "integer", "float", "boolean", "date", "datetime", "categorical", "text".
const char* columnTypeName(ColumnType type);
std::optional<ColumnType> parseColumnType(std::string_view name);
bool isNumeric(ColumnType type);  // Integer, Float, Boolean

}  // namespace kiln
