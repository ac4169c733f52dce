#include "core/sweep/sweep_record.h"

namespace kiln {

std::filesystem::path sweepRecordFile(const std::filesystem::path& root, const std::string& sweepId) {
    return root / "sweeps" / (sweepId + ".json");
}

}  // namespace kiln
