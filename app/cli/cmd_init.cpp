// kiln init [DIR]: creates a workspace (or confirms an existing one).
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/cli_app.h"
#include "core/store/workspace.h"

namespace kiln::cli {

namespace {

int runInit(const Arguments& args) {
    auto path = args.positionals.empty() ? workspacePath(args)
                                         : std::filesystem::path(args.positionals.front());
    bool existed = Workspace::exists(path);
    auto workspace = Workspace::open(path, true);
    if (!workspace) return reportError(workspace.error());
    const auto& root = (*workspace)->root();
    int schema = (*workspace)->catalog().schemaVersion();
    if (args.json) {
        std::cout << nlohmann::json{{"workspace", root.string()},
                                    {"created", !existed},
                                    {"schema_version", schema}}
                         .dump(2)
                  << "\n";
    } else {
        std::cout << (existed ? "Kiln workspace already exists at " : "Created Kiln workspace at ")
                  << root.string() << " (catalog schema " << schema << ")\n";
    }
    return kExitOk;
}

}  // namespace

Command makeInitCommand() {
    Command c;
    c.name = "init";
    c.summary = "create a workspace (catalog, object store, runs folder)";
    c.usage = "kiln init [DIR]";
    c.description =
        "Creates the workspace folder DIR (or --workspace, or the default) with its SQLite\n"
        "catalog kiln.db, objects/ and runs/. Running it on an existing workspace changes nothing.";
    c.maxPositionals = 1;
    c.run = runInit;
    return c;
}

}  // namespace kiln::cli
