#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/data/table_import.h"

namespace kiln {

class JobContext;
class ObjectStore;

// The sheets of an Excel workbook (.xlsx), in workbook order.
Result<std::vector<std::string>> listExcelSheets(const std::filesystem::path& file);

// Reads one sheet of an .xlsx workbook (`options.sheet`, the first when empty) into an immutable
// stored table in `store`, no catalog entry: shared strings, numbers, booleans, dates from
// serial numbers (1900 and 1904 systems, told by the cell's number format), merged header cells;
// types inferred as for CSV (core/data/cell_rows.h).
Result<TableImportResult> readExcelTable(const ObjectStore& store,
                                         const std::filesystem::path& file,
                                         const ImportOptions& options, JobContext& job);

Result<TablePreview> previewExcel(const std::filesystem::path& file, const ImportOptions& options,
                                  std::size_t rows);

}  // namespace kiln
