#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/result.h"

namespace kiln {

class Catalog;

// What became of a step in one pipeline run.
enum class StepStatus { Pending, Running, Ran, Cached, Skipped, Failed };
const char* stepStatusName(StepStatus s);  // "pending", …, "failed"
std::optional<StepStatus> parseStepStatus(const std::string& text);

// A pipeline run's end: completed (every step ran or was reused), failed (a step failed: the next
// run resumes from it), refused (a gate kept the new model out), skipped (a scheduled run found
// no new data), or still running.
enum class PipelineRunStatus { Running, Completed, Failed, Refused, Skipped };
const char* pipelineRunStatusName(PipelineRunStatus s);
std::optional<PipelineRunStatus> parsePipelineRunStatus(const std::string& text);

// One step of a recorded pipeline run (catalog pipeline_steps).
struct StepRecord {
    int position = 0;  // 0-based, the order of the file
    std::string name, kind;
    StepStatus status = StepStatus::Pending;
    std::string reason;        // why it ran, was reused or skipped; the error when it failed
    std::string key;           // SHA-256 of key_parts
    nlohmann::json keyParts = nlohmann::json::object();  // {"kind", "params", "inputs", "kiln"}
    nlohmann::json outputs = nlohmann::json::object();   // what later steps and the cache read
    std::string log;           // what the step printed, for the pipeline page
    std::string startedAt, finishedAt;
    std::int64_t runNumber = 0;  // the pipeline run it belongs to (filled by cachedStep, lastStep)
};

// One recorded run of a pipeline (catalog pipeline_runs) with its steps.
struct PipelineRunRecord {
    std::int64_t id = 0;
    std::string pipeline;
    std::int64_t number = 0;   // 1, 2, … per pipeline
    std::string trigger = "manual";  // or "scheduled"
    PipelineRunStatus status = PipelineRunStatus::Running;
    std::string message;       // the failure, the refusal, "no new data"
    std::string specHash;
    std::string startedAt, finishedAt;
    std::vector<StepRecord> steps;

    nlohmann::json toJson() const;
};

// The pipelines of a workspace as the catalog holds them (tables of migration 7). One thread.
class PipelineStore {
public:
    explicit PipelineStore(Catalog& catalog) : m_catalog(catalog) {}

    // Creates the pipeline's row when new and remembers its file and spec hash; its id.
    Result<std::int64_t> ensurePipeline(const std::string& name, const std::string& file,
                                        const std::string& specHash);
    // Starts run number N+1 of `pipeline` with its steps pending; returns its id.
    Result<std::int64_t> startRun(std::int64_t pipelineId, const std::string& trigger,
                                  const std::string& specHash, const std::vector<StepRecord>& steps);
    Status updateStep(std::int64_t runId, const StepRecord& step);
    Status finishRun(std::int64_t runId, PipelineRunStatus status, const std::string& message);

    // The newest step record of pipeline `pipeline`'s step `name` with this key that ran or was
    // reused (the cache), NotFound when none.
    Result<StepRecord> cachedStep(const std::string& pipeline, const std::string& name,
                                  const std::string& key);
    // The newest record of step `name` in a finished run (any status but pending), NotFound when none:
    // what the plan compares a new key with to say what changed.
    Result<StepRecord> lastStep(const std::string& pipeline, const std::string& name);

    // Runs newest first (at most `limit`, 0: all), each with its steps.
    Result<std::vector<PipelineRunRecord>> runs(const std::string& pipeline, int limit = 0);
    // One run by pipeline and number; NotFound when none.
    Result<PipelineRunRecord> run(const std::string& pipeline, std::int64_t number);
    // The newest run, NotFound when the pipeline never ran.
    Result<PipelineRunRecord> lastRun(const std::string& pipeline);
    // How many runs in a row, newest first, failed (the schedule pauses after N).
    Result<int> consecutiveFailures(const std::string& pipeline);
    // Names of every pipeline recorded, with the file each was last run from.
    Result<std::vector<std::pair<std::string, std::string>>> pipelines();
    // A run left 'running' by a process that died (its pid gone) is marked failed, its running
    // step too ("the pipeline process ended while this step ran"); the count marked.
    Result<int> markAbandonedRuns();

private:
    Catalog& m_catalog;
};

}  // namespace kiln
