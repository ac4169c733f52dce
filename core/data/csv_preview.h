#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/data/csv_dialect.h"
#include "core/data/csv_import.h"
#include "core/data/text_encoding.h"
#include "core/data/type_inference.h"

namespace kiln {

constexpr std::size_t kMaxListedValues = 100;

// What an import of a CSV/TSV file would read, decided from its first records only: the
// encoding, the dialect, the column names and types (the user's choices applied as the import
// applies them: core/data/column_choices.h; skipped columns stay, marked) and the first rows as text. Plain value type.
struct CsvPreview {
    TextEncoding encoding = TextEncoding::Utf8;
    CsvDialect dialect;
    std::vector<ColumnSpec> columns;
    std::vector<std::vector<std::string>> rows;  // the first data records, as written
    // By column: the distinct values of the sample in the order met (to put categories in an
    // order), empty for a column with more than kMaxListedValues.
    std::vector<std::vector<std::string>> values;
    std::uint64_t bytes = 0;                     // size of the file
    std::size_t sampledRecords = 0;              // records the types were inferred from
};

// Reads the start of `file` (at most 256 KiB) the way importCsvDataset() would with `options`
// and returns up to `rows` data records. Fails like the import does for missing, empty and
// binary files and for bad type overrides (InvalidArgument, context "FILE:LINE:COLUMN" where a
// place is known). Reads only; thread-safe; meant for a pool thread.
Result<CsvPreview> previewCsv(const std::filesystem::path& file, const CsvImportOptions& options,
                              std::size_t rows = 20);

}  // namespace kiln
