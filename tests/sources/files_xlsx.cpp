// The Excel reader: cell kinds, sheets, both date systems, merged headers, sparse cells, damaged
// files, and a sheet of 100,000 rows streamed.

#include <minizip/zip.h>
#include <catch2/catch.hpp>

#include "core/data/xlsx/excel_dates.h"
#include "core/data/xlsx/sheet_stream.h"
#include "core/data/xlsx/xlsx_import.h"
#include "files_support.h"

using namespace kiln;

namespace {

ImportOptions sheetNamed(const std::string& name) {
    ImportOptions options;
    options.sheet = name;
    return options;
}

}  // namespace

TEST_CASE("Excel: shared strings, rich text, numbers, booleans, errors, formulas, dates",
          "[files][xlsx]") {
    FileImports files;
    auto t = files.import(fixture("xlsx/several_sheets.xlsx"));
    CHECK(t.result.format == "xlsx");
    CHECK(t.result.sheet == "People");
    CHECK(t.table->rows() == 4);
    CHECK(t.names() == std::vector<std::string>{"id", "name", "score", "active", "joined",
                                                "updated", "code", "ratio", "double", "label"});
    CHECK(t.type("id") == std::string("integer"));
    CHECK(t.cell("name", 0) == "Ana Lima");  // rich text runs joined, the phonetic run left out
    CHECK(t.cell("name", 2) == "Cy & Dee");
    CHECK(t.type("score") == std::string("float"));
    CHECK(t.cell("score", 3) == "0.001");
    CHECK(t.type("active") == std::string("boolean"));
    CHECK(t.cell("active", 1) == "false");
    CHECK(t.type("joined") == std::string("date"));
    CHECK(t.cell("joined", 0) == "2024-01-31");
    CHECK(t.type("updated") == std::string("datetime"));
    CHECK(t.cell("updated", 1) == "2024-02-01T18:00:00");
    CHECK(t.cell("updated", 2) == "2024-02-02T00:15:00");
    CHECK(t.type("code") == std::string("text"));  // leading zeros kept
    CHECK(t.cell("code", 2) == "00042");
    CHECK(t.cell("ratio", 0) == "");  // #DIV/0!
    CHECK(t.cell("ratio", 1) == "0.5");
    CHECK(t.cell("double", 3) == "8");     // a formula's cached value
    CHECK(t.cell("label", 1) == "x2");     // a string formula
    CHECK(t.cell("label", 0) == "first");  // an inline string
    REQUIRE(t.result.notes.size() == 1);
    CHECK_THAT(t.result.notes[0], Catch::Contains("2 cells held an Excel error") &&
                                      Catch::Contains("cell H2, #DIV/0!"));
}

TEST_CASE("Excel: sheets by name, in workbook order; an unknown one lists them", "[files][xlsx]") {
    FileImports files;
    auto sheets = listExcelSheets(fixture("xlsx/several_sheets.xlsx"));
    REQUIRE(sheets);
    CHECK(*sheets == std::vector<std::string>{"People", "Summary", "Notes 2024"});
    auto t = files.import(fixture("xlsx/several_sheets.xlsx"), sheetNamed("Notes 2024"));
    CHECK(t.result.sheet == "Notes 2024");
    CHECK(t.names() == std::vector<std::string>{"city", "count"});
    CHECK(t.cell("city", 1) == "Busan");
    auto error = files.failure(fixture("xlsx/several_sheets.xlsx"), sheetNamed("Nope"));
    CHECK(error.code == ErrorCode::InvalidArgument);
    CHECK(error.message ==
          "no sheet 'Nope' in the workbook; its sheets: 'People', 'Summary', 'Notes 2024'");
    auto preview = previewExcel(fixture("xlsx/several_sheets.xlsx"), sheetNamed("Summary"), 1);
    REQUIRE(preview);
    CHECK(preview->format == TableFormat::Excel);
    CHECK(preview->sheets == *sheets);
    CHECK(preview->sheet == "Summary");
    CHECK(preview->rows.size() == 1);
}

TEST_CASE("Excel: dates in the 1900 system, with its phantom 29 February", "[files][xlsx]") {
    FileImports files;
    auto t = files.import(fixture("xlsx/dates_1900.xlsx"));
    CHECK(t.type("day") == std::string("date"));
    CHECK(t.cell("day", 0) == "1900-01-01");
    CHECK(t.cell("day", 1) == "1900-02-28");
    CHECK(t.cell("day", 2) == "");  // serial 60, 1900-02-29, has no date
    CHECK(t.cell("day", 3) == "1900-03-01");
    CHECK(t.cell("at", 1) == "2024-01-31T00:00:01");
    CHECK(t.cell("at", 3) == "2023-03-15T23:59:59");
    CHECK(t.cell("clock", 1) == "18:00:00");
    CHECK(t.type("amount") == std::string("integer"));  // a custom number format with quoted text
    CHECK_THAT(t.result.notes.at(0), Catch::Contains("1900-02-29"));
}

TEST_CASE("Excel: dates in the 1904 system", "[files][xlsx]") {
    FileImports files;
    auto t = files.import(fixture("xlsx/dates_1904.xlsx"));
    CHECK(t.cell("day", 0) == "1904-01-01");
    CHECK(t.cell("day", 1) == "1904-01-02");
    CHECK(t.cell("day", 2) == "2024-01-31");
    CHECK(t.cell("at", 0) == "1904-01-01T12:00:00");
    CHECK(t.cell("at", 2) == "2024-01-31T18:00:00");
}

TEST_CASE("Excel: serial numbers and number formats", "[files][xlsx]") {
    CHECK(excelSerialToIso(45322, DateKind::Date, false) == std::string("2024-01-31"));
    CHECK(excelSerialToIso(45322.25, DateKind::DateTime, false) ==
          std::string("2024-01-31T06:00:00"));
    CHECK(excelSerialToIso(45322.5 + 0.25 / 86400, DateKind::DateTime, false) ==
          std::string("2024-01-31T12:00:00.250"));
    CHECK(excelSerialToIso(59, DateKind::Date, false) == std::string("1900-02-28"));
    CHECK_FALSE(excelSerialToIso(60, DateKind::Date, false));
    CHECK(excelSerialToIso(61, DateKind::Date, false) == std::string("1900-03-01"));
    CHECK(excelSerialToIso(43860, DateKind::Date, true) == std::string("2024-01-31"));
    CHECK(excelSerialToIso(0.75, DateKind::Time, false) == std::string("18:00:00"));
    CHECK_FALSE(excelSerialToIso(-1, DateKind::Date, false));
    CHECK(classifyNumberFormat(14, "") == DateKind::Date);
    CHECK(classifyNumberFormat(22, "") == DateKind::DateTime);
    CHECK(classifyNumberFormat(47, "") == DateKind::Time);
    CHECK(classifyNumberFormat(2, "") == DateKind::None);
    CHECK(classifyNumberFormat(164, "dd/mm/yyyy") == DateKind::Date);
    CHECK(classifyNumberFormat(165, "yyyy-mm-dd hh:mm") == DateKind::DateTime);
    CHECK(classifyNumberFormat(166, "h:mm") == DateKind::Time);
    CHECK(classifyNumberFormat(167, "0.0\" days\"") == DateKind::None);
    CHECK(classifyNumberFormat(168, "[Red]0.00") == DateKind::None);
    CHECK(classifyNumberFormat(169, "#,##0 \\d") == DateKind::None);
}

TEST_CASE("Excel: cell references", "[files][xlsx]") {
    std::uint32_t column = 0;
    std::uint64_t row = 0;
    CHECK(parseCellReference("BC12", column, row));
    CHECK(column == 54);
    CHECK(row == 12);
    CHECK(parseCellReference("XFD1048576", column, row));
    CHECK(column == 16383);
    CHECK_FALSE(parseCellReference("XFE1", column, row));
    CHECK_FALSE(parseCellReference("A0", column, row));
    CHECK_FALSE(parseCellReference("12", column, row));
    CHECK_FALSE(parseCellReference("A", column, row));
    CHECK(columnLetters(0) == "A");
    CHECK(columnLetters(25) == "Z");
    CHECK(columnLetters(26) == "AA");
    CHECK(columnLetters(54) == "BC");
}

TEST_CASE("Excel: a header merged across columns names each of them", "[files][xlsx]") {
    FileImports files;
    auto t = files.import(fixture("xlsx/merged_header.xlsx"));
    CHECK(t.names() == std::vector<std::string>{"name", "score", "score_2", "score_3"});
    CHECK(t.cell("score_3", 1) == "6");
}

TEST_CASE("Excel: sparse rows and skipped columns line up by reference", "[files][xlsx]") {
    FileImports files;
    auto t = files.import(fixture("xlsx/sparse.xlsx"));
    CHECK(t.names() ==
          std::vector<std::string>{"key", "value", "column_3", "extra", "column_5", "column_6"});
    CHECK(t.table->rows() == 3);  // rows 4, 5 and 7; empty rows are passed over
    CHECK(t.cell("value", 0) == "1");
    CHECK(t.cell("column_3", 1) == "stray");
    CHECK(t.cell("extra", 1) == "2.5");
    CHECK(t.cell("key", 2) == "");
    CHECK(t.cell("column_6", 2) == "far");
    auto plain = files.import(fixture("xlsx/no_refs.xlsx"));
    CHECK(plain.names() == std::vector<std::string>{"x", "y"});
    CHECK(plain.cell("y", 1) == "two");
}

TEST_CASE("Excel: the header is detected as for CSV, or set", "[files][xlsx]") {
    FileImports files;
    auto t = files.import(fixture("xlsx/numbers_only.xlsx"));
    CHECK(t.names() == std::vector<std::string>{"column_1", "column_2"});
    CHECK(t.table->rows() == 5);
    ImportOptions header;
    header.forceHeader = true;
    auto h = files.import(fixture("xlsx/numbers_only.xlsx"), header);
    CHECK(h.names() == std::vector<std::string>{"10", "1.5"});
    CHECK(h.table->rows() == 4);
    ImportOptions none;
    none.noHeader = true;
    auto n = files.import(fixture("xlsx/several_sheets.xlsx"), none);
    CHECK(n.table->rows() == 5);
    CHECK(n.cell("column_1", 0) == "id");
}

TEST_CASE("Excel: damaged files say what is wrong and where", "[files][xlsx]") {
    FileImports files;
    auto corrupt = files.failure(fixture("xlsx/corrupt.xlsx"));
    CHECK(corrupt.code == ErrorCode::InvalidArgument);
    CHECK_THAT(corrupt.message, Catch::Contains("not a readable zip archive"));
    auto other = files.failure(fixture("xlsx/not_workbook.xlsx"));
    CHECK_THAT(other.message, Catch::Contains("no xl/workbook.xml"));
    auto bad = files.failure(fixture("xlsx/bad_shared_string.xlsx"));
    CHECK(bad.message == "shared string 7 does not exist");
    CHECK(bad.context ==
          fixture("xlsx/bad_shared_string.xlsx").string() + ", sheet 'Broken', cell A2");
}

namespace {

void addMember(zipFile zip, const std::string& name, const std::string& text) {
    REQUIRE(zipOpenNewFileInZip(zip, name.c_str(), nullptr, nullptr, 0, nullptr, 0, nullptr,
                                Z_DEFLATED, Z_DEFAULT_COMPRESSION) == ZIP_OK);
    REQUIRE(zipWriteInFileInZip(zip, text.data(), unsigned(text.size())) == ZIP_OK);
    REQUIRE(zipCloseFileInZip(zip) == ZIP_OK);
}

// A workbook of one sheet of `rows` rows (id, label, value), the strings inline.
void writeBigWorkbook(const std::filesystem::path& file, int rows) {
    zipFile zip = zipOpen(file.string().c_str(), APPEND_STATUS_CREATE);
    REQUIRE(zip);
    const std::string ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
    addMember(zip, "[Content_Types].xml", "<Types/>");
    addMember(zip, "xl/workbook.xml",
              "<workbook " + ns +
                  " xmlns:r=\"r\"><sheets><sheet name=\"Big\" sheetId=\"1\" "
                  "r:id=\"rId1\"/></sheets></workbook>");
    addMember(zip, "xl/_rels/workbook.xml.rels",
              "<Relationships><Relationship Id=\"rId1\" "
              "Target=\"worksheets/sheet1.xml\"/></Relationships>");
    std::string sheet =
        "<worksheet " + ns +
        "><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c>"
        "<c r=\"B1\" t=\"inlineStr\"><is><t>label</t></is></c><c r=\"C1\" "
        "t=\"inlineStr\"><is><t>value</t></is></c></row>";
    for (int r = 2; r <= rows + 1; ++r) {
        const std::string n = std::to_string(r);
        sheet += "<row r=\"" + n + "\"><c r=\"A" + n + "\"><v>" + std::to_string(r - 1) +
                 "</v></c><c r=\"B" + n + "\" t=\"inlineStr\"><is><t>" + (r % 3 ? "odd" : "even") +
                 "</t></is></c><c r=\"C" + n + "\"><v>" + std::to_string(r) + ".5</v></c></row>";
    }
    addMember(zip, "xl/worksheets/sheet1.xml", sheet + "</sheetData></worksheet>");
    REQUIRE(zipClose(zip, nullptr) == ZIP_OK);
}

}  // namespace

TEST_CASE("Excel: a sheet of 100,000 rows is streamed", "[files][xlsx]") {
    FileImports files;
    const auto file = files.write("big.xlsx", "");
    writeBigWorkbook(file, 100000);
    auto t = files.import(file);
    CHECK(t.result.format == "xlsx");
    CHECK(t.table->rows() == 100000);
    CHECK(t.type("id") == std::string("integer"));
    CHECK(t.type("label") == std::string("categorical"));
    CHECK(t.type("value") == std::string("float"));
    CHECK(t.cell("id", 99999) == "100000");
    CHECK(t.cell("value", 99999) == "100001.5");
}
