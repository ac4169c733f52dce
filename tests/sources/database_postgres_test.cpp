// PostgreSQL import against a real server started by the test (database_server.h): every common
// type, an enum, a view, a million rows, queries, the errors, and the password kept out of
// everything the workspace stores and the CLI prints.
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/data/dataset_catalog.h"
#include "core/data/table.h"
#include "core/database/database_import.h"
#include "core/jobs/job_context.h"
#include "core/store/workspace.h"
#include "database_server.h"
#include "temp_dir.h"

using namespace kiln;
namespace fs = std::filesystem;

namespace {

const std::string kSecret = "Pg-s3cret-Quokka-42";

// The tables every case reads, made once per run.
PostgresTestServer& server() {
    static bool made = false;
    auto& s = PostgresTestServer::instance();
    if (made) return s;
    s.exec(R"SQL(
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE kinds (
  i2 int2, i4 int4, i8 int8, o oid, n numeric(12, 3), f4 float4, f8 float8, m money, b bool,
  d date, ts timestamp, tz timestamptz, t text, v varchar(20), c char(3), u uuid, j jsonb,
  e mood, a int[], raw bytea, code text);
INSERT INTO kinds VALUES
  (1, 10, 9007199254740993, 7, 1234.567, 1.5, 2.25, -1234.56, true, '2024-01-31',
   '2024-01-31 12:00:00.123456', '2024-01-31 12:00:00+02', 'alpha', 'x', 'ab', 
   'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"k": 1}', 'happy', '{1,2}', '\x0102', '08123'),
  (-2, -20, -3, 8, 'NaN', -0.5, 'Infinity', 3, false, 'infinity',
   '1999-12-31 23:59:59', '2000-06-01 00:00:00+00', 'beta', 'y', 'cd',
   'b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12', '[1, 2]', 'sad', '{}', '\x', '00042'),
  (3, 30, 5, 9, 0.5, 0, -1e300, 0, true, '1970-01-01',
   '1970-01-01 00:00:00', '1970-01-01 00:00:00+00', 'alpha', 'x', 'ef',
   'c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a13', 'null', 'ok', '{3}', '\xff', '08123'),
  (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
   NULL, NULL, NULL, NULL, NULL, NULL);
CREATE VIEW happy_kinds AS SELECT i4, e, t FROM kinds WHERE e = 'happy';
CREATE TABLE big AS
  SELECT g AS id, g * 0.5 AS half, 'b' || (g % 7)::text AS bucket, g % 2 = 0 AS even,
         date '2020-01-01' + (g % 1000) AS day
  FROM generate_series(1, 1000000) g;
CREATE SCHEMA sales;
CREATE TABLE sales.orders (id int PRIMARY KEY, total numeric);
INSERT INTO sales.orders VALUES (1, 9.5), (2, 10.25);
CREATE ROLE kiln_secret LOGIN PASSWORD ')SQL" +
           kSecret + R"SQL(';
GRANT SELECT ON ALL TABLES IN SCHEMA public TO kiln_secret;
)SQL");
    made = true;
    return s;
}

struct Fixture {
    TempDir dir;
    std::unique_ptr<Workspace> workspace = Workspace::open(dir / "ws").value();
};

std::shared_ptr<Table> openTable(Workspace& ws, const std::string& hash) {
    auto table = Table::open(ws.objects(), hash);
    REQUIRE(table);
    return *table;
}

const ColumnView& columnOf(const Table& table, const std::string& name) {
    const int index = table.columnIndex(name);
    REQUIRE(index >= 0);
    return table.column(std::size_t(index));
}

DatabaseTarget tableAt(const std::string& url, const std::string& table) {
    return {url, table, ""};
}

std::string fileText(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Files under `folder` whose bytes hold `secret`.
std::vector<std::string> filesHolding(const fs::path& folder, const std::string& secret) {
    std::vector<std::string> found;
    for (const auto& entry : fs::recursive_directory_iterator(folder))
        if (entry.is_regular_file() && fileText(entry.path()).find(secret) != std::string::npos)
            found.push_back(entry.path().string());
    return found;
}

}  // namespace

TEST_CASE("PostgreSQL types map to Kiln's, NULLs, infinities and NaN noted",
          "[database][postgres]") {
    auto& pg = server();
    Fixture f;
    NullJobContext job;
    auto read = readDatabaseTable(f.workspace->objects(), tableAt(pg.url(), "kinds"), "", {}, job);
    REQUIRE(read);
    CHECK(read->format == "postgresql");
    auto table = openTable(*f.workspace, read->manifestHash);
    REQUIRE(table->rows() == 4);
    auto typeOf = [&](const std::string& name) { return columnOf(*table, name).info().type; };
    for (const char* name : {"i2", "i4", "i8", "o"}) CHECK(typeOf(name) == ColumnType::Integer);
    for (const char* name : {"n", "f4", "f8", "m"}) CHECK(typeOf(name) == ColumnType::Float);
    CHECK(typeOf("b") == ColumnType::Boolean);
    CHECK(typeOf("d") == ColumnType::Date);
    CHECK(typeOf("ts") == ColumnType::DateTime);
    CHECK(typeOf("tz") == ColumnType::DateTime);
    for (const char* name : {"t", "v", "c", "u", "j", "code"}) {
        INFO(name);
        CHECK((typeOf(name) == ColumnType::Categorical || typeOf(name) == ColumnType::Text));
    }
    CHECK(typeOf("e") == ColumnType::Categorical);
    CHECK(columnOf(*table, "e").info().categories ==
          std::vector<std::string>{"sad", "ok", "happy"});
    CHECK(typeOf("a") == ColumnType::Text);
    CHECK(typeOf("raw") == ColumnType::Text);

    CHECK(columnOf(*table, "i8").int64s()[0] == 9007199254740993LL);  // exact, not through a double
    CHECK(columnOf(*table, "n").number(0) == Approx(1234.567));
    CHECK(columnOf(*table, "n").isMissing(1));  // NaN
    CHECK(columnOf(*table, "m").number(0) == Approx(-1234.56));
    CHECK(std::isinf(columnOf(*table, "f8").number(1)));
    CHECK(columnOf(*table, "b").text(0) == "true");
    CHECK(columnOf(*table, "b").text(1) == "false");
    CHECK(columnOf(*table, "d").text(0) == "2024-01-31");
    CHECK(columnOf(*table, "d").isMissing(1));  // infinity
    CHECK(columnOf(*table, "ts").text(0) == "2024-01-31T12:00:00.123");
    CHECK(columnOf(*table, "tz").text(0) == "2024-01-31T10:00:00");  // +02 in UTC
    CHECK(columnOf(*table, "code").text(0) == "08123");              // leading zero kept
    CHECK(columnOf(*table, "a").text(0) == "{1,2}");
    CHECK(columnOf(*table, "e").text(2) == "ok");
    for (std::size_t c = 0; c < table->columnCount(); ++c) {
        INFO(table->column(c).info().name);
        CHECK(table->column(c).isMissing(3));
    }
    CHECK(columnOf(*table, "tz").info().note.find("UTC") != std::string::npos);
    CHECK(columnOf(*table, "n").info().note.find("numeric") != std::string::npos);
    auto noted = [&](const std::string& part) {
        for (const auto& note : read->notes)
            if (note.find(part) != std::string::npos) return true;
        return false;
    };
    CHECK(noted("column 'd': 1 infinite dates"));
    CHECK(noted("column 'n': 1 NaN"));
    CHECK(noted("column 'f8': 1 infinite values"));
}

TEST_CASE("PostgreSQL tables are listed; a view, a schema's table and a query import",
          "[database][postgres]") {
    auto& pg = server();
    auto tables = listDatabaseTables(pg.url(), "");
    REQUIRE(tables);
    CHECK(*tables == std::vector<std::string>{"big", "happy_kinds", "kinds", "sales.orders"});
    REQUIRE(testDatabaseConnection(pg.url(), ""));

    Fixture f;
    BasicJobContext job;
    auto view =
        importDatabaseDataset(*f.workspace, tableAt(pg.url(), "happy_kinds"), "", "", {}, job);
    REQUIRE(view);
    CHECK(view->dataset == "happy_kinds");
    CHECK(view->table.manifest.rows == 1);

    auto orders =
        importDatabaseDataset(*f.workspace, tableAt(pg.url(), "sales.orders"), "", "", {}, job);
    REQUIRE(orders);
    CHECK(orders->dataset == "orders");
    CHECK(openTable(*f.workspace, orders->table.manifestHash)->column(1).number(1) ==
          Approx(10.25));

    DatabaseTarget query{pg.url(), "",
                         "SELECT id, half, bucket FROM big WHERE id <= 10 ORDER BY id DESC;"};
    auto queried = importDatabaseDataset(*f.workspace, query, "", "", {}, job);
    REQUIRE(queried);
    CHECK(queried->dataset == "query");
    auto table = openTable(*f.workspace, queried->table.manifestHash);
    REQUIRE(table->rows() == 10);
    CHECK(table->column(0).number(0) == 10);
    CHECK(table->column(1).number(9) == 0.5);
    DatasetCatalog catalog(f.workspace->catalog());
    auto spec = catalog.sourceSpec("query");
    REQUIRE(spec);
    CHECK(spec->find("\"kind\":\"database\"") != std::string::npos);
    CHECK(spec->find("WHERE id <= 10") != std::string::npos);

    auto preview = previewDatabase(tableAt(pg.url(), "kinds"), "", {}, 2);
    REQUIRE(preview);
    CHECK(preview->rows.size() == 2);
    CHECK(preview->columns.size() == 21);
}

TEST_CASE("A million PostgreSQL rows stream into a dataset", "[database][postgres]") {
    auto& pg = server();
    Fixture f;
    BasicJobContext job;
    const auto start = std::chrono::steady_clock::now();
    auto imported = importDatabaseDataset(*f.workspace, tableAt(pg.url(), "big"), "", "", {}, job);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    REQUIRE(imported);
    WARN("1,000,000 rows in " << seconds << " s");
    auto table = openTable(*f.workspace, imported->table.manifestHash);
    REQUIRE(table->rows() == 1000000);
    const auto& id = columnOf(*table, "id");
    const auto& half = columnOf(*table, "half");
    const auto& even = columnOf(*table, "even");
    CHECK(id.info().type == ColumnType::Integer);
    CHECK(even.info().type == ColumnType::Boolean);
    CHECK(columnOf(*table, "day").info().type == ColumnType::Date);
    CHECK(columnOf(*table, "bucket").info().type == ColumnType::Categorical);
    CHECK(columnOf(*table, "bucket").info().categories.size() == 7);
    std::int64_t idSum = 0, evens = 0;
    double halfSum = 0;
    for (std::uint64_t r = 0; r < table->rows(); ++r) {
        idSum += id.int64s()[r];
        halfSum += half.floats()[r];
        evens += even.bytes()[r];
    }
    CHECK(idSum == 500000500000LL);
    CHECK(halfSum == Approx(250000250000.0));
    CHECK(evens == 500000);
    CHECK(id.int64s()[999999] == 1000000);
    CHECK(columnOf(*table, "day").text(998) == "2022-09-26");  // 2020-01-01 + 999 days
    CHECK(columnOf(*table, "day").text(999) == "2020-01-01");  // + 1000 % 1000
}

TEST_CASE("PostgreSQL errors say what and where, and store nothing", "[database][postgres]") {
    auto& pg = server();
    Fixture f;
    BasicJobContext job;
    auto bad = importDatabaseDataset(*f.workspace, {pg.url(), "", "SELECT id, nosuch FROM big"}, "",
                                     "", {}, job);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code == ErrorCode::InvalidArgument);
    CHECK(bad.error().message.find("column \"nosuch\" does not exist") != std::string::npos);
    CHECK(bad.error().context.find("character 12") != std::string::npos);

    auto missing =
        importDatabaseDataset(*f.workspace, tableAt(pg.url(), "nosuch"), "", "", {}, job);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::NotFound);
    CHECK(missing.error().message.find("'nosuch'") != std::string::npos);
    CHECK(missing.error().hint.find("kinds") != std::string::npos);

    const int closed = freeLoopbackPort();
    auto refused = testDatabaseConnection(
        "postgresql://postgres@127.0.0.1:" + std::to_string(closed) + "/postgres", "");
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::Io);
    CHECK(refused.error().message.find("127.0.0.1:" + std::to_string(closed)) != std::string::npos);

    auto badUrl = databaseKind("mysql://root@h/db");
    REQUIRE_FALSE(badUrl);
    CHECK(badUrl.error().message.find("not a database URL") != std::string::npos);

    auto wrong = testDatabaseConnection(pg.url("kiln_secret"), "not-the-Password-77");
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().message.find("password authentication failed") != std::string::npos);
    CHECK(wrong.error().toString().find("not-the-Password-77") == std::string::npos);
    CHECK(wrong.error().hint.find("not-the-Password-77") == std::string::npos);

    DatasetCatalog catalog(f.workspace->catalog());
    auto datasets = catalog.list();
    REQUIRE(datasets);
    CHECK(datasets->empty());
}

TEST_CASE("A cancelled PostgreSQL import stops and stores nothing", "[database][postgres]") {
    // Cancels once the first rows have been read.
    class CancelOnProgress : public BasicJobContext {
    public:
        void progress(std::uint64_t done, std::uint64_t total, std::string_view stage) override {
            if (done > 0) cancel();
            BasicJobContext::progress(done, total, stage);
        }
    };
    auto& pg = server();
    Fixture f;
    CancelOnProgress job;
    auto imported = importDatabaseDataset(*f.workspace, tableAt(pg.url(), "big"), "", "", {}, job);
    REQUIRE_FALSE(imported);
    CHECK(imported.error().code == ErrorCode::Cancelled);
    DatasetCatalog catalog(f.workspace->catalog());
    CHECK(catalog.list()->empty());
}

TEST_CASE("A password reaches the server but nothing the workspace stores or the CLI prints",
          "[database][postgres][password]") {
    auto& pg = server();
    Fixture f;
    BasicJobContext job;
    const std::string withPassword = "postgresql://kiln_secret:" + kSecret +
                                     "@127.0.0.1:" + std::to_string(pg.port()) + "/postgres";
    CHECK(redactedUrl(withPassword) == pg.url("kiln_secret"));

    auto viaUrl = importDatabaseDataset(*f.workspace, tableAt(withPassword, "kinds"), "",
                                        "from_url", {}, job);
    REQUIRE(viaUrl);
    auto viaParameter = importDatabaseDataset(*f.workspace, tableAt(pg.url("kiln_secret"), "big"),
                                              kSecret, "from_param", {}, job);
    REQUIRE(viaParameter);
    auto withoutPassword =
        testDatabaseConnection(pg.url("kiln_secret") + "?passfile=/nonexistent", "");
    REQUIRE_FALSE(withoutPassword);  // the role does need it

    const auto cliOutput = f.dir / "cli.txt";
    const std::string cli = std::string(KILN_CLI) + " import --workspace " +
                            (f.dir / "ws").string() + " --db '" + withPassword +
                            "' --table kinds --name from_cli >" + cliOutput.string() + " 2>&1";
    CHECK(std::system(cli.c_str()) == 0);
    const std::string cliJson =
        std::string(KILN_CLI) + " import --workspace " + (f.dir / "ws").string() + " --db '" +
        withPassword + "' --query 'SELECT 1 AS one' --json >>" + cliOutput.string() + " 2>&1";
    CHECK(std::system(cliJson.c_str()) == 0);
    const std::string cliFailing = std::string(KILN_CLI) + " import --workspace " +
                                   (f.dir / "ws").string() + " --db '" + withPassword +
                                   "' --table no_such_table >>" + cliOutput.string() + " 2>&1";
    CHECK(std::system(cliFailing.c_str()) != 0);
    const std::string printed = fileText(cliOutput);
    INFO(printed);
    CHECK(printed.find("Imported postgresql://kiln_secret@127.0.0.1") != std::string::npos);
    CHECK(printed.find("no table or view 'no_such_table'") != std::string::npos);
    CHECK(printed.find(kSecret) == std::string::npos);

    DatasetCatalog catalog(f.workspace->catalog());
    auto datasets = catalog.list();
    REQUIRE(datasets);
    CHECK(datasets->size() == 4);
    CHECK(filesHolding(f.dir / "ws", kSecret).empty());
    CHECK(filesHolding(f.dir / "ws", "kiln_secret@127.0.0.1").size() >
          0);  // the search can find things
}

TEST_CASE("A PostgreSQL column typed again past the kept rows is copied again", "[database][postgres]") {
    auto& pg = server();
    Fixture f;
    NullJobContext job;
    // Two values in the sample, 20,000 distinct ones later: too many for a category, so the
    // import reads again with the column as text, past the rows kept for the sample.
    DatabaseTarget query{pg.url(), "",
                         "SELECT g AS id, CASE WHEN g <= 10000 THEN 'v' || (g % 2) ELSE 'w' || g END AS label "
                         "FROM generate_series(1, 30000) g ORDER BY g -- a trailing comment"};
    auto read = readDatabaseTable(f.workspace->objects(), query, "", {}, job);
    REQUIRE(read);
    auto table = openTable(*f.workspace, read->manifestHash);
    REQUIRE(table->rows() == 30000);
    CHECK(columnOf(*table, "label").info().type == ColumnType::Text);
    CHECK(columnOf(*table, "label").text(0) == "v1");
    CHECK(columnOf(*table, "label").text(29999) == "w30000");
    CHECK(columnOf(*table, "id").int64s()[29999] == 30000);

    // An error the server meets half-way through the rows.
    DatabaseTarget failing{pg.url(), "", "SELECT 1 / (g - 20000) AS x FROM generate_series(1, 30000) g"};
    auto failed = readDatabaseTable(f.workspace->objects(), failing, "", {}, job);
    REQUIRE_FALSE(failed);
    CHECK(failed.error().message.find("division by zero") != std::string::npos);
}

TEST_CASE("COPY's escapes come back as the text stored", "[database][postgres]") {
    auto& pg = server();
    Fixture f;
    NullJobContext job;
    DatabaseTarget query{pg.url(), "",
                         "SELECT E'tab\\there' AS a, E'line\\nbreak' AS b, E'back\\\\slash' AS c, '\\N' AS d, "
                         "E'\\u00e9t\\u00e9' AS e"};
    auto read = readDatabaseTable(f.workspace->objects(), query, "", {}, job);
    REQUIRE(read);
    auto table = openTable(*f.workspace, read->manifestHash);
    CHECK(columnOf(*table, "a").text(0) == "tab\there");
    CHECK(columnOf(*table, "b").text(0) == "line\nbreak");
    CHECK(columnOf(*table, "c").text(0) == "back\\slash");
    CHECK(columnOf(*table, "d").text(0) == "\\N");  // the two characters, not a NULL
    CHECK(columnOf(*table, "e").text(0) == "\xc3\xa9t\xc3\xa9");
}
