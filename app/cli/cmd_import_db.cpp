// kiln import --db URL (--table T | --query SQL): a PostgreSQL or SQLite table, view or query
// result as a dataset version. Lives in kiln-engine: libpq is too heavy for the `kiln` front end.
#include "app/cli/cli_app.h"
#include "app/cli/import_database.h"
#include "app/cli/import_output.h"
#include "core/database/database_import.h"

namespace kiln::cli {

namespace {

// What the summary and the JSON call the source: the URL without its password, and the table.
std::string describeTarget(const DatabaseTarget& target) {
    return redactedUrl(target.url) + (target.table.empty() ? " query" : " table " + target.table);
}

int importDatabase(Workspace& workspace, const Arguments& args, JobContext& job,
                   nlohmann::json& imports, const std::function<double()>& elapsed) {
    auto options = importOptionsFrom(args);
    if (!options) return reportError(options.error());
    DatabaseTarget target;
    target.url = args.value("db").value_or("");
    target.table = args.value("table").value_or("");
    target.query = args.value("query").value_or("");
    // No password option: one on a command line is seen by every user of the machine. libpq
    // takes it from the URL, ~/.pgpass, $PGPASSWORD or a service file.
    auto imported = importDatabaseDataset(workspace, target, "", args.value("name").value_or(""),
                                          *options, job);
    if (!imported) return reportError(imported.error());
    if (args.json)
        imports.push_back(importJson(describeTarget(target), *imported, elapsed()));
    else
        printImport(describeTarget(target), *imported, elapsed());
    return kExitOk;
}

}  // namespace

void installDatabaseImport() {
    databaseImportHook() = importDatabase;
}

}  // namespace kiln::cli
