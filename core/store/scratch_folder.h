#pragma once

#include <filesystem>
#include <random>
#include <string>

namespace kiln {

// A fresh folder under the system temporary directory for work that must not touch a
// workspace (a CSV read for prediction, a request body, a traffic table), removed with
// everything in it when it goes out of scope.
class ScratchFolder {
public:
    explicit ScratchFolder(const std::string& prefix) {
        std::random_device rd;
        m_path = std::filesystem::temp_directory_path() / (prefix + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(m_path);
    }
    ~ScratchFolder() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;

    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

}  // namespace kiln
