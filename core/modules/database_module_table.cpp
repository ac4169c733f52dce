// The entry point of kiln-database.so: the table of database_module.h over kiln_database. The
// module's link keeps every other symbol local (database_module.map).
#include "core/modules/database_module.h"

namespace kiln {
namespace {

DatabaseModule makeTable() {
    DatabaseModule table;
    table.redactedUrl = &kiln::redactedUrl;
    table.testDatabaseConnection = &kiln::testDatabaseConnection;
    table.listDatabaseTables = &kiln::listDatabaseTables;
    table.previewDatabase = &kiln::previewDatabase;
    table.importDatabaseDataset = &kiln::importDatabaseDataset;
    return table;
}

}  // namespace
}  // namespace kiln

extern "C" __attribute__((visibility("default"))) const kiln::DatabaseModule* kiln_database_module() {
    static const kiln::DatabaseModule table = kiln::makeTable();
    return &table;
}
