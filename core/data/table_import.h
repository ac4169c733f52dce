#pragma once

#include <cstddef>
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
#include "core/data/type_inference.h"

namespace kiln {

class ImportRecord;
class JobContext;
class ObjectStore;
class Workspace;

// The file formats Kiln reads as tables. Each reader makes the same stored table (core/data/table.h).
enum class TableFormat { Csv, Parquet, JsonLines, Excel };

// "csv", "parquet", "jsonl", "xlsx".
const char* tableFormatName(TableFormat format);

// What the user decided about a file; anything left unset is detected.
struct ImportOptions {
    // Csv: ',' and Tsv: TAB unless `delimiter`; Auto: detected from the content.
    enum class Format { Auto, Csv, Tsv, Parquet, JsonLines, Excel };
    Format format = Format::Auto;
    std::optional<char> delimiter;  // CSV: overrides sniffing
    bool noHeader = false;          // CSV, Excel: the first record is data
    bool forceHeader = false;       // CSV, Excel: the first record is the header, even if it looks like data
    std::optional<bool> decimalComma;  // CSV: "3,14" means 3.14; unset: detected
    std::string sheet;                 // Excel: the sheet by name ("" the first)
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
    bool skipBadRows = false;     // CSV: skip records with the wrong field count; JSON Lines: bad lines
    bool strictEncoding = false;  // refuse invalid bytes in a UTF-8 file instead of replacing them
    unsigned threads = 0;                           // 0: one per core
    std::size_t chunkBytes = std::size_t(4) << 20;  // CSV: text per parallel chunk
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

// What reading a file (or a database query) produced: the stored table and how it was read.
struct TableImportResult {
    std::string format = "csv";  // tableFormatName(), or "postgresql" / "sqlite"
    std::string manifestHash;
    TableManifest manifest;
    CsvDialect dialect;  // CSV only
    TextEncoding encoding = TextEncoding::Utf8;
    std::uint64_t bytes = 0;  // size of the file
    std::uint64_t skippedRows = 0;
    std::vector<SkippedRecord> skippedSamples;  // at most 5, in file order
    bool sequential = false;                    // parsed on one thread (stray quotes or small file)
    EncodingRepairs invalidUtf8;                // bytes replaced in a mostly UTF-8 file
    std::string sheet;                          // Excel: the sheet read
    // What was left out or changed on the way, for people: "nested column 'tags' (a list) left out".
    std::vector<std::string> notes;
    // The record of the committed objects: keep it until they are referenced by the catalog
    // (a process killed before then leaves them to be removed by the next workspace opener).
    std::shared_ptr<ImportRecord> pending;
};

// The outcome of importing a file as a dataset version.
struct DatasetImport {
    TableImportResult table;
    std::string dataset;
    std::int64_t version = 0;
    bool created = false;  // false: identical content was already this dataset's version
};

constexpr std::size_t kMaxListedValues = 100;

// What an import would read, decided from the start of the file only: the format, the column
// names and types (the user's choices applied as the import applies them:
// core/data/column_choices.h; skipped columns stay, marked) and the first rows as text. Plain
// value type.
struct TablePreview {
    TableFormat format = TableFormat::Csv;
    TextEncoding encoding = TextEncoding::Utf8;  // CSV
    CsvDialect dialect;                          // CSV
    std::vector<std::string> sheets;             // Excel: every sheet, in workbook order
    std::string sheet;                           // Excel: the one previewed
    std::vector<std::string> notes;              // columns left out (nested Parquet columns …)
    std::vector<ColumnSpec> columns;
    std::vector<std::vector<std::string>> rows;  // the first data records, as text
    // By column: the distinct values of the sample in the order met (to put categories in an
    // order), empty for a column with more than kMaxListedValues.
    std::vector<std::vector<std::string>> values;
    std::uint64_t bytes = 0;         // size of the file
    std::size_t sampledRecords = 0;  // records the types were inferred from
};

// The format of `file` from its content: Parquet's "PAR1" at both ends, a zip holding
// xl/workbook.xml, a first line that is a JSON object; else CSV. `options.format` other than
// Auto decides instead (Tsv and Csv both give Csv). NotFound/Io for a file that cannot be read.
Result<TableFormat> detectTableFormat(const std::filesystem::path& file, const ImportOptions& options);

// Reads `file` in its format (detectTableFormat) into an immutable stored table in `store`, no
// catalog entry; as readCsvTable does for CSV (core/data/csv_import.h).
Result<TableImportResult> readTable(const ObjectStore& store, const std::filesystem::path& file,
                                    const ImportOptions& options, JobContext& job);

// The preview of `file` in its format, up to `rows` rows.
Result<TablePreview> previewTable(const std::filesystem::path& file, const ImportOptions& options,
                                  std::size_t rows = 20);

// Imports `file` (any format readTable reads) into `workspace` as a new version of dataset
// `name` (its file name when empty), as importCsvDataset does for CSV.
Result<DatasetImport> importTableDataset(Workspace& workspace, const std::filesystem::path& file,
                                         const std::string& name, const ImportOptions& options,
                                         JobContext& job);

// Records a table read by readTable() (or a database query) as a version of dataset `name`,
// created as kind "table" when new; identical content makes no new version. Catalog rows are
// written in one transaction, after which the table's objects are referenced. `sourceSpec` is
// what `kiln refresh` reads again (core/data/dataset_source.h): a JSON object
// {"kind": "file"|"glob"|"database", …}, never holding a password.
Result<DatasetImport> recordImportedTable(Workspace& workspace, TableImportResult table,
                                          const std::string& name, const std::string& sourcePath,
                                          const std::string& sourceSpec);

// The source spec of a file read with `options` (its absolute path, the choices).
std::string fileSourceSpec(const std::filesystem::path& file, const ImportOptions& options);

}  // namespace kiln
