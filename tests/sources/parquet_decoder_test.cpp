// The Parquet decoders alone, on bytes from the format's own examples (Encodings.md) and on
// hand-made edge cases: the RLE/bit-packed hybrid, DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY,
// DELTA_BYTE_ARRAY, BYTE_STREAM_SPLIT, the Thrift compact reader skipping unknown fields,
// Hadoop-framed LZ4.

#include <catch2/catch.hpp>

#include <lz4.h>

#include <string>
#include <vector>

#include "core/data/parquet/parquet_codecs.h"
#include "core/data/parquet/parquet_encodings.h"
#include "core/data/parquet/parquet_metadata.h"
#include "core/data/parquet/thrift_compact.h"
#include "parquet_test_writer.h"

using namespace kiln::parquet;

namespace {

std::string bytes(std::initializer_list<int> values) {
    std::string s;
    for (int v : values) s += char(v);
    return s;
}

Values decode(int encoding, PhysicalType type, const std::string& page, std::size_t count) {
    Values out;
    out.type = type;
    decodeValues(encoding, page, 0, count, out);
    return out;
}

}  // namespace

TEST_CASE("the hybrid decoder reads the spec's bit-packed example and RLE runs",
          "[parquet][decoder]") {
    // Encodings.md: 0..7 bit-packed with width 3 are 10001000 11000110 11111010.
    const std::string packed = bytes({0x03, 0x88, 0xC6, 0xFA});
    std::vector<std::uint32_t> out(8);
    decodeHybrid(reinterpret_cast<const std::uint8_t*>(packed.data()), packed.size(), 3, out.data(),
                 8);
    CHECK(out == std::vector<std::uint32_t>{0, 1, 2, 3, 4, 5, 6, 7});
    // A run of 5 sevens (header 5<<1), then bit-packed 1, 0 (width 3).
    const std::string mixed = bytes({0x0A, 0x07, 0x03, 0x01, 0x00, 0x00});
    out.assign(7, 99);
    decodeHybrid(reinterpret_cast<const std::uint8_t*>(mixed.data()), mixed.size(), 3, out.data(),
                 7);
    CHECK(out == std::vector<std::uint32_t>{7, 7, 7, 7, 7, 1, 0});
    // Too few values in the data is an error, never a read past it.
    CHECK_THROWS_AS(
        decodeHybrid(reinterpret_cast<const std::uint8_t*>(mixed.data()), 2, 3, out.data(), 7),
        FormatError);
}

TEST_CASE("DELTA_BINARY_PACKED reads the spec's examples", "[parquet][decoder]") {
    // 1, 2, 3, 4, 5: one block, every delta 1 = min delta, bit widths 0.
    const std::string ones = bytes({0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0, 0, 0, 0});
    CHECK(decode(kDeltaBinaryPacked, PhysicalType::Int64, ones, 5).ints ==
          std::vector<std::int64_t>{1, 2, 3, 4, 5});
    // 7, 5, 3, 1, 2, 3, 4, 5: min delta -2, relative 0 0 0 3 3 3 3 in 2 bits.
    const std::string mixed =
        bytes({0x80, 0x01, 0x04, 0x08, 0x0E, 0x03, 2, 0, 0, 0, 0xC0, 0xFF, 0, 0, 0, 0, 0, 0});
    CHECK(decode(kDeltaBinaryPacked, PhysicalType::Int32, mixed, 8).ints ==
          std::vector<std::int64_t>{7, 5, 3, 1, 2, 3, 4, 5});
    // A miniblock cut short is an error.
    CHECK_THROWS_AS(decode(kDeltaBinaryPacked, PhysicalType::Int32, mixed.substr(0, 12), 8),
                    FormatError);
}

TEST_CASE("DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY read the spec's examples",
          "[parquet][decoder]") {
    // "Hello", "World", "Foobar", "ABCDEF": lengths 5 5 6 6 (deltas 0 1 0, min 0, width 1).
    const std::string lengths =
        bytes({0x80, 0x01, 0x04, 0x04, 0x0A, 0x00, 1, 0, 0, 0, 0x02, 0, 0, 0});
    const std::string page = lengths + "HelloWorldFoobarABCDEF";  // the values view it
    const auto dlba = decode(kDeltaLengthByteArray, PhysicalType::ByteArray, page, 4);
    CHECK(dlba.strings == std::vector<std::string_view>{"Hello", "World", "Foobar", "ABCDEF"});
    // axis, axle, babble, babyhood: prefixes 0 2 0 3, suffixes axis, le, babble, yhood.
    // Prefix deltas 2 -2 3, min -2, relative 4 0 5 in 3 bits: 100 000 101 -> 0x44 0x01.
    const std::string prefixes = bytes(
        {0x80, 0x01, 0x04, 0x04, 0x00, 0x03, 3, 0, 0, 0, 0x44, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    // Suffix lengths 4 2 6 5: deltas -2 4 -1, min -2, relative 0 6 1 in 3 bits: 000 110 001.
    const std::string suffixes = bytes(
        {0x80, 0x01, 0x04, 0x04, 0x08, 0x03, 3, 0, 0, 0, 0x70, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    const auto dba = decode(kDeltaByteArray, PhysicalType::ByteArray,
                            prefixes + suffixes + "axislebabbleyhood", 4);
    CHECK(dba.strings == std::vector<std::string_view>{"axis", "axle", "babble", "babyhood"});
}

TEST_CASE("BYTE_STREAM_SPLIT gathers the bytes of each value", "[parquet][decoder]") {
    const float a = 1.5f, b = -2.25f;
    const std::string ab = kiln::test::le(a), bb = kiln::test::le(b);
    std::string split;
    for (int k = 0; k < 4; ++k) split += ab[k], split += bb[k];
    CHECK(decode(kByteStreamSplit, PhysicalType::Float, split, 2).floats ==
          std::vector<double>{1.5, -2.25});
    CHECK_THROWS_AS(decode(kByteStreamSplit, PhysicalType::Float, split.substr(0, 7), 2),
                    FormatError);
}

TEST_CASE("PLAIN INT96 timestamps read as milliseconds", "[parquet][decoder]") {
    // 2000-01-01T00:00:00.001500 is Julian day 2451545, 1,500,000 ns into the day.
    const std::string value =
        kiln::test::le(std::int64_t(1500000)) + kiln::test::le(std::int32_t(2451545));
    const auto out = decode(kPlain, PhysicalType::Int96, value, 1);
    CHECK(out.ints == std::vector<std::int64_t>{946684800001});
    CHECK(out.int96DroppedPrecision);
}

TEST_CASE("the Thrift reader skips fields it does not know", "[parquet][thrift]") {
    kiln::test::ThriftWriter w;
    w.i32(1, 0);         // type: DATA_PAGE
    w.string(2, "ten");  // uncompressed_page_size, of the wrong type
    w.endStruct();
    std::size_t size = 0;
    // A known field of the wrong type is an error, not a misread.
    CHECK_THROWS_AS(parsePageHeader(reinterpret_cast<const std::uint8_t*>(w.bytes().data()),
                                    w.bytes().size(), size),
                    FormatError);

    kiln::test::ThriftWriter newer;
    newer.i32(1, 2), newer.i32(2, 4), newer.i32(3, 4);
    newer.beginStruct(7), newer.i32(1, 1), newer.i32(2, 0), newer.endStruct();
    newer.beginStruct(20);  // a struct of a newer format version, nested
    newer.listHeader(1, 8, 2), newer.varint(1), newer.raw("a"), newer.varint(1), newer.raw("b");
    newer.beginStruct(2), newer.i64(1, 5), newer.boolean(2, true), newer.endStruct();
    newer.endStruct();
    newer.endStruct();
    const auto header = parsePageHeader(reinterpret_cast<const std::uint8_t*>(newer.bytes().data()),
                                        newer.bytes().size(), size);
    CHECK(size == newer.bytes().size());
    REQUIRE(header.dictionary);
    CHECK(header.dictionary->numValues == 1);
    // Cut anywhere, it is an error.
    for (std::size_t cut = 0; cut < newer.bytes().size(); ++cut)
        CHECK_THROWS_AS(
            parsePageHeader(reinterpret_cast<const std::uint8_t*>(newer.bytes().data()), cut, size),
            FormatError);
}

TEST_CASE("LZ4 pages in Hadoop's framing and as bare blocks", "[parquet][codec]") {
    const std::string text = "hello hello hello hello hello parquet";
    std::string block(LZ4_compressBound(int(text.size())), '\0');
    block.resize(std::size_t(
        LZ4_compress_default(text.data(), block.data(), int(text.size()), int(block.size()))));
    auto be = [](std::uint32_t v) {
        return std::string{char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
    };
    const std::string framed =
        be(std::uint32_t(text.size())) + be(std::uint32_t(block.size())) + block;
    std::string out;
    decompress(kLz4Hadoop, reinterpret_cast<const std::uint8_t*>(framed.data()), framed.size(),
               text.size(), out);
    CHECK(out == text);
    decompress(kLz4Hadoop, reinterpret_cast<const std::uint8_t*>(block.data()), block.size(),
               text.size(), out);
    CHECK(out == text);
    CHECK_THROWS_WITH(decompress(kLz4Raw, reinterpret_cast<const std::uint8_t*>(block.data()),
                                 block.size(), text.size() + 3, out),
                      Catch::Contains("size mismatch") || Catch::Contains("lz4"));
}
