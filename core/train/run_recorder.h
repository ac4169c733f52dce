#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/train/run_spec.h"

namespace kiln {

class Catalog;
class Workspace;
struct WorkerEvent;

// A new short unique run id: UTC time and 4 random hex digits ("20261123-105301-3fa9").
std::string newRunId();

// The full id of the run that `text` names: the id itself, or a plain prefix (no pattern
// characters: `%` and `_` are themselves) that only one run starts with. NotFound when no run
// matches, InvalidArgument when several do or `text` is empty.
Result<std::string> resolveRunId(Catalog& catalog, const std::string& text);

// Records a new run: the runs row (status queued), its params (the spec flattened to
// "model.hidden" = "[128,64]" …) and runs/<id>/spec.json. Returns the run id.
Result<std::string> createRun(Workspace& workspace, const RunSpec& spec,
                              std::int64_t datasetVersionId);

// Records worker events (protocol 1) of one run into the catalog: status, device, environment,
// timings, worker pid, metrics and artifacts. Idempotent: ingesting the same events again
// (re-reading events.jsonl from the start or an offset) adds nothing twice. Borrows the catalog;
// one thread at a time.
class RunRecorder {
public:
    RunRecorder(Catalog& catalog, std::string runId)
        : m_catalog(catalog), m_runId(std::move(runId)) {}

    // Records one event line; torn lines and unknown events are skipped (Ok), a known event
    // with a field of the wrong type is Corrupt.
    Status ingest(const std::string& line);
    Status ingest(const WorkerEvent& event);
    // Records the events of `file` from byte `offset` on, up to byte `end` at most; moves
    // `offset` past the last whole line.
    Status ingestFile(const std::filesystem::path& file, std::uint64_t& offset,
                      std::uint64_t end = UINT64_MAX);
    // Forgets an earlier session's `finished` (the events after it belong to a resumed worker
    // that may not have sent `started` yet).
    void forgetFinished() { m_finished.clear(); }

    // The status of the latest `finished` event since the latest `started`, or empty.
    const std::string& finishedStatus() const { return m_finished; }
    int lastEpoch() const { return m_lastEpoch; }

private:
    Catalog& m_catalog;
    std::string m_runId;
    std::string m_finished;
    int m_lastEpoch = 0;
};

// Whether `pid` is alive and is a Kiln worker (its /proc cmdline ends in "worker").
bool isWorkerProcess(std::int64_t pid);

// Brings the catalog up to date with runs left running by a host that went away: for each run
// marked queued/running with a worker pid, ingests its events.jsonl; if the worker is gone
// without a `finished` event, marks the run interrupted (metrics kept; `kiln resume` continues).
// Returns the ids of runs it marked interrupted.
Result<std::vector<std::string>> reattachRuns(Workspace& workspace);

// Marks a run's final status (used when a worker dies without finishing).
Status markRun(Catalog& catalog, const std::string& runId, const std::string& status,
               const std::string& error);

}  // namespace kiln
