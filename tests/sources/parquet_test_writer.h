#pragma once

// A small Parquet writer for tests: the Thrift compact protocol and a file of one row group
// from pages given as bytes, for what DuckDB does not write (INT96, FLOAT16, Hadoop-framed LZ4,
// DELTA_BYTE_ARRAY in a v1 page, broken dictionaries …).

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace kiln::test {

// Thrift compact protocol, written.
class ThriftWriter {
public:
    void field(int id, int type);  // a field header (ids rising within a struct)
    void i32(int id, std::int32_t v);
    void i64(int id, std::int64_t v);
    void string(int id, const std::string& v);
    void boolean(int id, bool v);
    void beginStruct(int id);  // a struct field; end with endStruct()
    void endStruct();          // writes the stop byte
    void listHeader(int id, int elementType, std::size_t count);
    void varint(std::uint64_t v);
    void zigzag(std::int64_t v) { varint(std::uint64_t((v << 1) ^ (v >> 63))); }
    void raw(const std::string& bytes) { m_out += bytes; }
    void beginListStruct();  // a struct element of a list
    const std::string& bytes() const { return m_out; }

private:
    std::string m_out;
    std::vector<int> m_last{0};
};

struct TestPage {
    int type = 0;                        // 0 data v1, 2 dictionary, 3 data v2
    std::string body;                    // as stored (compressed when the codec compresses)
    std::int32_t uncompressedSize = -1;  // -1: body's size
    std::int32_t numValues = 0;
    int encoding = 0;
    // Data page v2:
    std::int32_t numNulls = 0, defLength = 0;
    bool compressed = true;
};

struct TestColumn {
    std::string name;
    int physical = 1;    // parquet.thrift Type
    int repetition = 1;  // 0 required, 1 optional
    int typeLength = 0;  // FIXED_LEN_BYTE_ARRAY
    int converted = -1;  // ConvertedType, -1 none
    int scale = 0, precision = 0;
    // Writes the LogicalType struct's fields (the union member), or nothing.
    std::function<void(ThriftWriter&)> logical;
    int codec = 0;
    std::vector<TestPage> pages;
};

// A whole file: "PAR1", the pages, the footer, the footer's length, "PAR1".
std::string buildParquet(const std::vector<TestColumn>& columns, std::int64_t rows);

// Little-endian bytes of a value.
template <class T>
std::string le(T v) {
    return std::string(reinterpret_cast<const char*>(&v), sizeof v);
}

}  // namespace kiln::test
