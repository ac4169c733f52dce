// kiln show: one dataset version's schema and first rows.
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/cli_app.h"
#include "core/base/json_number.h"
#include "core/data/row_query.h"
#include "core/base/names.h"
#include "core/data/dataset_catalog.h"
#include "core/data/table.h"
#include "core/store/workspace.h"

namespace kiln::cli {

namespace {

constexpr std::size_t kMaxCellWidth = 32;

std::size_t displayWidth(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

// A cell as shown in the table: NA when missing, one line, at most kMaxCellWidth characters.
std::string displayCell(const ColumnView& column, std::uint64_t row) {
    if (column.isMissing(row)) return "NA";
    std::string text = column.text(row), out;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if ((c & 0xC0) != 0x80 && ++chars > kMaxCellWidth - 1) return out + "…";
        out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : char(c);
    }
    return out;
}

nlohmann::json cellJson(const ColumnView& column, std::uint64_t row) {
    if (column.isMissing(row)) return nullptr;
    switch (column.info().type) {
        case ColumnType::Integer:
            return column.int64s()[row];
        case ColumnType::Float:
            return jsonNumber(column.floats()[row]);  // +-inf as "Infinity" and "-Infinity"
        case ColumnType::Boolean:
            return column.bytes()[row] != 0;
        default:
            return column.text(row);
    }
}

void pad(const std::string& s, std::size_t width, bool right) {
    std::string fill(width > displayWidth(s) ? width - displayWidth(s) : 0, ' ');
    std::cout << (right ? fill + s : s + fill);
}

void printSchema(const Table& table) {
    std::size_t width = 6;
    for (const auto& c : table.manifest().columns) width = std::max(width, c.name.size());
    std::cout << "\n";
    pad("column", width, false);
    std::cout << "  type         missing  note\n";
    for (const auto& c : table.manifest().columns) {
        pad(c.name, width, false);
        std::cout << "  " << std::left << std::setw(11) << columnTypeName(c.type) << std::right
                  << std::setw(9) << c.missing;
        std::cout << "  " << c.note;
        if (c.type == ColumnType::Categorical)
            std::cout << (c.note.empty() ? "" : "; ") << c.categories.size() << " categories";
        std::cout << "\n";
    }
}

// The rows `shown` (table row numbers) as a table; `numbered` adds each row's number in the
// table first (after --where or --sort they are not 1, 2, 3 …).
void printHead(const Table& table, const std::vector<std::uint64_t>& shown, bool numbered) {
    std::vector<std::vector<std::string>> cells(table.columnCount());
    std::vector<std::size_t> widths(table.columnCount());
    for (std::size_t c = 0; c < table.columnCount(); ++c) {
        const auto& col = table.column(c);
        widths[c] = displayWidth(col.info().name);
        for (std::uint64_t r : shown) {
            cells[c].push_back(displayCell(col, r));
            widths[c] = std::max(widths[c], displayWidth(cells[c].back()));
        }
    }
    std::size_t numberWidth = 3;
    for (std::uint64_t r : shown) numberWidth = std::max(numberWidth, std::to_string(r + 1).size());
    std::cout << "\n";
    if (numbered) pad("row", numberWidth, true), std::cout << "  ";
    for (std::size_t c = 0; c < cells.size(); ++c) {
        pad(table.column(c).info().name, widths[c], isNumeric(table.column(c).info().type));
        std::cout << (c + 1 < cells.size() ? "  " : "\n");
    }
    for (std::size_t i = 0; i < shown.size(); ++i) {
        if (numbered) pad(std::to_string(shown[i] + 1), numberWidth, true), std::cout << "  ";
        for (std::size_t c = 0; c < cells.size(); ++c) {
            pad(cells[c][i], widths[c], isNumeric(table.column(c).info().type));
            std::cout << (c + 1 < cells.size() ? "  " : "\n");
        }
    }
}

// --where and --sort as core's row query; the rows they choose, in their order.
Result<std::vector<std::uint64_t>> chosenRows(const Arguments& args, const Table& table) {
    RowQuery query;
    if (auto where = args.value("where")) {
        auto conditions = parseRowConditions(table, *where);
        if (!conditions) return makeError(ErrorCode::InvalidArgument, conditions.error().message, "--where");
        query.conditions = std::move(*conditions);
    }
    if (auto sort = args.value("sort")) {
        // COL, COL:asc or COL:desc (a column's own name may hold ':').
        std::string name = *sort;
        const std::size_t colon = name.rfind(':');
        if (colon != std::string::npos && (name.substr(colon) == ":desc" || name.substr(colon) == ":asc")) {
            query.descending = name.substr(colon) == ":desc";
            name.resize(colon);
        }
        query.sortColumn = table.columnIndex(name);
        if (query.sortColumn < 0) {
            std::string names;
            for (const auto& c : table.manifest().columns) names += (names.empty() ? "" : ", ") + c.name;
            return makeError(ErrorCode::InvalidArgument, "no column named '" + name + "' to sort by (columns: " + names + ")",
                             "--sort");
        }
    }
    return selectRows(table, query);
}

nlohmann::json showJson(const DatasetVersion& v, const Table& table, const std::vector<std::uint64_t>& shown) {
    nlohmann::json cols = nlohmann::json::array(), head = nlohmann::json::array();
    for (const auto& c : table.manifest().columns) {
        nlohmann::json col = {{"name", c.name},
                              {"type", columnTypeName(c.type)},
                              {"missing", c.missing},
                              {"note", c.note}};
        if (c.type == ColumnType::Categorical) col["categories"] = c.categories;
        cols.push_back(std::move(col));
    }
    for (std::uint64_t r : shown) {
        nlohmann::json row = nlohmann::json::array();
        for (std::size_t c = 0; c < table.columnCount(); ++c)
            row.push_back(cellJson(table.column(c), r));
        head.push_back(std::move(row));
    }
    return {{"dataset", v.dataset},
            {"version", v.version},
            {"hash", v.contentHash},
            {"rows", table.rows()},
            {"source", v.sourcePath},
            {"created_at", v.createdAt},
            {"columns", cols},
            {"head", head},
            {"source_info", nlohmann::json::parse(table.manifest().sourceJson, nullptr, false)}};
}

int runShow(const Arguments& args) {
    std::uint64_t head = 10;
    if (auto h = args.value("head")) {
        try {
            std::size_t used = 0;
            long long n = std::stoll(*h, &used);
            if (used != h->size() || n < 0) throw std::invalid_argument("negative");
            head = std::uint64_t(n);
        } catch (const std::exception&) {
            return reportUsageError("--head needs a row count (0 or more), not '" + *h + "'");
        }
    }
    auto workspace = openWorkspace(args, false);
    if (!workspace) return reportError(workspace.error());
    DatasetCatalog catalog((*workspace)->catalog());
    auto version = catalog.resolve(args.positionals[0]);
    if (!version) return reportError(version.error());
    auto table = Table::open((*workspace)->objects(), version->contentHash);
    if (!table) return reportError(table.error());
    // Without --where or --sort the first rows, without a list of every row.
    const bool queried = args.value("where") || args.value("sort");
    std::vector<std::uint64_t> chosen;
    if (queried) {
        auto rows = chosenRows(args, **table);
        if (!rows) return reportError(rows.error());
        chosen = std::move(*rows);
    } else {
        for (std::uint64_t r = 0; r < std::min(head, (*table)->rows()); ++r) chosen.push_back(r);
    }
    const std::vector<std::uint64_t> shown(chosen.begin(), chosen.begin() + long(std::min<std::uint64_t>(head, chosen.size())));
    auto description = catalog.description(version->dataset);
    if (!description) return reportError(description.error());
    if (args.json) {
        nlohmann::json out = showJson(*version, **table, shown);
        out["description"] = *description;
        if (queried) {
            out["matched"] = chosen.size();
            nlohmann::json numbers = nlohmann::json::array();
            for (std::uint64_t r : shown) numbers.push_back(r + 1);
            out["row_numbers"] = numbers;  // 1-based, as the table numbers them
        }
        std::cout << out.dump(2) << "\n";
        return kExitOk;
    }
    std::cout << "Dataset '" << version->dataset << "' version " << version->version << " (hash "
              << version->contentHash.substr(0, 12) << "): " << (*table)->rows() << " rows x "
              << (*table)->columnCount() << " columns, from " << version->sourcePath << "\n";
    if (!description->empty()) std::cout << "  " << printable(*description) << "\n";
    printSchema(**table);
    if (args.value("where"))
        std::cout << "\n" << chosen.size() << " of " << (*table)->rows() << " rows match: " << printable(*args.value("where")) << "\n";
    if (!shown.empty()) printHead(**table, shown, queried);
    return kExitOk;
}

}  // namespace

Command makeShowCommand() {
    Command c;
    c.name = "show";
    c.summary = "show a dataset version's schema and first rows";
    c.usage = "kiln show DS[@VER] [--head N] [--where COND] [--sort COL[:desc]]";
    c.description =
        "DS is a dataset name; @VER a version number or a hash prefix (default: the newest).\n"
        "Prints each column's type, missing count and how its type was decided, then the\n"
        "first N rows (default 10) as a table; missing cells show as NA. --where keeps the\n"
        "rows that hold every condition ('Ozone > 50 and Month = 5'; = != < <= > >= contains,\n"
        "'is missing', 'is not missing'; text without a column searches every cell), --sort\n"
        "orders them (missing cells last); each row then shows its number in the table.";
    c.options = {{"head", "N", "rows to show (default 10)"},
                 {"where", "COND", "only the rows that hold COND: --where 'Ozone > 50 and Month = 5'"},
                 {"sort", "COL[:desc]", "rows in the order of COL, lowest first (:desc highest first)"}};
    c.minPositionals = 1;
    c.maxPositionals = 1;
    c.run = runShow;
    return c;
}

}  // namespace kiln::cli
