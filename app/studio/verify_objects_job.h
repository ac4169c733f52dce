#pragma once

#include <QString>

#include <filesystem>

#include "widgets/job_manager.h"

namespace kiln {
namespace studio {

// Tools ▸ Verify Workspace Objects as a job: re-hashes every object under `objectsRoot`,
// reporting each corrupt object as an issue. Fails (Corrupt) when any object is corrupt; on
// success its final stage is `doneText` with %1 replaced by the number of objects checked.
// The texts are translated by the caller, on the GUI thread.
kiln::widgets::JobFunction makeVerifyObjectsJob(std::filesystem::path objectsRoot, QString doneText,
                                                QString corruptText);

}  // namespace studio
}  // namespace kiln
