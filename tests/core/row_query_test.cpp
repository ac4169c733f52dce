// Sorting and filtering a stored table's rows on its mapped columns (core/data/row_query.h):
// what the dataset table in Studio shows.
#include <catch2/catch.hpp>
#include <algorithm>
#include <fstream>

#include "core/data/csv_import.h"
#include "core/data/row_query.h"
#include "core/data/table.h"
#include "core/store/object_store.h"
#include "temp_dir.h"

using namespace kiln;
namespace fs = std::filesystem;

namespace {

// airquality-like: Ozone with missing cells, a category, text, a date, a yes/no flag, and an
// ordered size column.
std::shared_ptr<Table> openAirquality(const TempDir& dir, ObjectStore& store) {
    const fs::path file = dir / "air.csv";
    std::ofstream(file, std::ios::binary)
        << "Ozone,Month,site,remark,day,windy,size\n"
           "41,May,north,Clear sky,2024-05-01,yes,small\n"
           "NA,May,south,rain later,2024-05-02,no,large\n"
           "12,June,north,,2024-06-01,no,medium\n"
           "168,June,east,Smog alert,2024-06-02,yes,large\n"
           "12,July,south,clear,2024-07-01,no,small\n"
           "NA,July,east,Storm,2024-07-02,yes,medium\n"
           "7,May,east,calm,2024-05-03,no,small\n";
    ImportOptions o;
    o.typeOverrides = {"Month=categorical,site=categorical"};
    o.categoryOrders = {{"size", {"small", "medium", "large"}}};
    NullJobContext job;
    auto result = readCsvTable(store, file, o, job);
    REQUIRE(result.ok());
    auto table = Table::open(store, result->manifestHash);
    REQUIRE(table.ok());
    return *table;
}

std::vector<std::uint64_t> rowsOf(const Table& t, const std::string& filter, int sort = -1,
                                  bool descending = false) {
    auto conditions = parseRowConditions(t, filter);
    REQUIRE(conditions.ok());
    RowQuery query;
    query.conditions = *conditions;
    query.sortColumn = sort;
    query.descending = descending;
    auto rows = selectRows(t, query);
    REQUIRE(rows.ok());
    return *rows;
}

using Rows = std::vector<std::uint64_t>;

}  // namespace

TEST_CASE("Rows sort by each kind of column, missing cells last either way", "[table][query]") {
    TempDir dir;
    ObjectStore store(dir / "objects");
    auto t = openAirquality(dir, store);
    REQUIRE(t->column(6).info().ordered);
    CHECK(rowsOf(*t, "") == Rows{0, 1, 2, 3, 4, 5, 6});
    CHECK(rowsOf(*t, "", 0) == Rows{6, 2, 4, 0, 3, 1, 5});         // ties (12, 12) in table order
    CHECK(rowsOf(*t, "", 0, true) == Rows{3, 0, 2, 4, 6, 1, 5});   // NA still last
    CHECK(rowsOf(*t, "", 1) == Rows{4, 5, 2, 3, 0, 1, 6});         // July < June < May as text
    CHECK(rowsOf(*t, "", 3) == Rows{6, 4, 0, 1, 3, 5, 2});         // case ignored; the empty cell is missing
    CHECK(rowsOf(*t, "", 4, true) == Rows{5, 4, 3, 2, 6, 1, 0});   // dates newest first
    CHECK(rowsOf(*t, "", 5) == Rows{1, 2, 4, 6, 0, 3, 5});         // no before yes
    CHECK(rowsOf(*t, "", 6) == Rows{0, 4, 6, 2, 5, 1, 3});         // small < medium < large, as ordered
}

TEST_CASE("Rows are filtered by conditions a person writes", "[table][query]") {
    TempDir dir;
    ObjectStore store(dir / "objects");
    auto t = openAirquality(dir, store);
    CHECK(rowsOf(*t, "Ozone > 12") == Rows{0, 3});
    CHECK(rowsOf(*t, "Ozone >= 12 and Month = june") == Rows{2, 3});  // = ignores case
    CHECK(rowsOf(*t, "Ozone is missing") == Rows{1, 5});
    CHECK(rowsOf(*t, "Ozone is not missing and Ozone != 12") == Rows{0, 3, 6});
    CHECK(rowsOf(*t, "remark contains CLEAR") == Rows{0, 4});
    CHECK(rowsOf(*t, "day < 2024-06-01") == Rows{0, 1, 6});
    CHECK(rowsOf(*t, "windy = yes") == Rows{0, 3, 5});
    CHECK(rowsOf(*t, "size >= medium") == Rows{1, 2, 3, 5});  // by the order, not the text
    CHECK(rowsOf(*t, "site = \"east\"") == Rows{3, 5, 6});
    CHECK(rowsOf(*t, "storm") == Rows{5});                 // no column named: a search of every cell
    CHECK(rowsOf(*t, "168") == Rows{3});
    CHECK(rowsOf(*t, "Ozone > 10", 0, true) == Rows{3, 0, 2, 4});
    CHECK(rowsOf(*t, "Ozone > 1000").empty());
}

TEST_CASE("A condition that cannot be read says which part and why", "[table][query]") {
    TempDir dir;
    ObjectStore store(dir / "objects");
    auto t = openAirquality(dir, store);
    auto error = [&](const std::string& text) {
        auto conditions = parseRowConditions(*t, text);
        REQUIRE_FALSE(conditions.ok());
        return conditions.error().message;
    };
    CHECK(error("Ozone > lots").find("'lots' is not a number, as Ozone (integer) needs") != std::string::npos);
    CHECK(error("day > soon").find("a date") != std::string::npos);
    CHECK(error("Ozone ~ 3").find("after Ozone comes one of") != std::string::npos);
    CHECK(error("Ozone >").find("needs a value") != std::string::npos);
    CHECK(error("size > huge").find("small < medium < large") != std::string::npos);
    CHECK(error("Ozone > 3 and ").find("nothing on one side") != std::string::npos);
    CHECK(error("remark contains calm and").find("nothing on one side") != std::string::npos);
    CHECK(error("and Ozone > 3").find("nothing on one side") != std::string::npos);
}

TEST_CASE("A million rows sort and filter without copying a row", "[table][query]") {
    TempDir dir;
    ObjectStore store(dir / "objects");
    const fs::path file = dir / "big.csv";
    {
        std::ofstream out(file, std::ios::binary);
        out << "id,value\n";
        for (int i = 0; i < 1000000; ++i) out << i << ',' << (std::int64_t(i) * 7919) % 1000003 << '\n';
    }
    NullJobContext job;
    auto result = readCsvTable(store, file, {}, job);
    REQUIRE(result.ok());
    auto t = Table::open(store, result->manifestHash);
    REQUIRE(t.ok());
    const Rows sorted = rowsOf(**t, "value < 500000", 1, true);
    REQUIRE_FALSE(sorted.empty());
    const kiln::ColumnView& value = (*t)->column(1);
    CHECK(std::is_sorted(sorted.begin(), sorted.end(), [&](std::uint64_t a, std::uint64_t b) {
        return value.number(a) > value.number(b);
    }));
    CHECK((*t)->column(1).number(sorted.back()) >= 0);
    CHECK((*t)->column(1).number(sorted.front()) < 500000);
}
