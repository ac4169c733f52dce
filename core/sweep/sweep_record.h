#pragma once

#include <filesystem>
#include <string>

namespace kiln {

// Where a sweep's record lives in the workspace at `root`: sweeps/<id>.json. The sweep launcher
// writes it; `kiln rm sweep` removes it.
std::filesystem::path sweepRecordFile(const std::filesystem::path& root, const std::string& sweepId);

}  // namespace kiln
