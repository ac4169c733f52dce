// kiln info: the workspace (path, schema, counts, storage) and the machine's environment.
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/cli_app.h"
#include "core/env/environment.h"
#include "core/store/workspace.h"

namespace kiln::cli {

namespace {

nlohmann::json countsJson(const CatalogCounts& counts) {
    return {{"datasets", counts.datasets},
            {"dataset_versions", counts.datasetVersions},
            {"runs", counts.runs},
            {"models", counts.models},
            {"hosts", counts.hosts}};
}

void printText(Workspace& ws, const CatalogCounts& counts, const ObjectStore::Usage& usage,
               const Environment& env) {
    std::cout << "Workspace: " << ws.root().string() << "\n"
              << "Catalog:   kiln.db, schema " << ws.catalog().schemaVersion() << " (this Kiln knows up to "
              << Catalog::latestSchemaVersion() << ")\n"
              << "Contents:  " << counts.datasets << " datasets (" << counts.datasetVersions
              << " versions), " << counts.runs << " runs, " << counts.models << " models, "
              << counts.hosts << " hosts\n"
              << "Objects:   " << usage.objects << " (" << usage.bytes << " bytes)\n\n"
              << env.toText();
}

int runInfo(const Arguments& args) {
    auto workspace = openWorkspace(args, false);
    if (!workspace) return reportError(workspace.error());
    Workspace& ws = **workspace;
    auto counts = ws.catalog().counts();
    if (!counts) return reportError(counts.error());
    auto usage = ws.objects().usage();
    Environment env = captureEnvironment();
    if (!args.json) {
        printText(ws, *counts, usage, env);
        return kExitOk;
    }
    nlohmann::json doc = {
        {"workspace", ws.root().string()},
        {"schema_version", ws.catalog().schemaVersion()},
        {"latest_schema_version", Catalog::latestSchemaVersion()},
        {"counts", countsJson(*counts)},
        {"objects", {{"count", usage.objects}, {"bytes", usage.bytes}}},
        {"environment", nlohmann::json::parse(env.toJson())},
    };
    std::cout << doc.dump(2) << "\n";
    return kExitOk;
}

}  // namespace

Command makeInfoCommand() {
    Command c;
    c.name = "info";
    c.summary = "show the workspace (schema, counts, storage) and this machine's environment";
    c.usage = "kiln info";
    c.description =
        "Reports the workspace path, catalog schema version, how many datasets, runs and models it\n"
        "holds, and the environment runs record: OS, CPU, memory, compiler, LibTorch, OpenCV,\n"
        "SQLite, BLAS, and whether CUDA is available (and why not).";
    c.run = runInfo;
    return c;
}

}  // namespace kiln::cli
