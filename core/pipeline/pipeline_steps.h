#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/base/result.h"
#include "core/pipeline/pipeline_spec.h"

namespace kiln {

class JobContext;
class Workspace;

// What a step sees while it is planned or run: the pipeline, itself, and what the earlier steps
// made (by step name; a step that has not run yet in a plan is absent).
struct StepContext {
    Workspace& workspace;
    const PipelineSpec& spec;
    const PipelineStep& step;
    const std::map<std::string, nlohmann::json>& outputs;  // earlier steps' outputs, by name
    std::int64_t pipelineRunId = 0;                        // 0 in a plan
    bool scheduled = false;
    std::function<void(const std::string&)> log;           // a line of the step's log
};

// A step's inputs for its key, as far as they are known now: the content hashes of what it reads
// (dataset versions, runs, the production model's file, a source file's size and time). An input
// coming from an earlier step that has not run yet (in a plan) is {"pending": "STEP"}. A
// database import reads its source on every run, so its inputs hold the time of reading.
Result<nlohmann::json> stepInputs(const StepContext& context);

// Whether a recorded output can still be reused: the dataset version, run, exported file (with
// its SHA-256) or model version it names is there. The Error says what is gone.
Status outputsStillThere(Workspace& workspace, const std::string& kind, const nlohmann::json& outputs);

// What running a step gave.
struct StepOutcome {
    nlohmann::json outputs = nlohmann::json::object();
    // A gate that kept the new model out (the step itself ran): later steps are skipped and
    // the pipeline run ends "refused" with this message.
    std::optional<std::string> refused;
};

// Runs one kind of step. Errors fail the step (and the pipeline run, which the next run resumes).
using StepRunner = std::function<Result<StepOutcome>(StepContext& context, JobContext& job)>;
using StepRunners = std::map<std::string, StepRunner>;

// The kinds kiln_base runs itself: import (files, patterns; a database through kiln-database.so),
// validate and train (a worker process, as `kiln train` starts one).
StepRunners baseStepRunners();

// Helpers the steps share.
// The earlier step whose output a step reads for `what` ("dataset", "model"): the step `from:`
// names, else for a dataset the import step writing the dataset named, else the nearest earlier
// step of `kind`. nullptr when none.
const PipelineStep* upstreamStep(const StepContext& context, const std::string& kind);
// The dataset a step reads: {"dataset", "version", "dataset_version_id", "hash"}, from an earlier
// import step writing it (the `dataset` parameter names the dataset or that step) or from the
// catalog (DS or DS@VER). A pending import in a plan gives {"pending": "STEP"}.
Result<nlohmann::json> datasetInput(const StepContext& context, const std::string& parameter = "dataset");
// The model name a gate, promote or monitor step is about: its `model`, else the pipeline's
// promote step's.
std::string modelNameFor(const StepContext& context);
// The version of `model` in production now: {"model", "version", "sha256", "run"}, or null.
Result<nlohmann::json> productionVersion(Workspace& workspace, const std::string& model);
// A parameter as text (numbers and booleans written as YAML would), lists joined with commas.
std::string paramText(const nlohmann::json& value);

}  // namespace kiln
