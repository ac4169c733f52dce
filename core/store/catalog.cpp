#include "core/store/catalog.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include <string>

#include "core/base/build_info.h"
#include "core/base/logger.h"
#include "core/store/migrations.h"
#include "core/store/summary_page.h"

namespace kiln {

namespace {

constexpr int kBusyTimeoutMs = 30000;

// What a person can do about a SQLite result code (the SQL text itself helps nobody at the
// terminal: it goes to the debug log).
std::string sqlHint(int code) {
    switch (code & 0xff) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return "another Kiln process holds the catalog; try again when it is done";
        case SQLITE_READONLY:
            return "the workspace is read-only; check the permissions of kiln.db";
        case SQLITE_FULL:
            return "the disk is full; free some space and try again";
        case SQLITE_NOTADB:
        case SQLITE_CORRUPT:
            return "kiln.db is damaged; restore the workspace from a backup";
        case SQLITE_IOERR:
            return "reading or writing kiln.db failed; check the disk";
        case SQLITE_CANTOPEN:
            return "cannot open kiln.db; check the workspace path and permissions";
        default:
            return "in the workspace catalog (kiln.db)";
    }
}

Error sqlError(sqlite3* db, const std::string& what, const std::string& sql = {}) {
    int code = sqlite3_errcode(db);
    ErrorCode kind = ErrorCode::Io;
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED) kind = ErrorCode::Busy;
    if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT) kind = ErrorCode::Corrupt;
    if (code == SQLITE_CONSTRAINT || code == SQLITE_ERROR) kind = ErrorCode::InvalidArgument;
    if (!sql.empty()) log::debug("catalog: " + what + ": " + sqlite3_errmsg(db) + " in: " + sql);
    return makeError(kind, what + ": " + sqlite3_errmsg(db), sqlHint(code));
}

// Holds an exclusive flock on the catalog's folder while a connection switches the journal mode
// and migrates: SQLite answers a concurrent WAL switch with "locked" or an I/O error instead of
// waiting, so openers take turns here. flock is used, not fcntl, so SQLite's own POSIX locks on
// kiln.db are never disturbed.
class FolderLock {
public:
    explicit FolderLock(const std::filesystem::path& folder)
        : m_fd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {
        if (m_fd >= 0) ::flock(m_fd, LOCK_EX);
    }
    ~FolderLock() {
        if (m_fd >= 0) ::close(m_fd);  // closing releases the flock
    }
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;

private:
    int m_fd;
};

}  // namespace

// ---- Statement ----

Statement::Statement(Statement&& other) noexcept : m_stmt(other.m_stmt), m_db(other.m_db) {
    other.m_stmt = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = other.m_stmt;
        m_db = other.m_db;
        other.m_stmt = nullptr;
    }
    return *this;
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

Status Statement::bind(std::initializer_list<SqlValue> values) {
    int index = 1;
    for (const auto& value : values) {
        int rc = SQLITE_OK;
        if (std::holds_alternative<std::nullptr_t>(value))
            rc = sqlite3_bind_null(m_stmt, index);
        else if (auto i = std::get_if<std::int64_t>(&value))
            rc = sqlite3_bind_int64(m_stmt, index, *i);
        else if (auto d = std::get_if<double>(&value))
            rc = sqlite3_bind_double(m_stmt, index, *d);
        else if (auto s = std::get_if<std::string>(&value))
            rc = sqlite3_bind_text(m_stmt, index, s->data(), int(s->size()), SQLITE_TRANSIENT);
        if (rc != SQLITE_OK) return sqlError(m_db, "cannot bind parameter " + std::to_string(index));
        ++index;
    }
    return {};
}

Result<bool> Statement::step() {
    int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return sqlError(m_db, "catalog query failed", sqlite3_sql(m_stmt));
}

std::int64_t Statement::columnInt(int column) const { return sqlite3_column_int64(m_stmt, column); }

double Statement::columnDouble(int column) const { return sqlite3_column_double(m_stmt, column); }

std::string Statement::columnText(int column) const {
    auto text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return text ? std::string(text, std::size_t(sqlite3_column_bytes(m_stmt, column))) : std::string();
}

std::string_view Statement::columnBlob(int column) const {
    auto bytes = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
    return bytes ? std::string_view(bytes, std::size_t(sqlite3_column_bytes(m_stmt, column))) : std::string_view();
}

Status Statement::bindBlob(int index, std::string_view blob) {
    if (sqlite3_bind_blob(m_stmt, index, blob.data(), int(blob.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        return sqlError(m_db, "cannot bind parameter " + std::to_string(index));
    return {};
}

bool Statement::columnIsNull(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

Status Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    return {};
}

// ---- Catalog ----

int Catalog::latestSchemaVersion() { return catalogMigrations().back().version; }

Result<std::unique_ptr<Catalog>> Catalog::open(const std::filesystem::path& file) {
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(file.c_str(), &db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                             nullptr);
    if (rc != SQLITE_OK) {
        Error error = makeError(ErrorCode::Io,
                                std::string("cannot open catalog: ") + sqlite3_errstr(rc),
                                file.string());
        sqlite3_close(db);
        return error;
    }
    std::unique_ptr<Catalog> catalog(new Catalog(db, file));
    FolderLock lock(file.has_parent_path() ? file.parent_path() : std::filesystem::path("."));
    if (auto s = catalog->configure(); !s) return s.error();
    if (auto s = catalog->migrate(); !s) return s.error();
    return catalog;
}

Catalog::~Catalog() { sqlite3_close_v2(m_db); }

bool Catalog::inTransaction() const { return sqlite3_get_autocommit(m_db) == 0; }

Status Catalog::configure() {
    sqlite3_busy_timeout(m_db, kBusyTimeoutMs);
    if (registerSummaryPageFunction(m_db) != SQLITE_OK) return sqlError(m_db, "cannot prepare the catalog");
    // Read the schema version before changing anything: a newer catalog must stay untouched.
    auto version = queryValue("SELECT MAX(version) FROM schema_version");
    if (!version && version.error().code == ErrorCode::Corrupt)
        return makeError(ErrorCode::Corrupt, "kiln.db is not a Kiln catalog (not an SQLite file)",
                         m_file.string());
    if (version && std::holds_alternative<std::int64_t>(*version) &&
        std::get<std::int64_t>(*version) > latestSchemaVersion())
        return makeError(ErrorCode::SchemaTooNew,
                         "this workspace was written by a newer Kiln (catalog schema " +
                             std::to_string(std::get<std::int64_t>(*version)) + "; Kiln " +
                             build::kKilnVersion + " knows up to " +
                             std::to_string(latestSchemaVersion()) +
                             "). Upgrade Kiln to open it; nothing was changed",
                         m_file.string());
    return execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
}

Status Catalog::migrate() {
    if (auto s = begin(); !s) return s;
    auto fail = [this](Error error) {
        rollback();
        return error;
    };
    if (auto s = execute("CREATE TABLE IF NOT EXISTS schema_version ("
                         " version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
                         " kiln_version TEXT NOT NULL,"
                         " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))");
        !s)
        return fail(s.error());
    auto current = queryValue("SELECT COALESCE(MAX(version), 0) FROM schema_version");
    if (!current) return fail(current.error());
    m_schemaVersion = int(std::get<std::int64_t>(*current));
    if (m_schemaVersion > latestSchemaVersion())  // a newer Kiln migrated it meanwhile
        return fail(makeError(ErrorCode::SchemaTooNew, "this workspace was written by a newer Kiln",
                              m_file.string()));
    for (const auto& migration : catalogMigrations()) {
        if (migration.version <= m_schemaVersion) continue;
        if (auto s = execute(migration.sql); !s) return fail(s.error());
        auto insert = prepare("INSERT INTO schema_version (version, description, kiln_version) "
                              "VALUES (?, ?, ?)");
        if (!insert) return fail(insert.error());
        (void)insert->bind({std::int64_t(migration.version), std::string(migration.description),
                            std::string(build::kKilnVersion)});
        if (auto r = insert->step(); !r) return fail(r.error());
        m_schemaVersion = migration.version;
    }
    return commit();
}

Status Catalog::execute(std::string_view sql) {
    char* message = nullptr;
    std::string text(sql);
    if (sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return {};
    Error error = sqlError(m_db, "catalog statement failed");
    sqlite3_free(message);
    return error;
}

Status Catalog::execute(std::string_view sql, std::initializer_list<SqlValue> params) {
    auto stmt = prepare(sql);
    if (!stmt) return stmt.error();
    if (auto s = stmt->bind(params); !s) return s;
    if (auto row = stmt->step(); !row) return row.error();
    return {};
}

Result<Statement> Catalog::prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.data(), int(sql.size()), &stmt, nullptr) != SQLITE_OK)
        return sqlError(m_db, "cannot prepare catalog query", std::string(sql));
    return Statement(stmt, m_db);
}

Result<SqlValue> Catalog::queryValue(std::string_view sql, std::initializer_list<SqlValue> params) {
    auto stmt = prepare(sql);
    if (!stmt) return stmt.error();
    if (auto s = stmt->bind(params); !s) return s.error();
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) {
        log::debug("catalog: no row from: " + std::string(sql));
        return makeError(ErrorCode::NotFound, "no such record in the catalog");
    }
    sqlite3_stmt* raw = stmt->m_stmt;
    switch (sqlite3_column_type(raw, 0)) {
        case SQLITE_INTEGER: return SqlValue(std::int64_t(sqlite3_column_int64(raw, 0)));
        case SQLITE_FLOAT: return SqlValue(sqlite3_column_double(raw, 0));
        case SQLITE_NULL: return SqlValue(nullptr);
        default: return SqlValue(stmt->columnText(0));
    }
}

std::int64_t Catalog::lastInsertId() const { return sqlite3_last_insert_rowid(m_db); }

Status Catalog::begin() { return execute("BEGIN IMMEDIATE"); }

Status Catalog::commit() { return execute("COMMIT"); }

void Catalog::rollback() { sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr); }

Result<CatalogCounts> Catalog::counts() {
    CatalogCounts counts;
    struct Entry {
        const char* table;
        std::int64_t* target;
    } entries[] = {{"datasets", &counts.datasets},
                   {"dataset_versions", &counts.datasetVersions},
                   {"runs", &counts.runs},
                   {"models", &counts.models},
                   {"hosts", &counts.hosts}};
    for (auto& entry : entries) {
        auto value = queryValue(std::string("SELECT COUNT(*) FROM ") + entry.table);
        if (!value) return value.error();
        *entry.target = std::get<std::int64_t>(*value);
    }
    return counts;
}

}  // namespace kiln
