#include "core/data/parquet/parquet_reading.h"

#include <algorithm>

#include "core/data/csv_dialect.h"
#include "core/data/parquet/thrift_compact.h"

namespace kiln::parquet {

Result<OpenedParquet> openParquet(const std::filesystem::path& path) {
    auto file = ParquetFile::open(path);
    if (!file) return file.error();
    OpenedParquet opened;
    opened.file = std::move(*file);
    try {
        opened.schema = planSchema(opened.file->meta());
        checkRowGroups(opened.file->meta(), opened.schema);
    } catch (const FormatError& e) {
        return makeError(ErrorCode::InvalidArgument,
                         std::string("not a readable Parquet file: ") + e.what(), path.string());
    }
    if (opened.schema.columns.empty()) {
        std::string message = "no flat columns to read: every column is nested";
        for (const auto& note : opened.schema.notes) message += "; " + note;
        return makeError(ErrorCode::Unsupported, message, path.string());
    }
    std::int64_t rows = 0;
    for (const auto& group : opened.file->meta().rowGroups) rows += group.numRows;
    if (rows != opened.file->meta().numRows)
        return makeError(ErrorCode::InvalidArgument,
                         "not a readable Parquet file: the row groups hold " +
                             std::to_string(rows) + " rows, the footer says " +
                             std::to_string(opened.file->meta().numRows),
                         path.string());
    return opened;
}

std::vector<ColumnSpec> initialSpecs(const OpenedParquet& opened) {
    std::vector<std::string> names;
    for (const auto& column : opened.schema.columns) names.push_back(column.name);
    const auto unique = uniqueColumnNames(names, names.size());
    std::vector<ColumnSpec> specs;
    for (std::size_t c = 0; c < names.size(); ++c) {
        ColumnSpec spec;
        spec.name = unique[c];
        spec.fileName = names[c];
        spec.type = opened.schema.columns[c].natural;
        spec.note = opened.schema.columns[c].note;
        specs.push_back(std::move(spec));
    }
    return specs;
}

std::uint64_t categoryLimit(const OpenedParquet& opened) {
    return std::max<std::uint64_t>(20, std::uint64_t(opened.file->meta().numRows) / 20);
}

std::string groupContext(const OpenedParquet& opened, std::size_t group,
                         const std::string& column) {
    return opened.file->path() + ": row group " + std::to_string(group + 1) + ", column '" +
           column + "'";
}

Error chunkError(const OpenedParquet& opened, std::size_t group, const std::string& column,
                 std::size_t page, const std::string& what) {
    std::string where = groupContext(opened, group, column);
    if (page) where += ", page " + std::to_string(page);
    return makeError(ErrorCode::InvalidArgument, "not a readable Parquet file: " + what, where);
}

}  // namespace kiln::parquet
