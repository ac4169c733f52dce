#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/column_type.h"
#include "core/data/parquet/parquet_file.h"
#include "core/data/parquet/parquet_metadata.h"

namespace kiln::parquet {

// How a flat column's values read, from its physical and logical type.
enum class ValueKind {
    Boolean,
    Signed,
    Unsigned32,
    Unsigned64,
    Float,
    Float16,
    Decimal,
    Date,
    Timestamp,
    Int96,
    Time,
    String,
    Binary,
    Uuid
};

// A flat (top-level, not repeated) column of the file and how Kiln stores it.
struct FlatColumn {
    std::string name;      // as the file names it
    std::size_t leaf = 0;  // its column chunk's index in each row group
    LeafInfo info;
    ValueKind kind = ValueKind::Signed;
    TimeUnit unit = TimeUnit::Millis;          // Timestamp, Time
    int scale = 0, precision = 0;              // Decimal
    ColumnType natural = ColumnType::Integer;  // the Kiln type its values map to
    std::string note;                          // how the type was decided, when not plain
};

struct Schema {
    std::vector<FlatColumn> columns;
    std::vector<std::string> notes;  // nested columns left out, by name
    std::size_t leaves = 0;          // column chunks per row group
};

// `value` when it is valid UTF-8, else a copy in `scratch` with each bad byte replaced by
// U+FFFD: names and strings from the file go into manifests, which hold UTF-8 only.
std::string_view validUtf8(std::string_view value, std::string& scratch);

// The flat columns of `meta`'s schema, nested ones (groups, repeated fields) named in the
// notes. FormatError for a schema tree that does not hold together.
Schema planSchema(const FileMetaData& meta);

// Checks each row group has one chunk per leaf and a row count that can be; FormatError
// naming the row group (1-based).
void checkRowGroups(const FileMetaData& meta, const Schema& schema);

}  // namespace kiln::parquet
