#include "core/modules/engine_module.h"

#include <atomic>
#include <mutex>
#include <system_error>

#include "core/modules/module_loading.h"

#ifndef KILN_ENGINE_MODULE_BUILD_PATH
#define KILN_ENGINE_MODULE_BUILD_PATH ""
#endif

namespace kiln {
namespace {

namespace fs = std::filesystem;

const ModuleSearch kSearch = {
    "KILN_ENGINE_MODULE", "kiln-engines.so", KILN_ENGINE_MODULE_BUILD_PATH, kEngineModuleEntry,
    "Kiln's engines (export, prediction, images, sweeps)",
    "reinstall Kiln, or set KILN_ENGINE_MODULE to the kiln-engines.so of this build"};

Result<const EngineModule*> load() {
    auto table = openModule(kSearch, [](const void* t) -> std::string {
        const int abi = static_cast<const EngineModule*>(t)->abi;
        if (abi == kEngineModuleAbi) return "";
        return "table version " + std::to_string(abi) + ", this build needs " + std::to_string(kEngineModuleAbi);
    });
    if (!table) return table.error();
    return static_cast<const EngineModule*>(*table);
}

std::once_flag g_once;
std::atomic<bool> g_loaded{false};
Result<const EngineModule*>* g_result = nullptr;

}  // namespace

Result<const EngineModule*> engineModule() {
    std::call_once(g_once, [] {
        g_result = new Result<const EngineModule*>(load());  // kept for the process's life
        g_loaded = bool(*g_result);
    });
    return *g_result;
}

bool engineModuleLoaded() { return g_loaded; }

fs::path engineModulePath() {
    const auto all = moduleCandidates(kSearch);
    for (const fs::path& path : all) {
        std::error_code ec;
        if (fs::exists(path, ec)) return fs::weakly_canonical(path, ec);
    }
    return all.empty() ? fs::path() : all.front();
}

}  // namespace kiln
