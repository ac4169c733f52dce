#pragma once

#include <filesystem>
#include <mutex>
#include <string>

namespace kiln {

// Holds one in-process lock per (workspace, host) for as long as the returned lock lives: the
// setup steps of one host (starting its master connection, staging data into its folders,
// probing it) take turns between the threads of one Kiln process instead of racing.
std::unique_lock<std::mutex> lockHostSetup(const std::filesystem::path& workspace,
                                           const std::string& host);

}  // namespace kiln
