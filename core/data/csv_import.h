#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/base/result.h"
#include "core/data/csv_dialect.h"
#include "core/data/table_import.h"
#include "core/data/table.h"
#include "core/data/text_encoding.h"
#include "core/jobs/job_context.h"

namespace kiln {

class ImportRecord;
class ObjectStore;
class Workspace;
struct DatasetVersion;

// Reads a CSV/TSV file into an immutable stored table in `store` (no catalog entry): detects the
// encoding (UTF-8 with or without BOM, UTF-16 with BOM, else Latin-1; a UTF-8 file with a few
// invalid bytes stays UTF-8, the bytes replaced by U+FFFD and reported as warnings with their
// line and column, or refused with `strictEncoding`), the dialect and the
// column types, then parses on all cores. Progress (bytes, stage "Parsing") and cancel go
// through `job`; skipped rows are reported to it as warnings. Errors name the file, line and
// column (context "FILE:LINE:COLUMN"): InvalidArgument for bad input, NotFound/Io for files,
// Cancelled. A failed or cancelled read commits no object: arrays are committed only once the
// whole file parsed, just before the manifest (a crash in those last steps may leave
// unreferenced arrays, which a later import of the same data reuses).
Result<TableImportResult> readCsvTable(const ObjectStore& store, const std::filesystem::path& file,
                                     const ImportOptions& options, JobContext& job);

// Imports `file` into `workspace` as a new version of dataset `name` (created as kind "table"
// when new). Identical content makes no new version. A folder is refused (Unsupported: image
// folders belong to the image importer). Catalog rows are written last, in one transaction.
Result<DatasetImport> importCsvDataset(Workspace& workspace, const std::filesystem::path& file,
                                          const std::string& name, const ImportOptions& options,
                                          JobContext& job);

}  // namespace kiln
