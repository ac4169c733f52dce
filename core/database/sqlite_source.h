#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/data/cell_rows.h"
#include "core/database/database_import.h"

struct sqlite3;
struct sqlite3_stmt;

namespace kiln {

// The rows of a table, view or query of a SQLite file, opened read-only (immutable when its
// folder cannot be written, where no other process can be changing it). Columns are declared
// from their declared types by SQLite's affinity rules; untyped and NUMERIC columns are typed
// from their cells, since SQLite stores any value in any column. Not thread-safe.
class SqliteRowSource : public CellRowSource {
public:
    // NotFound for a missing file or table (listing a few that exist), InvalidArgument for a file
    // that is not a SQLite database or a query SQLite refuses (its message and offset).
    static Result<std::unique_ptr<SqliteRowSource>> open(const DatabaseTarget& target);
    ~SqliteRowSource() override;

    const std::vector<std::string>& columnNames() const override { return m_names; }
    DeclaredColumn declared(std::size_t column) const override;
    Result<bool> next(std::vector<std::string>& cells) override;
    Status rewind() override;
    std::string location() const override;
    std::pair<std::uint64_t, std::uint64_t> progress() const override;
    std::string sourceJson() const override;
    std::vector<std::string> notes() const override;
    // The size of the file, in bytes.
    std::uint64_t fileBytes() const { return m_bytes; }

private:
    SqliteRowSource(sqlite3* db, DatabaseTarget target, std::string path);
    Status prepare(const std::string& sql);
    void readCell(int column, std::string& cell);

    sqlite3* m_db;
    sqlite3_stmt* m_statement = nullptr;
    DatabaseTarget m_target;
    std::string m_path;
    std::uint64_t m_bytes = 0;
    std::vector<std::string> m_names;
    std::vector<DeclaredColumn> m_declared;
    std::uint64_t m_rowsRead = 0;
    std::uint64_t m_blobs = 0;
};

// Tables and views of the SQLite file at `url`, sorted (SQLite's own tables left out).
Result<std::vector<std::string>> listSqliteTables(const std::string& url);
// Opens the file at `url` and reads its schema: the connection test.
Status testSqliteFile(const std::string& url);

}  // namespace kiln
