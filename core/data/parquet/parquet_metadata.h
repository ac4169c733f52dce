#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiln::parquet {

// The parts of Parquet's footer (parquet.thrift) the reader needs; fields of newer writers are
// skipped. Enum values are the format's own numbers.
enum class PhysicalType : std::int32_t {
    Boolean = 0,
    Int32 = 1,
    Int64 = 2,
    Int96 = 3,
    Float = 4,
    Double = 5,
    ByteArray = 6,
    FixedLenByteArray = 7
};
enum class Repetition : std::int32_t { Required = 0, Optional = 1, Repeated = 2 };
enum class TimeUnit { Millis, Micros, Nanos };
enum Codec : std::int32_t {
    kUncompressed = 0,
    kSnappy = 1,
    kGzip = 2,
    kLzo = 3,
    kBrotli = 4,
    kLz4Hadoop = 5,
    kZstd = 6,
    kLz4Raw = 7
};
enum Encoding : std::int32_t {
    kPlain = 0,
    kPlainDictionary = 2,
    kRle = 3,
    kBitPacked = 4,
    kDeltaBinaryPacked = 5,
    kDeltaLengthByteArray = 6,
    kDeltaByteArray = 7,
    kRleDictionary = 8,
    kByteStreamSplit = 9
};
enum PageType : std::int32_t {
    kDataPage = 0,
    kIndexPage = 1,
    kDictionaryPage = 2,
    kDataPageV2 = 3
};

// The LogicalType union, with ConvertedType folded in (older writers set only that).
struct LogicalType {
    enum Kind {
        None,
        String,
        Map,
        List,
        Enum,
        Decimal,
        Date,
        Time,
        Timestamp,
        Integer,
        Json,
        Bson,
        Uuid,
        Float16,
        Interval,
        Other
    };
    Kind kind = None;
    TimeUnit unit = TimeUnit::Millis;  // Time, Timestamp
    bool adjustedToUtc = false;        // Time, Timestamp
    int bitWidth = 0;                  // Integer: 8, 16, 32, 64
    bool isSigned = true;              // Integer
    int scale = 0, precision = 0;      // Decimal
};

struct SchemaElement {
    std::optional<PhysicalType> type;  // set on leaves only
    std::int32_t typeLength = 0;       // FIXED_LEN_BYTE_ARRAY
    Repetition repetition = Repetition::Required;
    std::string name;
    std::int32_t numChildren = 0;
    LogicalType logical;
};

struct ColumnMeta {
    PhysicalType type = PhysicalType::Int32;
    std::vector<std::string> path;
    std::int32_t codec = kUncompressed;
    std::int64_t numValues = 0;
    std::int64_t totalCompressedSize = 0;
    std::int64_t dataPageOffset = 0;
    std::optional<std::int64_t> dictionaryPageOffset;
};

struct RowGroup {
    std::vector<ColumnMeta> columns;  // one per leaf, in schema order
    std::int64_t numRows = 0;
};

struct FileMetaData {
    std::vector<SchemaElement> schema;  // depth first, the root first
    std::int64_t numRows = 0;
    std::vector<RowGroup> rowGroups;
    std::string createdBy;
};

struct DataPageHeader {
    std::int32_t numValues = 0;
    std::int32_t encoding = kPlain;
    std::int32_t definitionLevelEncoding = kRle;
};
struct DictionaryPageHeader {
    std::int32_t numValues = 0;
    std::int32_t encoding = kPlain;
};
struct DataPageHeaderV2 {
    std::int32_t numValues = 0;
    std::int32_t numNulls = 0;
    std::int32_t numRows = 0;
    std::int32_t encoding = kPlain;
    std::int32_t definitionLevelsByteLength = 0;
    std::int32_t repetitionLevelsByteLength = 0;
    bool isCompressed = true;
};

struct PageHeader {
    std::int32_t type = kDataPage;
    std::int32_t uncompressedSize = 0;
    std::int32_t compressedSize = 0;
    std::optional<DataPageHeader> data;
    std::optional<DictionaryPageHeader> dictionary;
    std::optional<DataPageHeaderV2> dataV2;
};

// The footer's FileMetaData from its Thrift bytes. FormatError when they do not parse.
FileMetaData parseFileMetaData(const std::uint8_t* data, std::size_t size);
// A page header at the start of `data`; `headerSize` gets its length in bytes. FormatError.
PageHeader parsePageHeader(const std::uint8_t* data, std::size_t size, std::size_t& headerSize);

}  // namespace kiln::parquet
