#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/parquet/parquet_metadata.h"

namespace kiln::parquet {

// Decoded values of one column, non-null ones only, by physical type: BOOLEAN, INT32, INT64
// in `ints` (INT96 too, as milliseconds since 1970), FLOAT and DOUBLE in `floats`, BYTE_ARRAY
// and FIXED_LEN_BYTE_ARRAY as views into `buffers` (kept with the values).
struct Values {
    PhysicalType type = PhysicalType::Int32;
    std::size_t typeLength = 0;  // FIXED_LEN_BYTE_ARRAY
    std::vector<std::int64_t> ints;
    std::vector<double> floats;
    std::vector<std::string_view> strings;
    std::deque<std::string> buffers;     // the bytes `strings` views (a deque: they never move)
    bool int96DroppedPrecision = false;  // an INT96 had sub-millisecond digits

    std::size_t size() const;
    // Appends value `index` of `dictionary` (same type). FormatError past its end.
    void appendFrom(const Values& dictionary, std::uint32_t index);
};

// The RLE / bit-packed hybrid (levels, dictionary indices, RLE booleans), without its length
// prefix. FormatError when the runs end before `count` values or a width is impossible.
void decodeHybrid(const std::uint8_t* data, std::size_t size, int bitWidth, std::uint32_t* out,
                  std::size_t count);

// Appends `count` values of `out.type` encoded with `encoding` (PLAIN, RLE for booleans,
// DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY, BYTE_STREAM_SPLIT) from a
// page's value section. `page` must outlive `out` (string values view it). FormatError for
// data that ends early or breaks the encoding; Unsupported encodings are named.
void decodeValues(std::int32_t encoding, const std::string& page, std::size_t offset,
                  std::size_t count, Values& out);

// The bits needed for values up to `max` (levels: maxDefinitionLevel).
int bitWidthOf(std::uint32_t max);

std::string encodingName(std::int32_t encoding);

}  // namespace kiln::parquet
