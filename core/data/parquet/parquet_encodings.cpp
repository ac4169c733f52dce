#include "core/data/parquet/parquet_encodings.h"

#include <algorithm>
#include <cstring>

#include "core/data/parquet/thrift_compact.h"

namespace kiln::parquet {

namespace {

// A bounded read position in a page.
struct Cursor {
    const std::uint8_t* data;
    std::size_t size;
    std::size_t pos = 0;

    std::size_t left() const { return size - pos; }
    void need(std::size_t n, const char* what) const {
        if (n > left()) throw FormatError(std::string(what) + " runs past the end of the page");
    }
    std::uint64_t varint(const char* what) {
        std::uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            need(1, what);
            const std::uint8_t b = data[pos++];
            value |= std::uint64_t(b & 0x7f) << shift;
            if (!(b & 0x80)) return value;
        }
        throw FormatError(std::string(what) + ": varint too long");
    }
    std::int64_t zigzag(const char* what) {
        const std::uint64_t n = varint(what);
        return std::int64_t(n >> 1) ^ -std::int64_t(n & 1);
    }
};

template <class T>
T loadLe(const std::uint8_t* p) {
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

// Value `i` of `width` bits packed LSB first from `p` (the caller checked the bytes exist).
std::uint64_t unpack(const std::uint8_t* p, std::size_t i, int width) {
    if (width == 0) return 0;
    const std::size_t bit = i * std::size_t(width);
    const std::size_t byte = bit / 8;
    const int shift = int(bit % 8);
    const int needed = width + shift;
    // Bytes one by one into a 128-bit window: widths up to 64 at any shift, no read past the
    // value's last byte.
    unsigned __int128 window = 0;
    for (int k = 0; k * 8 < needed; ++k) window |= (unsigned __int128)p[byte + k] << (8 * k);
    window >>= shift;
    return width == 64 ? std::uint64_t(window)
                       : std::uint64_t(window) & ((std::uint64_t(1) << width) - 1);
}

std::int64_t julianToMs(std::int64_t nanosOfDay, std::int32_t julianDay, bool& dropped) {
    constexpr std::int64_t kUnixEpochJulian = 2440588;
    if (nanosOfDay % 1000000) dropped = true;
    return (std::int64_t(julianDay) - kUnixEpochJulian) * 86400000 + nanosOfDay / 1000000;
}

std::size_t plainWidth(const Values& out) {
    switch (out.type) {
        case PhysicalType::Int32:
        case PhysicalType::Float:
            return 4;
        case PhysicalType::Int64:
        case PhysicalType::Double:
            return 8;
        case PhysicalType::Int96:
            return 12;
        case PhysicalType::FixedLenByteArray:
            return out.typeLength;
        default:
            return 0;
    }
}

void appendFixed(const std::uint8_t* p, Values& out) {
    switch (out.type) {
        case PhysicalType::Int32:
            out.ints.push_back(loadLe<std::int32_t>(p));
            break;
        case PhysicalType::Int64:
            out.ints.push_back(loadLe<std::int64_t>(p));
            break;
        case PhysicalType::Float:
            out.floats.push_back(loadLe<float>(p));
            break;
        case PhysicalType::Double:
            out.floats.push_back(loadLe<double>(p));
            break;
        case PhysicalType::Int96:
            out.ints.push_back(julianToMs(loadLe<std::int64_t>(p), loadLe<std::int32_t>(p + 8),
                                          out.int96DroppedPrecision));
            break;
        case PhysicalType::FixedLenByteArray:
            out.strings.emplace_back(reinterpret_cast<const char*>(p), out.typeLength);
            break;
        default:
            break;
    }
}

void decodePlain(Cursor& in, std::size_t count, Values& out) {
    if (out.type == PhysicalType::Boolean) {
        in.need((count + 7) / 8, "PLAIN booleans");
        for (std::size_t i = 0; i < count; ++i)
            out.ints.push_back(in.data[in.pos + i / 8] >> (i % 8) & 1);
        in.pos += (count + 7) / 8;
        return;
    }
    if (out.type == PhysicalType::ByteArray) {
        for (std::size_t i = 0; i < count; ++i) {
            in.need(4, "PLAIN byte array length");
            const std::uint32_t length = loadLe<std::uint32_t>(in.data + in.pos);
            in.pos += 4;
            in.need(length, "PLAIN byte array");
            out.strings.emplace_back(reinterpret_cast<const char*>(in.data + in.pos), length);
            in.pos += length;
        }
        return;
    }
    const std::size_t width = plainWidth(out);
    if (width == 0) throw FormatError("a fixed-length byte array of length 0");
    if (count > in.left() / width) throw FormatError("PLAIN values run past the end of the page");
    for (std::size_t i = 0; i < count; ++i, in.pos += width) appendFixed(in.data + in.pos, out);
}

// DELTA_BINARY_PACKED: `count` values (at most what the header holds) into `values`; the
// cursor ends after the last miniblock holding a value.
void decodeDeltaInts(Cursor& in, std::size_t count, std::vector<std::int64_t>& values) {
    const std::uint64_t blockSize = in.varint("DELTA_BINARY_PACKED header");
    const std::uint64_t miniblocks = in.varint("DELTA_BINARY_PACKED header");
    const std::uint64_t total = in.varint("DELTA_BINARY_PACKED header");
    std::uint64_t last = std::uint64_t(in.zigzag("DELTA_BINARY_PACKED header"));
    if (blockSize == 0 || miniblocks == 0 || blockSize % miniblocks ||
        (blockSize / miniblocks) % 8 || blockSize > (1u << 20) || miniblocks > 1024)
        throw FormatError("DELTA_BINARY_PACKED block of " + std::to_string(blockSize) +
                          " values in " + std::to_string(miniblocks) + " miniblocks is not valid");
    if (total < count)
        throw FormatError("DELTA_BINARY_PACKED holds " + std::to_string(total) + " values, " +
                          std::to_string(count) + " expected");
    const std::size_t perMini = std::size_t(blockSize / miniblocks);
    if (count == 0) return;
    values.push_back(std::int64_t(last));
    std::vector<std::uint8_t> widths(miniblocks);
    while (values.size() < count) {
        const std::uint64_t minDelta = std::uint64_t(in.zigzag("DELTA_BINARY_PACKED block"));
        in.need(miniblocks, "DELTA_BINARY_PACKED bit widths");
        std::memcpy(widths.data(), in.data + in.pos, miniblocks);
        in.pos += miniblocks;
        for (std::size_t m = 0; m < miniblocks && values.size() < count; ++m) {
            const int width = widths[m];
            if (width > 64)
                throw FormatError("DELTA_BINARY_PACKED bit width " + std::to_string(width));
            const std::size_t bytes = perMini * std::size_t(width) / 8;
            in.need(bytes, "DELTA_BINARY_PACKED miniblock");
            for (std::size_t i = 0; i < perMini && values.size() < count; ++i) {
                last += minDelta + unpack(in.data + in.pos, i, width);
                values.push_back(std::int64_t(last));
            }
            in.pos += bytes;
        }
    }
}

void decodeDeltaLength(Cursor& in, std::size_t count, Values& out) {
    std::vector<std::int64_t> lengths;
    decodeDeltaInts(in, count, lengths);
    for (std::int64_t length : lengths) {
        if (length < 0) throw FormatError("DELTA_LENGTH_BYTE_ARRAY negative length");
        in.need(std::size_t(length), "DELTA_LENGTH_BYTE_ARRAY data");
        out.strings.emplace_back(reinterpret_cast<const char*>(in.data + in.pos),
                                 std::size_t(length));
        in.pos += std::size_t(length);
    }
}

// DELTA_BYTE_ARRAY: prefix lengths, then the suffixes as DELTA_LENGTH_BYTE_ARRAY; each value
// is the previous one's prefix and its suffix, written to a buffer of their own.
void decodeDeltaByteArray(Cursor& in, std::size_t count, Values& out) {
    std::vector<std::int64_t> prefixes;
    decodeDeltaInts(in, count, prefixes);
    Values suffixes;
    suffixes.type = PhysicalType::ByteArray;
    decodeDeltaLength(in, count, suffixes);
    std::size_t total = 0, previous = 0;
    for (std::size_t i = 0; i < count; ++i) {
        if (prefixes[i] < 0 || std::size_t(prefixes[i]) > previous)
            throw FormatError("DELTA_BYTE_ARRAY prefix longer than the value before");
        previous = std::size_t(prefixes[i]) + suffixes.strings[i].size();
        total += previous;
        if (total > (std::size_t(1) << 32)) throw FormatError("DELTA_BYTE_ARRAY values too long");
    }
    std::string& buffer = out.buffers.emplace_back(total, '\0');
    std::size_t at = 0;
    std::string_view prev;
    for (std::size_t i = 0; i < count; ++i) {
        char* start = buffer.data() + at;
        std::memcpy(start, prev.data(), std::size_t(prefixes[i]));
        std::memcpy(start + prefixes[i], suffixes.strings[i].data(), suffixes.strings[i].size());
        at += std::size_t(prefixes[i]) + suffixes.strings[i].size();
        prev = std::string_view(start, std::size_t(prefixes[i]) + suffixes.strings[i].size());
        out.strings.push_back(prev);
    }
}

void decodeByteStreamSplit(Cursor& in, std::size_t count, Values& out) {
    const std::size_t width = plainWidth(out);
    if (width == 0 || out.type == PhysicalType::Int96)
        throw FormatError("BYTE_STREAM_SPLIT on a column of this type");
    if (count > in.left() / width)
        throw FormatError("BYTE_STREAM_SPLIT values run past the end of the page");
    std::string& gathered = out.buffers.emplace_back(count * width, '\0');
    for (std::size_t i = 0; i < count; ++i)
        for (std::size_t b = 0; b < width; ++b)
            gathered[i * width + b] = char(in.data[in.pos + b * count + i]);
    const auto* p = reinterpret_cast<const std::uint8_t*>(gathered.data());
    for (std::size_t i = 0; i < count; ++i) appendFixed(p + i * width, out);
    in.pos += count * width;
}

}  // namespace

std::size_t Values::size() const {
    switch (type) {
        case PhysicalType::Float:
        case PhysicalType::Double:
            return floats.size();
        case PhysicalType::ByteArray:
        case PhysicalType::FixedLenByteArray:
            return strings.size();
        default:
            return ints.size();
    }
}

void Values::appendFrom(const Values& dictionary, std::uint32_t index) {
    if (index >= dictionary.size())
        throw FormatError("dictionary index " + std::to_string(index) +
                          " out of range (the dictionary has " + std::to_string(dictionary.size()) +
                          " values)");
    switch (type) {
        case PhysicalType::Float:
        case PhysicalType::Double:
            floats.push_back(dictionary.floats[index]);
            break;
        case PhysicalType::ByteArray:
        case PhysicalType::FixedLenByteArray:
            strings.push_back(dictionary.strings[index]);
            break;
        default:
            ints.push_back(dictionary.ints[index]);
            break;
    }
}

int bitWidthOf(std::uint32_t max) {
    int width = 0;
    while (max) ++width, max >>= 1;
    return width;
}

void decodeHybrid(const std::uint8_t* data, std::size_t size, int bitWidth, std::uint32_t* out,
                  std::size_t count) {
    if (bitWidth < 0 || bitWidth > 32)
        throw FormatError("RLE bit width " + std::to_string(bitWidth) + " is not valid");
    Cursor in{data, size};
    const std::size_t valueBytes = std::size_t(bitWidth + 7) / 8;
    std::size_t done = 0;
    while (done < count) {
        const std::uint64_t header = in.varint("RLE run header");
        if (header & 1) {
            const std::uint64_t groups = header >> 1;
            if (groups == 0 || groups > in.left())
                throw FormatError("RLE bit-packed run runs past the end of its data");
            const std::size_t values = std::size_t(groups) * 8;
            // A last run may be cut short by the writer after the values it holds.
            const std::size_t bytes = std::min(in.left(), values * std::size_t(bitWidth) / 8);
            const std::size_t available = bitWidth ? bytes * 8 / std::size_t(bitWidth) : values;
            const std::size_t take = std::min({values, available, count - done});
            if (take == 0) throw FormatError("RLE bit-packed run runs past the end of its data");
            for (std::size_t i = 0; i < take; ++i)
                out[done + i] = std::uint32_t(unpack(in.data + in.pos, i, bitWidth));
            done += take;
            in.pos += bytes;
        } else {
            const std::uint64_t run = header >> 1;
            in.need(valueBytes, "RLE run value");
            std::uint32_t value = 0;
            for (std::size_t b = 0; b < valueBytes; ++b)
                value |= std::uint32_t(in.data[in.pos + b]) << (8 * b);
            in.pos += valueBytes;
            if (run == 0) throw FormatError("RLE run of length 0");
            const std::size_t take = std::size_t(std::min<std::uint64_t>(run, count - done));
            std::fill(out + done, out + done + take, value);
            done += take;
        }
    }
}

void decodeValues(std::int32_t encoding, const std::string& page, std::size_t offset,
                  std::size_t count, Values& out) {
    if (offset > page.size()) throw FormatError("values start past the end of the page");
    Cursor in{reinterpret_cast<const std::uint8_t*>(page.data()) + offset, page.size() - offset};
    switch (encoding) {
        case kPlain:
            return decodePlain(in, count, out);
        case kRle: {
            if (out.type != PhysicalType::Boolean)
                throw FormatError("RLE values on a column that is not BOOLEAN");
            in.need(4, "RLE length");
            const std::uint32_t length = loadLe<std::uint32_t>(in.data);
            in.need(4 + std::size_t(length), "RLE booleans");
            std::vector<std::uint32_t> bits(count);
            decodeHybrid(in.data + 4, length, 1, bits.data(), count);
            for (auto b : bits) out.ints.push_back(b);
            return;
        }
        case kDeltaBinaryPacked:
            if (out.type != PhysicalType::Int32 && out.type != PhysicalType::Int64)
                throw FormatError("DELTA_BINARY_PACKED on a column that is not INT32/INT64");
            decodeDeltaInts(in, count, out.ints);
            if (out.type == PhysicalType::Int32)
                for (std::size_t i = out.ints.size() - count; i < out.ints.size(); ++i)
                    out.ints[i] = std::int32_t(out.ints[i]);
            return;
        case kDeltaLengthByteArray:
            if (out.type != PhysicalType::ByteArray)
                throw FormatError("DELTA_LENGTH_BYTE_ARRAY on a column that is not BYTE_ARRAY");
            return decodeDeltaLength(in, count, out);
        case kDeltaByteArray:
            if (out.type != PhysicalType::ByteArray && out.type != PhysicalType::FixedLenByteArray)
                throw FormatError("DELTA_BYTE_ARRAY on a column that is not a byte array");
            return decodeDeltaByteArray(in, count, out);
        case kByteStreamSplit:
            return decodeByteStreamSplit(in, count, out);
        default:
            throw FormatError("value encoding " + encodingName(encoding) + " is not supported");
    }
}

std::string encodingName(std::int32_t encoding) {
    switch (encoding) {
        case kPlain:
            return "PLAIN";
        case kPlainDictionary:
            return "PLAIN_DICTIONARY";
        case kRle:
            return "RLE";
        case kBitPacked:
            return "BIT_PACKED";
        case kDeltaBinaryPacked:
            return "DELTA_BINARY_PACKED";
        case kDeltaLengthByteArray:
            return "DELTA_LENGTH_BYTE_ARRAY";
        case kDeltaByteArray:
            return "DELTA_BYTE_ARRAY";
        case kRleDictionary:
            return "RLE_DICTIONARY";
        case kByteStreamSplit:
            return "BYTE_STREAM_SPLIT";
        default:
            return std::to_string(encoding);
    }
}

}  // namespace kiln::parquet
