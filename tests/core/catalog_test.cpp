#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "core/store/catalog.h"
#include "temp_dir.h"

using namespace kiln;

namespace {
std::string fileBytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::int64_t intValue(Catalog& catalog, const char* sql) {
    return std::get<std::int64_t>(catalog.queryValue(sql).value());
}
}  // namespace

TEST_CASE("A new catalog is migrated to the latest schema, in WAL mode", "[catalog]") {
    TempDir dir;
    auto catalog = Catalog::open(dir / "kiln.db");
    REQUIRE(catalog.ok());
    Catalog& c = **catalog;
    CHECK(c.schemaVersion() == Catalog::latestSchemaVersion());
    CHECK(std::get<std::string>(c.queryValue("PRAGMA journal_mode").value()) == "wal");
    for (const char* table : {"datasets", "dataset_versions", "runs", "params", "metrics", "tags",
                              "artifacts", "models", "model_versions", "hosts", "schema_version"}) {
        INFO(table);
        CHECK(intValue(c, (std::string("SELECT COUNT(*) FROM sqlite_master WHERE name='") + table +
                           "'").c_str()) == 1);
    }
    auto counts = c.counts().value();
    CHECK(counts.datasets == 0);
    CHECK(counts.runs == 0);
}

TEST_CASE("Reopening a catalog keeps its data and applies no migration twice", "[catalog]") {
    TempDir dir;
    {
        auto c = Catalog::open(dir / "kiln.db").value();
        REQUIRE(c->execute("INSERT INTO datasets (name, kind) VALUES ('iris', 'table')").ok());
    }
    auto c = Catalog::open(dir / "kiln.db").value();
    CHECK(c->counts().value().datasets == 1);
    CHECK(intValue(*c, "SELECT COUNT(*) FROM schema_version") ==
          Catalog::latestSchemaVersion());
}

TEST_CASE("A catalog from a newer Kiln is refused and left untouched", "[catalog]") {
    TempDir dir;
    auto file = dir / "kiln.db";
    {
        auto c = Catalog::open(file).value();
        REQUIRE(c->execute("INSERT INTO schema_version (version, description, kiln_version) "
                           "VALUES (999, 'from the future', '9.0.0'); PRAGMA wal_checkpoint(TRUNCATE);")
                    .ok());
    }
    auto before = fileBytes(file);
    auto reopened = Catalog::open(file);
    REQUIRE_FALSE(reopened.ok());
    CHECK(reopened.error().code == ErrorCode::SchemaTooNew);
    CHECK_THAT(reopened.error().message, Catch::Contains("newer Kiln"));
    CHECK_THAT(reopened.error().message, Catch::Contains("999"));
    CHECK(fileBytes(file) == before);
}

TEST_CASE("A file that is not a catalog gets a clear error", "[catalog]") {
    TempDir dir;
    std::ofstream(dir / "kiln.db") << "this is not sqlite, just text that is long enough to fail";
    auto c = Catalog::open(dir / "kiln.db");
    REQUIRE_FALSE(c.ok());
    CHECK(c.error().code == ErrorCode::Corrupt);
    CHECK_THAT(c.error().toString(), Catch::Contains("kiln.db"));
}

TEST_CASE("Statements bind values and read rows back", "[catalog]") {
    TempDir dir;
    auto c = Catalog::open(dir / "kiln.db").value();
    REQUIRE(c->execute("INSERT INTO runs (id, name) VALUES ('r1', 'baseline')").ok());
    auto insert = c->prepare(
        "INSERT INTO metrics (run_id, key, step, epoch, value, wall_time) VALUES (?,?,?,?,?,?)");
    REQUIRE(insert.ok());
    for (std::int64_t step = 0; step < 3; ++step) {
        REQUIRE(insert->bind({std::string("r1"), std::string("loss"), step, step,
                              1.0 / double(step + 1), 0.5})
                    .ok());
        REQUIRE(insert->step().ok());
        REQUIRE(insert->reset().ok());
    }
    auto select = c->prepare("SELECT step, value FROM metrics WHERE run_id=? ORDER BY step");
    REQUIRE(select->bind({std::string("r1")}).ok());
    std::vector<double> values;
    while (select->step().value()) values.push_back(select->columnDouble(1));
    CHECK(values == std::vector<double>{1.0, 0.5, 1.0 / 3.0});
    // A constraint violation is an error, not a crash.
    CHECK_FALSE(c->execute("INSERT INTO runs (id, status) VALUES ('r2', 'exploded')").ok());
}

TEST_CASE("A catalog at an older schema is migrated forward, keeping its rows", "[catalog]") {
    TempDir dir;
    {
        auto c = Catalog::open(dir / "kiln.db").value();
        REQUIRE(c->execute("INSERT INTO datasets (name, kind) VALUES ('kept', 'table');"
                           "DROP TABLE profiles; DROP TABLE metric_last; DROP TABLE metric_summary_pages;"
                           "ALTER TABLE datasets DROP COLUMN source_spec; "
                           "DROP TABLE monitor_reports; DROP TABLE pipeline_schedules; DROP TABLE pipeline_steps; DROP TABLE pipeline_runs; DROP TABLE pipelines;"
                           "DELETE FROM schema_version WHERE version > 1;")
                    .ok());
    }
    auto c = Catalog::open(dir / "kiln.db").value();
    CHECK(c->schemaVersion() == Catalog::latestSchemaVersion());
    CHECK(c->counts().value().datasets == 1);
    CHECK(intValue(*c, "SELECT COUNT(*) FROM sqlite_master WHERE name='profiles'") == 1);
}

TEST_CASE("Migrating to schema 3 fills metric_last from the metrics already stored", "[catalog]") {
    TempDir dir;
    {
        auto c = Catalog::open(dir / "kiln.db").value();
        REQUIRE(c->execute("DROP TABLE metric_summary_pages; DROP TABLE metric_last; ALTER TABLE datasets DROP COLUMN source_spec; "
                           "DROP TABLE monitor_reports; DROP TABLE pipeline_schedules; DROP TABLE pipeline_steps; DROP TABLE pipeline_runs; DROP TABLE pipelines;"
                           "DELETE FROM schema_version WHERE version > 2;"
                           "INSERT INTO runs (id, status) VALUES ('r', 'completed');"
                           "INSERT INTO metrics VALUES ('r', 'loss', 1, 1, 0.9, 0), "
                           "('r', 'loss', 3, 2, 0.2, 0), ('r', 'loss', 2, 1, 0.5, 0), "
                           "('r', 'acc', 3, 2, 0.7, 0);")
                    .ok());
    }
    auto c = Catalog::open(dir / "kiln.db").value();
    CHECK(c->schemaVersion() == Catalog::latestSchemaVersion());
    CHECK(intValue(*c, "SELECT COUNT(*) FROM metric_last") == 2);
    CHECK(intValue(*c, "SELECT step FROM metric_last WHERE key = 'loss'") == 3);
    CHECK(intValue(*c, "SELECT epoch FROM metric_last WHERE key = 'loss'") == 2);
    auto v = c->queryValue("SELECT value FROM metric_last WHERE key = 'loss'");
    REQUIRE(v);
    CHECK(std::get<double>(*v) == 0.2);
}
