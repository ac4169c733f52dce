// kiln import --db: a database table or query as a dataset version (placeholder until the
// database readers land).
#include "app/cli/cli_app.h"
#include "app/cli/import_database.h"

namespace kiln::cli {

namespace {

int importDatabase(Workspace&, const Arguments&, JobContext&, nlohmann::json&,
                   const std::function<double()>&) {
    return reportError(makeError(ErrorCode::Unsupported, "database import is not built yet"));
}

}  // namespace

void installDatabaseImport() { databaseImportHook() = importDatabase; }

}  // namespace kiln::cli
