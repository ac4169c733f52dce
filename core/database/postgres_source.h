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

// The rows of a PostgreSQL table or query, streamed through a cursor (FETCH kFetchRows at a time)
// inside a read-only, repeatable-read transaction, so that a table of any size never sits in
// memory and a second pass sees the same rows. The first batch is kept: the import's rewind
// after its 5,000-row sample replays it instead of running the query again.
class PostgresRowSource : public CellRowSource {
public:
    static constexpr int kFetchRows = 10000;

    // Connects, checks the table exists (NotFound listing a few that do), declares the cursor
    // and fetches the first batch. `job` (may be null) is polled while the server works.
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
    Status declareAndFetch();
    Status fetch(PgResult& into);
    void readCell(std::size_t column, const char* text, int length, std::string& cell);

    std::unique_ptr<PgConnection> m_connection;
    DatabaseTarget m_target;
    JobContext* m_job;
    std::string m_sql;
    std::uint64_t m_estimatedRows = 0;
    std::vector<PgColumn> m_columns;
    std::vector<std::string> m_names;
    PgResult m_first;  // the first batch, for a cheap rewind
    PgResult m_later;  // the batch being read, once past the first
    PGresult* m_current = nullptr;
    int m_row = 0;
    bool m_pastFirst = false;
    std::uint64_t m_rowsRead = 0;
    std::vector<std::uint64_t>
        m_infinite;                    // by column: infinite values met (dates: read as missing)
    std::vector<std::uint64_t> m_nan;  // by column: NaN or out-of-range values read as missing
};

// Tables, views, materialized views and foreign tables the session may SELECT from, as
// listDatabaseTables() gives them.
Result<std::vector<std::string>> listPostgresTables(PgConnection& connection);

}  // namespace kiln
