#include "core/data/parquet/parquet_codecs.h"

#include <lz4.h>
#include <snappy-c.h>
#include <zlib.h>
#include <zstd.h>

#include <cstring>

#include "core/data/parquet/parquet_metadata.h"
#include "core/data/parquet/thrift_compact.h"

namespace kiln::parquet {

namespace {

void sizeMismatch(std::size_t got, std::size_t expected) {
    throw FormatError("decompressed size mismatch: " + std::to_string(got) +
                      " bytes, the page header says " + std::to_string(expected));
}

void unsnappy(const std::uint8_t* data, std::size_t size, std::string& out) {
    std::size_t length = 0;
    if (snappy_uncompressed_length(reinterpret_cast<const char*>(data), size, &length) != SNAPPY_OK)
        throw FormatError("snappy data unreadable");
    if (length != out.size()) sizeMismatch(length, out.size());
    if (snappy_uncompress(reinterpret_cast<const char*>(data), size, out.data(), &length) !=
        SNAPPY_OK)
        throw FormatError("snappy data unreadable");
}

// Gzip (or zlib) members back to back, as some writers concatenate them.
void gunzip(const std::uint8_t* data, std::size_t size, std::string& out) {
    z_stream z{};
    if (inflateInit2(&z, 15 + 32) != Z_OK) throw FormatError("gzip: inflate could not start");
    z.next_in = const_cast<Bytef*>(data);
    z.avail_in = uInt(size);
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = uInt(out.size());
    int rc = Z_OK;
    for (;;) {
        rc = inflate(&z, Z_FINISH);
        if (rc != Z_STREAM_END || z.avail_in == 0 || inflateReset(&z) != Z_OK) break;
    }
    const std::size_t produced = out.size() - z.avail_out;
    const bool full = z.avail_out == 0;
    inflateEnd(&z);
    if (rc == Z_STREAM_END) {
        if (produced != out.size()) sizeMismatch(produced, out.size());
        return;
    }
    if (rc == Z_BUF_ERROR && full)
        throw FormatError("decompressed size mismatch: more than the " +
                          std::to_string(out.size()) + " bytes the page header says");
    throw FormatError("gzip data unreadable");
}

void unzstd(const std::uint8_t* data, std::size_t size, std::string& out) {
    const std::size_t n = ZSTD_decompress(out.data(), out.size(), data, size);
    if (ZSTD_isError(n))
        throw FormatError(std::string("zstd data unreadable: ") + ZSTD_getErrorName(n));
    if (n != out.size()) sizeMismatch(n, out.size());
}

bool lz4Block(const std::uint8_t* data, std::size_t size, char* out, std::size_t capacity,
              std::size_t& produced) {
    if (size > std::size_t(LZ4_MAX_INPUT_SIZE) || capacity > std::size_t(LZ4_MAX_INPUT_SIZE))
        return false;
    const int n =
        LZ4_decompress_safe(reinterpret_cast<const char*>(data), out, int(size), int(capacity));
    if (n < 0) return false;
    produced = std::size_t(n);
    return true;
}

std::uint32_t bigEndian32(const std::uint8_t* p) {
    return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3];
}

// Hadoop's framing: blocks of [uncompressed length][compressed length] (big endian) then an
// LZ4 block. False when the data is not framed so.
bool unlz4Hadoop(const std::uint8_t* data, std::size_t size, std::string& out) {
    std::size_t in = 0, written = 0;
    while (in < size) {
        if (size - in < 8) return false;
        const std::uint32_t raw = bigEndian32(data + in), packed = bigEndian32(data + in + 4);
        in += 8;
        if (packed > size - in || raw > out.size() - written) return false;
        std::size_t produced = 0;
        if (!lz4Block(data + in, packed, out.data() + written, raw, produced) || produced != raw)
            return false;
        in += packed, written += raw;
    }
    return written == out.size();
}

void unlz4(std::int32_t codec, const std::uint8_t* data, std::size_t size, std::string& out) {
    if (codec == kLz4Hadoop && unlz4Hadoop(data, size, out)) return;
    std::size_t produced = 0;
    if (!lz4Block(data, size, out.data(), out.size(), produced))
        throw FormatError("lz4 data unreadable");
    if (produced != out.size()) sizeMismatch(produced, out.size());
}

}  // namespace

std::string codecName(std::int32_t codec) {
    switch (codec) {
        case kUncompressed:
            return "uncompressed";
        case kSnappy:
            return "snappy";
        case kGzip:
            return "gzip";
        case kLzo:
            return "lzo";
        case kBrotli:
            return "brotli";
        case kLz4Hadoop:
            return "lz4";
        case kZstd:
            return "zstd";
        case kLz4Raw:
            return "lz4_raw";
        default:
            return "codec " + std::to_string(codec);
    }
}

void decompress(std::int32_t codec, const std::uint8_t* data, std::size_t size,
                std::size_t expectedSize, std::string& out) {
    out.resize(expectedSize);
    switch (codec) {
        case kUncompressed:
            if (size != expectedSize) sizeMismatch(size, expectedSize);
            if (size) std::memcpy(out.data(), data, size);
            return;
        case kSnappy:
            return unsnappy(data, size, out);
        case kGzip:
            return gunzip(data, size, out);
        case kZstd:
            return unzstd(data, size, out);
        case kLz4Hadoop:
        case kLz4Raw:
            return unlz4(codec, data, size, out);
        default:
            throw FormatError("compression " + codecName(codec) + " is not supported");
    }
}

}  // namespace kiln::parquet
