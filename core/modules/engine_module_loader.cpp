#include "core/modules/engine_module.h"

#include <dlfcn.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <system_error>
#include <vector>

#ifndef KILN_ENGINE_MODULE_BUILD_PATH
#define KILN_ENGINE_MODULE_BUILD_PATH ""
#endif

namespace kiln {
namespace {

namespace fs = std::filesystem;

using Entry = const EngineModule* (*)();

std::filesystem::path executableFolder() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe.parent_path();
}

std::vector<fs::path> candidates() {
    if (const char* chosen = std::getenv("KILN_ENGINE_MODULE"); chosen && *chosen) return {chosen};
    std::vector<fs::path> out;
    if (const fs::path folder = executableFolder(); !folder.empty())
        out.push_back(folder / ".." / "lib" / "kiln" / "kiln-engines.so");
    if (*KILN_ENGINE_MODULE_BUILD_PATH) out.emplace_back(KILN_ENGINE_MODULE_BUILD_PATH);
    return out;
}

Result<const EngineModule*> load() {
    std::string tried;
    for (const fs::path& path : candidates()) {
        std::error_code ec;
        if (!fs::exists(path, ec)) {
            tried += "\n  " + path.string() + ": no such file";
            continue;
        }
        void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            const char* why = ::dlerror();
            tried += "\n  " + path.string() + ": " + (why ? why : "dlopen failed");
            continue;
        }
        auto entry = reinterpret_cast<Entry>(::dlsym(handle, kEngineModuleEntry));
        const EngineModule* module = entry ? entry() : nullptr;
        if (!module) {
            tried += "\n  " + path.string() + ": no " + kEngineModuleEntry;
            continue;
        }
        if (module->abi != kEngineModuleAbi) {
            tried += "\n  " + path.string() + ": table version " + std::to_string(module->abi) +
                     ", this build needs " + std::to_string(kEngineModuleAbi);
            continue;
        }
        return module;  // never unloaded: its code runs until the process ends
    }
    Error error = makeError(ErrorCode::Unsupported,
                            "Kiln's engines (export, prediction, images, sweeps) could not be loaded:" + tried);
    error.hint = "reinstall Kiln, or set KILN_ENGINE_MODULE to the kiln-engines.so of this build";
    return error;
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
    for (const fs::path& path : candidates()) {
        std::error_code ec;
        if (fs::exists(path, ec)) return fs::weakly_canonical(path, ec);
    }
    const auto all = candidates();
    return all.empty() ? fs::path() : all.front();
}

}  // namespace kiln
