#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/type_inference.h"

namespace kiln {

// A chunk's category codes by value: open addressing over the strings of its dictionary, with a
// cheap hash of the bytes (a CSV column of categories looks up every one of its cells).
class CategoryIndex {
public:
    // The code of `value` in `dictionary`, or -1; `hash` is hashCategory(value).
    std::int32_t find(std::string_view value, std::uint64_t hash,
                      const std::deque<std::string>& dictionary) const;
    // Adds the code of a value not in the index yet.
    void insert(std::uint64_t hash, std::int32_t code);
    // Removes the code inserted last (and only that one).
    void eraseLast();
    static std::uint64_t hashCategory(std::string_view value);

private:
    struct Slot {
        std::uint32_t hash = 0;
        std::int32_t code = -1;  // -1: empty
    };
    void grow();
    std::vector<Slot> m_slots;  // a power of two long, at most half full
    std::vector<std::uint32_t> m_hashes;  // by code, to grow without hashing again
    std::size_t m_lastSlot = 0;
};

// The typed cells of one column for a run of consecutive rows, filled by one parser thread and
// handed to a TableWriter in row order. Which vectors are used depends on the column type (see
// the layout in core/data/table.h). Not thread-safe; owned by one thread at a time.
struct ColumnChunk {
    std::vector<std::int64_t> ints;       // Integer; Date (days); DateTime (ms); NaT for missing
    std::vector<double> floats;           // Float, NaN for missing
    std::vector<std::uint8_t> bytes;      // Boolean 0/1
    std::vector<std::int32_t> codes;      // Categorical: codes into `dictionary`, -1 missing
    // Categorical: this chunk's values in first-seen order (a deque: its strings never move
    // while it grows), and their codes by value.
    std::deque<std::string> dictionary;
    CategoryIndex dictionaryIndex;
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
    // Not copyable: chunks are handed on, never duplicated.
    ColumnChunk(const ColumnChunk&) = delete;
    ColumnChunk& operator=(const ColumnChunk&) = delete;

    // Reads one cell as `spec` says and appends it; a cell that does not fit is stored as
    // missing and sets `mismatch`.
    void append(const ColumnSpec& spec, std::string_view cell);
    // Appends a missing cell.
    void appendMissing(ColumnType type);
    // Appends a value already read: an Integer, a Float, or a Date's days (DateTime: ms).
    void appendInteger(std::int64_t x) {
        ints.push_back(x), mask.push_back(0), ++rows, m_undo = 0;
    }
    void appendFloat(double x) { floats.push_back(x), ++rows, m_undo = 0; }
    void appendTime(std::int64_t x) { ints.push_back(x), ++rows, m_undo = 0; }
    // Empties the chunk for the next rows, keeping the memory of its vectors (a parser that
    // reuses chunks does not fault in fresh pages for each).
    void clear();
    // Takes back the last cell appended (as `type`), with all it changed: a parser that meets a
    // record with the wrong field count after storing its first cells drops them again.
    void dropLast(ColumnType type);

private:
    // What the last append changed besides adding a row, for dropLast.
    enum Undo : std::uint8_t { kMissing = 1, kNewCategory = 2, kFound = 4, kFirstMismatch = 8 };
    std::uint8_t m_undo = 0;
};

// How many values an undecided column keeps per chunk (and in all) to be typed again.
constexpr std::size_t kFoundValues = 200;

// The value stored for a missing Date/DateTime (numpy's NaT).
constexpr std::int64_t kNaT = INT64_MIN;

}  // namespace kiln
