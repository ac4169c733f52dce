// kiln import --db URL (--table T | --query SQL): a PostgreSQL or SQLite table, view or query
// result as a dataset version, through kiln-database.so: libpq is loaded for this verb only.
#include "app/cli/cli_app.h"
#include "app/cli/import_database.h"
#include "app/cli/import_output.h"
#include "core/modules/database_module.h"

namespace kiln::cli {

namespace {

// What the summary and the JSON call the source: the URL without its password, and the table.
std::string describeTarget(const DatabaseModule& clients, const DatabaseTarget& target) {
    return clients.redactedUrl(target.url) + (target.table.empty() ? " query" : " table " + target.table);
}

}  // namespace

int importFromDatabase(Workspace& workspace, const Arguments& args, JobContext& job,
                       nlohmann::json& imports, const std::function<double()>& elapsed) {
    auto clients = databaseModule();
    if (!clients) return reportError(clients.error());
    auto options = importOptionsFrom(args);
    if (!options) return reportError(options.error());
    DatabaseTarget target;
    target.url = args.value("db").value_or("");
    target.table = args.value("table").value_or("");
    target.query = args.value("query").value_or("");
    // No password option: one on a command line is seen by every user of the machine. libpq
    // takes it from the URL, ~/.pgpass, $PGPASSWORD or a service file.
    auto imported = (*clients)->importDatabaseDataset(workspace, target, "", args.value("name").value_or(""),
                                          *options, job);
    if (!imported) return reportError(imported.error());
    if (args.json)
        imports.push_back(importJson(describeTarget(**clients, target), *imported, elapsed()));
    else
        printImport(describeTarget(**clients, target), *imported, elapsed());
    return kExitOk;
}

}  // namespace kiln::cli
