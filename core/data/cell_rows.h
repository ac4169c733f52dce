#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/base/result.h"
#include "core/data/table_import.h"

namespace kiln {

class JobContext;
class ObjectStore;

// What a source knows of a column's type by itself (a database's declared type, a sheet's date
// format); left empty, the type is inferred from the cells as for CSV.
struct DeclaredColumn {
    std::optional<ColumnType> type;  // Integer, Float, Boolean, Date, DateTime: cells are read so
    // A text column (VARCHAR, a string type): Categorical or Text from the cells, never a number,
    // so codes with leading zeros keep them.
    bool stringLike = false;
    std::vector<std::string> levels;  // an enum's labels, in order (the column is Categorical)
    std::string note;                 // how the type was decided ("PostgreSQL numeric")
};

// A reader of rows whose cells are text: JSON Lines, a sheet, a database query. Cells are given
// as CSV import reads them: numbers in C notation ("3.5", "-2e-3"), "true"/"false", ISO dates
// ("2024-01-31", "2024-01-31T12:00:00.250"), anything else as it is; an empty cell is missing.
// The import reads a sample first, then the whole source once or, when a type must change,
// again from rewind().
class CellRowSource {
public:
    virtual ~CellRowSource() = default;
    // The columns met so far, in order. A source may meet new ones as it reads (a key first seen
    // on line 90,000); the import then reads again with them.
    virtual const std::vector<std::string>& columnNames() const = 0;
    virtual DeclaredColumn declared(std::size_t /*column*/) const { return {}; }
    // The next row: `cells` is resized to columnNames().size(), one cell per column (empty:
    // missing). False at the end. InvalidArgument naming where (location()) for bad input; a
    // source that skips bad rows counts them in skipped().
    virtual Result<bool> next(std::vector<std::string>& cells) = 0;
    // Back to the first row.
    virtual Status rewind() = 0;
    // Where the last row came from, for messages: "FILE:LINE", "FILE, sheet 'Data', row 12".
    virtual std::string location() const = 0;
    // Done and total in the source's unit (bytes or rows); total 0 when unknown.
    virtual std::pair<std::uint64_t, std::uint64_t> progress() const = 0;
    // How it was read, recorded as the manifest's source: a JSON object, "reader" first.
    virtual std::string sourceJson() const = 0;
    // Rows left out in tolerant mode, with the first few (line and message).
    virtual std::uint64_t skipped() const { return 0; }
    virtual std::vector<SkippedRecord> skippedSamples() const { return {}; }
    // Notes for people: columns left out, how something was read.
    virtual std::vector<std::string> notes() const { return {}; }
};

// Reads the whole of `source` into an immutable stored table in `store`, no catalog entry: types
// inferred from the first 5,000 rows (or declared), the user's choices applied
// (core/data/column_choices.h), columns widened and the source read again when a cell does not
// fit (a column the user typed is an error instead). Progress and cancel through `job`. Nothing
// is committed unless the whole source read. `format` names the result's format.
Result<TableImportResult> importCellRows(const ObjectStore& store, CellRowSource& source,
                                         const ImportOptions& options, const std::string& format,
                                         JobContext& job);

// The first rows of `source` as the import would type them (the sample's inference and the
// user's choices), at most `rows` of them as text.
Result<TablePreview> previewCellRows(CellRowSource& source, const ImportOptions& options,
                                     TableFormat format, std::size_t rows);

}  // namespace kiln
