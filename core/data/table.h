#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"
#include "core/data/column_type.h"

namespace kiln {

class ObjectStore;

// How one stored column is laid out. Each array is one `.npy` file (numpy format 1.0, little
// endian, C order) in the object store, so `numpy.load(path, mmap_mode='r')` opens it:
//   Integer      values  <i8                           missing: mask |u1 (1 = missing), if any
//   Float        values  <f8                           missing: NaN
//   Boolean      values  |u1  0/1                      missing: mask |u1, if any
//   Date         values  <M8[D]  days since 1970-01-01  missing: NaT (INT64_MIN)
//   DateTime     values  <M8[ms] ms since 1970-01-01    missing: NaT (INT64_MIN)
//   Categorical  values  <i4  codes into `categories`  missing: -1
//   Text         values  |u1  UTF-8 bytes back to back; offsets <i8 (rows + 1); missing: mask
struct ColumnInfo {
    std::string name;
    ColumnType type = ColumnType::Text;
    std::uint64_t missing = 0;            // cells that were empty or a missing marker
    std::string values;                   // object hash of the values array
    std::string mask;                     // object hash of the missing mask, or empty
    std::string offsets;                  // Text only: object hash of the offsets array
    std::vector<std::string> categories;  // Categorical only: the dictionary, code order
    bool ordered = false;                 // Categorical: `categories` run from low to high
    std::vector<std::string> labels;      // Boolean: the words for 0 and 1 when not false/true
    std::string note;                     // how the type was decided ("day-first dates")
};

// The manifest of an immutable dataset version: its columns and where their arrays live.
// Stored as JSON (format "kiln-table/1") in the object store; its hash names the version.
struct TableManifest {
    std::uint64_t rows = 0;
    std::vector<ColumnInfo> columns;
    std::string sourceJson = "{}";  // how it was read: file, dialect, encoding (free-form JSON)

    std::string toJson() const;
    static Result<TableManifest> fromJson(std::string_view json);
    // The schema the catalog records: [{"name", "type", "missing", "note"}, …].
    std::string schemaJson() const;
};

// A read-only, memory-mapped view of one stored column. Cheap to copy (shares the mapping).
// Accessors take a row index < rows(); they never block on I/O beyond page faults.
class ColumnView {
public:
    const ColumnInfo& info() const { return *m_info; }
    std::uint64_t rows() const { return m_rows; }
    bool isMissing(std::uint64_t row) const;
    // Numeric value of a cell: Integer, Float, Boolean (0/1), Date (days), DateTime (ms);
    // NaN when missing. Categorical and Text give NaN.
    double number(std::uint64_t row) const;
    // The cell as a person reads it ("3.5", "2024-01-31", "red"); empty when missing.
    std::string text(std::uint64_t row) const;
    // Categorical only: the code of a cell (-1 missing).
    std::int32_t code(std::uint64_t row) const;

    // Raw typed arrays (nullptr when the type does not have them).
    const double* floats() const;
    const std::int64_t* int64s() const;  // Integer, Date, DateTime
    const std::uint8_t* bytes() const;   // Boolean values, Text bytes
    const std::int32_t* codes() const;
    const std::int64_t* textOffsets() const;
    const std::uint8_t* missingMask() const;  // nullptr when no cell is missing

    // One memory-mapped .npy array (defined in table.cpp); shared by copies of a view.
    struct Mapping;

private:
    friend class Table;
    const ColumnInfo* m_info = nullptr;
    std::uint64_t m_rows = 0;
    std::shared_ptr<Mapping> m_values, m_mask, m_offsets;
};

// An opened dataset version: its manifest and memory-mapped columns. Read-only, so one Table
// may be read from many threads at once.
class Table {
public:
    static Result<std::shared_ptr<Table>> open(const ObjectStore& store, const std::string& manifestHash);

    const TableManifest& manifest() const { return m_manifest; }
    std::uint64_t rows() const { return m_manifest.rows; }
    std::size_t columnCount() const { return m_columns.size(); }
    const ColumnView& column(std::size_t index) const { return m_columns[index]; }
    // The index of a column by name, or -1.
    int columnIndex(std::string_view name) const;

private:
    TableManifest m_manifest;
    std::vector<ColumnView> m_columns;
};

}  // namespace kiln
