// The Parquet reader against DuckDB: every fixture DuckDB wrote (codecs, dictionary on and
// off, format versions 1 and 2, several row groups, every type it writes, NULLs) is read with
// readParquetTable and compared cell by cell with DuckDB's own reading of it.

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/data/parquet/parquet_import.h"
#include "core/data/table.h"
#include "core/jobs/job_context.h"
#include "core/store/object_store.h"
#include "temp_dir.h"

using namespace kiln;
namespace fs = std::filesystem;

namespace {

const fs::path kFixtures = KILN_PARQUET_FIXTURES;

std::vector<nlohmann::json> readReference(const fs::path& file) {
    std::ifstream in(file);
    std::vector<nlohmann::json> rows;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) rows.push_back(nlohmann::json::parse(line));
    return rows;
}

// Whether a stored cell holds DuckDB's value; `why` says what differs.
bool cellMatches(const ColumnView& column, std::uint64_t row, const nlohmann::json& value,
                 std::string& why) {
    if (value.is_null()) {
        why = "expected null, got '" + column.text(row) + "'";
        return column.isMissing(row);
    }
    if (column.isMissing(row)) return why = "expected " + value.dump() + ", got null", false;
    why = "expected " + value.dump() + ", got '" + column.text(row) + "'";
    switch (column.info().type) {
        case ColumnType::Integer:
        case ColumnType::Date:
        case ColumnType::DateTime:
            return column.int64s()[row] == value.get<std::int64_t>();
        case ColumnType::Float: {
            const double expected = value.get<double>(), got = column.floats()[row];
            return std::fabs(got - expected) <= 1e-12 * std::max(1.0, std::fabs(expected));
        }
        case ColumnType::Boolean:
            return (column.bytes()[row] != 0) == value.get<bool>();
        case ColumnType::Categorical:
        case ColumnType::Text:
            return column.text(row) == value.get<std::string>();
    }
    return false;
}

struct Read {
    TempDir dir;
    std::optional<ObjectStore> store;
    Result<TableImportResult> result = makeError(ErrorCode::Internal, "not read");
    std::shared_ptr<Table> table;
};

std::unique_ptr<Read> readFixture(const std::string& name, ImportOptions options = {}) {
    auto read = std::make_unique<Read>();
    read->store.emplace(read->dir / "objects");
    BasicJobContext job;
    if (!options.threads) options.threads = 2;
    read->result = readParquetTable(*read->store, kFixtures / (name + ".parquet"), options, job);
    if (read->result) {
        auto table = Table::open(*read->store, read->result->manifestHash);
        if (table) read->table = *table;
    }
    return read;
}

void compareWithReference(const std::string& name) {
    INFO("fixture " << name);
    auto read = readFixture(name);
    if (!read->result) FAIL(read->result.error().message << " at " << read->result.error().context);
    REQUIRE(read->table);
    const auto reference = readReference(kFixtures / (name + ".ref.json"));
    REQUIRE(reference.size() == 10000);
    REQUIRE(read->table->rows() == reference.size());
    std::size_t compared = 0;
    for (const auto& [key, first] : reference[0].items()) {
        (void)first;
        const int c = read->table->columnIndex(key);
        INFO("column " << key);
        REQUIRE(c >= 0);
        const ColumnView& column = read->table->column(std::size_t(c));
        for (std::size_t r = 0; r < reference.size(); ++r) {
            std::string why;
            if (!cellMatches(column, r, reference[r][key], why)) FAIL("row " << r << ": " << why);
        }
        ++compared;
    }
    CHECK(compared == 27);
}

ColumnType typeOf(const Table& table, const std::string& name) {
    const int c = table.columnIndex(name);
    REQUIRE(c >= 0);
    return table.column(std::size_t(c)).info().type;
}

}  // namespace

TEST_CASE("every codec DuckDB writes reads as DuckDB reads it", "[parquet][duckdb]") {
    for (const char* codec : {"uncompressed", "snappy", "gzip", "zstd", "lz4", "lz4_raw"})
        compareWithReference(std::string("codec_") + codec);
}

TEST_CASE("format versions 1 and 2, with and without dictionaries, several row groups",
          "[parquet][duckdb]") {
    for (const char* name : {"v1_dict", "v1_plain", "v2_dict", "v2_plain", "one_group"})
        compareWithReference(name);
}

TEST_CASE("Parquet types map to Kiln's column types, nested columns are left out with a note",
          "[parquet]") {
    auto read = readFixture("v2_dict");
    REQUIRE(read->result);
    const Table& t = *read->table;
    for (const char* name :
         {"id", "tiny", "small", "int32", "big", "utiny", "usmall", "uint32", "ubig", "tm"})
        CHECK(typeOf(t, name) == ColumnType::Integer);
    for (const char* name : {"f32", "f64", "dec9", "dec18", "dec38"})
        CHECK(typeOf(t, name) == ColumnType::Float);
    CHECK(typeOf(t, "d") == ColumnType::Date);
    for (const char* name : {"ts", "ts_ms", "ts_ns", "ts_s", "tstz"})
        CHECK(typeOf(t, name) == ColumnType::DateTime);
    CHECK(typeOf(t, "flag") == ColumnType::Boolean);
    CHECK(typeOf(t, "code") == ColumnType::Categorical);  // 50 distinct, leading zeros kept
    CHECK(typeOf(t, "mood") == ColumnType::Categorical);
    CHECK(typeOf(t, "label") == ColumnType::Text);  // one value a row
    CHECK(typeOf(t, "id_uuid") == ColumnType::Text);
    CHECK(typeOf(t, "bin") == ColumnType::Text);
    CHECK(t.column(std::size_t(t.columnIndex("code"))).text(7) == "00007");
    CHECK(t.column(std::size_t(t.columnIndex("dec9"))).info().note == "decimal(9,2) read as float");
    CHECK(t.columnIndex("tags") < 0);
    const auto& notes = read->result->notes;
    auto hasNote = [&](const std::string& text) {
        return std::find(notes.begin(), notes.end(), text) != notes.end();
    };
    CHECK(hasNote("nested column 'tags' (a list) left out"));
    CHECK(hasNote("nested column 'pair' (a struct) left out"));
    CHECK(hasNote("nested column 'props' (a map) left out"));
    CHECK(read->result->format == "parquet");
    CHECK(read->result->bytes == fs::file_size(kFixtures / "v2_dict.parquet"));
    const auto source = nlohmann::json::parse(read->result->manifest.sourceJson);
    CHECK(source["reader"] == "parquet");
    CHECK(source["row_groups"] == 5);  // 10,000 rows by 2048
    CHECK(source["codecs"] == nlohmann::json::array({"snappy"}));
    CHECK(source["created_by"].get<std::string>().find("DuckDB") != std::string::npos);
}

TEST_CASE("unsigned 64-bit values past int64 make the column float, noted", "[parquet]") {
    auto read = readFixture("ubig_overflow");
    REQUIRE(read->result);
    const Table& t = *read->table;
    const auto& column = t.column(std::size_t(t.columnIndex("ubig")));
    CHECK(column.info().type == ColumnType::Float);
    CHECK(column.info().note.find("unsigned 64-bit") != std::string::npos);
    CHECK(column.floats()[19] == Approx(19 * 9e17));
    CHECK(typeOf(t, "id") == ColumnType::Integer);
}

TEST_CASE("a file of only nested columns is an error saying so", "[parquet]") {
    auto read = readFixture("only_nested");
    REQUIRE(!read->result);
    CHECK(read->result.error().message.find("every column is nested") != std::string::npos);
    CHECK(read->result.error().message.find("'tags' (a list)") != std::string::npos);
}

TEST_CASE("brotli, which Kiln does not read, is refused naming the codec", "[parquet]") {
    auto read = readFixture("codec_brotli");
    REQUIRE(!read->result);
    CHECK(read->result.error().message.find("brotli") != std::string::npos);
    CHECK(read->result.error().context.find("row group 1, column 'id'") != std::string::npos);
}

TEST_CASE("the user's choices apply: skip, rename, type overrides, category order", "[parquet]") {
    ImportOptions options;
    options.skipColumns = {"big", "tags"};
    options.renames = {{"f64", "ratio"}};
    options.typeOverrides = {"id=text", "tiny=float", "label=categorical", "d=datetime"};
    options.categoryOrders = {{"mood", {"happy", "ok", "sad"}}};
    // "tags" is nested: skipping it is not an error, it was never a column.
    options.skipColumns = {"big"};
    auto read = readFixture("v1_dict", options);
    if (!read->result) FAIL(read->result.error().message);
    const Table& t = *read->table;
    CHECK(t.columnIndex("big") < 0);
    CHECK(t.columnIndex("f64") < 0);
    CHECK(typeOf(t, "ratio") == ColumnType::Float);
    CHECK(typeOf(t, "id") == ColumnType::Text);
    CHECK(t.column(std::size_t(t.columnIndex("id"))).text(42) == "42");
    CHECK(typeOf(t, "tiny") == ColumnType::Float);
    CHECK(t.column(std::size_t(t.columnIndex("tiny"))).floats()[1] == -49);
    CHECK(typeOf(t, "label") == ColumnType::Categorical);
    CHECK(typeOf(t, "d") == ColumnType::DateTime);
    CHECK(t.column(std::size_t(t.columnIndex("d"))).int64s()[1] == 17863LL * 86400000);
    const auto& mood = t.column(std::size_t(t.columnIndex("mood"))).info();
    CHECK(mood.ordered);
    CHECK(mood.categories == std::vector<std::string>{"happy", "ok", "sad"});
}

TEST_CASE("a type override that the values do not fit is a clear error", "[parquet]") {
    ImportOptions options;
    options.typeOverrides = {"label=integer"};
    auto read = readFixture("v1_dict", options);
    REQUIRE(!read->result);
    CHECK(read->result.error().message.find("column 'label' was set to integer") !=
          std::string::npos);
    CHECK(read->result.error().context.find("row group 1") != std::string::npos);
}

TEST_CASE("the preview shows the schema, the types and the first rows as Kiln shows them",
          "[parquet]") {
    auto preview = previewParquet(kFixtures / "v2_plain.parquet", {}, 5);
    REQUIRE(preview);
    CHECK(preview->format == TableFormat::Parquet);
    REQUIRE(preview->rows.size() == 5);
    REQUIRE(preview->columns.size() == 27);
    auto at = [&](const std::string& name) {
        for (std::size_t c = 0; c < preview->columns.size(); ++c)
            if (preview->columns[c].name == name) return c;
        FAIL("no column " << name);
        return std::size_t(0);
    };
    CHECK(preview->rows[1][at("d")] == "2018-11-28");
    CHECK(preview->rows[0][at("ts")] == "2021-03-04T05:06:07");
    CHECK(preview->rows[1][at("code")] == "00001");
    CHECK(preview->rows[0][at("tiny")] == "");
    CHECK(preview->rows[1][at("id_uuid")] == "00000000-0000-4000-8000-000000000001");
    CHECK(preview->rows[1][at("bin")] == "6231");
    CHECK(preview->columns[at("code")].type == ColumnType::Categorical);
    CHECK(preview->columns[at("label")].type == ColumnType::Text);
    CHECK(preview->columns[at("d")].type == ColumnType::Date);
    CHECK(preview->notes.size() == 3);
    CHECK(preview->bytes == fs::file_size(kFixtures / "v2_plain.parquet"));
}
