#include "core/database/database_import.h"

#include "core/base/names.h"
#include "core/data/dataset_source.h"
#include "core/database/postgres_source.h"
#include "core/database/sqlite_source.h"
#include "core/jobs/job_context.h"
#include "core/store/workspace.h"

namespace kiln {

namespace {

Status checkTarget(const DatabaseTarget& target) {
    if (target.table.empty() == target.query.empty())
        return makeError(ErrorCode::InvalidArgument,
                         "a database import needs one of a table or a query, not " +
                             std::string(target.table.empty() ? "neither" : "both"),
                         redactedUrl(target.url));
    return {};
}

// The source the target names, opened and ready to read.
Result<std::unique_ptr<CellRowSource>> openSource(const DatabaseTarget& target,
                                                  const std::string& password, JobContext* job) {
    if (auto s = checkTarget(target); !s) return s.error();
    auto kind = databaseKind(target.url);
    if (!kind) return kind.error();
    if (*kind == DatabaseKind::Sqlite) {
        auto source = SqliteRowSource::open(target);
        if (!source) return source.error();
        return std::unique_ptr<CellRowSource>(std::move(*source));
    }
    auto source = PostgresRowSource::open(target, password, job);
    if (!source) return source.error();
    return std::unique_ptr<CellRowSource>(std::move(*source));
}

// "sales.orders" → "orders"; a query → "query".
std::string defaultName(const DatabaseTarget& target) {
    if (target.table.empty()) return "query";
    const auto dot = target.table.rfind('.');
    return validNameFrom(dot == std::string::npos ? target.table : target.table.substr(dot + 1));
}

}  // namespace

Status testDatabaseConnection(const std::string& url, const std::string& password) {
    auto kind = databaseKind(url);
    if (!kind) return kind.error();
    if (*kind == DatabaseKind::Sqlite) return testSqliteFile(url);
    auto connection = PgConnection::connect(url, password);
    if (!connection) return connection.error();
    auto ran = (*connection)->run("SELECT 1");
    if (!ran) return ran.error();
    return {};
}

Result<std::vector<std::string>> listDatabaseTables(const std::string& url,
                                                    const std::string& password) {
    auto kind = databaseKind(url);
    if (!kind) return kind.error();
    if (*kind == DatabaseKind::Sqlite) return listSqliteTables(url);
    auto connection = PgConnection::connect(url, password);
    if (!connection) return connection.error();
    return listPostgresTables(**connection);
}

Result<TablePreview> previewDatabase(const DatabaseTarget& target, const std::string& password,
                                     const ImportOptions& options, std::size_t rows) {
    auto source = openSource(target, password, nullptr);
    if (!source) return source.error();
    auto preview = previewCellRows(**source, options, TableFormat::Csv, rows);
    if (!preview) return preview.error();
    const bool sqlite = *databaseKind(target.url) == DatabaseKind::Sqlite;
    preview->notes.insert(preview->notes.begin(), std::string(sqlite ? "SQLite" : "PostgreSQL") +
                                                      " database " + redactedUrl(target.url));
    return preview;
}

Result<TableImportResult> readDatabaseTable(const ObjectStore& store, const DatabaseTarget& target,
                                            const std::string& password,
                                            const ImportOptions& options, JobContext& job) {
    job.progress(0, 0, "Connecting");
    auto source = openSource(target, password, &job);
    if (!source) return source.error();
    const bool sqlite = *databaseKind(target.url) == DatabaseKind::Sqlite;
    auto table = importCellRows(store, **source, options, sqlite ? "sqlite" : "postgresql", job);
    if (!table) return table.error();
    table->bytes = sqlite ? static_cast<SqliteRowSource&>(**source).fileBytes() : 0;
    return table;
}

Result<DatasetImport> importDatabaseDataset(Workspace& workspace, const DatabaseTarget& target,
                                            const std::string& password, const std::string& name,
                                            const ImportOptions& options, JobContext& job) {
    auto table = readDatabaseTable(workspace.objects(), target, password, options, job);
    if (!table) return table.error();
    if (job.cancelled()) return makeError(ErrorCode::Cancelled, "import cancelled");
    DatasetSource source;
    source.kind = DatasetSource::Kind::Database;
    source.url = redactedUrl(target.url);
    source.table = target.table;
    source.query = target.query;
    source.options = options;
    const std::string path =
        source.url + (target.table.empty() ? " query " + target.query : " table " + target.table);
    return recordImportedTable(workspace, std::move(*table),
                               name.empty() ? defaultName(target) : name, path, source.toJson());
}

}  // namespace kiln
