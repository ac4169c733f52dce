#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/data/type_inference.h"

namespace kiln {

// The typed cells of one column for a run of consecutive rows, filled by one parser thread and
// handed to a TableWriter in row order. Which vectors are used depends on the column type (see
// the layout in core/data/table.h). Not thread-safe; owned by one thread at a time.
struct ColumnChunk {
    std::vector<std::int64_t> ints;       // Integer; Date (days); DateTime (ms); NaT for missing
    std::vector<double> floats;           // Float, NaN for missing
    std::vector<std::uint8_t> bytes;      // Boolean 0/1
    std::vector<std::int32_t> codes;      // Categorical: codes into `dictionary`, -1 missing
    // Categorical: this chunk's values in first-seen order (a deque: the index's keys point into
    // its strings, which never move), and their codes by value.
    std::deque<std::string> dictionary;
    std::unordered_map<std::string_view, std::int32_t> dictionaryIndex;
    std::string text;                    // Text: UTF-8 bytes back to back
    std::vector<std::uint32_t> lengths;  // Text: bytes per row
    std::vector<std::uint8_t> mask;      // Integer, Boolean, Text: 1 = missing
    // Text marked undecided (no values in the sample): the first values met, to type it again.
    std::vector<std::string> found;
    std::uint64_t rows = 0;
    std::uint64_t missing = 0;
    bool mismatch = false;      // a cell did not fit the spec (the column must widen)
    std::string firstMismatch;  // that cell, to tell the user

    ColumnChunk() = default;
    ColumnChunk(ColumnChunk&&) = default;
    ColumnChunk& operator=(ColumnChunk&&) = default;
    // Not copyable: a copy's index would point into the original's dictionary.
    ColumnChunk(const ColumnChunk&) = delete;
    ColumnChunk& operator=(const ColumnChunk&) = delete;

    // Reads one cell as `spec` says and appends it; a cell that does not fit is stored as
    // missing and sets `mismatch`.
    void append(const ColumnSpec& spec, std::string_view cell);
    // Appends a missing cell.
    void appendMissing(ColumnType type);
};

// How many values an undecided column keeps per chunk (and in all) to be typed again.
constexpr std::size_t kFoundValues = 200;

// The value stored for a missing Date/DateTime (numpy's NaT).
constexpr std::int64_t kNaT = INT64_MIN;

}  // namespace kiln
