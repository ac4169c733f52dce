#pragma once

#include <QMetaType>
#include <QString>

#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/monitor/monitor_store.h"
#include "core/pipeline/pipeline_store.h"
#include "core/pipeline/schedule/schedule_list.h"

namespace kiln {
namespace widgets {

// One step as the pipeline file declares it (what a pipeline that never ran still shows).
struct DeclaredStep {
    std::string name, kind;
};

// Everything a pipeline page shows, read in one go on a pool thread: the file's steps, the
// schedule with its next and missed runs, the runs newest first with their steps, and the drift
// reports of the models its monitor steps watched (oldest first).
struct PipelineData {
    std::string name;
    std::string file;                   // absolute
    std::vector<DeclaredStep> steps;    // from the file; empty when it cannot be read
    std::string fileProblem;            // why the file could not be read ("" when it was)
    std::string declaredSchedule;       // the file's `schedule:` ("" none)
    std::optional<kiln::PipelineListing> listing;  // none when the catalog has no record yet
    std::vector<kiln::PipelineRunRecord> runs;     // newest first
    std::string monitoredModel;         // the model whose drift the chart draws ("" none)
    std::vector<kiln::MonitorHistoryEntry> drift;  // that model's reports, oldest first
};

// The model a pipeline monitors: the `model:` of its first monitor step, else the
// model its monitor steps reported on in the newest run ("" when it has no monitor step).
std::string monitoredModelOf(const PipelineData& data, const std::vector<std::string>& monitorModels);

// Reads pipeline `name` (when known) or the pipeline of `file` from the workspace at
// `workspaceDir`: opens the file for its name and steps, then the catalog on this thread's own
// connection. At most `runLimit` runs. Errors: the workspace or catalog could not be read, or
// neither a file nor a recorded pipeline of that name exists.
kiln::Result<PipelineData> readPipelineData(const QString& workspaceDir, const QString& name,
                                            const QString& file, int runLimit = 200);

}  // namespace widgets
}  // namespace kiln

Q_DECLARE_METATYPE(kiln::widgets::PipelineData)
