#include "core/database/sqlite_source.h"

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/database/database_url.h"

namespace kiln {

namespace fs = std::filesystem;

namespace {

// The path as a file: URI (RFC 3986 escapes for what SQLite's URI parser treats specially).
std::string fileUri(const std::string& path) {
    std::string uri = "file:";
    for (unsigned char c : fs::absolute(path).string()) {
        if (c == '%' || c == '?' || c == '#' || c <= ' ') {
            char escaped[4];
            std::snprintf(escaped, sizeof escaped, "%%%02X", c);
            uri += escaped;
        } else {
            uri += char(c);
        }
    }
    return uri;
}

// immutable=1 skips SQLite's locking and change checks: safe only where nobody can be writing
// the file, which a folder we cannot write to tells best (and there SQLite could not make the
// -shm file a WAL database needs for a plain read-only open).
bool folderReadOnly(const std::string& path) {
    const auto folder = fs::absolute(path).parent_path();
    return ::access(folder.c_str(), W_OK) != 0;
}

Result<sqlite3*> openFile(const std::string& url) {
    const std::string path = sqlitePathFromUrl(url);
    std::error_code ec;
    if (path.empty())
        return makeError(ErrorCode::InvalidArgument, "the SQLite URL names no file", url);
    if (!fs::is_regular_file(path, ec))
        return makeError(ErrorCode::NotFound, "no SQLite database file " + path, url);
    const std::string uri =
        fileUri(path) + "?mode=ro" + (folderReadOnly(path) ? "&immutable=1" : "");
    sqlite3* db = nullptr;
    const int rc =
        sqlite3_open_v2(uri.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    if (rc == SQLITE_OK && sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr,
                                        nullptr) == SQLITE_OK)
        return db;
    if (rc == SQLITE_OK) message = sqlite3_errmsg(db);
    sqlite3_close(db);
    return makeError(ErrorCode::InvalidArgument,
                     "cannot read " + path + " as a SQLite database: " + message, path);
}

std::string quoted(const std::string& name) {
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

Result<std::vector<std::string>> tablesIn(sqlite3* db, const std::string& path) {
    sqlite3_stmt* statement = nullptr;
    const char* sql =
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE "
        "'sqlite\\_%' "
        "ESCAPE '\\' ORDER BY name";
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK)
        return makeError(ErrorCode::InvalidArgument,
                         std::string("cannot list tables: ") + sqlite3_errmsg(db), path);
    std::vector<std::string> tables;
    while (sqlite3_step(statement) == SQLITE_ROW)
        tables.push_back(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
    sqlite3_finalize(statement);
    return tables;
}

// The table's name as the file spells it, "" when there is none (SQLite names ignore case).
std::string findTable(const std::vector<std::string>& tables, std::string table) {
    if (table.rfind("main.", 0) == 0) table = table.substr(5);
    for (const auto& t : tables)
        if (t.size() == table.size() &&
            std::equal(t.begin(), t.end(), table.begin(), [](char a, char b) {
                return std::tolower(static_cast<unsigned char>(a)) ==
                       std::tolower(static_cast<unsigned char>(b));
            }))
            return t;
    return {};
}

Error noSuchTable(const std::vector<std::string>& tables, const std::string& table,
                  const std::string& path) {
    std::string known;
    for (std::size_t i = 0; i < tables.size() && i < 8; ++i) known += (i ? ", " : "") + tables[i];
    if (tables.size() > 8) known += " … (" + std::to_string(tables.size()) + " in all)";
    Error e = makeError(ErrorCode::NotFound, "no table or view '" + table + "' in " + path, path);
    e.hint = known.empty() ? "the file has no tables" : "tables there: " + known;
    return e;
}

bool has(const std::string& upper, const char* part) {
    return upper.find(part) != std::string::npos;
}

// SQLite's affinity rules (https://sqlite.org/datatype3.html, 3.1), with BOOL and the date names
// read as Kiln's types; untyped and NUMERIC columns are left to the cells.
DeclaredColumn declaredFrom(const char* declaredType) {
    std::string upper = declaredType ? declaredType : "";
    for (auto& c : upper) c = char(std::toupper(static_cast<unsigned char>(c)));
    DeclaredColumn d;
    if (has(upper, "BOOL"))
        d.type = ColumnType::Boolean;
    else if (has(upper, "DATETIME") || has(upper, "TIMESTAMP"))
        d.type = ColumnType::DateTime;
    else if (has(upper, "DATE"))
        d.type = ColumnType::Date;
    else if (has(upper, "INT"))
        d.type = ColumnType::Integer;
    else if (has(upper, "CHAR") || has(upper, "CLOB") || has(upper, "TEXT"))
        d.stringLike = true;
    else if (has(upper, "REAL") || has(upper, "FLOA") || has(upper, "DOUB"))
        d.type = ColumnType::Float;
    return d;
}

template <class T>
void numberCell(T value, std::string& cell) {
    char buffer[40];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    cell.assign(buffer, ec == std::errc() ? end : buffer);
}

}  // namespace

Result<std::unique_ptr<SqliteRowSource>> SqliteRowSource::open(const DatabaseTarget& target) {
    auto db = openFile(target.url);
    if (!db) return db.error();
    const std::string path = sqlitePathFromUrl(target.url);
    std::unique_ptr<SqliteRowSource> source(new SqliteRowSource(*db, target, path));
    std::string sql = target.query;
    if (!target.table.empty()) {
        auto tables = tablesIn(*db, path);
        if (!tables) return tables.error();
        const std::string table = findTable(*tables, target.table);
        if (table.empty()) return noSuchTable(*tables, target.table, path);
        sql = "SELECT * FROM " + quoted(table);
    }
    if (auto s = source->prepare(sql); !s) return s.error();
    return source;
}

SqliteRowSource::SqliteRowSource(sqlite3* db, DatabaseTarget target, std::string path)
    : m_db(db), m_target(std::move(target)), m_path(std::move(path)) {
    std::error_code ec;
    m_bytes = fs::file_size(m_path, ec);
    if (ec) m_bytes = 0;
}

SqliteRowSource::~SqliteRowSource() {
    sqlite3_finalize(m_statement);
    sqlite3_close(m_db);
}

Status SqliteRowSource::prepare(const std::string& sql) {
    const char* tail = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.c_str(), int(sql.size()), &m_statement, &tail) != SQLITE_OK) {
        const int offset = sqlite3_error_offset(m_db);
        return makeError(
            ErrorCode::InvalidArgument,
            std::string("SQLite refused the query: ") + sqlite3_errmsg(m_db),
            m_path + (offset >= 0 ? ", query at character " + std::to_string(offset + 1) : ""));
    }
    if (!m_statement) return makeError(ErrorCode::InvalidArgument, "the query is empty", m_path);
    if (!sqlite3_stmt_readonly(m_statement))
        return makeError(ErrorCode::InvalidArgument,
                         "the query would change the database: only reads are imported", m_path);
    for (int c = 0; c < sqlite3_column_count(m_statement); ++c) {
        m_names.push_back(sqlite3_column_name(m_statement, c));
        m_declared.push_back(declaredFrom(sqlite3_column_decltype(m_statement, c)));
    }
    return {};
}

DeclaredColumn SqliteRowSource::declared(std::size_t column) const {
    return column < m_declared.size() ? m_declared[column] : DeclaredColumn{};
}

Result<bool> SqliteRowSource::next(std::vector<std::string>& cells) {
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_DONE) return false;
    if (rc != SQLITE_ROW)
        return makeError(ErrorCode::InvalidArgument,
                         std::string("SQLite failed reading: ") + sqlite3_errmsg(m_db), location());
    ++m_rowsRead;
    cells.resize(m_names.size());
    for (int c = 0; c < int(m_names.size()); ++c) readCell(c, cells[std::size_t(c)]);
    return true;
}

void SqliteRowSource::readCell(int column, std::string& cell) {
    switch (sqlite3_column_type(m_statement, column)) {
        case SQLITE_NULL:
            cell.clear();
            return;
        case SQLITE_INTEGER: {
            const auto value = sqlite3_column_int64(m_statement, column);
            if (m_declared[std::size_t(column)].type == ColumnType::Boolean &&
                (value == 0 || value == 1))
                cell = value ? "true" : "false";  // SQLite keeps booleans as 0 and 1
            else
                numberCell(value, cell);
            return;
        }
        case SQLITE_FLOAT:
            numberCell(sqlite3_column_double(m_statement, column), cell);  // shortest exact form
            return;
        case SQLITE_BLOB: {
            static const char* digits = "0123456789abcdef";
            const auto* bytes =
                static_cast<const unsigned char*>(sqlite3_column_blob(m_statement, column));
            const int size = sqlite3_column_bytes(m_statement, column);
            cell.clear();
            for (int i = 0; i < size; ++i)
                cell += digits[bytes[i] >> 4], cell += digits[bytes[i] & 15];
            ++m_blobs;
            return;
        }
        default: {
            const auto* text = sqlite3_column_text(m_statement, column);
            cell.assign(reinterpret_cast<const char*>(text),
                        std::size_t(sqlite3_column_bytes(m_statement, column)));
        }
    }
}

Status SqliteRowSource::rewind() {
    sqlite3_reset(m_statement);
    m_rowsRead = 0;
    m_blobs = 0;
    return {};
}

std::string SqliteRowSource::location() const {
    return m_path + (m_target.table.empty() ? ", query" : ", table " + m_target.table) + ", row " +
           std::to_string(m_rowsRead);
}

std::pair<std::uint64_t, std::uint64_t> SqliteRowSource::progress() const {
    return {m_rowsRead, 0};
}

std::string SqliteRowSource::sourceJson() const {
    nlohmann::json doc = {{"reader", "sqlite"}};
    if (m_target.table.empty())
        doc["query"] = m_target.query;
    else
        doc["table"] = m_target.table;
    return doc.dump();
}

std::vector<std::string> SqliteRowSource::notes() const {
    if (!m_blobs) return {};
    return {std::to_string(m_blobs) + " BLOB values read as hexadecimal text"};
}

Result<std::vector<std::string>> listSqliteTables(const std::string& url) {
    auto db = openFile(url);
    if (!db) return db.error();
    auto tables = tablesIn(*db, sqlitePathFromUrl(url));
    sqlite3_close(*db);
    return tables;
}

Status testSqliteFile(const std::string& url) {
    auto db = openFile(url);
    if (!db) return db.error();
    sqlite3_close(*db);
    return {};
}

}  // namespace kiln
