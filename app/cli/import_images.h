#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "app/cli/command.h"

namespace kiln {
class JobContext;
class Workspace;
}  // namespace kiln

namespace kiln::cli {

// Imports one image folder for `kiln import` (its JSON appended to `imports`, or its summary
// printed) and returns the exit status. Decoding images needs OpenCV, so the hook is empty in the
// `kiln` front end, which hands image imports to kiln-engine, and installImageImport() sets it
// there (allCommands() calls it).
using ImageImportHook = int (*)(Workspace& ws, const std::string& folder, const Arguments& args,
                                JobContext& job, nlohmann::json& imports,
                                const std::function<double()>& elapsed);
ImageImportHook& imageImportHook();
void installImageImport();

}  // namespace kiln::cli
