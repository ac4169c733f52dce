#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/base/result.h"
#include "core/data/column_type.h"

namespace kiln {

// The header of a one-dimensional numpy `.npy` file (format 1.0): dtype descriptor and length.
struct NpyHeader {
    std::string descr;           // numpy dtype string: "<i8", "<f8", "|u1", "<i4", "<M8[D]"
    std::uint64_t length = 0;    // elements (shape is (length,))
    std::size_t dataOffset = 0;  // bytes from the start of the file to the first element
};

// The bytes of a numpy 1.0 header for a C-order 1-D array of `length` elements of `descr`:
// magic, version 1.0, little-endian header length, the dict, space padding and '\n', padded so
// that the data starts at a multiple of 64 bytes. Pure function, thread-safe.
std::string npyHeader(std::string_view descr, std::uint64_t length);

// The dtype of a column type's values array in Kiln's table layout (core/data/table.h).
const char* npyValuesDescr(ColumnType type);

// Parses the header at the start of `bytes`. Corrupt when it is not a 1-D, C-order .npy (1.0 or
// 2.0) header. Thread-safe.
Result<NpyHeader> parseNpyHeader(std::string_view bytes);

}  // namespace kiln
