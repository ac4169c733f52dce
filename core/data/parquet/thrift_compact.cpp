#include "core/data/parquet/thrift_compact.h"

namespace kiln::parquet {

namespace {
constexpr int kMaxDepth = 60;

std::int64_t zigzag(std::uint64_t n) {
    return std::int64_t(n >> 1) ^ -std::int64_t(n & 1);
}
}  // namespace

std::uint8_t CompactReader::readByte() {
    if (m_pos >= m_size) throw FormatError("Thrift structure runs past its end");
    return m_data[m_pos++];
}

std::uint64_t CompactReader::readVarint() {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        const std::uint8_t b = readByte();
        value |= std::uint64_t(b & 0x7f) << shift;
        if (!(b & 0x80)) return value;
    }
    throw FormatError("Thrift varint longer than 10 bytes");
}

void CompactReader::beginStruct() {
    if (++m_depth >= kMaxDepth) throw FormatError("Thrift structures nested too deep");
    m_lastId[m_depth] = 0;
}

void CompactReader::endStruct() {
    --m_depth;
}

CompactReader::Field CompactReader::nextField() {
    const std::uint8_t header = readByte();
    Field field;
    field.type = header & 0x0f;
    if (field.type == kStop) return field;
    const std::uint8_t delta = header >> 4;
    field.id = delta ? std::int16_t(m_lastId[m_depth] + delta) : std::int16_t(zigzag(readVarint()));
    m_lastId[m_depth] = field.id;
    if (field.type > kStruct)
        throw FormatError("unknown Thrift field type " + std::to_string(field.type));
    return field;
}

bool CompactReader::readBool(const Field& field) {
    if (field.type == kTrue) return true;
    if (field.type == kFalse) return false;
    throw FormatError("Thrift field " + std::to_string(field.id) + " is not a boolean");
}

std::int32_t CompactReader::readI32() {
    return std::int32_t(zigzag(readVarint()));
}
std::int64_t CompactReader::readI64() {
    return zigzag(readVarint());
}

std::string CompactReader::readString() {
    const std::uint64_t length = readVarint();
    if (length > m_size - m_pos) throw FormatError("Thrift string runs past its end");
    std::string s(reinterpret_cast<const char*>(m_data + m_pos), std::size_t(length));
    m_pos += std::size_t(length);
    return s;
}

std::size_t CompactReader::readListHeader(std::uint8_t& elementType) {
    const std::uint8_t header = readByte();
    elementType = header & 0x0f;
    std::uint64_t count = header >> 4;
    if (count == 15) count = readVarint();
    // Every element takes at least one byte (booleans in lists do), so a longer count is a lie.
    if (count > m_size - m_pos) throw FormatError("Thrift list longer than its structure");
    return std::size_t(count);
}

bool CompactReader::readListBool() {
    return readByte() == kTrue;
}

void CompactReader::skip(std::uint8_t type) {
    skipDepth(type, 0);
}

void CompactReader::skipDepth(std::uint8_t type, int depth) {
    if (depth > kMaxDepth) throw FormatError("Thrift structures nested too deep");
    switch (type) {
        case kTrue:
        case kFalse:
            return;
        case kByte:
            readByte();
            return;
        case kI16:
        case kI32:
        case kI64:
            readVarint();
            return;
        case kDouble:
            if (m_size - m_pos < 8) throw FormatError("Thrift structure runs past its end");
            m_pos += 8;
            return;
        case kBinary: {
            const std::uint64_t length = readVarint();
            if (length > m_size - m_pos) throw FormatError("Thrift string runs past its end");
            m_pos += std::size_t(length);
            return;
        }
        case kList:
        case kSet: {
            std::uint8_t element = 0;
            const std::size_t count = readListHeader(element);
            for (std::size_t i = 0; i < count; ++i)
                if (element == kTrue || element == kFalse)
                    readByte();
                else
                    skipDepth(element, depth + 1);
            return;
        }
        case kMap: {
            const std::uint64_t count = readVarint();
            if (count == 0) return;
            if (count > m_size - m_pos) throw FormatError("Thrift map longer than its structure");
            const std::uint8_t types = readByte();
            // Booleans inside a map take a byte each, as in a list.
            auto element = [&](std::uint8_t t) {
                if (t == kTrue || t == kFalse)
                    readByte();
                else
                    skipDepth(t, depth + 1);
            };
            for (std::uint64_t i = 0; i < count; ++i) element(types >> 4), element(types & 0x0f);
            return;
        }
        case kStruct: {
            beginStruct();
            for (Field f = nextField(); f.type != kStop; f = nextField())
                skipDepth(f.type, depth + 1);
            endStruct();
            return;
        }
        default:
            throw FormatError("unknown Thrift type " + std::to_string(type));
    }
}

}  // namespace kiln::parquet
