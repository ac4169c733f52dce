#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>

#include "core/data/npy.h"
#include "core/data/table.h"
#include "core/data/table_writer.h"
#include "core/store/object_store.h"
#include "temp_dir.h"

using namespace kiln;

namespace {

ColumnSpec spec(const char* name, ColumnType type) {
    ColumnSpec s;
    s.name = name;
    s.type = type;
    return s;
}

}  // namespace

TEST_CASE("npy headers are numpy 1.0, little endian, 64-byte aligned", "[table][npy]") {
    std::string h = npyHeader("<f8", 3);
    REQUIRE(h.size() == 128);  // what numpy writes for this array: the dict needs 58 bytes
    CHECK(h.compare(0, 6, "\x93NUMPY") == 0);
    CHECK(h[6] == 1);
    CHECK(h[7] == 0);
    CHECK(std::uint8_t(h[8]) + 256 * std::uint8_t(h[9]) == 118);
    CHECK(h.substr(10).find("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }") == 0);
    CHECK(h.back() == '\n');
    std::string big = npyHeader("<M8[ms]", 12345678901234ULL);
    CHECK(big.size() % 64 == 0);
    auto parsed = parseNpyHeader(big);
    REQUIRE(parsed.ok());
    CHECK(parsed->descr == "<M8[ms]");
    CHECK(parsed->length == 12345678901234ULL);
    CHECK(parsed->dataOffset == big.size());
    CHECK_FALSE(parseNpyHeader("not numpy").ok());
}

TEST_CASE("A written table reads back through memory-mapped columns", "[table]") {
    TempDir dir;
    ObjectStore store(dir / "objects");
    std::vector<ColumnSpec> specs = {
        spec("i", ColumnType::Integer),     spec("f", ColumnType::Float),
        spec("b", ColumnType::Boolean),     spec("d", ColumnType::Date),
        spec("c", ColumnType::Categorical), spec("t", ColumnType::Text)};
    TableWriter writer(store, specs);
    REQUIRE(writer.open().ok());
    for (int part = 0; part < 2; ++part) {
        std::vector<ColumnChunk> chunks(specs.size());
        const char* cells[2][6] = {{"7", "1.5", "true", "2024-01-31", "red", "hello"},
                                   {"NA", "", "no", "?", part ? "blue" : "red", "-"}};
        for (auto& row : cells)
            for (std::size_t c = 0; c < specs.size(); ++c) chunks[c].append(specs[c], row[c]);
        REQUIRE(writer.append(chunks).ok());
    }
    TableManifest manifest;
    auto hash = writer.commit("{\"reader\":\"test\"}", 2, manifest);
    REQUIRE(hash.ok());
    auto table = Table::open(store, *hash);
    REQUIRE(table.ok());
    const Table& t = **table;
    CHECK(t.rows() == 4);
    CHECK(t.columnIndex("c") == 4);
    CHECK(t.columnIndex("zz") == -1);
    CHECK(t.column(0).int64s()[2] == 7);
    CHECK(t.column(0).isMissing(1));
    CHECK(t.column(0).info().missing == 2);
    CHECK(std::isnan(t.column(1).number(1)));
    CHECK(t.column(1).number(0) == 1.5);
    CHECK(t.column(2).text(1) == "false");
    CHECK(t.column(3).text(0) == "2024-01-31");
    CHECK(t.column(3).isMissing(3));
    CHECK(t.column(4).info().categories == std::vector<std::string>{"red", "blue"});
    CHECK(t.column(4).code(3) == 1);
    CHECK(t.column(5).text(2) == "hello");
    CHECK(t.column(5).isMissing(3));
    CHECK(t.column(5).textOffsets()[4] == 10);
    CHECK(t.manifest().sourceJson == "{\"reader\":\"test\"}");
    // Arrays are plain .npy files: the header names the dtype numpy reads.
    auto bytes = store.read(t.column(3).info().values);
    CHECK(bytes->find("'descr': '<M8[D]'") != std::string::npos);
    CHECK(bytes->find("'shape': (4,)") != std::string::npos);
}

TEST_CASE("A manifest round-trips through JSON", "[table]") {
    TableManifest m;
    m.rows = 2;
    ColumnInfo c;
    c.name = "colour";
    c.type = ColumnType::Categorical;
    c.missing = 1;
    c.values = std::string(64, 'a');
    c.categories = {"red"};
    c.note = "why";
    m.columns.push_back(c);
    auto back = TableManifest::fromJson(m.toJson());
    REQUIRE(back.ok());
    CHECK(back->rows == 2);
    CHECK(back->columns[0].categories == std::vector<std::string>{"red"});
    CHECK(back->columns[0].note == "why");
    CHECK(back->toJson() == m.toJson());
    CHECK_FALSE(TableManifest::fromJson("{}").ok());
}

TEST_CASE("An abandoned table writer leaves no objects", "[table]") {
    TempDir dir;
    ObjectStore store(dir / "objects");
    {
        TableWriter writer(store, {spec("i", ColumnType::Integer)});
        REQUIRE(writer.open().ok());
        std::vector<ColumnChunk> chunks(1);
        chunks[0].append(spec("i", ColumnType::Integer), "1");
        REQUIRE(writer.append(chunks).ok());
    }
    CHECK(store.usage().objects == 0);
    std::error_code ec;
    CHECK(std::filesystem::is_empty(dir / "objects" / "tmp", ec));
}

TEST_CASE("A chunk's category index finds every value and takes back the last", "[table]") {
    ColumnSpec spec;
    spec.name = "c";
    spec.type = ColumnType::Categorical;
    ColumnChunk chunk;
    for (int i = 0; i < 5000; ++i) chunk.append(spec, "value " + std::to_string(i % 3000));
    REQUIRE(chunk.dictionary.size() == 3000);
    for (int i = 0; i < 5000; ++i) CHECK(chunk.codes[std::size_t(i)] == i % 3000);
    // The index grew several times on the way; taking back the last value leaves the rest.
    chunk.append(spec, "new");
    chunk.dropLast(ColumnType::Categorical);
    CHECK(chunk.dictionary.size() == 3000);
    chunk.append(spec, "value 2999");
    CHECK(chunk.codes.back() == 2999);
    chunk.append(spec, "other");
    CHECK(chunk.codes.back() == 3000);
    CHECK(chunk.rows == 5002);
}
