#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/analysis/metric_summary.h"
#include "core/base/result.h"
#include "core/runs/run_store.h"

namespace kiln {

class Catalog;
class Workspace;
struct WorkerEvent;

// Records worker events (protocol 1) of one run into the catalog: status, device, environment,
// timings, worker pid, metrics and artifacts. Idempotent: ingesting the same events again
// (re-reading events.jsonl from the start or an offset) adds nothing twice. Borrows the catalog;
// one thread at a time.
class RunRecorder {
public:
    RunRecorder(Catalog& catalog, std::string runId)
        : m_catalog(catalog), m_runId(std::move(runId)), m_summary(catalog) {}

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
    SummaryAccumulator m_summary;  // each new point into the pyramid, its statements kept
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

}  // namespace kiln
