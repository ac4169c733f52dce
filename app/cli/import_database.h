#pragma once

#include <functional>
#include <nlohmann/json.hpp>

#include "app/cli/command.h"

namespace kiln {
class JobContext;
class Workspace;
}  // namespace kiln

namespace kiln::cli {

// `kiln import --db URL (--table T | --query SQL)`: one table or query result as a dataset
// version (its JSON appended to `imports`, or its summary printed); returns the exit status.
// The database clients (libpq, SQLite's) live in kiln-engine, so the hook is empty in the `kiln`
// front end, which hands --db imports to the engine, and installDatabaseImport() sets it there
// (allCommands() calls it).
using DatabaseImportHook = int (*)(Workspace& ws, const Arguments& args, JobContext& job,
                                   nlohmann::json& imports, const std::function<double()>& elapsed);
DatabaseImportHook& databaseImportHook();
void installDatabaseImport();

}  // namespace kiln::cli
