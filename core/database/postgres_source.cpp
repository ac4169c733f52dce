#include "core/database/postgres_source.h"

#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <nlohmann/json.hpp>

#include "core/jobs/job_context.h"

namespace kiln {

namespace {

const std::string kDeclare = "DECLARE kiln_rows NO SCROLL CURSOR FOR ";
const std::string kFetch =
    "FETCH " + std::to_string(PostgresRowSource::kFetchRows) + " FROM kiln_rows";

// The user's query without trailing semicolons and spaces (DECLARE takes one statement).
std::string trimmedQuery(std::string sql) {
    while (!sql.empty() &&
           (sql.back() == ';' || std::isspace(static_cast<unsigned char>(sql.back()))))
        sql.pop_back();
    return sql;
}

// "sales.orders" → "sales"."orders"; "orders" → "orders".
std::string qualifiedName(const PgConnection& connection, const std::string& table) {
    const auto dot = table.find('.');
    if (dot == std::string::npos) return connection.quoteIdentifier(table);
    return connection.quoteIdentifier(table.substr(0, dot)) + "." +
           connection.quoteIdentifier(table.substr(dot + 1));
}

Error noSuchTable(PgConnection& connection, const std::string& table) {
    std::string known;
    if (auto tables = listPostgresTables(connection)) {
        for (std::size_t i = 0; i < tables->size() && i < 8; ++i)
            known += (i ? ", " : "") + (*tables)[i];
        if (tables->size() > 8) known += " … (" + std::to_string(tables->size()) + " in all)";
    }
    Error e = makeError(ErrorCode::NotFound, "no table or view '" + table + "' in the database",
                        connection.where());
    e.hint =
        known.empty() ? "the database has no tables this role can read" : "tables there: " + known;
    return e;
}

bool startsWith(const char* text, int length, const char* prefix) {
    const int n = int(std::strlen(prefix));
    return length >= n && std::memcmp(text, prefix, std::size_t(n)) == 0;
}

bool isBc(const char* text, int length) {
    return length > 3 && std::memcmp(text + length - 3, " BC", 3) == 0;
}

// "2024-01-31 12:00:00.123456(+00)" → "2024-01-31T12:00:00.123": milliseconds are what Kiln keeps.
void timestampCell(const char* text, int length, std::string& cell) {
    cell.assign(text, std::size_t(length));
    if (cell.size() > 10 && cell[10] == ' ') cell[10] = 'T';
    const auto zone = cell.find_first_of("+-", 11);
    if (zone != std::string::npos) cell.resize(zone);
    const auto dot = cell.find('.', 11);
    if (dot != std::string::npos && cell.size() > dot + 4) cell.resize(dot + 4);
}

}  // namespace

Result<std::unique_ptr<PostgresRowSource>> PostgresRowSource::open(const DatabaseTarget& target,
                                                                   const std::string& password,
                                                                   JobContext* job) {
    auto connection = PgConnection::connect(target.url, password);
    if (!connection) return connection.error();
    std::string sql = trimmedQuery(target.query);
    std::uint64_t estimate = 0;
    if (!target.table.empty()) {
        const std::string name = qualifiedName(**connection, target.table);
        auto found = (*connection)
                         ->run(
                             "SELECT c.reltuples::int8 FROM pg_catalog.pg_class c WHERE c.oid = "
                             "to_regclass($1)",
                             {name}, job, 0, "the table lookup");
        if (!found) return found.error();
        if (PQntuples(found->get()) == 0) return noSuchTable(**connection, target.table);
        estimate = std::uint64_t(std::max(0LL, std::atoll(PQgetvalue(found->get(), 0, 0))));
        sql = "SELECT * FROM " + name;
    }
    std::unique_ptr<PostgresRowSource> source(
        new PostgresRowSource(std::move(*connection), target, job));
    if (auto s = source->start(sql, estimate); !s) return s.error();
    return source;
}

PostgresRowSource::PostgresRowSource(std::unique_ptr<PgConnection> connection,
                                     DatabaseTarget target, JobContext* job)
    : m_connection(std::move(connection)),
      m_target(std::move(target)),
      m_job(job),
      m_first(nullptr, &PQclear),
      m_later(nullptr, &PQclear) {}

Status PostgresRowSource::start(const std::string& sql, std::uint64_t estimatedRows) {
    m_sql = sql;
    m_estimatedRows = estimatedRows;
    auto begin = m_connection->run(
        "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL lc_monetary = 'C'");
    if (!begin) return begin.error();
    if (auto s = declareAndFetch(); !s) return s;
    std::vector<Oid> types;
    for (int c = 0; c < PQnfields(m_first.get()); ++c) {
        m_names.push_back(PQfname(m_first.get(), c));
        types.push_back(PQftype(m_first.get(), c));
    }
    auto columns = describePgColumns(*m_connection, m_names, types);
    if (!columns) return columns.error();
    m_columns = std::move(*columns);
    return rewind();
}

Status PostgresRowSource::declareAndFetch() {
    const std::string what = m_target.table.empty() ? "the query" : "the table's SELECT";
    auto declared = m_connection->run(kDeclare + m_sql, {}, m_job, int(kDeclare.size()), what);
    if (!declared) return declared.error();
    return fetch(m_first);
}

Status PostgresRowSource::fetch(PgResult& into) {
    if (m_job && m_job->cancelled()) return makeError(ErrorCode::Cancelled, "import cancelled");
    auto batch = m_connection->run(kFetch, {}, m_job, 0, "the next rows");
    if (!batch) return batch.error();
    into = std::move(*batch);
    return {};
}

DeclaredColumn PostgresRowSource::declared(std::size_t column) const {
    return column < m_columns.size() ? m_columns[column].declared : DeclaredColumn{};
}

Result<bool> PostgresRowSource::next(std::vector<std::string>& cells) {
    while (m_row >= PQntuples(m_current)) {
        if (PQntuples(m_current) < kFetchRows) return false;
        if (auto s = fetch(m_later); !s) return s.error();
        m_current = m_later.get();
        m_pastFirst = true;
        m_row = 0;
    }
    const std::size_t count = m_columns.size();
    cells.resize(count);
    for (std::size_t c = 0; c < count; ++c) {
        if (PQgetisnull(m_current, m_row, int(c))) {
            cells[c].clear();
            continue;
        }
        readCell(c, PQgetvalue(m_current, m_row, int(c)), PQgetlength(m_current, m_row, int(c)),
                 cells[c]);
    }
    ++m_row, ++m_rowsRead;
    return true;
}

void PostgresRowSource::readCell(std::size_t column, const char* text, int length,
                                 std::string& cell) {
    switch (m_columns[column].form) {
        case PgCellForm::AsIs:
            cell.assign(text, std::size_t(length));
            if (m_columns[column].declared.type == ColumnType::Float) {
                if (cell == "NaN")
                    ++m_nan[column];
                else if (cell == "Infinity" || cell == "-Infinity")
                    ++m_infinite[column];
            }
            return;
        case PgCellForm::Boolean:
            cell = text[0] == 't' ? "true" : "false";
            return;
        case PgCellForm::Money:
            cell.clear();
            for (int i = 0; i < length; ++i)
                if (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '-' ||
                    text[i] == '.')
                    cell += text[i];
            return;
        case PgCellForm::Date:
        case PgCellForm::Timestamp:
        case PgCellForm::TimestampTz:
            if (startsWith(text, length, "infinity") || startsWith(text, length, "-infinity")) {
                ++m_infinite[column];
                cell.clear();
            } else if (isBc(text, length)) {
                ++m_nan[column];
                cell.clear();
            } else if (m_columns[column].form == PgCellForm::Date) {
                cell.assign(text, std::size_t(length));
            } else {
                timestampCell(text, length, cell);
            }
            return;
    }
}

Status PostgresRowSource::rewind() {
    m_rowsRead = 0;
    m_infinite.assign(m_columns.size(), 0);
    m_nan.assign(m_columns.size(), 0);
    if (m_pastFirst) {
        // The repeatable-read snapshot gives the same rows again.
        m_later.reset();
        auto closed = m_connection->run("CLOSE kiln_rows");
        if (!closed) return closed.error();
        if (auto s = declareAndFetch(); !s) return s;
        m_pastFirst = false;
    }
    m_current = m_first.get();
    m_row = 0;
    return {};
}

std::string PostgresRowSource::location() const {
    return m_connection->where() +
           (m_target.table.empty() ? ", query" : ", table " + m_target.table) + ", row " +
           std::to_string(m_rowsRead);
}

std::pair<std::uint64_t, std::uint64_t> PostgresRowSource::progress() const {
    return {m_rowsRead, std::max(m_estimatedRows, m_rowsRead)};
}

std::string PostgresRowSource::sourceJson() const {
    nlohmann::json doc = {{"reader", "postgresql"}};
    if (m_target.table.empty())
        doc["query"] = m_target.query;
    else
        doc["table"] = m_target.table;
    return doc.dump();
}

std::vector<std::string> PostgresRowSource::notes() const {
    std::vector<std::string> notes;
    for (std::size_t c = 0; c < m_columns.size(); ++c) {
        const bool isDate = m_columns[c].form != PgCellForm::AsIs;
        if (m_infinite[c])
            notes.push_back("column '" + m_names[c] + "': " + std::to_string(m_infinite[c]) +
                            (isDate ? " infinite dates (infinity/-infinity) read as missing"
                                    : " infinite values kept as ±inf"));
        if (m_nan[c])
            notes.push_back("column '" + m_names[c] + "': " + std::to_string(m_nan[c]) +
                            (isDate ? " dates before the Common Era (BC) read as missing"
                                    : " NaN values read as missing"));
    }
    return notes;
}

Result<std::vector<std::string>> listPostgresTables(PgConnection& connection) {
    auto found = connection.run(
        "SELECT CASE WHEN n.nspname = 'public' THEN c.relname ELSE n.nspname || '.' || c.relname "
        "END "
        "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f') "
        "AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
        "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%' "
        "AND has_table_privilege(c.oid, 'SELECT')",
        {}, nullptr, 0, "the table listing");
    if (!found) return found.error();
    std::vector<std::string> tables;
    for (int r = 0; r < PQntuples(found->get()); ++r)
        tables.push_back(PQgetvalue(found->get(), r, 0));
    std::sort(tables.begin(), tables.end());
    return tables;
}

}  // namespace kiln
