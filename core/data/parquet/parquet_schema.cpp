#include "core/data/parquet/parquet_schema.h"

#include "core/data/parquet/thrift_compact.h"
#include "core/data/text_encoding.h"

namespace kiln::parquet {

namespace {

constexpr int kMaxSchemaDepth = 64;

// Counts the leaves under element `i` and returns the index after its subtree.
std::size_t walkSubtree(const std::vector<SchemaElement>& schema, std::size_t i,
                        std::size_t& leaves, int depth) {
    if (depth > kMaxSchemaDepth) throw FormatError("schema nested too deep");
    if (i >= schema.size()) throw FormatError("schema lists fewer elements than its groups hold");
    const SchemaElement& e = schema[i];
    if (e.numChildren < 0)
        throw FormatError("schema element '" + e.name + "' has a negative child count");
    if (e.numChildren == 0) {
        if (!e.type) throw FormatError("schema leaf '" + e.name + "' has no type");
        ++leaves;
        return i + 1;
    }
    std::size_t next = i + 1;
    for (std::int32_t c = 0; c < e.numChildren; ++c)
        next = walkSubtree(schema, next, leaves, depth + 1);
    return next;
}

std::string nestedKind(const SchemaElement& e) {
    if (e.logical.kind == LogicalType::List) return "a list";
    if (e.logical.kind == LogicalType::Map) return "a map";
    if (e.numChildren > 0)
        return e.repetition == Repetition::Repeated ? "a repeated group" : "a struct";
    return "a repeated field";
}

const char* unitName(TimeUnit unit) {
    return unit == TimeUnit::Millis   ? "milliseconds"
           : unit == TimeUnit::Micros ? "microseconds"
                                      : "nanoseconds";
}

// The kind of an integer column from its annotation.
void integerKind(const SchemaElement& e, FlatColumn& column) {
    const auto& t = e.logical;
    column.natural = ColumnType::Integer;
    if (t.kind != LogicalType::Integer || t.isSigned) return void(column.kind = ValueKind::Signed);
    if (*e.type == PhysicalType::Int32) return void(column.kind = ValueKind::Unsigned32);
    column.kind = ValueKind::Unsigned64;
}

void classify(const SchemaElement& e, FlatColumn& column) {
    const auto& t = e.logical;
    const PhysicalType type = *e.type;
    column.unit = t.unit;
    if (t.kind == LogicalType::Decimal) {
        column.kind = ValueKind::Decimal, column.natural = ColumnType::Float;
        column.scale = t.scale, column.precision = t.precision;
        column.note = "decimal(" + std::to_string(t.precision) + "," + std::to_string(t.scale) +
                      ") read as float";
        return;
    }
    switch (type) {
        case PhysicalType::Boolean:
            column.kind = ValueKind::Boolean, column.natural = ColumnType::Boolean;
            return;
        case PhysicalType::Int32:
        case PhysicalType::Int64:
            if (t.kind == LogicalType::Date)
                return void((column.kind = ValueKind::Date, column.natural = ColumnType::Date));
            if (t.kind == LogicalType::Timestamp) {
                column.kind = ValueKind::Timestamp, column.natural = ColumnType::DateTime;
                if (t.unit != TimeUnit::Millis)
                    column.note =
                        std::string("timestamp in ") + unitName(t.unit) + ", read in milliseconds";
                return;
            }
            if (t.kind == LogicalType::Time) {
                column.kind = ValueKind::Time, column.natural = ColumnType::Integer;
                column.note = "time of day, read as milliseconds since midnight";
                return;
            }
            return integerKind(e, column);
        case PhysicalType::Int96:
            column.kind = ValueKind::Int96, column.natural = ColumnType::DateTime;
            column.note = "INT96 timestamp, read in milliseconds";
            return;
        case PhysicalType::Float:
        case PhysicalType::Double:
            column.kind = ValueKind::Float, column.natural = ColumnType::Float;
            return;
        case PhysicalType::ByteArray:
        case PhysicalType::FixedLenByteArray:
            if (t.kind == LogicalType::String || t.kind == LogicalType::Enum ||
                t.kind == LogicalType::Json)
                return void(
                    (column.kind = ValueKind::String, column.natural = ColumnType::Categorical));
            if (t.kind == LogicalType::Uuid && type == PhysicalType::FixedLenByteArray &&
                e.typeLength == 16)
                return void((column.kind = ValueKind::Uuid, column.natural = ColumnType::Text));
            if (t.kind == LogicalType::Float16 && type == PhysicalType::FixedLenByteArray &&
                e.typeLength == 2)
                return void((column.kind = ValueKind::Float16, column.natural = ColumnType::Float));
            column.kind = ValueKind::Binary, column.natural = ColumnType::Text;
            column.note = "binary values, read as hexadecimal text";
            return;
    }
}

}  // namespace

// Stored tables and their manifests hold UTF-8 only.
std::string_view validUtf8(std::string_view value, std::string& scratch) {
    std::size_t bad = findInvalidUtf8InValue(value.data(), value.size());
    if (bad == value.size()) return value;
    scratch.clear();
    while (bad < value.size()) {
        scratch.append(value.data(), bad);
        scratch += "\xEF\xBF\xBD";
        value.remove_prefix(bad + 1);
        bad = findInvalidUtf8InValue(value.data(), value.size());
    }
    scratch.append(value.data(), value.size());
    return scratch;
}

Schema planSchema(const FileMetaData& meta) {
    const auto& schema = meta.schema;
    Schema plan;
    if (schema.empty()) throw FormatError("the schema is empty");
    std::size_t i = 1;
    for (std::int32_t c = 0; c < schema[0].numChildren; ++c) {
        if (i >= schema.size())
            throw FormatError("schema lists fewer elements than its root holds");
        SchemaElement e = schema[i];
        std::string scratch;
        e.name = std::string(validUtf8(e.name, scratch));
        const std::size_t firstLeaf = plan.leaves;
        i = walkSubtree(schema, i, plan.leaves, 1);
        if (e.numChildren > 0 || e.repetition == Repetition::Repeated) {
            plan.notes.push_back("nested column '" + e.name + "' (" + nestedKind(e) + ") left out");
            continue;
        }
        if (e.type == PhysicalType::FixedLenByteArray &&
            (e.typeLength <= 0 || e.typeLength > (1 << 20)))
            throw FormatError("column '" + e.name + "' has fixed length " +
                              std::to_string(e.typeLength));
        FlatColumn column;
        column.name = e.name;
        column.leaf = firstLeaf;
        column.info.type = *e.type;
        column.info.typeLength =
            e.type == PhysicalType::FixedLenByteArray ? std::size_t(e.typeLength) : 0;
        column.info.maxDefinition = e.repetition == Repetition::Optional ? 1 : 0;
        classify(e, column);
        plan.columns.push_back(std::move(column));
    }
    if (schema[0].numChildren < 0) throw FormatError("the schema root has a negative child count");
    return plan;
}

void checkRowGroups(const FileMetaData& meta, const Schema& schema) {
    for (std::size_t g = 0; g < meta.rowGroups.size(); ++g) {
        const auto& group = meta.rowGroups[g];
        const std::string where = "row group " + std::to_string(g + 1) + ": ";
        if (group.columns.size() != schema.leaves)
            throw FormatError(where + std::to_string(group.columns.size()) + " column chunks for " +
                              std::to_string(schema.leaves) + " columns in the schema");
        if (group.numRows < 0 || group.numRows > (std::int64_t(1) << 40))
            throw FormatError(where + "row count " + std::to_string(group.numRows) + " cannot be");
    }
}

}  // namespace kiln::parquet
