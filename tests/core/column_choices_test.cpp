// What a person chooses for a file's columns before importing it (core/data/column_choices.h):
// the preview and the import apply the same choices the same way.
#include <catch2/catch.hpp>
#include <fstream>

#include "core/data/csv_import.h"
#include "core/data/csv_preview.h"
#include "core/data/profile.h"
#include "core/data/table.h"
#include "core/store/object_store.h"
#include "temp_dir.h"

using namespace kiln;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kAgeGroups = {"25-34", "35-44", "45-54", "55-64", "65-74", "75+"};

// esoph-like rows: an id, age groups met out of order, a measure, a yes/no flag.
fs::path writeRows(const TempDir& dir, int rows, const std::string& flagYes = "yes",
                   const std::string& flagNo = "no") {
    std::string text = "row_id,agegp,V3,smoker\n";
    for (int i = 0; i < rows; ++i)
        text += std::to_string(i + 1) + "," + kAgeGroups[std::size_t((i * 7 + 3) % 6)] + "," +
                std::to_string(i * 0.5) + "," + (i % 3 ? flagNo : flagYes) + "\n";
    const fs::path file = dir / "rows.csv";
    std::ofstream(file, std::ios::binary) << text;
    return file;
}

ImportOptions chosen(unsigned threads) {
    ImportOptions o;
    o.threads = threads;
    o.chunkBytes = 4096;  // many chunks: their dictionaries are merged in the levels' order
    o.renames = {{"V3", "dose"}};
    o.skipColumns = {"row_id"};
    o.categoryOrders = {{"agegp", kAgeGroups}};
    return o;
}

}  // namespace

TEST_CASE("Renamed, skipped and ordered columns are stored as chosen, on any thread count",
          "[csv][import][choices]") {
    TempDir dir;
    ObjectStore store(dir / "objects");
    NullJobContext job;
    const fs::path file = writeRows(dir, 3000);
    std::string firstHash;
    for (unsigned threads : {1u, 2u}) {
        INFO(threads << " threads");
        auto result = readCsvTable(store, file, chosen(threads), job);
        REQUIRE(result.ok());
        if (firstHash.empty()) firstHash = result->manifestHash;
        CHECK(result->manifestHash == firstHash);
        auto table = Table::open(store, result->manifestHash);
        REQUIRE(table.ok());
        const Table& t = **table;
        REQUIRE(t.columnCount() == 3);  // row_id is not stored
        CHECK(t.columnIndex("row_id") == -1);
        const ColumnInfo& age = t.column(0).info();
        CHECK(age.name == "agegp");
        CHECK(age.ordered);
        CHECK(age.categories == kAgeGroups);  // codes in the order given, not as met
        CHECK(t.column(0).text(0) == kAgeGroups[3]);
        CHECK(t.column(0).code(0) == 3);
        CHECK(t.column(1).info().name == "dose");
        CHECK(t.column(1).info().note.find("named 'V3' in the file") != std::string::npos);
        CHECK(t.column(1).number(4) == 2.0);
        CHECK(t.column(2).info().type == ColumnType::Boolean);
        CHECK(t.column(2).text(0) == "yes");
        CHECK(t.column(2).text(1) == "no");
        CHECK(t.rows() == 3000);
    }
    // Skipping makes a different table than keeping; the manifest says nothing of the skipped.
    auto all = readCsvTable(store, file, {}, job);
    REQUIRE(all.ok());
    CHECK(all->manifestHash != firstHash);
    CHECK(all->manifest.columns.size() == 4);
}

TEST_CASE("Levels the order leaves out follow it, and the note names them", "[csv][import][choices]") {
    TempDir dir;
    ObjectStore store(dir / "objects");
    NullJobContext job;
    ImportOptions o;
    o.categoryOrders = {{"agegp", {"75+", "25-34"}}};
    auto result = readCsvTable(store, writeRows(dir, 12), o, job);
    REQUIRE(result.ok());
    const ColumnInfo& age = result->manifest.columns[1];
    REQUIRE(age.categories.size() == 6);
    CHECK(age.categories[0] == "75+");
    CHECK(age.categories[1] == "25-34");
    CHECK(age.note.find("placed after it") != std::string::npos);
}

TEST_CASE("A boolean column keeps the words the file spells it with", "[csv][import][choices]") {
    TempDir dir;
    ObjectStore store(dir / "objects");
    NullJobContext job;
    struct Case {
        std::string yes, no;
        std::vector<std::string> labels;
    } cases[] = {{"yes", "no", {"no", "yes"}},
                 {"Yes", "No", {"No", "Yes"}},
                 {"TRUE", "FALSE", {"FALSE", "TRUE"}},
                 {"true", "false", {}}};
    for (const auto& c : cases) {
        INFO(c.yes);
        auto result = readCsvTable(store, writeRows(dir, 30, c.yes, c.no), {}, job);
        REQUIRE(result.ok());
        const ColumnInfo& flag = result->manifest.columns[3];
        REQUIRE(flag.type == ColumnType::Boolean);
        CHECK(flag.labels == c.labels);
        auto table = Table::open(store, result->manifestHash);
        CHECK((*table)->column(3).text(0) == c.yes);
        CHECK((*table)->column(3).text(1) == c.no);
        // The profile counts them under the same words.
        NullJobContext profileJob;
        auto profile = profileTable(**table, {}, profileJob);
        REQUIRE(profile.ok());
        const ColumnProfile* p = profile->column("smoker");
        REQUIRE(p);
        REQUIRE(p->top.size() == 2);
        CHECK(p->top[0].value == c.no);  // two of three rows
    }
}

TEST_CASE("The preview applies the choices the import will", "[csv][preview][choices]") {
    TempDir dir;
    const fs::path file = writeRows(dir, 40);
    auto preview = previewCsv(file, chosen(0), 5);
    REQUIRE(preview.ok());
    REQUIRE(preview->columns.size() == 4);  // the skipped column stays, marked
    CHECK(preview->columns[0].skipped);
    CHECK(preview->columns[0].fileName == "row_id");
    CHECK(preview->columns[1].ordered);
    CHECK(preview->columns[1].levels == kAgeGroups);
    CHECK(preview->columns[2].name == "dose");
    CHECK(preview->columns[2].fileName == "V3");
    CHECK(preview->columns[3].labels == std::vector<std::string>{"no", "yes"});
    // The values met, in the order met, to put in an order.
    REQUIRE(preview->values.size() == 4);
    CHECK(preview->values[1].size() == 6);
    CHECK(preview->values[1][0] == kAgeGroups[3]);
    CHECK(preview->values[0].size() == 40);
    CHECK(preview->rows.size() == 5);
}

TEST_CASE("Choices that cannot hold are refused with the reason", "[csv][preview][choices]") {
    TempDir dir;
    const fs::path file = writeRows(dir, 10);
    auto refused = [&](ImportOptions o, const std::string& words) {
        auto preview = previewCsv(file, o, 5);
        REQUIRE_FALSE(preview.ok());
        CHECK_THAT(preview.error().message, Catch::Contains(words));
        ObjectStore store(dir / "objects");
        NullJobContext job;
        auto import = readCsvTable(store, file, o, job);
        REQUIRE_FALSE(import.ok());
        CHECK_THAT(import.error().message, Catch::Contains(words));
    };
    ImportOptions o;
    o.renames = {{"nope", "x"}};
    refused(o, "no column named 'nope' (columns: row_id, agegp, V3, smoker)");
    o = {};
    o.renames = {{"V3", "smoker"}};
    refused(o, "two columns would be named 'smoker'");
    o = {};
    o.renames = {{"V3", " "}};
    refused(o, "cannot be renamed to an empty name");
    o = {};
    o.skipColumns = {"row_id", "agegp", "V3", "smoker"};
    refused(o, "every column is skipped");
    o = {};
    o.typeOverrides = {"agegp=text"};
    o.categoryOrders = {{"agegp", kAgeGroups}};
    refused(o, "only a categorical column has an order");
    o = {};
    o.categoryOrders = {{"agegp", {"25-34", "25-34"}}};
    refused(o, "twice");
    // Renaming onto a skipped column's name is fine: that column is not stored.
    o = {};
    o.skipColumns = {"row_id"};
    o.renames = {{"V3", "row_id"}};
    CHECK(previewCsv(file, o, 5).ok());
}
