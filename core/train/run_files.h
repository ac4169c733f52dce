#pragma once
// Internal to core/train: the run folder's small files, read whole and written atomically.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace kiln {

// Writes `text` under a temporary name, then renames it over `file`: a killed worker never
// leaves half a file under its name.
inline void writeRunFile(const std::filesystem::path& file, const std::string& text) {
    std::filesystem::path tmp = file.string() + ".tmp";
    std::ofstream(tmp, std::ios::binary) << text;
    std::filesystem::rename(tmp, file);
}

// The whole file, or nothing when it cannot be read.
inline std::string readRunFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace kiln
