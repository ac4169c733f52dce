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
#include "core/data/table.h"
#include "core/data/text_encoding.h"
#include "core/jobs/job_context.h"

namespace kiln {

class ImportRecord;
class ObjectStore;
class Workspace;
struct DatasetVersion;

// What the user decided about a CSV/TSV file; anything left unset is detected.
struct CsvImportOptions {
    enum class Format { Auto, Csv, Tsv };
    Format format = Format::Auto;   // Csv: ',' and Tsv: TAB unless `delimiter`
    std::optional<char> delimiter;  // overrides sniffing
    bool noHeader = false;          // the first record is data
    bool forceHeader = false;       // the first record is the header, even if it looks like data
    std::optional<bool> decimalComma;  // "3,14" means 3.14; unset: detected
    // Column types forced by the user: "name=type" (types as parseColumnType reads them, plus
    // "date-dmy" / "date-mdy" to fix the order of slashed dates).
    std::vector<std::string> typeOverrides;
    // Columns (by their name in the file) stored under another name, or not stored at all.
    std::vector<std::pair<std::string, std::string>> renames;  // {name in the file, new name}
    std::vector<std::string> skipColumns;
    // Categorical columns whose values have an order (age groups, grades): the levels from low
    // to high. Values met that are not listed follow them, in the order met.
    struct CategoryOrder {
        std::string column;
        std::vector<std::string> levels;
    };
    std::vector<CategoryOrder> categoryOrders;
    bool skipBadRows = false;                       // skip records with the wrong field count
    bool strictEncoding = false;  // refuse invalid bytes in a UTF-8 file instead of replacing them
    unsigned threads = 0;                           // 0: one per core
    std::size_t chunkBytes = std::size_t(4) << 20;  // text per parallel chunk
};

// A record skipped in tolerant mode: where it was and what was wrong.
struct SkippedRecord {
    std::uint64_t line = 0;
    std::uint64_t column = 0;
    std::string message;
};

// The bytes of a UTF-8 file that were not valid UTF-8 and were replaced by U+FFFD.
struct EncodingRepairs {
    std::uint64_t count = 0;
    std::vector<SkippedRecord> samples;  // the first few: line, column and what was replaced
};

// What reading a file produced: the stored table and how the file was read.
struct CsvImportResult {
    std::string manifestHash;
    TableManifest manifest;
    CsvDialect dialect;
    TextEncoding encoding = TextEncoding::Utf8;
    std::uint64_t bytes = 0;  // size of the file
    std::uint64_t skippedRows = 0;
    std::vector<SkippedRecord> skippedSamples;  // at most 5, in file order
    bool sequential = false;                    // parsed on one thread (stray quotes or small file)
    EncodingRepairs invalidUtf8;                // bytes replaced in a mostly UTF-8 file
    // The record of the committed objects: keep it until they are referenced by the catalog
    // (a process killed before then leaves them to be removed by the next workspace opener).
    std::shared_ptr<ImportRecord> pending;
};

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
Result<CsvImportResult> readCsvTable(const ObjectStore& store, const std::filesystem::path& file,
                                     const CsvImportOptions& options, JobContext& job);

// The outcome of importing a file as a dataset version.
struct CsvDatasetImport {
    CsvImportResult table;
    std::string dataset;
    std::int64_t version = 0;
    bool created = false;  // false: identical content was already this dataset's version
};

// Imports `file` into `workspace` as a new version of dataset `name` (created as kind "table"
// when new). Identical content makes no new version. A folder is refused (Unsupported: image
// folders belong to the image importer). Catalog rows are written last, in one transaction.
Result<CsvDatasetImport> importCsvDataset(Workspace& workspace, const std::filesystem::path& file,
                                          const std::string& name, const CsvImportOptions& options,
                                          JobContext& job);

}  // namespace kiln
