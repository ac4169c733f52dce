#pragma once

#include <cstddef>
#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/result.h"
#include "core/pipeline/schedule/schedule_record.h"

namespace kiln {

class Catalog;
class CalendarSpec;

// A pipeline's newest run, as `kiln pipeline list` shows it.
struct LastRunSummary {
    std::int64_t number = 0;
    std::string status;     // completed, failed, refused, skipped, running
    std::string trigger;    // manual, scheduled
    std::string startedAt;  // UTC, the catalog's format
    std::string message;
};

// One line of `kiln pipeline list`: a pipeline recorded in the workspace, its schedule if any,
// when it runs next, how it last ran and the scheduled runs that did not happen.
struct PipelineListing {
    std::string pipeline;
    std::string file;
    std::optional<ScheduleRecord> schedule;
    std::optional<std::time_t> next;      // none when unscheduled, paused or never again
    std::optional<LastRunSummary> lastRun;
    std::vector<std::time_t> missed;      // oldest first, at most the cap
    bool missedMore = false;              // more were missed than the cap shows

    nlohmann::json toJson() const;
};

// How long after an elapse its run may still be starting: that elapse is not missed yet.
constexpr int kScheduleStartGraceSeconds = 600;

// The elapses of `calendar` after `since` up to `now` (less the newest, when it is under
// kScheduleStartGraceSeconds old: its run may be starting now), at most `cap`; `more` says
// whether there were more.
std::vector<std::time_t> missedElapses(const CalendarSpec& calendar, std::time_t since, std::time_t now,
                                       std::size_t cap, bool& more);

// Every pipeline the workspace records, by name, with its schedule. Missed runs are counted from
// the start of the newest scheduled run, or from the installation when none ran since. A paused
// schedule has no next elapse and no missed runs. Errors only from the catalog.
Result<std::vector<PipelineListing>> listPipelines(Catalog& catalog, std::time_t now, std::size_t missedCap = 20);

}  // namespace kiln
