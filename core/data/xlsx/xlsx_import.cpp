#include "core/data/xlsx/xlsx_import.h"

namespace kiln {

// Placeholder until the reader lands (issue 14).
Result<TableImportResult> readExcelTable(const ObjectStore&, const std::filesystem::path& file,
                                    const ImportOptions&, JobContext&) {
    return makeError(ErrorCode::Unsupported, "Excel files cannot be read yet", file.string());
}

Result<TablePreview> previewExcel(const std::filesystem::path& file, const ImportOptions&, std::size_t) {
    return makeError(ErrorCode::Unsupported, "Excel files cannot be read yet", file.string());
}

}  // namespace kiln

namespace kiln {
Result<std::vector<std::string>> listExcelSheets(const std::filesystem::path& file) {
    return makeError(ErrorCode::Unsupported, "Excel files cannot be read yet", file.string());
}
}  // namespace kiln
