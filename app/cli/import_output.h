#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/data/table_import.h"

namespace kiln::cli {

struct Arguments;

// The choices `kiln import` reads for every source (--type, --rename, --skip, --order and the
// file options), as cmd_import.cpp parses them; for the database import in kiln-engine.
Result<ImportOptions> importOptionsFrom(const Arguments& args);

// What `kiln import` tells of one imported table (a file, or a database table or query named by
// `source`): as JSON for --json, or as a summary with the columns' types and notes.
nlohmann::json importJson(const std::string& source, const DatasetImport& imported, double seconds);
void printImport(const std::string& source, const DatasetImport& imported, double seconds);

}  // namespace kiln::cli
