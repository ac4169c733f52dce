#include "core/database/postgres_source.h"

#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <nlohmann/json.hpp>

#include "core/jobs/job_context.h"

namespace kiln {

namespace {

const char* kBegin = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL lc_monetary = 'C'";

// The user's query without trailing semicolons and spaces (COPY (…) takes one statement).
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

int hexDigit(char c) {
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

// One field of COPY's text format without its escapes (\t, \n, \\, \NNN octal, \xHH …).
void unescapeCopyField(const char* text, std::size_t length, std::string& out) {
    out.clear();
    for (std::size_t i = 0; i < length; ++i) {
        if (text[i] != '\\' || i + 1 == length) {
            out += text[i];
            continue;
        }
        const char c = text[++i];
        switch (c) {
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'v':
                out += '\v';
                break;
            case 'x': {
                int value = 0, digits = 0;
                while (digits < 2 && i + 1 < length &&
                       std::isxdigit(static_cast<unsigned char>(text[i + 1])))
                    value = value * 16 + hexDigit(text[++i]), ++digits;
                out += digits ? char(value) : 'x';
                break;
            }
            default:
                if (c >= '0' && c <= '7') {
                    int value = c - '0';
                    for (int digits = 1;
                         digits < 3 && i + 1 < length && text[i + 1] >= '0' && text[i + 1] <= '7';
                         ++digits)
                        value = value * 8 + (text[++i] - '0');
                    out += char(value);
                } else {
                    out += c;
                }
        }
    }
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
      m_row(nullptr, &PQfreemem) {}

Status PostgresRowSource::start(const std::string& sql, std::uint64_t estimatedRows) {
    m_sql = sql;
    m_estimatedRows = estimatedRows;
    if (auto begin = m_connection->run(kBegin); !begin) return begin.error();
    auto described = m_connection->describe(m_sql, m_job, what());
    if (!described) return described.error();
    std::vector<Oid> types;
    for (int c = 0; c < PQnfields(described->get()); ++c) {
        m_names.push_back(PQfname(described->get(), c));
        types.push_back(PQftype(described->get(), c));
    }
    auto columns = describePgColumns(*m_connection, m_names, types);
    if (!columns) return columns.error();
    m_columns = std::move(*columns);
    if (auto s = startCopy(); !s) return s;
    return rewind();
}

std::string PostgresRowSource::what() const {
    return m_target.table.empty() ? "the query" : "the table's SELECT";
}

// The newline keeps a query's trailing -- comment from swallowing the parenthesis.
Status PostgresRowSource::startCopy() {
    const std::string prefix = "COPY (";
    auto copy =
        m_connection->run(prefix + m_sql + "\n) TO STDOUT", {}, m_job, int(prefix.size()), what());
    if (!copy) return copy.error();
    m_kept.clear();
    m_replay = 0;
    m_pastKept = m_copyDone = false;
    return {};
}

DeclaredColumn PostgresRowSource::declared(std::size_t column) const {
    return column < m_columns.size() ? m_columns[column].declared : DeclaredColumn{};
}

Result<bool> PostgresRowSource::next(std::vector<std::string>& cells) {
    const char* text = nullptr;
    std::size_t length = 0;
    if (m_replay < m_kept.size()) {
        text = m_kept[m_replay].data(), length = m_kept[m_replay].size();
        ++m_replay;
    } else {
        if (m_copyDone) return false;
        char* row = nullptr;
        auto copied = m_connection->copyRow(row, m_job, what());
        if (!copied) return copied.error();
        if (*copied < 0) {
            m_copyDone = true;
            return false;
        }
        m_row.reset(row);
        text = row, length = std::size_t(*copied);
        if (!m_pastKept && m_kept.size() < kKeptRows) {
            m_kept.emplace_back(text, length);
            m_replay = m_kept.size();
        } else {
            m_pastKept = true;
        }
    }
    splitRow(text, length, cells);
    ++m_rowsRead;
    return true;
}

// COPY's text format: fields split by TAB, \N for NULL, backslash escapes, a newline at the end.
void PostgresRowSource::splitRow(const char* text, std::size_t length,
                                 std::vector<std::string>& cells) {
    if (length && text[length - 1] == '\n') --length;
    cells.resize(m_columns.size());
    std::size_t start = 0;
    for (std::size_t c = 0; c < m_columns.size(); ++c) {
        if (start > length) {
            cells[c].clear();
            continue;
        }
        const char* field = text + start;
        const void* tab = std::memchr(field, '\t', length - start);
        const std::size_t size =
            tab ? std::size_t(static_cast<const char*>(tab) - field) : length - start;
        start += size + 1;
        if (size == 2 && field[0] == '\\' && field[1] == 'N') {
            cells[c].clear();
        } else if (std::memchr(field, '\\', size)) {
            unescapeCopyField(field, size, m_unescaped);
            readCell(c, m_unescaped.data(), int(m_unescaped.size()), cells[c]);
        } else {
            readCell(c, field, int(size), cells[c]);
        }
    }
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
    m_replay = 0;
    if (!m_pastKept) return {};
    // Past the kept rows (a column widened late): the COPY runs again, in a new transaction,
    // since the abandoned one failed. Rare: most columns' types are the database's own.
    if (!m_copyDone) m_connection->abandonCopy();
    m_row.reset();
    if (auto rolled = m_connection->run("ROLLBACK"); !rolled) return rolled.error();
    if (auto begin = m_connection->run(kBegin); !begin) return begin.error();
    return startCopy();
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
