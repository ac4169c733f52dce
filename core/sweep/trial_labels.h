#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "core/base/result.h"
#include "core/store/catalog.h"

namespace kiln {

// A run that is one trial of a sweep (its `sweep` and `trial` tags), with a label made of what
// sets it apart from the sweep's other trials: "lr 0.01 · hidden [64]".
struct SweepTrial {
    std::string sweepId;
    std::int64_t trial = 0;
    std::string label;  // empty when the trials differ in nothing recorded
};

// The labels of one sweep's trials from their parameters (run id → key → value): the keys whose
// values differ between the trials, by key, each named by its last part ("optimizer.lr" → "lr")
// unless two keys would share a name, numbers to 3 significant digits. A key a trial lacks counts
// as a difference.
std::map<std::string, std::string> labelTrials(
    const std::map<std::string, std::map<std::string, std::string>>& paramsByRun);

// Every sweep trial among the runs of `catalog`, by run id, labelled as labelTrials does.
Result<std::map<std::string, SweepTrial>> readSweepTrials(Catalog& catalog);

}  // namespace kiln
