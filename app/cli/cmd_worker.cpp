// kiln worker: runs one training job from stdin and speaks the worker protocol on stdout.
#include "app/cli/cli_app.h"
#include "core/remote/worker.h"

namespace kiln::cli {

Command makeWorkerCommand() {
    Command c;
    c.name = "worker";
    c.summary = "run one training job read from stdin (used by hosts; speaks the worker protocol)";
    c.usage = "kiln worker";
    c.description =
        "Reads a run spec (JSON with run_id and workspace) on its first stdin line, trains it and\n"
        "writes protocol-1 events (JSON lines) on stdout and to runs/<id>/events.jsonl.\n"
        "{\"cancel\":true} on stdin or SIGTERM stops it at the next batch with a checkpoint.";
    c.run = [](const Arguments&) { return runWorker(0, 1); };
    return c;
}

}  // namespace kiln::cli
