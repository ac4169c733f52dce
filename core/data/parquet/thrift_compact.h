#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace kiln::parquet {

// A file that breaks the format: what was wrong (the reader adds where).
struct FormatError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The Thrift compact protocol, read from a bounded buffer (Parquet's footer and page headers).
// Every read checks the bounds and throws FormatError past the end, for a length that cannot
// be, or for structures nested deeper than any Parquet writer makes. Not thread-safe; cheap.
class CompactReader {
public:
    enum Type : std::uint8_t {
        kStop = 0,
        kTrue = 1,
        kFalse = 2,
        kByte = 3,
        kI16 = 4,
        kI32 = 5,
        kI64 = 6,
        kDouble = 7,
        kBinary = 8,
        kList = 9,
        kSet = 10,
        kMap = 11,
        kStruct = 12
    };
    struct Field {
        std::int16_t id = 0;
        std::uint8_t type = kStop;
    };

    CompactReader(const std::uint8_t* data, std::size_t size) : m_data(data), m_size(size) {}

    // Struct framing: field ids are deltas from the last field of the struct being read.
    void beginStruct();
    void endStruct();
    // The next field of the current struct; type kStop at its end.
    Field nextField();
    // A field's value by type. Booleans are carried by the field header in structs.
    bool readBool(const Field& field);
    std::int8_t readI8() { return std::int8_t(readByte()); }
    std::int32_t readI32();
    std::int64_t readI64();
    std::string readString();
    // A list's element count and element type.
    std::size_t readListHeader(std::uint8_t& elementType);
    bool readListBool();  // a boolean element of a list (one byte)
    // Skips a value of `type`, nested ones included (unknown fields of newer writers).
    void skip(std::uint8_t type);

    std::size_t position() const { return m_pos; }

private:
    std::uint8_t readByte();
    std::uint64_t readVarint();
    void skipDepth(std::uint8_t type, int depth);

    const std::uint8_t* m_data;
    std::size_t m_size;
    std::size_t m_pos = 0;
    std::int16_t m_lastId[64] = {};
    int m_depth = 0;
};

}  // namespace kiln::parquet
