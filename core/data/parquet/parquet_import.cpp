#include "core/data/parquet/parquet_import.h"

namespace kiln {

// Placeholder until the reader lands (issue 14).
Result<TableImportResult> readParquetTable(const ObjectStore&, const std::filesystem::path& file,
                                    const ImportOptions&, JobContext&) {
    return makeError(ErrorCode::Unsupported, "Parquet files cannot be read yet", file.string());
}

Result<TablePreview> previewParquet(const std::filesystem::path& file, const ImportOptions&, std::size_t) {
    return makeError(ErrorCode::Unsupported, "Parquet files cannot be read yet", file.string());
}

}  // namespace kiln
