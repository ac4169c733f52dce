#pragma once
// How Kiln's modules (kiln-engines.so, kiln-database.so) are found and opened: the shared part
// of engine_module_loader.cpp and database_module_loader.cpp.
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/base/result.h"

namespace kiln {

struct ModuleSearch {
    const char* environment;  // a variable naming the module file, tried alone when set
    const char* fileName;     // the module's name in ../lib/kiln beside the executable
    const char* buildPath;    // the build tree's copy ("" for none)
    const char* entry;        // the exported function returning the module's table
    const char* what;         // what the module brings, for the error ("Kiln's database clients")
    const char* hint;         // what to do when none loads
};

// The files tried, in order.
std::vector<std::filesystem::path> moduleCandidates(const ModuleSearch& search);

// dlopens the first candidate that exists and whose table `accept` takes (it returns "" to take
// it, else why not); the table, never unloaded. Unsupported listing every file tried and why.
Result<const void*> openModule(const ModuleSearch& search,
                               const std::function<std::string(const void*)>& accept);

}  // namespace kiln
