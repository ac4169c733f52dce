#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/column_chunk.h"
#include "core/data/type_inference.h"

namespace kiln {

// A problem with one record: where it is (byte offset into the text) and what is wrong.
struct RecordProblem {
    std::size_t offset = 0;
    std::string message;
};

// What parsing one chunk of records produced.
struct ChunkOutcome {
    std::vector<ColumnChunk> columns;
    std::size_t end = 0;                 // offset just after the last record read
    bool strayQuote = false;             // a quote inside an unquoted field was seen
    bool truncated = false;              // a quoted field ran past the chunk (bad boundary)
    std::optional<RecordProblem> fatal;  // the first bad record when not skipping
    std::vector<RecordProblem> skipped;  // the first few skipped records (tolerant mode)
    std::uint64_t skippedCount = 0;
};

// How to parse chunks: the columns and what to do with bad records.
struct ChunkParseConfig {
    std::string_view text;  // the whole file as UTF-8
    char delimiter = ',';
    const std::vector<ColumnSpec>* columns = nullptr;
    bool skipBadRows = false;
    std::size_t maxSamples = 5;
};

// Parses the records that start in [from, stopAfter) of `config.text`, reading no further than
// `limit` (a record may run past `stopAfter` up to `limit`). Records with the wrong number of
// fields are fatal or skipped; an unterminated quote is fatal (or `truncated` when `limit` is not
// the end of the text). Blank lines are skipped. Thread-safe for distinct outcomes. `reuse`
// (optional: an earlier outcome's columns, one per column) is emptied and filled again, so that
// their memory serves again.
ChunkOutcome parseChunk(const ChunkParseConfig& config, std::size_t from, std::size_t stopAfter,
                        std::size_t limit, std::vector<ColumnChunk> reuse = {});

}  // namespace kiln
