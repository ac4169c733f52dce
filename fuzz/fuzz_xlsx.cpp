// The Excel reader end to end: the sheet list, the preview and the import of a sheet, the stored
// table opened. With the first byte's bit 1 clear the input is the .xlsx file itself (zip
// damage, missing parts); set, the input is a sheet's XML, wrapped here in a valid workbook
// with shared strings and date styles, so that mutations reach the streamed XML and the cells.

#include <minizip/zip.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/data/table.h"
#include "core/data/xlsx/xlsx_import.h"
#include "core/jobs/job_context.h"
#include "core/store/object_store.h"
#include "fuzz/fuzz_support.h"

using namespace kiln;

namespace {

void add(zipFile zip, const char* name, std::string_view text) {
    zipOpenNewFileInZip(zip, name, nullptr, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 1);
    zipWriteInFileInZip(zip, text.data(), unsigned(text.size()));
    zipCloseFileInZip(zip);
}

void writeWorkbook(const std::filesystem::path& file, std::string_view sheetXml, bool date1904) {
    zipFile zip = zipOpen(file.string().c_str(), APPEND_STATUS_CREATE);
    if (!zip) return;
    add(zip, "[Content_Types].xml", "<Types/>");
    add(zip, "xl/workbook.xml",
        std::string("<workbook xmlns:r=\"r\"><workbookPr date1904=\"") + (date1904 ? "1" : "0") +
            "\"/><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
    add(zip, "xl/_rels/workbook.xml.rels",
        "<Relationships><Relationship Id=\"rId1\" "
        "Target=\"worksheets/sheet1.xml\"/></Relationships>");
    add(zip, "xl/sharedStrings.xml",
        "<sst><si><t>name</t></si><si><r><t>a</t></r><r><t>b</t></r></si><si><t>08123</t></si></"
        "sst>");
    add(zip, "xl/styles.xml",
        "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd hh:mm\"/></numFmts>"
        "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf "
        "numFmtId=\"21\"/></cellXfs>"
        "</styleSheet>");
    add(zip, "xl/worksheets/sheet1.xml", sheetXml);
    zipClose(zip, nullptr);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    unsigned flags = 0;
    auto bytes = fuzz::takeFlags(data, size, flags);
    const auto dir = fuzz::scratch() / "xlsx";
    fuzz::sweepEvery(dir / "objects", 512);
    const auto file = dir / "input.xlsx";
    std::filesystem::create_directories(dir);
    std::error_code ec;
    std::filesystem::remove(file, ec);
    if (flags & 1)
        writeWorkbook(file, bytes, (flags & 2) != 0);
    else
        fuzz::writeFile(file, bytes);

    ImportOptions options;
    options.format = ImportOptions::Format::Excel;
    if (flags & 4)
        options.noHeader = true;
    else if (flags & 8)
        options.forceHeader = true;
    if (flags & 16) options.sheet = "S";
    options.threads = 2;

    (void)listExcelSheets(file);
    (void)previewExcel(file, options, 20);
    ObjectStore store(dir / "objects");
    BasicJobContext job;
    auto read = readExcelTable(store, file, options, job);
    if (!read) return 0;
    auto table = Table::open(store, read->manifestHash);
    if (!table) __builtin_trap();  // a committed table must open
    return 0;
}
