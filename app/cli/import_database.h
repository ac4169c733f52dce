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
// The database clients are kiln-database.so (core/modules/database_module.h), loaded here only,
// so the `kiln` front end answers it without loading libpq for every other verb.
int importFromDatabase(Workspace& ws, const Arguments& args, JobContext& job, nlohmann::json& imports,
                       const std::function<double()>& elapsed);

}  // namespace kiln::cli
