// SQLite files made by the test: declared types by affinity, untyped and mixed columns typed
// from their cells, a view, NULLs, queries and the errors.
#include <sqlite3.h>
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>

#include "core/data/table.h"
#include "core/database/database_import.h"
#include "core/jobs/job_context.h"
#include "core/store/workspace.h"
#include "temp_dir.h"

using namespace kiln;

namespace {

void execute(sqlite3* db, const char* sql) {
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
    INFO((error ? error : ""));
    sqlite3_free(error);
    REQUIRE(rc == SQLITE_OK);
}

std::string makeShop(const TempDir& dir) {
    const std::string path = (dir / "shop.db").string();
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    execute(db, R"SQL(
CREATE TABLE items (id INTEGER PRIMARY KEY, price REAL, in_stock BOOLEAN, added DATE,
                    seen DATETIME, name TEXT, zip VARCHAR(5), untyped, amount NUMERIC, mixed, photo BLOB);
INSERT INTO items VALUES (1, 9.5, 1, '2024-01-31', '2024-01-31 08:30:00', 'pen', '08123', 10, 1.5, 1, x'00ff');
INSERT INTO items VALUES (2, 0.1, 0, '2023-12-01', '2023-12-01 17:00:00.250', 'ink', '10001', 20, 2, 'two', NULL);
INSERT INTO items VALUES (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 3.5, NULL);
INSERT INTO items VALUES (4, 123456789.125, 1, '2022-02-28', '2022-02-28 00:00:00', 'pad', '00042', 40, 4, 4, NULL);
CREATE VIEW cheap AS SELECT id, name, price FROM items WHERE price < 10;
)SQL");
    sqlite3_close(db);
    return path;
}

std::shared_ptr<Table> imported(Workspace& ws, const DatabaseTarget& target) {
    NullJobContext job;
    auto read = readDatabaseTable(ws.objects(), target, "", {}, job);
    INFO((read ? "" : read.error().toString()));
    REQUIRE(read);
    CHECK(read->format == "sqlite");
    auto table = Table::open(ws.objects(), read->manifestHash);
    REQUIRE(table);
    return *table;
}

const ColumnView& columnOf(const Table& table, const std::string& name) {
    const int index = table.columnIndex(name);
    REQUIRE(index >= 0);
    return table.column(std::size_t(index));
}

}  // namespace

TEST_CASE("SQLite columns are typed by affinity, or from their cells", "[database][sqlite]") {
    TempDir dir;
    const std::string path = makeShop(dir);
    auto ws = Workspace::open(dir / "ws").value();
    auto table = imported(*ws, {"sqlite:" + path, "items", ""});
    REQUIRE(table->rows() == 4);
    auto typeOf = [&](const char* name) { return columnOf(*table, name).info().type; };
    CHECK(typeOf("id") == ColumnType::Integer);
    CHECK(typeOf("price") == ColumnType::Float);
    CHECK(typeOf("in_stock") == ColumnType::Boolean);
    CHECK(typeOf("added") == ColumnType::Date);
    CHECK(typeOf("seen") == ColumnType::DateTime);
    CHECK((typeOf("name") == ColumnType::Categorical || typeOf("name") == ColumnType::Text));
    CHECK((typeOf("zip") == ColumnType::Categorical || typeOf("zip") == ColumnType::Text));
    CHECK(typeOf("untyped") == ColumnType::Integer);  // no declared type: from the cells
    CHECK(typeOf("amount") == ColumnType::Float);     // NUMERIC with 1.5 and 2
    CHECK(typeOf("mixed") != ColumnType::Integer);    // 1, 'two', 3.5, 4
    CHECK(typeOf("mixed") != ColumnType::Float);
    CHECK(columnOf(*table, "price").number(3) == 123456789.125);  // every digit kept
    CHECK(columnOf(*table, "price").number(1) == 0.1);
    CHECK(columnOf(*table, "price").isMissing(2));
    CHECK(columnOf(*table, "in_stock").text(0) == "true");
    CHECK(columnOf(*table, "in_stock").text(1) == "false");
    CHECK(columnOf(*table, "added").text(0) == "2024-01-31");
    CHECK(columnOf(*table, "seen").text(1) == "2023-12-01T17:00:00.250");
    CHECK(columnOf(*table, "zip").text(0) == "08123");
    CHECK(columnOf(*table, "mixed").text(1) == "two");
    CHECK(columnOf(*table, "photo").text(0) == "00ff");
    for (const char* name :
         {"price", "in_stock", "added", "seen", "name", "zip", "untyped", "amount"}) {
        INFO(name);
        CHECK(columnOf(*table, name).isMissing(2));
    }
}

TEST_CASE("SQLite views and queries import; tables are listed", "[database][sqlite]") {
    TempDir dir;
    const std::string path = makeShop(dir);
    auto ws = Workspace::open(dir / "ws").value();
    auto view = imported(*ws, {path, "cheap", ""});  // a plain .db path
    CHECK(view->rows() == 2);
    auto query = imported(
        *ws, {"sqlite://" + path, "", "SELECT name, price * 2 AS doubled FROM items WHERE id > 1"});
    CHECK(query->rows() == 3);
    CHECK(columnOf(*query, "doubled").info().type == ColumnType::Float);
    CHECK(columnOf(*query, "doubled").number(0) == Approx(0.2));

    auto tables = listDatabaseTables("sqlite:" + path, "");
    REQUIRE(tables);
    CHECK(*tables == std::vector<std::string>{"cheap", "items"});

    BasicJobContext job;
    auto dataset = importDatabaseDataset(*ws, {"sqlite:" + path, "ITEMS", ""}, "", "", {}, job);
    REQUIRE(dataset);
    CHECK(dataset->dataset == "ITEMS");
    CHECK(dataset->table.bytes > 0);
    auto preview = previewDatabase({"sqlite:" + path, "items", ""}, "", {}, 2);
    REQUIRE(preview);
    CHECK(preview->rows.size() == 2);
}

TEST_CASE("SQLite errors name the file, the table or the query's fault", "[database][sqlite]") {
    TempDir dir;
    const std::string path = makeShop(dir);
    auto ws = Workspace::open(dir / "ws").value();
    NullJobContext job;
    auto missing = readDatabaseTable(ws->objects(), {"sqlite:" + path, "orders", ""}, "", {}, job);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::NotFound);
    CHECK(missing.error().hint == "tables there: cheap, items");

    auto bad = readDatabaseTable(ws->objects(), {"sqlite:" + path, "", "SELECT nosuch FROM items"},
                                 "", {}, job);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message.find("no such column: nosuch") != std::string::npos);
    CHECK(bad.error().context.find("character 8") != std::string::npos);

    auto writes =
        readDatabaseTable(ws->objects(), {"sqlite:" + path, "", "DELETE FROM items"}, "", {}, job);
    REQUIRE_FALSE(writes);
    CHECK(writes.error().message.find("only reads") != std::string::npos);

    auto noFile = testDatabaseConnection("sqlite:" + (dir / "none.db").string(), "");
    REQUIRE_FALSE(noFile);
    CHECK(noFile.error().code == ErrorCode::NotFound);

    { std::ofstream((dir / "text.db").string()) << "not a database at all, just some text here\n"; }
    auto notSqlite = testDatabaseConnection((dir / "text.db").string(), "");
    REQUIRE_FALSE(notSqlite);
    CHECK(notSqlite.error().message.find("not a database") != std::string::npos);

    auto neither = readDatabaseTable(ws->objects(), {"sqlite:" + path, "", ""}, "", {}, job);
    REQUIRE_FALSE(neither);
    CHECK(neither.error().message.find("one of a table or a query") != std::string::npos);
}
