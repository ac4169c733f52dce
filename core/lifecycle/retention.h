#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/lifecycle/removal.h"

namespace kiln {

class Workspace;

// Which old things a workspace keeps. Unset rules keep everything.
struct RetentionRules {
    std::optional<int> keepVersions;          // per dataset, the newest N versions (N >= 1)
    std::optional<double> runsOlderThanDays;  // runs that ended (or were made) longer ago go
};

// What the rules would remove, and what they spare with the reason ("run … is starred"). Never
// chosen: a starred run, a run still queued or running, a run or dataset version a registered
// model version was made from, and a version whose runs include one of those.
struct RetentionChoice {
    std::vector<RemovalTarget> targets;
    std::vector<std::string> spared;
};

Result<RetentionChoice> chooseByRetention(Workspace& workspace, const RetentionRules& rules);

}  // namespace kiln
