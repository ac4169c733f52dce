#include "core/data/column_type.h"

namespace kiln {

namespace {
constexpr std::pair<ColumnType, const char*> kNames[] = {
    {ColumnType::Integer, "integer"},   {ColumnType::Float, "float"},
    {ColumnType::Boolean, "boolean"},   {ColumnType::Date, "date"},
    {ColumnType::DateTime, "datetime"}, {ColumnType::Categorical, "categorical"},
    {ColumnType::Text, "text"},
};
}  // namespace

const char* columnTypeName(ColumnType type) {
    for (const auto& [t, name] : kNames)
        if (t == type) return name;
    return "text";
}

std::optional<ColumnType> parseColumnType(std::string_view name) {
    std::string lower;
    for (char c : name) lower += char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    for (const auto& [t, n] : kNames)
        if (lower == n) return t;
    // Common aliases people type.
    if (lower == "int") return ColumnType::Integer;
    if (lower == "double" || lower == "number") return ColumnType::Float;
    if (lower == "bool") return ColumnType::Boolean;
    if (lower == "category") return ColumnType::Categorical;
    if (lower == "string") return ColumnType::Text;
    return std::nullopt;
}

bool isNumeric(ColumnType type) {
    return type == ColumnType::Integer || type == ColumnType::Float || type == ColumnType::Boolean;
}

}  // namespace kiln
