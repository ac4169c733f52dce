#pragma once

#include <string>

#include "core/remote/worker_event.h"

namespace kiln {

// Runs `kiln worker`: reads one job line on `inputFd` (a run spec as JSON with the extra fields
// "run_id", "workspace" and "resume"), trains it, and writes protocol-1 events (one JSON object a
// line: hello, started, progress, metric, log, artifact, finished) on `outputFd` and appended to
// runs/<run-id>/events.jsonl, flushed line by line. `{"cancel":true}` on the input or SIGTERM
// stops it at the next batch with a checkpoint and status cancelled. SIGPIPE is ignored: when the
// host goes away the worker keeps training and keeps writing events.jsonl. Returns the exit
// status: 0 completed or cancelled, 1 failed, 2 a malformed job line.
int runWorker(int inputFd = 0, int outputFd = 1);

}  // namespace kiln
