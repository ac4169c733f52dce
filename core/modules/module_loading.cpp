#include "core/modules/module_loading.h"

#include <dlfcn.h>

#include <cstdlib>
#include <system_error>

namespace kiln {

namespace fs = std::filesystem;

namespace {

fs::path executableFolder() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe.parent_path();
}

}  // namespace

std::vector<fs::path> moduleCandidates(const ModuleSearch& search) {
    if (const char* chosen = std::getenv(search.environment); chosen && *chosen) return {chosen};
    std::vector<fs::path> out;
    if (const fs::path folder = executableFolder(); !folder.empty())
        out.push_back(folder / ".." / "lib" / "kiln" / search.fileName);
    if (search.buildPath && *search.buildPath) out.emplace_back(search.buildPath);
    return out;
}

Result<const void*> openModule(const ModuleSearch& search,
                               const std::function<std::string(const void*)>& accept) {
    using Entry = const void* (*)();
    std::string tried;
    for (const fs::path& path : moduleCandidates(search)) {
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
        auto entry = reinterpret_cast<Entry>(::dlsym(handle, search.entry));
        const void* table = entry ? entry() : nullptr;
        if (!table) {
            tried += "\n  " + path.string() + ": no " + search.entry;
            continue;
        }
        if (const std::string refused = accept(table); !refused.empty()) {
            tried += "\n  " + path.string() + ": " + refused;
            continue;
        }
        return table;  // never unloaded: its code runs until the process ends
    }
    Error error = makeError(ErrorCode::Unsupported, std::string(search.what) + " could not be loaded:" + tried);
    error.hint = search.hint;
    return error;
}

}  // namespace kiln
