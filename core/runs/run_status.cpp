#include "core/runs/run_status.h"

namespace kiln {

namespace {

constexpr RunStatus kAll[] = {RunStatus::Queued,    RunStatus::Running,
                              RunStatus::Completed, RunStatus::Failed,
                              RunStatus::Cancelled, RunStatus::Interrupted};

}  // namespace

const char* runStatusName(RunStatus status) {
    switch (status) {
        case RunStatus::Queued: return "queued";
        case RunStatus::Running: return "running";
        case RunStatus::Completed: return "completed";
        case RunStatus::Failed: return "failed";
        case RunStatus::Cancelled: return "cancelled";
        case RunStatus::Interrupted: return "interrupted";
    }
    return "failed";
}

std::optional<RunStatus> parseRunStatus(std::string_view text) {
    for (RunStatus s : kAll)
        if (text == runStatusName(s)) return s;
    return std::nullopt;
}

}  // namespace kiln
