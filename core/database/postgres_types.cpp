#include "core/database/postgres_types.h"

#include <libpq-fe.h>

#include <algorithm>
#include <map>

#include "core/database/postgres_connection.h"

namespace kiln {

namespace {

// Built-in type OIDs (src/include/catalog/pg_type.dat); they never change between servers.
enum BuiltinOid : Oid {
    kBool = 16,
    kChar = 18,
    kName = 19,
    kInt8 = 20,
    kInt2 = 21,
    kInt4 = 23,
    kText = 25,
    kOid = 26,
    kJson = 114,
    kFloat4 = 700,
    kFloat8 = 701,
    kMoney = 790,
    kBpchar = 1042,
    kVarchar = 1043,
    kDate = 1082,
    kTimestamp = 1114,
    kTimestampTz = 1184,
    kNumeric = 1700,
    kUuid = 2950,
    kJsonb = 3802,
};

DeclaredColumn typed(ColumnType type, std::string note = {}) {
    DeclaredColumn d;
    d.type = type;
    d.note = std::move(note);
    return d;
}

DeclaredColumn stringLike() {
    DeclaredColumn d;
    d.stringLike = true;
    return d;
}

// A built-in type Kiln reads as something other than text; false for any other.
bool mapBuiltin(Oid type, PgColumn& column) {
    switch (type) {
        case kInt2:
        case kInt4:
        case kInt8:
        case kOid:
            column.declared = typed(ColumnType::Integer);
            return true;
        case kFloat4:
        case kFloat8:
            column.declared = typed(ColumnType::Float);
            return true;
        case kNumeric:
            column.declared = typed(ColumnType::Float, "PostgreSQL numeric, read as a float");
            return true;
        case kMoney:
            column.declared = typed(ColumnType::Float, "PostgreSQL money, read as a float");
            column.form = PgCellForm::Money;
            return true;
        case kBool:
            column.declared = typed(ColumnType::Boolean);
            column.form = PgCellForm::Boolean;
            return true;
        case kDate:
            column.declared = typed(ColumnType::Date);
            column.form = PgCellForm::Date;
            return true;
        case kTimestamp:
            column.declared = typed(ColumnType::DateTime);
            column.form = PgCellForm::Timestamp;
            return true;
        case kTimestampTz:
            column.declared = typed(ColumnType::DateTime, "PostgreSQL timestamptz, in UTC");
            column.form = PgCellForm::TimestampTz;
            return true;
        case kText:
        case kVarchar:
        case kBpchar:
        case kName:
        case kChar:
        case kUuid:
        case kJson:
        case kJsonb:
            column.declared = stringLike();
            return true;
        default:
            return false;
    }
}

// "{1,2,3}": an oid[] parameter.
std::string oidArray(const std::vector<Oid>& oids) {
    std::string out = "{";
    for (std::size_t i = 0; i < oids.size(); ++i) out += (i ? "," : "") + std::to_string(oids[i]);
    return out + "}";
}

struct CatalogType {
    std::string name;
    char kind = 'b';      // pg_type.typtype: b base, e enum, d domain, c composite, r range …
    char category = 'U';  // pg_type.typcategory: A array …
    std::vector<std::string> labels;
};

Result<std::map<Oid, CatalogType>> lookUpTypes(PgConnection& connection,
                                               const std::vector<Oid>& oids) {
    std::map<Oid, CatalogType> types;
    if (oids.empty()) return types;
    auto found = connection.run(
        "SELECT oid::int8, typname, typtype, typcategory FROM pg_catalog.pg_type "
        "WHERE oid = ANY($1::oid[])",
        {oidArray(oids)}, nullptr, 0, "the type lookup");
    if (!found) return found.error();
    for (int r = 0; r < PQntuples(found->get()); ++r) {
        auto& t = types[Oid(std::stoul(PQgetvalue(found->get(), r, 0)))];
        t.name = PQgetvalue(found->get(), r, 1);
        t.kind = PQgetvalue(found->get(), r, 2)[0];
        t.category = PQgetvalue(found->get(), r, 3)[0];
    }
    auto labels = connection.run(
        "SELECT enumtypid::int8, enumlabel FROM pg_catalog.pg_enum "
        "WHERE enumtypid = ANY($1::oid[]) ORDER BY enumtypid, enumsortorder",
        {oidArray(oids)}, nullptr, 0, "the enum lookup");
    if (!labels) return labels.error();
    for (int r = 0; r < PQntuples(labels->get()); ++r)
        types[Oid(std::stoul(PQgetvalue(labels->get(), r, 0)))].labels.push_back(
            PQgetvalue(labels->get(), r, 1));
    return types;
}

void mapCatalogType(const CatalogType& type, PgColumn& column) {
    if (type.kind == 'e') {
        column.declared = typed(ColumnType::Categorical, "PostgreSQL enum " + type.name);
        column.declared.levels = type.labels;
    } else if (type.name == "citext") {
        column.declared = stringLike();
    } else if (type.category == 'A') {
        column.declared =
            typed(ColumnType::Text, "PostgreSQL array " + type.name + ", read as its text form");
    } else {
        column.declared =
            typed(ColumnType::Text, "PostgreSQL " + (type.name.empty() ? "type" : type.name) +
                                        ", read as its text form");
    }
}

}  // namespace

Result<std::vector<PgColumn>> describePgColumns(PgConnection& connection,
                                                const std::vector<std::string>& names,
                                                const std::vector<Oid>& types) {
    std::vector<PgColumn> columns(names.size());
    std::vector<Oid> unknown;
    for (std::size_t c = 0; c < names.size(); ++c) {
        columns[c].name = names[c];
        columns[c].type = types[c];
        if (!mapBuiltin(types[c], columns[c]) &&
            std::find(unknown.begin(), unknown.end(), types[c]) == unknown.end())
            unknown.push_back(types[c]);
    }
    auto catalog = lookUpTypes(connection, unknown);
    if (!catalog) return catalog.error();
    for (auto& column : columns)
        if (std::find(unknown.begin(), unknown.end(), column.type) != unknown.end())
            mapCatalogType((*catalog)[column.type], column);
    return columns;
}

}  // namespace kiln
