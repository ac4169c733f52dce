#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/data/parquet/parquet_file.h"
#include "core/data/parquet/parquet_schema.h"
#include "core/data/parquet/parquet_values.h"
#include "core/data/type_inference.h"

namespace kiln::parquet {

// A Parquet file opened for reading: its footer checked and its flat columns planned.
struct OpenedParquet {
    std::unique_ptr<ParquetFile> file;
    Schema schema;
};

// Opens `path`, parses the footer and plans the schema. InvalidArgument, naming the file, for
// what is not Parquet or not readable, and for a file whose columns are all nested.
Result<OpenedParquet> openParquet(const std::filesystem::path& path);

// The specs of the flat columns as their types map (before the user's choices), with the
// Parquet names as fileName (repeated names made unique as CSV headers are).
std::vector<ColumnSpec> initialSpecs(const OpenedParquet& opened);

// The most distinct values a string column may have and stay categorical: max(20, 5% of rows).
std::uint64_t categoryLimit(const OpenedParquet& opened);

// "FILE: row group 2, column 'price'" and, with a page, ", page 3" (all 1-based).
std::string groupContext(const OpenedParquet& opened, std::size_t group, const std::string& column);
// The error for a column chunk that could not be read: what was wrong and where.
Error chunkError(const OpenedParquet& opened, std::size_t group, const std::string& column,
                 std::size_t page, const std::string& what);

}  // namespace kiln::parquet
