#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/result.h"

namespace kiln {

// The kinds of step a pipeline file may name, in the order a pipeline usually takes them.
const std::vector<std::string>& pipelineStepKinds();  // import validate train gate export promote monitor

// One step of a pipeline file: `- train: {dataset: wine, target: quality}`.
struct PipelineStep {
    std::string name;        // unique in the pipeline: `name:` when given, else the kind ("train",
                             // then "train-2" for a second one)
    std::string kind;        // one of pipelineStepKinds()
    nlohmann::json params;   // the step's mapping as written, `name` taken out; scalars as the
                             // YAML read them (numbers, booleans, strings), lists as arrays
    int line = 0;            // 1-based line of the step in the file, for messages
};

// A pipeline file (YAML): a name, its steps in order and an optional schedule.
struct PipelineSpec {
    std::string name;                 // a dataset-like name (names.h): it names the schedule too
    std::filesystem::path file;       // absolute; relative paths in steps are read against its folder
    std::vector<PipelineStep> steps;
    std::string schedule;             // a systemd calendar expression ("Mon *-*-* 03:00"); "" none
    int pauseAfterFailures = 3;       // `pause_after_failures:`; a schedule pauses itself after this many
    std::string specHash;             // SHA-256 of the file's bytes

    // The step named `name`, or nullptr.
    const PipelineStep* step(const std::string& name) const;
    // The folder relative paths in the file are read against.
    std::filesystem::path folder() const { return file.parent_path(); }
    // `path` as written in the file, made absolute against folder().
    std::filesystem::path resolve(const std::string& path) const;
};

// Reads and checks a pipeline file: the YAML itself (errors name the line and column), the known
// top-level keys (name, steps, schedule, pause_after_failures), each step a mapping of one known
// kind with its known parameters (an unknown one is named with its step and line, with the ones
// the kind takes), unique step names, references to earlier steps only. InvalidArgument for all
// of these, NotFound when the file is not there.
Result<PipelineSpec> loadPipeline(const std::filesystem::path& file);
Result<PipelineSpec> parsePipeline(std::string_view yaml, const std::filesystem::path& file);

// The parameters each kind takes (for checks and messages).
const std::vector<std::string>& stepParameters(const std::string& kind);

}  // namespace kiln
