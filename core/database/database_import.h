#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/data/table_import.h"

namespace kiln {

class JobContext;
class ObjectStore;
class Workspace;

// Where to read: a URL and either a table (or view) or a query.
struct DatabaseTarget {
    std::string url;  // postgresql://USER@HOST:PORT/DB?…, postgres://…, "service=NAME" or any
                      // libpq conninfo string; sqlite:PATH, sqlite:///ABS/PATH or a *.db/*.sqlite/
                      // *.sqlite3 file path
    std::string table;  // "schema.table" or "table"
    std::string query;  // SQL; exactly one of table/query
};

enum class DatabaseKind { PostgreSql, Sqlite };

// Which client reads `url`; InvalidArgument for text that is neither (the message lists the
// accepted forms).
Result<DatabaseKind> databaseKind(const std::string& url);

// The URL with any password removed (postgresql://ann:secret@h/db → postgresql://ann@h/db;
// password=… dropped from conninfo). What the catalog, logs and messages show.
std::string redactedUrl(const std::string& url);

// Connects (or opens the SQLite file) and runs nothing. `password` is for this session only
// (Studio asks for it); empty: libpq's own ways (~/.pgpass, $PGPASSWORD, a service file). Never
// written anywhere. Errors name the host and port, or the file; never the password.
Status testDatabaseConnection(const std::string& url, const std::string& password);

// Tables and views a user can read, "schema.name" (just "name" in public / for SQLite), sorted.
Result<std::vector<std::string>> listDatabaseTables(const std::string& url,
                                                    const std::string& password);

// The first `rows` rows of the target as the import would type them (columns typed from the
// database's types, else from the first 5,000 rows), the user's choices applied. The preview's
// `format` is TableFormat::Csv (TableFormat has no database entry); its notes say which database.
Result<TablePreview> previewDatabase(const DatabaseTarget& target, const std::string& password,
                                     const ImportOptions& options, std::size_t rows = 100);

// Reads the whole target into an immutable stored table in `store`, no catalog entry; the
// result's format is "postgresql" or "sqlite". PostgreSQL rows stream (COPY … TO STDOUT in a
// read-only transaction), so a table of any size never sits in memory. Progress (rows; the
// total is PostgreSQL's estimate for a table, 0 for a query or SQLite) and cancel through `job`;
// nothing is committed on failure. Thread-safe for distinct calls.
Result<TableImportResult> readDatabaseTable(const ObjectStore& store, const DatabaseTarget& target,
                                            const std::string& password,
                                            const ImportOptions& options, JobContext& job);

// Reads and records as a version of dataset `name` (default: the table's name, or "query"),
// through recordImportedTable (core/data/table_import.h) with sourcePath = the redacted URL plus
// table/query, and sourceSpec {"kind":"database","url":REDACTED,"table":T} or {…,"query":Q}.
Result<DatasetImport> importDatabaseDataset(Workspace& workspace, const DatabaseTarget& target,
                                            const std::string& password, const std::string& name,
                                            const ImportOptions& options, JobContext& job);

}  // namespace kiln
