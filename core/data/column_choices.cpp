#include "core/data/column_choices.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>

namespace kiln {

namespace {

std::string lowered(const std::string& text) {
    std::string lower;
    for (char c : text) lower += char(std::tolower(static_cast<unsigned char>(c)));
    return lower;
}

Result<ColumnSpec*> columnNamed(std::vector<ColumnSpec>& columns, const std::string& name) {
    auto it = std::find_if(columns.begin(), columns.end(),
                           [&](const ColumnSpec& c) { return c.fileName == name; });
    if (it != columns.end()) return &*it;
    std::string names;
    for (const auto& c : columns) names += (names.empty() ? "" : ", ") + c.fileName;
    return makeError(ErrorCode::InvalidArgument,
                     "no column named '" + name + "' (columns: " + names + ")");
}

Status forceType(ColumnSpec& spec, const std::string& typeName) {
    const std::string lower = lowered(typeName);
    if (lower == "date-dmy" || lower == "date-mdy") {
        spec.type = ColumnType::Date;
        spec.dateOrder = lower == "date-dmy" ? DateOrder::DayFirst : DateOrder::MonthFirst;
    } else if (auto type = parseColumnType(lower)) {
        spec.type = *type;
    } else {
        return makeError(ErrorCode::InvalidArgument,
                         "unknown column type '" + typeName +
                             "' (use integer, float, boolean, date, date-dmy, date-mdy, datetime, "
                             "categorical or text)");
    }
    spec.overridden = true;
    spec.undecided = false;
    spec.note = "type set by the user";
    if (lower == "date-mdy") spec.note += " (month-first dates)";
    if (lower == "date-dmy") spec.note += " (day-first dates)";
    return {};
}

Status applyTypes(std::vector<ColumnSpec>& columns, const std::vector<std::string>& overrides) {
    for (const auto& entry : overrides) {
        std::size_t start = 0;
        while (start <= entry.size()) {
            const std::size_t comma = std::min(entry.find(',', start), entry.size());
            const std::string item = entry.substr(start, comma - start);
            start = comma + 1;
            if (item.empty()) continue;
            const auto eq = item.rfind('=');
            if (eq == std::string::npos)
                return makeError(ErrorCode::InvalidArgument,
                                 "a type override is written COLUMN=TYPE, not '" + item + "'");
            auto spec = columnNamed(columns, item.substr(0, eq));
            if (!spec) return spec.error();
            if (auto s = forceType(**spec, item.substr(eq + 1)); !s) return s;
        }
    }
    return {};
}

Status applyOrders(std::vector<ColumnSpec>& columns,
                   const std::vector<ImportOptions::CategoryOrder>& orders) {
    for (const auto& order : orders) {
        auto spec = columnNamed(columns, order.column);
        if (!spec) return spec.error();
        ColumnSpec& c = **spec;
        if (c.overridden && c.type != ColumnType::Categorical)
            return makeError(ErrorCode::InvalidArgument,
                             "'" + order.column + "' is set to " + columnTypeName(c.type) +
                                 ": only a categorical column has an order");
        std::set<std::string> seen;
        for (const auto& level : order.levels)
            if (level.empty() || !seen.insert(level).second)
                return makeError(ErrorCode::InvalidArgument,
                                 "the order of '" + order.column + "' names '" + level +
                                     "' twice or names an empty value");
        c.type = ColumnType::Categorical;
        c.overridden = true;
        c.undecided = false;
        c.ordered = true;
        c.levels = order.levels;
        std::string shown;
        for (const auto& level : order.levels) shown += (shown.empty() ? "" : " < ") + level;
        c.note = "ordered by the user: " + shown;
    }
    return {};
}

Status applySkips(std::vector<ColumnSpec>& columns, const std::vector<std::string>& skips) {
    for (const auto& name : skips) {
        auto spec = columnNamed(columns, name);
        if (!spec) return spec.error();
        ColumnSpec& c = **spec;
        // Read as text, which every cell fits, so a skipped column never makes the import
        // read the file again; the writer stores none of it.
        c.skipped = true;
        c.type = ColumnType::Text;
        c.undecided = false;
        c.note = "skipped";
    }
    if (std::all_of(columns.begin(), columns.end(), [](const ColumnSpec& c) { return c.skipped; }))
        return makeError(ErrorCode::InvalidArgument, "every column is skipped: nothing would be stored");
    return {};
}

Status applyRenames(std::vector<ColumnSpec>& columns,
                    const std::vector<std::pair<std::string, std::string>>& renames) {
    for (const auto& [from, to] : renames) {
        auto spec = columnNamed(columns, from);
        if (!spec) return spec.error();
        if (to.empty() || to.find_first_not_of(" \t") == std::string::npos)
            return makeError(ErrorCode::InvalidArgument, "'" + from + "' cannot be renamed to an empty name");
        ColumnSpec& c = **spec;
        c.name = to;
        c.note += (c.note.empty() ? "" : "; ") + ("named '" + from + "' in the file");
    }
    std::set<std::string> names;
    for (const auto& c : columns)
        if (!c.skipped && !names.insert(c.name).second)
            return makeError(ErrorCode::InvalidArgument,
                             "two columns would be named '" + c.name + "': give one another name");
    return {};
}

}  // namespace

Status applyColumnChoices(std::vector<ColumnSpec>& columns, const ImportOptions& options) {
    if (auto s = applyTypes(columns, options.typeOverrides); !s) return s;
    if (auto s = applyOrders(columns, options.categoryOrders); !s) return s;
    if (auto s = applySkips(columns, options.skipColumns); !s) return s;
    return applyRenames(columns, options.renames);
}

}  // namespace kiln
