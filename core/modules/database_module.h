#pragma once
// Kiln's database clients (core/database: libpq and SQLite) as a small module loaded on first use:
// libpq brings two dozen shared libraries that neither the `kiln` front end nor Kiln Studio may
// load at start. The module is kiln-database.so (core/modules/database_module_table.cpp over
// kiln_database, only its entry point exported); `kiln import --db`, `kiln refresh` of a database
// source and Studio's File ▸ Import from Database… reach the clients through this table.
#include <cstddef>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/data/table_import.h"
#include "core/database/database_import.h"

namespace kiln {

class JobContext;
class Workspace;

// Bumped whenever the table below changes: a module of another build is refused.
inline constexpr int kDatabaseModuleAbi = 1;

// Each entry does what its namesake in core/database/database_import.h does.
struct DatabaseModule {
    int abi = kDatabaseModuleAbi;
    std::string (*redactedUrl)(const std::string& url) = nullptr;
    Status (*testDatabaseConnection)(const std::string& url, const std::string& password) = nullptr;
    Result<std::vector<std::string>> (*listDatabaseTables)(const std::string& url,
                                                           const std::string& password) = nullptr;
    Result<TablePreview> (*previewDatabase)(const DatabaseTarget& target, const std::string& password,
                                            const ImportOptions& options, std::size_t rows) = nullptr;
    Result<DatasetImport> (*importDatabaseDataset)(Workspace& workspace, const DatabaseTarget& target,
                                                   const std::string& password, const std::string& name,
                                                   const ImportOptions& options, JobContext& job) = nullptr;
};

// The module's one exported symbol: extern "C" const kiln::DatabaseModule* kiln_database_module().
inline constexpr const char* kDatabaseModuleEntry = "kiln_database_module";

// The database clients, loading the module on the first call (from any thread; later calls wait
// for that one load and share its outcome). Where: $KILN_DATABASE_MODULE, else beside the
// executable as installed (../lib/kiln/kiln-database.so), else the build tree's. Unsupported
// with what was tried and dlopen's reason when it cannot be loaded.
Result<const DatabaseModule*> databaseModule();

}  // namespace kiln
