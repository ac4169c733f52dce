#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "core/base/result.h"
#include "core/sweep/sweep_scheduler.h"
#include "core/sweep/sweep_spec.h"

namespace kiln {

class JobContext;
class Workspace;

// Completes a sweep a front end filled in (base spec with its dataset fields and options, the
// swept parameters, search and budget): the base spec resolved against its data (resolveSpec),
// the devices of this machine counted (GPUs decide how many trials run at once), the whole
// sweep validated. Front ends set the base seed with setRunSeed (run_spec.h) before this, so a
// Studio sweep and `kiln sweep --seed N` split the rows alike.
Status prepareSweep(Workspace& workspace, SweepSpec& sweep);

// A recorded sweep read back (sweeps/<id>.json): its definition and dataset version.
struct RecordedSweep {
    SweepSpec spec;
    std::int64_t datasetVersionId = 0;
    std::string status;  // running | cancelled | completed
};

// sweeps/<id>.json of the workspace.
std::filesystem::path sweepRecordPath(Workspace& workspace, const std::string& sweepId);

// Reads sweep `id` back to continue it: NotFound for no such record, Corrupt for an unreadable
// one, InvalidArgument when it completed already. The devices are counted again (this machine
// may differ from the one that started it) and the definition validated.
Result<RecordedSweep> readSweepForResume(Workspace& workspace, const std::string& sweepId);

// The outcome as `kiln sweep --json` prints it (JSON text, indented by `indent`).
std::string sweepOutcomeJson(const std::string& sweepId, const SweepSpec& sweep,
                             const SweepOutcome& outcome, int indent = 2);

// Runs sweep `sweepId` (new, or continued: trials that already have runs of the sweep are kept,
// waited for or resumed) to its end or its cancel, each trial an ordinary run of a local worker
// (`kilnPath`, or this process's own). sweeps/<id>.json is written before the first trial, as
// trials start and end (the trials running with their runs), and with the outcome at the end,
// each time whole (a temporary renamed into place), so a killed sweep can be resumed.
// `listener` (may be null) hears the trials as the scheduler reports them.
Result<SweepOutcome> runSweep(Workspace& workspace, const std::string& sweepId,
                              const SweepSpec& sweep, std::int64_t datasetVersionId,
                              SweepListener* listener, JobContext& job,
                              const std::filesystem::path& kilnPath = {});

}  // namespace kiln
