#pragma once

#include <cstddef>
#include <filesystem>

#include "core/base/result.h"
#include "core/data/table_import.h"

namespace kiln {

class JobContext;
class ObjectStore;

// Reads a JSON Lines (NDJSON) file, one object per line, into an immutable stored table in
// `store`, no catalog entry: nested objects flattened to dotted names ("address.city"), arrays
// kept as their JSON text, types inferred as for CSV (core/data/cell_rows.h). A bad line is an
// error naming its number (skipped and counted with `skipBadRows`).
Result<TableImportResult> readJsonLinesTable(const ObjectStore& store, const std::filesystem::path& file,
                                             const ImportOptions& options, JobContext& job);

Result<TablePreview> previewJsonLines(const std::filesystem::path& file, const ImportOptions& options,
                                      std::size_t rows);

}  // namespace kiln
