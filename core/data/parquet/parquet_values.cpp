#include "core/data/parquet/parquet_values.h"

#include <cmath>
#include <cstdio>
#include <cstring>

#include "core/data/cell_parser.h"

namespace kiln::parquet {

namespace {

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

std::string formatDouble(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.15g", v);
    return buffer;
}

double halfToDouble(std::uint16_t h) {
    const int exponent = (h >> 10) & 0x1f, mantissa = h & 0x3ff;
    const double sign = (h & 0x8000) ? -1.0 : 1.0;
    if (exponent == 0) return sign * std::ldexp(mantissa, -24);
    if (exponent == 31) return mantissa ? std::nan("") : sign * INFINITY;
    return sign * std::ldexp(mantissa + 1024, exponent - 25);
}

// A big-endian two's complement integer (a decimal's unscaled value) as a double.
double bigEndianToDouble(std::string_view bytes) {
    if (bytes.empty()) return 0;
    const bool negative = std::uint8_t(bytes[0]) & 0x80;
    long double value = 0;
    for (unsigned char b : bytes) value = value * 256 + (negative ? 255 - b : b);
    return double(negative ? -(value + 1) : value);
}

double pow10(int scale) {
    return std::pow(10.0, scale);
}

double decimalValue(const FlatColumn& column, const Values& values, std::size_t v) {
    const bool bytes = column.info.type == PhysicalType::ByteArray ||
                       column.info.type == PhysicalType::FixedLenByteArray;
    const double unscaled = bytes ? bigEndianToDouble(values.strings[v]) : double(values.ints[v]);
    return column.scale >= 0 ? unscaled / pow10(column.scale) : unscaled * pow10(-column.scale);
}

std::int64_t timestampMs(const FlatColumn& column, std::int64_t raw, bool& dropped) {
    switch (column.unit) {
        case TimeUnit::Millis:
            return raw;
        case TimeUnit::Micros:
            dropped = raw % 1000 != 0;
            return floorDiv(raw, 1000);
        case TimeUnit::Nanos:
            dropped = raw % 1000000 != 0;
            return floorDiv(raw, 1000000);
    }
    return raw;
}

// A numeric value of a column whose natural type is Float.
double floatValue(const FlatColumn& column, const Values& values, std::size_t v) {
    switch (column.kind) {
        case ValueKind::Decimal:
            return decimalValue(column, values, v);
        case ValueKind::Float16: {
            const auto s = values.strings[v];
            return halfToDouble(std::uint16_t(std::uint8_t(s[0]) | std::uint8_t(s[1]) << 8));
        }
        default:
            return values.floats[v];
    }
}

// A value of a column whose natural type is Integer; false when it does not fit int64.
bool integerValue(const FlatColumn& column, const Values& values, std::size_t v,
                  std::int64_t& out) {
    const std::int64_t raw = values.ints[v];
    switch (column.kind) {
        case ValueKind::Unsigned32:
            out = std::int64_t(std::uint32_t(raw));
            return true;
        case ValueKind::Unsigned64:
            out = raw;
            return raw >= 0;
        case ValueKind::Time:
            out = column.unit == TimeUnit::Millis   ? raw
                  : column.unit == TimeUnit::Micros ? floorDiv(raw, 1000)
                                                    : floorDiv(raw, 1000000);
            return true;
        default:
            out = raw;
            return true;
    }
}

std::string hex(std::string_view bytes) {
    static const char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char b : bytes) out += kDigits[b >> 4], out += kDigits[b & 15];
    return out;
}

std::string uuid(std::string_view bytes) {
    std::string h = hex(bytes);
    return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
           "-" + h.substr(20);
}

void appendCategory(ColumnChunk& out, std::string_view value) {
    std::string scratch;
    value = validUtf8(value, scratch);
    const std::uint64_t hash = CategoryIndex::hashCategory(value);
    std::int32_t code = out.dictionaryIndex.find(value, hash, out.dictionary);
    if (code < 0) {
        code = std::int32_t(out.dictionary.size());
        out.dictionary.emplace_back(value);
        out.dictionaryIndex.insert(hash, code);
    }
    out.codes.push_back(code);
    ++out.rows;
}

void appendText(ColumnChunk& out, std::string_view value) {
    std::string scratch;
    value = validUtf8(value, scratch);
    out.text.append(value.data(), value.size());
    out.lengths.push_back(std::uint32_t(value.size()));
    out.mask.push_back(0);
    ++out.rows;
}

void mismatch(ColumnChunk& out, const std::string& value, ColumnType type) {
    if (!out.mismatch) out.firstMismatch = value.substr(0, 80);
    out.mismatch = true;
    out.appendMissing(type);
    --out.missing;
}

// One value stored as `spec` says when the spec is the column's own type.
void appendNative(const FlatColumn& column, const ColumnSpec& spec, const Values& values,
                  std::size_t v, ColumnChunk& out, ConvertStats& stats) {
    switch (spec.type) {
        case ColumnType::Boolean:
            out.bytes.push_back(std::uint8_t(values.ints[v] != 0)), out.mask.push_back(0),
                ++out.rows;
            return;
        case ColumnType::Integer: {
            std::int64_t x = 0;
            if (integerValue(column, values, v, x)) return out.appendInteger(x);
            return mismatch(out, std::to_string(std::uint64_t(values.ints[v])), spec.type);
        }
        case ColumnType::Float:
            return out.appendFloat(floatValue(column, values, v));
        case ColumnType::Date:
            return out.appendTime(values.ints[v]);
        case ColumnType::DateTime: {
            if (column.kind == ValueKind::Int96) return out.appendTime(values.ints[v]);
            bool dropped = false;
            out.appendTime(timestampMs(column, values.ints[v], dropped));
            stats.droppedPrecision += dropped;
            return;
        }
        case ColumnType::Categorical:
            if (column.kind == ValueKind::String) return appendCategory(out, values.strings[v]);
            return appendCategory(out, formatValue(column, values, v));
        case ColumnType::Text:
            if (column.kind == ValueKind::String) return appendText(out, values.strings[v]);
            return appendText(out, formatValue(column, values, v));
    }
}

// Whether a value of the column goes in without reading its text: the spec is its own type,
// or (for any column) categorical or text.
bool isNative(const FlatColumn& column, const ColumnSpec& spec) {
    if (spec.type == ColumnType::Categorical || spec.type == ColumnType::Text) return true;
    if (spec.type == column.natural) return true;
    // An unsigned 64-bit column widened to float reads its values as numbers.
    return spec.type == ColumnType::Float && column.kind == ValueKind::Unsigned64;
}

}  // namespace

std::string formatValue(const FlatColumn& column, const Values& values, std::size_t v) {
    switch (column.kind) {
        case ValueKind::Boolean:
            return values.ints[v] ? "true" : "false";
        case ValueKind::Signed:
            return std::to_string(values.ints[v]);
        case ValueKind::Unsigned32:
            return std::to_string(std::uint32_t(values.ints[v]));
        case ValueKind::Unsigned64:
            return std::to_string(std::uint64_t(values.ints[v]));
        case ValueKind::Float:
        case ValueKind::Float16:
        case ValueKind::Decimal:
            return formatDouble(floatValue(column, values, v));
        case ValueKind::Date:
            return formatDate(values.ints[v]);
        case ValueKind::Timestamp: {
            bool dropped = false;
            return formatDateTime(timestampMs(column, values.ints[v], dropped));
        }
        case ValueKind::Int96:
            return formatDateTime(values.ints[v]);
        case ValueKind::Time: {
            std::int64_t ms = 0;
            integerValue(column, values, v, ms);
            return std::to_string(ms);
        }
        case ValueKind::String: {
            std::string scratch;
            return std::string(validUtf8(values.strings[v], scratch));
        }
        case ValueKind::Uuid:
            return uuid(values.strings[v]);
        case ValueKind::Binary:
            return hex(values.strings[v]);
    }
    return {};
}

namespace {

// A categorical column whose pages were all dictionary-encoded: each dictionary string is looked
// up (and checked as UTF-8) once, on its first use, and every row takes its code by index.
void convertDictionaryCategories(const ColumnData& data, ColumnChunk& out) {
    std::vector<std::int32_t> codes(data.dictionary.size(), -1);
    std::size_t v = 0;
    for (std::uint8_t defined : data.defined) {
        if (!defined) {
            out.appendMissing(ColumnType::Categorical);
            continue;
        }
        const std::uint32_t index = data.dictionaryIndices[v++];
        if (codes[index] < 0) {
            appendCategory(out, data.dictionary[index]);
            codes[index] = out.codes.back();
        } else {
            out.codes.push_back(codes[index]);
            ++out.rows;
        }
    }
}

bool dictionaryCategories(const FlatColumn& column, const ColumnSpec& spec, const ColumnData& data) {
    if (spec.type != ColumnType::Categorical || column.kind != ValueKind::String) return false;
    if (!data.dictionaryOnly || data.dictionary.empty()) return false;
    if (data.dictionaryIndices.size() != data.values.strings.size()) return false;
    for (std::uint32_t index : data.dictionaryIndices)
        if (index >= data.dictionary.size()) return false;  // appendFrom refused it already
    return true;
}

}  // namespace

void convertColumn(const FlatColumn& column, const ColumnSpec& spec, const ColumnData& data,
                   ColumnChunk& out, ConvertStats& stats) {
    if (dictionaryCategories(column, spec, data)) return convertDictionaryCategories(data, out);
    const bool native = isNative(column, spec);
    const bool u64AsFloat = spec.type == ColumnType::Float && column.kind == ValueKind::Unsigned64;
    std::size_t v = 0;
    for (std::uint8_t defined : data.defined) {
        if (!defined) {
            out.appendMissing(spec.type);
            continue;
        }
        if (u64AsFloat)
            out.appendFloat(double(std::uint64_t(data.values.ints[v])));
        else if (native)
            appendNative(column, spec, data.values, v, out, stats);
        else
            out.append(spec, formatValue(column, data.values, v));
        ++v;
    }
}

}  // namespace kiln::parquet
