#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/result.h"
#include "core/pipeline/pipeline_spec.h"
#include "core/pipeline/pipeline_store.h"

namespace kiln {

class Workspace;

// A step's cache key: the SHA-256 of {"kind", "params", "inputs", "kiln"} — its settings, the
// content hashes of what it reads, and Kiln's version.
nlohmann::json stepKeyParts(const PipelineStep& step, const nlohmann::json& inputs);
std::string stepKey(const nlohmann::json& keyParts);

// Why a key differs from the last one recorded for the step, in words: "its settings changed
// (seed 0 → 1)", "the dataset changed (wine@2 → wine@3)", "Kiln changed (0.9.0 → 0.10.0)".
std::string describeKeyChange(const nlohmann::json& before, const nlohmann::json& now);

// Whether some input is still {"pending": STEP} (an earlier step will run first); the first such
// step's name, or "".
std::string pendingInput(const nlohmann::json& inputs);

struct PlanOptions {
    bool noCache = false;        // --no-cache: every step runs
    std::string rerunFrom;       // --rerun-from STEP: that step and every later one run
};

// What a run would do with one step, decided before anything runs.
struct PlannedStep {
    std::string name, kind;
    enum class Action { Reuse, Run, RunIfChanged, Fail } action = Action::Run;
    std::string reason;         // why, in words
    std::string key;            // empty while an input is pending
    nlohmann::json keyParts;
    nlohmann::json outputs;     // Reuse: the recorded outputs
    std::int64_t fromRun = 0;   // Reuse: the pipeline run that made them
};
const char* plannedActionName(PlannedStep::Action a);  // "reuse", "run", "run-if-changed", "fail"

struct PipelinePlan {
    std::string pipeline;
    std::vector<PlannedStep> steps;
    nlohmann::json toJson() const;
};

// Decides one step against the cache, given what the earlier steps made (`outputs`): its inputs
// and key; Reuse when a run recorded an output for this key that is still there, Run (with the
// reason) otherwise; RunIfChanged when an earlier step must run first; Fail when its inputs
// cannot be read (a file gone, an unknown dataset).
PlannedStep planStep(Workspace& workspace, const PipelineSpec& spec, std::size_t index,
                     const std::map<std::string, nlohmann::json>& outputs, const PlanOptions& options);

// The whole plan, nothing run: `kiln pipeline plan`.
Result<PipelinePlan> planPipeline(Workspace& workspace, const PipelineSpec& spec, const PlanOptions& options);

}  // namespace kiln
