#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/data/cell_rows.h"
#include "core/database/database_import.h"
#include "core/database/postgres_connection.h"
#include "core/database/postgres_types.h"

namespace kiln {

// The rows of a PostgreSQL table or query, streamed by COPY (…) TO STDOUT inside a read-only,
// repeatable-read transaction: the server sends rows while the import types the ones before,
// and a table of any size never sits in memory (the socket's buffers hold the server back when
// the import is slower). The first kKeptRows rows are kept, so the import's rewind after its
// 5,000-row sample replays them instead of running the query again.
class PostgresRowSource : public CellRowSource {
public:
    static constexpr std::size_t kKeptRows = 10000;

    // Connects, checks the table exists (NotFound listing a few that do), reads the result's
    // columns from the server's plan and starts the COPY. `job` (may be null) is polled while
    // the server works; its cancel sends PQcancel.
    static Result<std::unique_ptr<PostgresRowSource>> open(const DatabaseTarget& target,
                                                           const std::string& password,
                                                           JobContext* job);

    const std::vector<std::string>& columnNames() const override { return m_names; }
    DeclaredColumn declared(std::size_t column) const override;
    Result<bool> next(std::vector<std::string>& cells) override;
    Status rewind() override;
    std::string location() const override;
    std::pair<std::uint64_t, std::uint64_t> progress() const override;
    std::string sourceJson() const override;
    std::vector<std::string> notes() const override;

private:
    PostgresRowSource(std::unique_ptr<PgConnection> connection, DatabaseTarget target,
                      JobContext* job);
    Status start(const std::string& sql, std::uint64_t estimatedRows);
    Status startCopy();
    std::string what() const;
    void splitRow(const char* text, std::size_t length, std::vector<std::string>& cells);
    void readCell(std::size_t column, const char* text, int length, std::string& cell);

    std::unique_ptr<PgConnection> m_connection;
    DatabaseTarget m_target;
    JobContext* m_job;
    std::string m_sql;
    std::uint64_t m_estimatedRows = 0;
    std::vector<PgColumn> m_columns;
    std::vector<std::string> m_names;
    std::vector<std::string> m_kept;  // the first rows as COPY sent them, for a cheap rewind
    std::size_t m_replay = 0;         // the next kept row to give
    bool m_pastKept = false;          // rows past the kept ones were given: rewind copies again
    bool m_copyDone = false;
    std::unique_ptr<char, void (*)(void*)> m_row;  // the row being read, libpq's buffer
    std::string m_unescaped;
    std::uint64_t m_rowsRead = 0;
    std::vector<std::uint64_t>
        m_infinite;                    // by column: infinite values met (dates: read as missing)
    std::vector<std::uint64_t> m_nan;  // by column: NaN or BC values read as missing
};

// Tables, views, materialized views and foreign tables the session may SELECT from, as
// listDatabaseTables() gives them.
Result<std::vector<std::string>> listPostgresTables(PgConnection& connection);

}  // namespace kiln
