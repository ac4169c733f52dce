// kiln refresh DS…: reads each dataset's recorded source again (a file, the newest file of a
// pattern, a database table or query, the last through kiln-database.so) and makes a new version
// only when the content changed.
#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/cli_app.h"
#include "app/cli/import_output.h"
#include "core/base/names.h"
#include "core/data/dataset_catalog.h"
#include "core/data/dataset_source.h"
#include "core/modules/database_module.h"
#include "core/jobs/job_context.h"
#include "core/store/workspace.h"

namespace kiln::cli {

namespace {

Result<DatasetSource> recordedSource(Workspace& ws, const std::string& name) {
    DatasetCatalog catalog(ws.catalog());
    auto spec = catalog.sourceSpec(name);
    if (!spec) return spec.error();
    if (spec->empty())
        return makeError(ErrorCode::Unsupported,
                         "dataset '" + name +
                             "' recorded no source (imported before Kiln kept sources, or an image "
                             "folder); import it again once to refresh it later");
    return DatasetSource::fromJson(*spec);
}

Result<DatasetImport> readAgain(Workspace& ws, const std::string& name, const DatasetSource& source,
                                JobContext& job) {
    if (source.kind != DatasetSource::Kind::Database) return refreshFileDataset(ws, name, source, job);
    auto clients = databaseModule();
    if (!clients) return clients.error();
    DatabaseTarget target{source.url, source.table, source.query};
    return (*clients)->importDatabaseDataset(ws, target, "", name, source.options, job);
}

void printRefresh(const std::string& name, const DatasetSource& source, const DatasetImport& r) {
    if (r.created)
        std::cout << "Refreshed '" << printable(name) << "' from " << printable(source.describe())
                  << ": new version " << r.version << " (hash " << r.table.manifestHash.substr(0, 12)
                  << "), " << r.table.manifest.rows << " rows\n";
    else
        std::cout << "Unchanged: '" << printable(name) << "' version " << r.version
                  << " is what " << printable(source.describe()) << " holds; no new version\n";
}

int runRefresh(const Arguments& args) {
    auto workspace = openWorkspace(args, false);
    if (!workspace) return reportError(workspace.error());
    nlohmann::json refreshed = nlohmann::json::array();
    int status = kExitOk;
    for (const auto& name : args.positionals) {
        BasicJobContext job;
        const auto start = std::chrono::steady_clock::now();
        auto source = recordedSource(**workspace, name);
        if (!source) {
            status = reportError(source.error());
            continue;
        }
        auto result = readAgain(**workspace, name, *source, job);
        if (!result) {
            status = reportError(result.error());
            continue;
        }
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (args.json) {
            auto doc = importJson(source->describe(), *result, seconds);
            doc["source"] = nlohmann::json::parse(source->toJson());
            refreshed.push_back(std::move(doc));
        } else {
            printRefresh(name, *source, *result);
        }
    }
    if (args.json) std::cout << nlohmann::json{{"refreshed", refreshed}}.dump(2) << "\n";
    return status;
}

}  // namespace

Command makeRefreshCommand() {
    Command c;
    c.name = "refresh";
    c.summary = "read datasets from their sources again; a new version only when they changed";
    c.usage = "kiln refresh DATASET... [--json]";
    c.description =
        "Each dataset remembers where it was read from and with which choices: a file, the newest\n"
        "file of a pattern (kiln import 'PATTERN' --newest), or a database table or query (kiln\n"
        "import --db). Refresh reads that source again and records a new version only when the\n"
        "content changed. A database password is never stored: it comes from ~/.pgpass,\n"
        "$PGPASSWORD or a service file.";
    c.minPositionals = 1;
    c.maxPositionals = -1;
    c.run = runRefresh;
    return c;
}

}  // namespace kiln::cli
