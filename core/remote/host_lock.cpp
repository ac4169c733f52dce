#include "core/remote/host_lock.h"

#include <map>
#include <memory>

namespace kiln {

std::unique_lock<std::mutex> lockHostSetup(const std::filesystem::path& workspace,
                                           const std::string& host) {
    static std::mutex guard;
    static std::map<std::string, std::unique_ptr<std::mutex>> locks;  // a few hosts: never shrinks
    std::error_code ec;
    auto folder = std::filesystem::weakly_canonical(workspace, ec);  // one key however it is named
    if (ec) folder = workspace;
    std::mutex* lock = nullptr;
    {
        std::lock_guard<std::mutex> hold(guard);
        auto& slot = locks[folder.string() + '\n' + host];
        if (!slot) slot = std::make_unique<std::mutex>();
        lock = slot.get();
    }
    return std::unique_lock<std::mutex>(*lock);
}

}  // namespace kiln
