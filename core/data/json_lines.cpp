#include "core/data/json_lines.h"

namespace kiln {

// Placeholder until the reader lands (issue 14).
Result<TableImportResult> readJsonLinesTable(const ObjectStore&, const std::filesystem::path& file,
                                    const ImportOptions&, JobContext&) {
    return makeError(ErrorCode::Unsupported, "JSON Lines files cannot be read yet", file.string());
}

Result<TablePreview> previewJsonLines(const std::filesystem::path& file, const ImportOptions&, std::size_t) {
    return makeError(ErrorCode::Unsupported, "JSON Lines files cannot be read yet", file.string());
}

}  // namespace kiln
