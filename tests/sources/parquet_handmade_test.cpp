// Parquet files built by hand (tests/sources/parquet_test_writer.h) for what DuckDB does not
// write: INT96 and FLOAT16 columns, Hadoop-framed LZ4, DELTA_BYTE_ARRAY in a v1 page, old
// ConvertedType-only annotations, RLE booleans in a v2 page; and broken pages with the errors
// they give.

#include <catch2/catch.hpp>

#include <lz4.h>

#include <fstream>

#include "core/data/parquet/parquet_import.h"
#include "core/data/table.h"
#include "core/jobs/job_context.h"
#include "core/store/object_store.h"
#include "parquet_test_writer.h"
#include "temp_dir.h"

using namespace kiln;
using namespace kiln::test;
namespace fs = std::filesystem;

namespace {

// Definition levels of a v1 page: 4-byte length, then one bit-packed run (width 1).
std::string v1Levels(const std::vector<int>& defined) {
    const std::size_t groups = (defined.size() + 7) / 8;
    std::string run(1, char(groups << 1 | 1));
    std::string bits(groups, '\0');
    for (std::size_t i = 0; i < defined.size(); ++i)
        if (defined[i]) bits[i / 8] = char(bits[i / 8] | 1 << (i % 8));
    run += bits;
    return le(std::uint32_t(run.size())) + run;
}

// DELTA_BINARY_PACKED of small non-negative deltas from `first` (one block of 128).
std::string deltaPacked(const std::vector<std::int64_t>& values) {
    ThriftWriter w;
    w.varint(128), w.varint(4), w.varint(values.size()), w.zigzag(values.empty() ? 0 : values[0]);
    if (values.size() < 2) return w.bytes();
    std::int64_t minDelta = values[1] - values[0];
    for (std::size_t i = 2; i < values.size(); ++i)
        minDelta = std::min(minDelta, values[i] - values[i - 1]);
    w.zigzag(minDelta);
    w.raw(std::string{8, 8, 8, 8});  // every miniblock 8 bits wide
    std::string packed(32, '\0');    // only the miniblock holding values is written
    for (std::size_t i = 1; i < values.size(); ++i)
        packed[i - 1] = char(values[i] - values[i - 1] - minDelta);
    w.raw(packed);
    return w.bytes();
}

struct Read {
    TempDir dir;
    std::optional<ObjectStore> store;
    Result<TableImportResult> result = makeError(ErrorCode::Internal, "not read");
    std::shared_ptr<Table> table;
};

std::unique_ptr<Read> readBuilt(const std::vector<TestColumn>& columns, std::int64_t rows) {
    auto read = std::make_unique<Read>();
    const fs::path file = read->dir / "built.parquet";
    std::ofstream(file, std::ios::binary) << buildParquet(columns, rows);
    read->store.emplace(read->dir / "objects");
    BasicJobContext job;
    read->result = readParquetTable(*read->store, file, {}, job);
    if (read->result) read->table = *Table::open(*read->store, read->result->manifestHash);
    return read;
}

std::size_t storedObjects(const fs::path& root) {
    std::size_t n = 0;
    if (!fs::exists(root)) return 0;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file() && e.path().string().find("/tmp/") == std::string::npos) ++n;
    return n;
}

}  // namespace

TEST_CASE("hand-made: INT96, FLOAT16, Hadoop LZ4, DELTA_BYTE_ARRAY in v1, converted types",
          "[parquet][handmade]") {
    TestColumn int96{"when", 3};
    {
        const std::string v0 =
            le(std::int64_t(1500000)) + le(std::int32_t(2451545));  // 2000-01-01T00:00:00.0015
        const std::string v2 =
            le(std::int64_t(3600000000000)) + le(std::int32_t(2440588));  // 1970-01-01T01:00
        int96.pages.push_back({0, v1Levels({1, 0, 1}) + v0 + v2, -1, 3, 0});
    }
    TestColumn half{"half", 7, 0, 2};
    half.logical = [](ThriftWriter& w) { w.beginStruct(15), w.endStruct(); };
    half.pages.push_back({0, std::string("\x00\x3c\x00\xc0\x00\x7c", 6), -1, 3, 0});  // 1, -2, inf

    TestColumn lz4{"big", 2, 0};
    {
        const std::string raw =
            le(std::int64_t(-5)) + le(std::int64_t(7)) + le(std::int64_t(1) << 40);
        std::string block(LZ4_compressBound(int(raw.size())), '\0');
        block.resize(std::size_t(
            LZ4_compress_default(raw.data(), block.data(), int(raw.size()), int(block.size()))));
        auto be = [](std::uint32_t v) {
            return std::string{char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
        };
        lz4.codec = 5;
        lz4.pages.push_back(
            {0, be(std::uint32_t(raw.size())) + be(std::uint32_t(block.size())) + block,
             std::int32_t(raw.size()), 3, 0});
    }
    TestColumn words{"word", 6, 0, 0, 0};  // UTF8 by ConvertedType only
    {
        // axis, axle, babble: prefixes 0 2 0, suffixes axis, le, babble.
        const std::string page = deltaPacked({0, 2, 0}) + deltaPacked({4, 2, 6}) + "axislebabble";
        words.pages.push_back({0, page, -1, 3, 7});
    }
    TestColumn millis{"t", 1, 0, 0, 7};  // TIME_MILLIS
    millis.pages.push_back(
        {0, le(std::int32_t(1000)) + le(std::int32_t(61000)) + le(std::int32_t(0)), -1, 3, 0});
    TestColumn unsigned32{"u", 1, 0, 0, 13};  // UINT_32
    unsigned32.pages.push_back(
        {0, le(std::int32_t(-1)) + le(std::int32_t(5)) + le(std::int32_t(0)), -1, 3, 0});
    TestColumn nanos{"ns", 2, 0};
    nanos.logical = [](ThriftWriter& w) {
        w.beginStruct(8), w.boolean(1, false), w.beginStruct(2), w.beginStruct(3), w.endStruct(),
            w.endStruct(), w.endStruct();
    };
    nanos.pages.push_back(
        {0, le(std::int64_t(1500000)) + le(std::int64_t(-1)) + le(std::int64_t(2000000)), -1, 3,
         0});
    TestColumn flags{"flag", 0, 1};
    {
        // v2: levels 1 0 1 uncompressed (bit-packed, no length prefix), values RLE (length
        // prefixed).
        const std::string levels = std::string{3, 5};
        const std::string values =
            le(std::uint32_t(2)) + std::string{char(2 << 1), 1};  // a run of 2 trues
        TestPage page{3, levels + values, -1, 3, 3, 1, 2, false};
        flags.pages.push_back(page);
    }

    auto read = readBuilt({int96, half, lz4, words, millis, unsigned32, nanos, flags}, 3);
    if (!read->result) FAIL(read->result.error().message << " at " << read->result.error().context);
    const Table& t = *read->table;
    auto column = [&](const char* name) -> const ColumnView& {
        return t.column(std::size_t(t.columnIndex(name)));
    };
    CHECK(column("when").info().type == ColumnType::DateTime);
    CHECK(column("when").int64s()[0] == 946684800001);
    CHECK(column("when").isMissing(1));
    CHECK(column("when").int64s()[2] == 3600000);
    CHECK(column("half").info().type == ColumnType::Float);
    CHECK(column("half").floats()[0] == 1.0);
    CHECK(column("half").floats()[1] == -2.0);
    CHECK(std::isinf(column("half").floats()[2]));
    CHECK(column("big").int64s()[2] == (std::int64_t(1) << 40));
    CHECK(column("word").info().type == ColumnType::Categorical);
    CHECK(column("word").text(1) == "axle");
    CHECK(column("word").text(2) == "babble");
    CHECK(column("t").info().type == ColumnType::Integer);
    CHECK(column("t").int64s()[1] == 61000);
    CHECK(column("u").int64s()[0] == 4294967295LL);
    CHECK(column("ns").int64s()[0] == 1);
    CHECK(column("ns").int64s()[1] == -1);  // floor: 1 ns before 1970 is the millisecond before
    CHECK(column("flag").info().type == ColumnType::Boolean);
    CHECK(column("flag").text(0) == "true");
    CHECK(column("flag").isMissing(1));
    const auto& notes = read->result->notes;
    CHECK(std::find(notes.begin(), notes.end(),
                    "column 'ns': sub-millisecond precision dropped from 2 values") != notes.end());
}

TEST_CASE("a name or string cut off inside a UTF-8 character is read with U+FFFD, never a crash",
          "[parquet][handmade]") {
    // fuzz_parquet's first finding: a footer string ending in the lead byte of a two-byte
    // character passed as valid (the UTF-8 check lets a sequence cut off at a chunk's end pass)
    // and the manifest's JSON writer threw: the import failed with an internal JSON error.
    auto plain = [](const std::vector<std::string>& values) {
        std::string body;
        for (const auto& v : values) body += le(std::uint32_t(v.size())) + v;
        return body;
    };
    TestColumn text{"caf\xc3", 6, 0, 0, 0};  // UTF8, its name cut off after a lead byte
    text.pages.push_back({0, plain({"ok", "caf\xc3", "x\xe6\x97", "\xf0\x9f\x98"}), -1, 4, 0});
    auto read = readBuilt({text}, 4);
    if (!read->result) FAIL(read->result.error().message << " at " << read->result.error().context);
    const Table& t = *read->table;
    REQUIRE(t.columnIndex("caf\xef\xbf\xbd") == 0);
    const ColumnView& column = t.column(0);
    CHECK(column.text(0) == "ok");
    CHECK(column.text(1) == "caf\xef\xbf\xbd");
    CHECK(column.text(2) == "x\xef\xbf\xbd\xef\xbf\xbd");
    CHECK(column.text(3) == "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
}

TEST_CASE("hand-made broken pages are refused with what and where, nothing committed",
          "[parquet][handmade]") {
    SECTION("dictionary index out of range") {
        TestColumn c{"price", 2, 0};
        c.pages.push_back({2, le(std::int64_t(10)) + le(std::int64_t(20)), -1, 2, 0});
        // Indices in 3 bits: a run of 3 fives.
        c.pages.push_back({0, std::string{3, char(3 << 1), 5}, -1, 3, 8});
        auto read = readBuilt({c}, 3);
        REQUIRE(!read->result);
        CHECK(read->result.error().message.find("dictionary index 5 out of range") !=
              std::string::npos);
        CHECK(read->result.error().context.find("row group 1, column 'price', page 2") !=
              std::string::npos);
        CHECK(storedObjects(read->dir / "objects") == 0);
    }
    SECTION("decompressed size mismatch") {
        TestColumn c{"n", 2, 0};
        c.pages.push_back({0, le(std::int64_t(1)), 16, 1, 0});
        auto read = readBuilt({c}, 1);
        REQUIRE(!read->result);
        CHECK(read->result.error().message.find("decompressed size mismatch") != std::string::npos);
        CHECK(read->result.error().context.find("column 'n', page 1") != std::string::npos);
    }
    SECTION("fewer values than rows") {
        TestColumn c{"n", 2, 0};
        c.pages.push_back({0, le(std::int64_t(1)), -1, 1, 0});
        auto read = readBuilt({c}, 2);
        REQUIRE(!read->result);
        CHECK(read->result.error().message.find("column chunk") != std::string::npos);
    }
}
