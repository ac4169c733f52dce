#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/data/column_chunk.h"
#include "core/data/table.h"
#include "core/data/type_inference.h"

namespace kiln {

class ImportRecord;
class ObjectStore;

// Builds one stored table (layout: core/data/table.h). Chunks of typed cells arrive in row order;
// each array is spilled to an unnamed temporary file in the store's tmp/ folder (so memory stays
// bounded by a few chunks), and commit() streams each array through an ObjectWriter as a .npy
// object, then writes the manifest object last. A writer destroyed before commit() leaves
// nothing behind: unnamed temporaries vanish with their descriptors. Not thread-safe: one
// thread appends; commit() uses worker threads internally.
class TableWriter {
public:
    TableWriter(const ObjectStore& store, std::vector<ColumnSpec> columns);
    ~TableWriter();
    TableWriter(const TableWriter&) = delete;
    TableWriter& operator=(const TableWriter&) = delete;

    // Creates the temporary files. Io when the store's tmp/ folder cannot be written.
    Status open();
    // Appends the next rows: one chunk per column, all with the same row count. Categorical
    // codes are remapped from the chunk's dictionary to the table's. The chunks are consumed.
    Status append(std::vector<ColumnChunk>& chunks);

    std::uint64_t rows() const { return m_rows; }
    // Distinct values seen so far in a Categorical column.
    std::size_t categoryCount(std::size_t column) const;
    // The first values (at most kFoundValues) of a Text column marked undecided, in row order.
    const std::vector<std::string>& foundValues(std::size_t column) const;

    // Stores every array (on up to `threads` threads) and then the manifest; returns the
    // manifest's hash and fills `manifest`. `sourceJson` is recorded as the manifest's source.
    // Every object's hash is told to `record` (when given) before the object gets its name.
    Result<std::string> commit(const std::string& sourceJson, unsigned threads,
                               TableManifest& manifest, ImportRecord* record = nullptr);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    std::uint64_t m_rows = 0;
};

}  // namespace kiln
