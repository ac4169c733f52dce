#pragma once

#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/pipeline/pipeline_store.h"
#include "core/pipeline/schedule/schedule_installer.h"

namespace kiln {

class Catalog;
class Workspace;
struct PipelineSpec;

// What happened after a scheduled run ended.
struct ScheduledRunFollowUp {
    int consecutiveFailures = 0;  // failed runs in a row, this one included
    bool paused = false;          // this run paused the schedule
    bool notified = false;        // a desktop notification was shown
    std::vector<std::string> notes;  // what it did, in words (also logged)
};

// After a scheduled run of `spec` ended with `status` (and `message`, the failure's): a failed
// run raises a desktop notification; once spec.pauseAfterFailures runs in a row have failed
// (PipelineStore::consecutiveFailures), the schedule is paused (ScheduleInstaller::pause) and
// recorded paused with the reason, which the notification and the log say. A run with no
// schedule recorded (started by another scheduler) is only notified. Errors: the catalog, or a
// pause that could not stop the timer or cron line (it is recorded paused all the same).
Result<ScheduledRunFollowUp> followUpScheduledRun(Catalog& catalog, const PipelineSpec& spec, PipelineRunStatus status,
                                                  const std::string& message,
                                                  const InstallerEnvironment& env = InstallerEnvironment::fromProcess());

// followUpScheduledRun, for callers that need only whether it worked.
Status afterScheduledRun(Catalog& catalog, const PipelineSpec& spec, PipelineRunStatus status,
                         const std::string& message);

// What `kiln pipeline run --scheduled` calls with the finished run: the follow-up above, and a
// desktop notification when the run's promote step staged a model. Never fails its caller:
// problems are logged (core/base/logger.h).
void afterScheduledRun(Workspace& workspace, const PipelineSpec& spec, const PipelineRunRecord& run);

// "penguins@3 to production" when `run`'s promote step staged a model; "" otherwise.
std::string promotionOf(const PipelineRunRecord& run);

}  // namespace kiln
