#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace kiln::parquet {

// Parquet's codec number as a name ("snappy"), for messages and the manifest.
std::string codecName(std::int32_t codec);

// Decompresses one page into `out` (resized to `expectedSize`) with the codec numbered as in
// parquet.thrift: UNCOMPRESSED, SNAPPY, GZIP, ZSTD, LZ4_RAW and LZ4 (Hadoop's framing, or a
// bare block as some writers made it). FormatError for data that does not decompress or
// whose size differs from `expectedSize`; Unsupported codecs (LZO, BROTLI) too, named.
void decompress(std::int32_t codec, const std::uint8_t* data, std::size_t size,
                std::size_t expectedSize, std::string& out);

}  // namespace kiln::parquet
