#include "core/modules/database_module.h"

#include <mutex>

#include "core/modules/module_loading.h"

#ifndef KILN_DATABASE_MODULE_BUILD_PATH
#define KILN_DATABASE_MODULE_BUILD_PATH ""
#endif

namespace kiln {

namespace {

const ModuleSearch kSearch = {
    "KILN_DATABASE_MODULE", "kiln-database.so", KILN_DATABASE_MODULE_BUILD_PATH, kDatabaseModuleEntry,
    "Kiln's database clients (PostgreSQL, SQLite)",
    "reinstall Kiln, or set KILN_DATABASE_MODULE to the kiln-database.so of this build"};

Result<const DatabaseModule*> load() {
    auto table = openModule(kSearch, [](const void* t) -> std::string {
        const int abi = static_cast<const DatabaseModule*>(t)->abi;
        if (abi == kDatabaseModuleAbi) return "";
        return "table version " + std::to_string(abi) + ", this build needs " + std::to_string(kDatabaseModuleAbi);
    });
    if (!table) return table.error();
    return static_cast<const DatabaseModule*>(*table);
}

}  // namespace

Result<const DatabaseModule*> databaseModule() {
    static std::once_flag once;
    static Result<const DatabaseModule*>* result = nullptr;  // kept for the process's life
    std::call_once(once, [] { result = new Result<const DatabaseModule*>(load()); });
    return *result;
}

}  // namespace kiln
