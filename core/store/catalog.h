#pragma once

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/base/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace kiln {

// A value bound to or read from a catalog statement.
using SqlValue = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

// One prepared SQL statement over the catalog. Move-only; finalised on destruction.
// Not thread-safe: use it on the thread that owns its Catalog.
class Statement {
public:
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    ~Statement();

    // Binds parameters 1..n in order.
    Status bind(std::initializer_list<SqlValue> values);
    // Binds parameter `index` (from 1) to the bytes of `blob`, as a BLOB.
    Status bindBlob(int index, std::string_view blob);
    // Advances to the next row: true when a row is ready, false when done, an Error on failure.
    Result<bool> step();
    std::int64_t columnInt(int column) const;
    double columnDouble(int column) const;
    std::string columnText(int column) const;
    // A BLOB column's bytes, valid until the statement steps, resets or is destroyed.
    std::string_view columnBlob(int column) const;
    bool columnIsNull(int column) const;
    Status reset();

private:
    friend class Catalog;
    Statement(sqlite3_stmt* stmt, sqlite3* db) : m_stmt(stmt), m_db(db) {}
    sqlite3_stmt* m_stmt = nullptr;
    sqlite3* m_db = nullptr;
};

// Row counts of the main catalog tables, for `kiln info` and the Studio navigator.
struct CatalogCounts {
    std::int64_t datasets = 0;
    std::int64_t datasetVersions = 0;
    std::int64_t runs = 0;
    std::int64_t models = 0;
    std::int64_t hosts = 0;
};

// The workspace's SQLite catalog (kiln.db): WAL mode, a busy timeout so several processes can
// share it, and versioned schema migrations applied on open. A catalog whose schema is newer
// than this build knows is refused and left untouched. One Catalog per thread; SQLite handles
// the locking between connections and processes.
class Catalog {
public:
    // The schema version this build creates and understands.
    static int latestSchemaVersion();

    // Opens (creating if missing) and migrates the catalog at `file`.
    static Result<std::unique_ptr<Catalog>> open(const std::filesystem::path& file);
    ~Catalog();
    Catalog(const Catalog&) = delete;
    Catalog& operator=(const Catalog&) = delete;

    const std::filesystem::path& file() const { return m_file; }
    int schemaVersion() const { return m_schemaVersion; }

    // Runs one or more statements that return no rows.
    Status execute(std::string_view sql);
    // Runs one statement with `params` bound to its ?s, stepping it once (rows are ignored).
    Status execute(std::string_view sql, std::initializer_list<SqlValue> params);
    Result<Statement> prepare(std::string_view sql);
    // Runs `sql` with `params`; returns the first column of the first row (NotFound if no row).
    Result<SqlValue> queryValue(std::string_view sql, std::initializer_list<SqlValue> params = {});
    // Every row of `sql` with `params`, each made by `read(const Statement&)`.
    template <class T, class Read>
    Result<std::vector<T>> queryRows(std::string_view sql, std::initializer_list<SqlValue> params,
                                     Read read);
    std::int64_t lastInsertId() const;

    // BEGIN IMMEDIATE … COMMIT, waiting for other writers up to the busy timeout.
    Status begin();
    Status commit();
    void rollback();
    // True while a transaction is open on this connection.
    bool inTransaction() const;

    Result<CatalogCounts> counts();

private:
    Catalog(sqlite3* db, std::filesystem::path file) : m_db(db), m_file(std::move(file)) {}
    Status configure();
    Status migrate();

    sqlite3* m_db = nullptr;
    std::filesystem::path m_file;
    int m_schemaVersion = 0;
};

template <class T, class Read>
Result<std::vector<T>> Catalog::queryRows(std::string_view sql,
                                          std::initializer_list<SqlValue> params, Read read) {
    auto st = prepare(sql);
    if (!st) return st.error();
    if (auto b = st->bind(params); !b) return b.error();
    std::vector<T> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) return out;
        out.push_back(read(*st));
    }
}

// BEGIN IMMEDIATE for the guard's life: commit() makes the changes stick; leaving the scope
// without it (an early return on an error) rolls them back.
//     Transaction tx(catalog);
//     if (!tx) return tx.error();
//     … statements …
//     return tx.commit();
class Transaction {
public:
    explicit Transaction(Catalog& catalog) : m_catalog(catalog), m_begun(catalog.begin()) {}
    ~Transaction() {
        if (m_begun && !m_done) m_catalog.rollback();
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    explicit operator bool() const { return m_begun.ok(); }
    const Error& error() const { return m_begun.error(); }
    Status commit() {
        m_done = true;
        return m_catalog.commit();
    }

private:
    Catalog& m_catalog;
    Status m_begun;
    bool m_done = false;
};

}  // namespace kiln
