#include "core/data/parquet/parquet_metadata.h"

#include "core/data/parquet/thrift_compact.h"

namespace kiln::parquet {

namespace {

using Field = CompactReader::Field;

// Reads one struct: `onField` reads the fields it knows and returns false for the others,
// which are skipped.
template <class OnField>
void readStruct(CompactReader& in, OnField onField) {
    in.beginStruct();
    for (Field f = in.nextField(); f.type != CompactReader::kStop; f = in.nextField())
        if (!onField(f)) in.skip(f.type);
    in.endStruct();
}

template <class OnElement>
void readList(CompactReader& in, OnElement onElement) {
    std::uint8_t type = 0;
    const std::size_t count = in.readListHeader(type);
    for (std::size_t i = 0; i < count; ++i) onElement(type);
}

void expect(const Field& f, std::uint8_t type) {
    if (f.type != type)
        throw FormatError("Thrift field " + std::to_string(f.id) + " has type " +
                          std::to_string(f.type) + ", expected " + std::to_string(type));
}

std::int32_t i32(CompactReader& in, const Field& f) {
    return expect(f, CompactReader::kI32), in.readI32();
}
std::int64_t i64(CompactReader& in, const Field& f) {
    return expect(f, CompactReader::kI64), in.readI64();
}

TimeUnit readTimeUnit(CompactReader& in) {
    TimeUnit unit = TimeUnit::Millis;
    readStruct(in, [&](const Field& f) {
        if (f.type != CompactReader::kStruct) return false;
        if (f.id == 1)
            unit = TimeUnit::Millis;
        else if (f.id == 2)
            unit = TimeUnit::Micros;
        else if (f.id == 3)
            unit = TimeUnit::Nanos;
        else
            return false;
        in.skip(f.type);
        return true;
    });
    return unit;
}

// TimeType and TimestampType: isAdjustedToUTC, unit.
void readTimeType(CompactReader& in, LogicalType& t) {
    readStruct(in, [&](const Field& f) {
        if (f.id == 1 && (f.type == CompactReader::kTrue || f.type == CompactReader::kFalse))
            return t.adjustedToUtc = in.readBool(f), true;
        if (f.id == 2 && f.type == CompactReader::kStruct) return t.unit = readTimeUnit(in), true;
        return false;
    });
}

LogicalType readLogicalType(CompactReader& in) {
    LogicalType t;
    static const LogicalType::Kind kKinds[] = {
        LogicalType::Other,     LogicalType::String,  LogicalType::Map,     LogicalType::List,
        LogicalType::Enum,      LogicalType::Decimal, LogicalType::Date,    LogicalType::Time,
        LogicalType::Timestamp, LogicalType::Other,   LogicalType::Integer, LogicalType::Other,
        LogicalType::Json,      LogicalType::Bson,    LogicalType::Uuid,    LogicalType::Float16};
    readStruct(in, [&](const Field& f) {
        if (f.type != CompactReader::kStruct) return false;
        t.kind = f.id > 0 && f.id < 16 ? kKinds[f.id] : LogicalType::Other;
        if (t.kind == LogicalType::Decimal) {
            readStruct(in, [&](const Field& d) {
                if (d.id == 1) return t.scale = i32(in, d), true;
                if (d.id == 2) return t.precision = i32(in, d), true;
                return false;
            });
        } else if (t.kind == LogicalType::Time || t.kind == LogicalType::Timestamp) {
            readTimeType(in, t);
        } else if (t.kind == LogicalType::Integer) {
            readStruct(in, [&](const Field& d) {
                if (d.id == 1 && d.type == CompactReader::kByte)
                    return t.bitWidth = in.readI8(), true;
                if (d.id == 2 &&
                    (d.type == CompactReader::kTrue || d.type == CompactReader::kFalse))
                    return t.isSigned = in.readBool(d), true;
                return false;
            });
        } else {
            in.skip(f.type);
        }
        return true;
    });
    return t;
}

// ConvertedType (the older annotation) as a logical type, for writers that set only that.
LogicalType fromConvertedType(std::int32_t converted, int scale, int precision) {
    LogicalType t;
    switch (converted) {
        case 0:
            t.kind = LogicalType::String;
            break;
        case 1:
        case 2:
            t.kind = LogicalType::Map;
            break;
        case 3:
            t.kind = LogicalType::List;
            break;
        case 4:
            t.kind = LogicalType::Enum;
            break;
        case 5:
            t.kind = LogicalType::Decimal, t.scale = scale, t.precision = precision;
            break;
        case 6:
            t.kind = LogicalType::Date;
            break;
        case 7:
            t.kind = LogicalType::Time, t.unit = TimeUnit::Millis;
            break;
        case 8:
            t.kind = LogicalType::Time, t.unit = TimeUnit::Micros;
            break;
        case 9:
            t.kind = LogicalType::Timestamp, t.unit = TimeUnit::Millis;
            break;
        case 10:
            t.kind = LogicalType::Timestamp, t.unit = TimeUnit::Micros;
            break;
        case 11:
        case 12:
        case 13:
        case 14:
            t.kind = LogicalType::Integer, t.isSigned = false, t.bitWidth = 8 << (converted - 11);
            break;
        case 15:
        case 16:
        case 17:
        case 18:
            t.kind = LogicalType::Integer, t.isSigned = true, t.bitWidth = 8 << (converted - 15);
            break;
        case 19:
            t.kind = LogicalType::Json;
            break;
        case 20:
            t.kind = LogicalType::Bson;
            break;
        case 21:
            t.kind = LogicalType::Interval;
            break;
        default:
            t.kind = LogicalType::Other;
            break;
    }
    return t;
}

SchemaElement readSchemaElement(CompactReader& in) {
    SchemaElement e;
    std::optional<std::int32_t> converted;
    int scale = 0, precision = 0;
    std::optional<LogicalType> logical;
    readStruct(in, [&](const Field& f) {
        switch (f.id) {
            case 1: {
                const std::int32_t type = i32(in, f);
                if (type < 0 || type > 7)
                    throw FormatError("unknown physical type " + std::to_string(type));
                e.type = PhysicalType(type);
                return true;
            }
            case 2:
                return e.typeLength = i32(in, f), true;
            case 3: {
                const std::int32_t r = i32(in, f);
                if (r < 0 || r > 2) throw FormatError("unknown repetition " + std::to_string(r));
                e.repetition = Repetition(r);
                return true;
            }
            case 4:
                return expect(f, CompactReader::kBinary), e.name = in.readString(), true;
            case 5:
                return e.numChildren = i32(in, f), true;
            case 6:
                return converted = i32(in, f), true;
            case 7:
                return scale = i32(in, f), true;
            case 8:
                return precision = i32(in, f), true;
            case 10:
                return expect(f, CompactReader::kStruct), logical = readLogicalType(in), true;
            default:
                return false;
        }
    });
    if (logical && logical->kind != LogicalType::Other)
        e.logical = *logical;
    else if (converted)
        e.logical = fromConvertedType(*converted, scale, precision);
    if (e.logical.kind == LogicalType::Integer && e.logical.bitWidth == 0 && converted)
        e.logical.bitWidth = fromConvertedType(*converted, 0, 0).bitWidth;
    if (e.logical.kind == LogicalType::Decimal && e.logical.precision == 0)
        e.logical.scale = scale, e.logical.precision = precision;
    return e;
}

ColumnMeta readColumnMeta(CompactReader& in) {
    ColumnMeta m;
    readStruct(in, [&](const Field& f) {
        switch (f.id) {
            case 1: {
                const std::int32_t type = i32(in, f);
                if (type < 0 || type > 7)
                    throw FormatError("unknown physical type " + std::to_string(type));
                m.type = PhysicalType(type);
                return true;
            }
            case 3:
                expect(f, CompactReader::kList);
                readList(in, [&](std::uint8_t t) {
                    if (t != CompactReader::kBinary)
                        throw FormatError("column path is not a list of strings");
                    m.path.push_back(in.readString());
                });
                return true;
            case 4:
                return m.codec = i32(in, f), true;
            case 5:
                return m.numValues = i64(in, f), true;
            case 7:
                return m.totalCompressedSize = i64(in, f), true;
            case 9:
                return m.dataPageOffset = i64(in, f), true;
            case 11:
                return m.dictionaryPageOffset = i64(in, f), true;
            default:
                return false;
        }
    });
    return m;
}

RowGroup readRowGroup(CompactReader& in) {
    RowGroup g;
    readStruct(in, [&](const Field& f) {
        if (f.id == 1) {
            expect(f, CompactReader::kList);
            readList(in, [&](std::uint8_t t) {
                if (t != CompactReader::kStruct)
                    throw FormatError("row group columns are not structs");
                ColumnMeta meta;
                bool hasMeta = false;
                readStruct(in, [&](const Field& c) {
                    if (c.id == 1)
                        throw FormatError(
                            "column data in another file (file_path) is not supported");
                    if (c.id != 3) return false;
                    expect(c, CompactReader::kStruct);
                    meta = readColumnMeta(in), hasMeta = true;
                    return true;
                });
                if (!hasMeta) throw FormatError("a column chunk without metadata");
                g.columns.push_back(std::move(meta));
            });
            return true;
        }
        if (f.id == 3) return g.numRows = i64(in, f), true;
        return false;
    });
    return g;
}

}  // namespace

FileMetaData parseFileMetaData(const std::uint8_t* data, std::size_t size) {
    CompactReader in(data, size);
    FileMetaData meta;
    readStruct(in, [&](const Field& f) {
        switch (f.id) {
            case 2:
                expect(f, CompactReader::kList);
                readList(in, [&](std::uint8_t t) {
                    if (t != CompactReader::kStruct)
                        throw FormatError("schema is not a list of structs");
                    meta.schema.push_back(readSchemaElement(in));
                });
                return true;
            case 3:
                return meta.numRows = i64(in, f), true;
            case 4:
                expect(f, CompactReader::kList);
                readList(in, [&](std::uint8_t t) {
                    if (t != CompactReader::kStruct)
                        throw FormatError("row groups are not structs");
                    meta.rowGroups.push_back(readRowGroup(in));
                });
                return true;
            case 6:
                return expect(f, CompactReader::kBinary), meta.createdBy = in.readString(), true;
            default:
                return false;
        }
    });
    return meta;
}

PageHeader parsePageHeader(const std::uint8_t* data, std::size_t size, std::size_t& headerSize) {
    CompactReader in(data, size);
    PageHeader h;
    readStruct(in, [&](const Field& f) {
        switch (f.id) {
            case 1:
                return h.type = i32(in, f), true;
            case 2:
                return h.uncompressedSize = i32(in, f), true;
            case 3:
                return h.compressedSize = i32(in, f), true;
            case 5: {
                expect(f, CompactReader::kStruct);
                DataPageHeader d;
                readStruct(in, [&](const Field& g) {
                    if (g.id == 1) return d.numValues = i32(in, g), true;
                    if (g.id == 2) return d.encoding = i32(in, g), true;
                    if (g.id == 3) return d.definitionLevelEncoding = i32(in, g), true;
                    return false;
                });
                h.data = d;
                return true;
            }
            case 7: {
                expect(f, CompactReader::kStruct);
                DictionaryPageHeader d;
                readStruct(in, [&](const Field& g) {
                    if (g.id == 1) return d.numValues = i32(in, g), true;
                    if (g.id == 2) return d.encoding = i32(in, g), true;
                    return false;
                });
                h.dictionary = d;
                return true;
            }
            case 8: {
                expect(f, CompactReader::kStruct);
                DataPageHeaderV2 d;
                readStruct(in, [&](const Field& g) {
                    switch (g.id) {
                        case 1:
                            return d.numValues = i32(in, g), true;
                        case 2:
                            return d.numNulls = i32(in, g), true;
                        case 3:
                            return d.numRows = i32(in, g), true;
                        case 4:
                            return d.encoding = i32(in, g), true;
                        case 5:
                            return d.definitionLevelsByteLength = i32(in, g), true;
                        case 6:
                            return d.repetitionLevelsByteLength = i32(in, g), true;
                        case 7:
                            return d.isCompressed = in.readBool(g), true;
                        default:
                            return false;
                    }
                });
                h.dataV2 = d;
                return true;
            }
            default:
                return false;
        }
    });
    headerSize = in.position();
    return h;
}

}  // namespace kiln::parquet
