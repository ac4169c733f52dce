#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/data/column_chunk.h"
#include "core/data/parquet/parquet_file.h"
#include "core/data/parquet/parquet_schema.h"
#include "core/data/type_inference.h"

namespace kiln::parquet {

// What converting one chunk met besides the cells, for notes.
struct ConvertStats {
    std::uint64_t droppedPrecision = 0;  // timestamps with sub-millisecond digits
};

// Non-null value `v` of `data` as Kiln shows it: numbers as ColumnView::text does, dates with
// formatDate/formatDateTime, UUIDs 8-4-4-4-12, other binary values as hex.
std::string formatValue(const FlatColumn& column, const Values& values, std::size_t v);

// Appends every row of `data` to `out` as `spec` stores it. Values of the column's own type go
// straight in; for a type the user forced, each value is read from its text (formatValue), and
// one that does not fit marks the chunk's mismatch as ColumnChunk::append does. An unsigned
// 64-bit value above int64 also sets the mismatch (the column widens to float).
void convertColumn(const FlatColumn& column, const ColumnSpec& spec, const ColumnData& data,
                   ColumnChunk& out, ConvertStats& stats);

}  // namespace kiln::parquet
