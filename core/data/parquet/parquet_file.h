#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"
#include "core/data/parquet/parquet_encodings.h"
#include "core/data/parquet/parquet_metadata.h"

namespace kiln::parquet {

// An open Parquet file and its footer. read() uses pread, so many threads may read at once.
class ParquetFile {
public:
    ParquetFile() = default;
    ~ParquetFile();
    ParquetFile(const ParquetFile&) = delete;
    ParquetFile& operator=(const ParquetFile&) = delete;

    // Opens `path` and parses its footer. NotFound/Io when it cannot be read; InvalidArgument
    // naming what is wrong (bad magic, footer length past the file, footer unreadable).
    static Result<std::unique_ptr<ParquetFile>> open(const std::filesystem::path& path);

    const FileMetaData& meta() const { return m_meta; }
    std::uint64_t size() const { return m_size; }
    const std::string& path() const { return m_path; }
    // Bytes [offset, offset + length) of the data area (before the footer). FormatError past it.
    void read(std::uint64_t offset, std::uint64_t length, std::string& out) const;

private:
    int m_fd = -1;
    std::uint64_t m_size = 0;
    std::uint64_t m_dataEnd = 0;  // where the footer starts
    std::string m_path;
    FileMetaData m_meta;
};

// One flat column's values in one row group: the non-null values and, per row, whether it
// has one.
struct ColumnData {
    Values values;
    std::vector<std::uint8_t> defined;
    std::size_t pages = 0;  // pages read, for messages
    // When every data page was dictionary-encoded: the dictionary's strings (views into a page
    // kept in `values.buffers`) and each non-null value's index into them, so a categorical
    // column looks each distinct string up once, not once per row.
    bool dictionaryOnly = true;
    std::vector<std::string_view> dictionary;
    std::vector<std::uint32_t> dictionaryIndices;
};

// What the chunk reader needs to know of the column.
struct LeafInfo {
    PhysicalType type = PhysicalType::Int32;
    std::size_t typeLength = 0;
    int maxDefinition = 0;  // 1 for an optional column, 0 for a required one
};

// Reads the column chunk `meta` (of a row group of `rows` rows) into `out`: its dictionary
// page, data pages v1 and v2, every codec decompress() knows. FormatError saying what was
// wrong; `out.pages` then names the page (1-based) it was reading.
void readColumnChunk(const ParquetFile& file, const ColumnMeta& meta, const LeafInfo& leaf,
                     std::int64_t rows, ColumnData& out);

}  // namespace kiln::parquet
