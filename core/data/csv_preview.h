#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/data/csv_dialect.h"
#include "core/data/csv_import.h"
#include "core/data/table_import.h"
#include "core/data/text_encoding.h"
#include "core/data/type_inference.h"

namespace kiln {


// Reads the start of `file` (at most 256 KiB) the way importCsvDataset() would with `options`
// and returns up to `rows` data records. Fails like the import does for missing, empty and
// binary files and for bad type overrides (InvalidArgument, context "FILE:LINE:COLUMN" where a
// place is known). Reads only; thread-safe; meant for a pool thread.
Result<TablePreview> previewCsv(const std::filesystem::path& file, const ImportOptions& options,
                              std::size_t rows = 20);

}  // namespace kiln
