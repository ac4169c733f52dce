#pragma once

#include <optional>
#include <string_view>

namespace kiln {

// Where a run stands, as the catalog's runs.status records it. A run is queued when recorded,
// running once its worker said `started`, and ends completed, failed or cancelled as its worker's
// `finished` says, or interrupted when its worker vanished without finishing (kill -9, a host that
// went away). Cancelled and interrupted runs keep their checkpoints and can be resumed.
enum class RunStatus { Queued, Running, Completed, Failed, Cancelled, Interrupted };

// "queued", "running", "completed", "failed", "cancelled", "interrupted".
const char* runStatusName(RunStatus status);
// The status a catalog text names, or nullopt for any other text.
std::optional<RunStatus> parseRunStatus(std::string_view text);

// Queued or running: a worker is (or is about to be) at work on it.
inline bool isActive(RunStatus s) {
    return s == RunStatus::Queued || s == RunStatus::Running;
}
// Cancelled or interrupted: `kiln resume` continues it from its last checkpoint.
inline bool isResumable(RunStatus s) {
    return s == RunStatus::Cancelled || s == RunStatus::Interrupted;
}

}  // namespace kiln
