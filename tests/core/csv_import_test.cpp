#include <catch2/catch.hpp>
#include <charconv>
#include <cstring>
#include <fstream>
#include <random>

#include "core/data/csv_import.h"
#include "core/data/table.h"
#include "core/store/object_store.h"
#include "core/store/workspace.h"
#include "temp_dir.h"

using namespace kiln;
namespace fs = std::filesystem;

namespace {

fs::path writeFile(const TempDir& dir, const std::string& name, const std::string& bytes) {
    std::ofstream(dir / name, std::ios::binary) << bytes;
    return dir / name;
}

std::size_t storedObjects(const fs::path& objects) {
    std::size_t n = 0;
    std::error_code ec;
    for (auto& e : fs::recursive_directory_iterator(objects, ec)) n += e.is_regular_file();
    return n;
}

// A job that cancels itself after `after` progress reports.
class CancellingJob : public BasicJobContext {
public:
    explicit CancellingJob(int after) : m_after(after) {}
    void progress(std::uint64_t done, std::uint64_t total, std::string_view stage) override {
        BasicJobContext::progress(done, total, stage);
        if (--m_after <= 0) cancel();
    }

private:
    int m_after;
};

// Rows with quoted commas, "" escapes and embedded line breaks, for the parallel parse.
std::string mixedCsv(int rows) {
    std::string text = "id,x,comment,day,colour\n";
    for (int i = 0; i < rows; ++i) {
        text += std::to_string(i) + "," + (i % 10 == 3 ? "" : std::to_string(i * 0.5)) + ",";
        text += i % 13 == 0 ? "\"multi\nline, with \"\"quotes\"\"\"" : "plain " + std::to_string(i);
        text += ",2024-01-" + std::string(i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1);
        text += i % 2 ? ",red\n" : ",blue\n";
    }
    return text;
}

ImportOptions smallChunks(unsigned threads) {
    ImportOptions o;
    o.chunkBytes = 4096;
    o.threads = threads;
    return o;
}

}  // namespace

TEST_CASE("A parallel parse stores exactly what a single thread does", "[csv][import]") {
    TempDir dir;
    ObjectStore store(dir / "objects");
    auto file = writeFile(dir, "mixed.csv", mixedCsv(20000));
    NullJobContext job;
    auto parallel = readCsvTable(store, file, smallChunks(2), job);
    auto single = readCsvTable(store, file, smallChunks(1), job);
    REQUIRE(parallel.ok());
    REQUIRE(single.ok());
    CHECK_FALSE(parallel->sequential);
    CHECK(parallel->manifestHash == single->manifestHash);
    CHECK(parallel->manifest.rows == 20000);
    CHECK(parallel->manifest.columns[1].missing == 2000);
    auto table = Table::open(store, parallel->manifestHash);
    REQUIRE(table.ok());
    CHECK((*table)->column(2).text(13) == "multi\nline, with \"quotes\"");
    CHECK((*table)->column(2).text(19999) == "plain 19999");
    CHECK((*table)->column(3).text(27) == "2024-01-28");
    CHECK((*table)->column(4).info().type == ColumnType::Categorical);
}

TEST_CASE("Stray quotes send the parse to one thread, with the same result", "[csv][import]") {
    TempDir dir;
    ObjectStore store(dir / "objects");
    std::string text = "id,size\n";
    for (int i = 0; i < 5000; ++i)
        text += std::to_string(i) + (i == 4000 ? ",5\" screen\n" : ",plain\n");
    auto file = writeFile(dir, "stray.csv", text);
    NullJobContext job;
    auto result = readCsvTable(store, file, smallChunks(2), job);
    REQUIRE(result.ok());
    CHECK(result->sequential);
    CHECK(result->manifest.rows == 5000);
    auto table = Table::open(store, result->manifestHash);
    CHECK((*table)->column(1).text(4000) == "5\" screen");
    CHECK((*table)->column(0).int64s()[4999] == 4999);
}

TEST_CASE("A column widens when a late cell does not fit its sampled type", "[csv][import]") {
    TempDir dir;
    ObjectStore store(dir / "objects");
    std::string text = "n,tag\n";
    for (int i = 0; i < 9000; ++i) text += std::to_string(i) + ",t" + std::to_string(i % 3) + "\n";
    text += "2.5,late-a\n";
    for (int i = 0; i < 1000; ++i) text += "7,u" + std::to_string(i) + "\n";
    auto file = writeFile(dir, "late.csv", text);
    NullJobContext job;
    auto result = readCsvTable(store, file, smallChunks(2), job);
    REQUIRE(result.ok());
    const auto& cols = result->manifest.columns;
    CHECK(cols[0].type == ColumnType::Float);
    CHECK(cols[0].note == "looked integer in the sample, but '2.5' is not: read as float");
    CHECK(cols[1].type == ColumnType::Text);  // 1004 distinct values > 5% of 10001 rows
}

TEST_CASE("Too many categories turn a column into text", "[csv][import]") {
    TempDir dir;
    ObjectStore store(dir / "objects");
    std::string text = "tag\n";
    for (int i = 0; i < 6000; ++i) text += "t" + std::to_string(i % 3) + "\n";
    for (int i = 0; i < 2000; ++i) text += "u" + std::to_string(i) + "\n";
    auto file = writeFile(dir, "tags.csv", text);
    NullJobContext job;
    auto result = readCsvTable(store, file, {}, job);
    REQUIRE(result.ok());
    CHECK(result->manifest.columns[0].type == ColumnType::Text);
    CHECK(result->manifest.columns[0].note ==
          "2003 distinct values: too many for a category, read as text");
}

TEST_CASE("Bad rows name file, line and column, or are skipped and sampled", "[csv][import]") {
    TempDir dir;
    ObjectStore store(dir / "objects");
    auto file = writeFile(dir, "bad.csv",
                          "a,b,c\n1,2,3\n4,5,6,7\n8,9\n1,2,3\n1,2,3,4\n5,6\n7\n1,2,3,4,5,6\n");
    NullJobContext job;
    auto strict = readCsvTable(store, file, {}, job);
    REQUIRE_FALSE(strict.ok());
    CHECK(strict.error().code == ErrorCode::InvalidArgument);
    CHECK(strict.error().message == "expected 3 fields, found 4");
    CHECK(strict.error().context == file.string() + ":3:7");
    CHECK(storedObjects(dir / "objects") == 0);

    ImportOptions tolerant;
    tolerant.skipBadRows = true;
    BasicJobContext watched;
    auto result = readCsvTable(store, file, tolerant, watched);
    REQUIRE(result.ok());
    CHECK(result->manifest.rows == 2);
    CHECK(result->skippedRows == 6);
    REQUIRE(result->skippedSamples.size() == 5);
    CHECK(result->skippedSamples[0].line == 3);
    CHECK(result->skippedSamples[1].message == "expected 3 fields, found 2");
    CHECK(result->skippedSamples[4].line == 8);
    auto issues = watched.issues();
    REQUIRE(issues.size() == 6);
    CHECK(issues[0].where == file.string() + ":3:7");
    CHECK(issues[5].text == "6 rows skipped in all");
}

TEST_CASE("Empty, binary and unterminated files are refused with their place", "[csv][import]") {
    TempDir dir;
    ObjectStore store(dir / "objects");
    NullJobContext job;
    auto empty = readCsvTable(store, writeFile(dir, "e.csv", ""), {}, job);
    CHECK(empty.error().message == "the file is empty");
    auto binary =
        readCsvTable(store, writeFile(dir, "b.csv", std::string("a,b\n1,\0\x01", 8)), {}, job);
    CHECK(binary.error().message == "binary data (a NUL byte): this is not a text file");
    CHECK(binary.error().context == (dir / "b.csv").string() + ":2:3");
    auto open = readCsvTable(store, writeFile(dir, "u.csv", "a,b\n1,\"x\n2,3\n"), {}, job);
    CHECK(open.error().message ==
          "unterminated quoted field: the quote opened here is never closed");
    CHECK(open.error().context == (dir / "u.csv").string() + ":2:3");
    auto missing = readCsvTable(store, dir / "nope.csv", {}, job);
    CHECK(missing.error().code == ErrorCode::NotFound);
    CHECK(storedObjects(dir / "objects") == 0);
}

TEST_CASE("A cancelled import leaves nothing behind", "[csv][import]") {
    TempDir dir;
    auto ws = Workspace::open(dir / "ws");
    REQUIRE(ws.ok());
    auto file = writeFile(dir, "big.csv", mixedCsv(20000));
    CancellingJob job(2);
    auto result = importCsvDataset(**ws, file, "big", smallChunks(2), job);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == ErrorCode::Cancelled);
    CHECK(storedObjects(dir / "ws" / "objects") == 0);
    auto versions = (*ws)->catalog().queryValue("SELECT COUNT(*) FROM dataset_versions");
    REQUIRE(versions.ok());
    CHECK(std::get<std::int64_t>(versions.value()) == 0);
}

TEST_CASE("Re-importing identical content makes no new version", "[csv][import]") {
    TempDir dir;
    auto ws = Workspace::open(dir / "ws");
    REQUIRE(ws.ok());
    auto file = writeFile(dir, "d.csv", "a,b\n1,x\n2,y\n");
    auto copy = writeFile(dir, "copy.csv", "a,b\n1,x\n2,y\n");
    NullJobContext job;
    auto first = importCsvDataset(**ws, file, "", {}, job);
    REQUIRE(first.ok());
    CHECK(first->dataset == "d");
    CHECK(first->version == 1);
    CHECK(first->created);
    auto again = importCsvDataset(**ws, copy, "d", {}, job);
    REQUIRE(again.ok());
    CHECK_FALSE(again->created);
    CHECK(again->version == 1);
    CHECK(again->table.manifestHash == first->table.manifestHash);
    writeFile(dir, "d.csv", "a,b\n1,x\n2,z\n");
    auto changed = importCsvDataset(**ws, file, "", {}, job);
    REQUIRE(changed.ok());
    CHECK(changed->version == 2);
}

TEST_CASE("A folder is left to the image importer", "[csv][import]") {
    TempDir dir;
    auto ws = Workspace::open(dir / "ws");
    fs::create_directories(dir / "pics");
    NullJobContext job;
    auto result = importCsvDataset(**ws, dir / "pics", "", {}, job);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == ErrorCode::Unsupported);
}

TEST_CASE("Encodings: BOM, UTF-16 and Latin-1 all read as the same text", "[csv][import]") {
    TempDir dir;
    ObjectStore store(dir / "objects");
    NullJobContext job;
    std::string utf16le(
        "\xff\xfe"
        "a\0,\0b\0\n\0"
        "1\0,\0\xe9\0\n\0",
        18);
    std::string utf16be(
        "\xfe\xff"
        "\0a\0,\0b\0\n"
        "\0"
        "1\0,\0\xe9\0\n",
        18);
    struct Case {
        std::string bytes;
        TextEncoding encoding;
    } cases[] = {{"a,b\n1,\xc3\xa9\n", TextEncoding::Utf8},
                 {"\xef\xbb\xbf"
                  "a,b\n1,\xc3\xa9\n",
                  TextEncoding::Utf8Bom},
                 {utf16le, TextEncoding::Utf16Le},
                 {utf16be, TextEncoding::Utf16Be},
                 {"a,b\n1,\xe9\n", TextEncoding::Latin1}};
    for (const auto& c : cases) {
        auto result = readCsvTable(store, writeFile(dir, "f.csv", c.bytes), {}, job);
        REQUIRE(result.ok());
        CHECK(result->encoding == c.encoding);
        auto table = Table::open(store, result->manifestHash);
        CHECK((*table)->column(1).text(0) == "\xc3\xa9");
        CHECK((*table)->column(0).info().name == "a");
    }
}

// Found by fuzz_csv_import: a Latin-1 byte that ended a scan piece was not counted as invalid
// UTF-8, so the file was taken as UTF-8, the raw byte reached a category, and writing the
// manifest threw (kiln import aborted). Every piece size must read it as Latin-1.
TEST_CASE("A Latin-1 byte at the end of a scan piece is still read as Latin-1", "[csv][import]") {
    TempDir dir;
    ObjectStore store(dir / "objects");
    NullJobContext job;
    const auto file = writeFile(dir, "l1.csv", "id,name\n1,caf\xe9\n2,\xd3\x32\n3,plain\n1,tea\n");
    for (std::size_t piece = 1; piece <= 40; ++piece) {
        ImportOptions o;
        o.chunkBytes = piece;
        o.threads = 2;
        auto result = readCsvTable(store, file, o, job);
        REQUIRE(result.ok());
        CHECK(result->encoding == TextEncoding::Latin1);
        auto table = Table::open(store, result->manifestHash);
        REQUIRE(table.ok());
        CHECK((*table)->column(1).text(1) == "\xc3\x93" "2");
    }
}

TEST_CASE("Progress is reported in bytes under the stage Parsing", "[csv][import]") {
    TempDir dir;
    ObjectStore store(dir / "objects");
    auto file = writeFile(dir, "p.csv", mixedCsv(5000));
    BasicJobContext job;
    REQUIRE(readCsvTable(store, file, smallChunks(2), job).ok());
    auto p = job.snapshot();
    CHECK(p.stage == "Parsing");
    CHECK(p.done == fs::file_size(file));
    CHECK(p.total == fs::file_size(file));
}

// The content hashes these files had before the parser read fields straight into typed columns
// (commit 7d494eb, and every Kiln before it back to the first import): the bytes Kiln stores
// for a file must not change with how it is parsed, or re-importing it makes a new version.
TEST_CASE("Known files keep the content hash they always had", "[csv][import]") {
    const fs::path data = fs::path(KILN_SOURCE_DIR) / "tests/fixtures/data";
    struct Known {
        const char* file;
        bool skipBadRows;
        const char* hash;
    };
    // mixed_forms: signed, spaced and '+' integers; floats with exponents, -inf, NaN and null;
    // ISO dates and date-times with and without seconds, milliseconds and Z; booleans; quoted
    // categories; text with "" escapes, embedded LF and CRLF, tabs and UTF-8; blank lines and
    // CRLF records. The bad-rows copy adds short and long records and stray quotes.
    const Known known[] = {
        {"mixed_forms.csv", false,
         "aefab0af48b474df54b5553586bb5db29278f15fef43e0a26a24144f3f3b947c"},
        {"mixed_forms_bad_rows.csv", true,
         "6ee16f8d3875e7d0ca0fd336f41906fb0d03dea24d3faf978d02882ce7b7a4d4"},
        {"iris.csv", false, "0c7b5445602273b752e4e260258f28c5f8713a31419a29990a578979a018c487"},
        {"wine.csv", false, "b22ec746bdfa76cb296a68ff6d1879e612bd2f6c2aa09b2661bf5a1870cc3574"},
    };
    TempDir dir;
    ObjectStore store(dir / "objects");
    NullJobContext job;
    for (const auto& k : known) {
        for (unsigned threads : {0u, 1u, 2u}) {
            INFO(k.file << " on " << threads << " threads");
            ImportOptions options = threads ? smallChunks(threads) : ImportOptions{};
            options.skipBadRows = k.skipBadRows;
            auto result = readCsvTable(store, data / k.file, options, job);
            REQUIRE(result.ok());
            CHECK(result->manifestHash == k.hash);
        }
    }
}

TEST_CASE("A bad record's first cells are taken back from every column type", "[csv][import]") {
    TempDir dir;
    ObjectStore store(dir / "objects");
    // Each bad record starts with values seen nowhere else (a new category, a text found for an
    // undecided column): none of them may reach the table.
    std::string text = "n,x,day,colour,note\n";
    for (int i = 0; i < 3000; ++i) {
        text += std::to_string(i) + "," + std::to_string(i * 0.25) + ",2024-03-0" +
                std::to_string(i % 9 + 1) + "," + (i % 2 ? "red" : "blue") + ",note " +
                std::to_string(i) + "\n";
        if (i % 500 == 7) text += "-1,9.5,2020-01-01,violet\n,,,\n";  // too few fields
        if (i % 700 == 3) text += "-2,1.5,2020-01-02,ochre,never stored,too many\n";
    }
    auto file = writeFile(dir, "bad.csv", text);
    NullJobContext job;
    for (unsigned threads : {1u, 2u}) {
        auto options = smallChunks(threads);
        options.skipBadRows = true;
        auto result = readCsvTable(store, file, options, job);
        REQUIRE(result.ok());
        CHECK(result->skippedRows == 6 * 2 + 5);
        CHECK(result->manifest.rows == 3000);
        const auto& colour = result->manifest.columns[3];
        CHECK(colour.type == ColumnType::Categorical);
        CHECK(colour.categories == std::vector<std::string>{"blue", "red"});
        auto table = Table::open(store, result->manifestHash);
        REQUIRE(table.ok());
        CHECK((*table)->column(0).int64s()[2999] == 2999);
        CHECK((*table)->column(4).text(8) == "note 8");
    }
}

TEST_CASE("Numbers read where they lie are the doubles std::from_chars gives", "[csv][import]") {
    // Plain decimals of 1 to 17 digits (15 at most take the exact fast path, the rest
    // from_chars), signs, leading and trailing points, exponents, -0.
    std::mt19937_64 random(7);
    std::vector<std::string> cells{"-0.0", "0", ".5", "5.", "-.25", "1e-5", "-2.5E3", "123456789012345",
                                   "1234567890123456", "0.12345678901234567", "9007199254740993"};
    while (cells.size() < 20000) {
        const int digits = 1 + int(random() % 17), point = int(random() % (digits + 1));
        std::string cell = random() % 2 ? "-" : "";
        for (int k = 0; k < digits; ++k) {
            if (k == point) cell += '.';
            cell += char('0' + random() % 10);
        }
        cells.push_back(cell);
    }
    std::string text = "x\n";
    for (const auto& c : cells) text += c + "\n";
    TempDir dir;
    ObjectStore store(dir / "objects");
    auto file = writeFile(dir, "numbers.csv", text);
    NullJobContext job;
    auto result = readCsvTable(store, file, smallChunks(2), job);
    REQUIRE(result.ok());
    REQUIRE(result->manifest.columns[0].type == ColumnType::Float);
    auto table = Table::open(store, result->manifestHash);
    REQUIRE(table.ok());
    const double* stored = (*table)->column(0).floats();
    for (std::size_t i = 0; i < cells.size(); ++i) {
        double expected = 0;
        std::from_chars(cells[i].data(), cells[i].data() + cells[i].size(), expected);
        INFO(cells[i]);
        REQUIRE(std::memcmp(&stored[i], &expected, sizeof expected) == 0);
    }
}
