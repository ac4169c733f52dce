#pragma once

#include <cstddef>
#include <filesystem>

#include "core/base/result.h"
#include "core/data/table_import.h"

namespace kiln {

class JobContext;
class ObjectStore;

// Reads a Parquet file (flat columns; nested ones left out with a note) into an immutable stored
// table in `store`, no catalog entry, row groups on all cores. Types come from the file's schema.
// A corrupt or truncated file is refused with what and where (row group, column, page), and
// nothing is committed. Progress and cancel through `job`.
Result<TableImportResult> readParquetTable(const ObjectStore& store,
                                           const std::filesystem::path& file,
                                           const ImportOptions& options, JobContext& job);

// The schema and first rows of a Parquet file, as readParquetTable would type them.
Result<TablePreview> previewParquet(const std::filesystem::path& file, const ImportOptions& options,
                                    std::size_t rows);

}  // namespace kiln
