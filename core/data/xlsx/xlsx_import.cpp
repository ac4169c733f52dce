#include "core/data/xlsx/xlsx_import.h"

#include "core/data/xlsx/excel_sheet_source.h"

namespace kiln {

namespace {

std::uint64_t fileSize(const std::filesystem::path& file) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    return ec ? 0 : size;
}

}  // namespace

Result<std::vector<std::string>> listExcelSheets(const std::filesystem::path& file) {
    auto book = readWorkbook(file, false);
    if (!book) return book.error();
    std::vector<std::string> names;
    for (const auto& sheet : book->sheets) names.push_back(sheet.name);
    return names;
}

Result<TableImportResult> readExcelTable(const ObjectStore& store,
                                         const std::filesystem::path& file,
                                         const ImportOptions& options, JobContext& job) {
    auto source = ExcelSheetSource::open(file, options);
    if (!source) return source.error();
    auto result =
        importCellRows(store, **source, options, tableFormatName(TableFormat::Excel), job);
    if (!result) return result;
    result->sheet = (*source)->sheet();
    result->bytes = fileSize(file);  // the engine counts the source's progress unit: rows
    return result;
}

Result<TablePreview> previewExcel(const std::filesystem::path& file, const ImportOptions& options,
                                  std::size_t rows) {
    auto source = ExcelSheetSource::open(file, options);
    if (!source) return source.error();
    auto preview = previewCellRows(**source, options, TableFormat::Excel, rows);
    if (!preview) return preview;
    preview->sheets = (*source)->sheets();
    preview->sheet = (*source)->sheet();
    preview->bytes = fileSize(file);
    return preview;
}

}  // namespace kiln
