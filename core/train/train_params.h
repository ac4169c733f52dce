#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/train/run_spec.h"

namespace kiln {

// Where a front end's run settings come from: `kiln train`'s options, a pipeline's train step.
// Names are the long option names ("max-depth"); `label` is how a message names one
// ("--max-depth" on the command line, "max_depth" in a pipeline file).
struct TrainParamSource {
    std::function<std::optional<std::string>(const std::string& name)> value;
    std::function<bool(const std::string& name)> has;  // a flag that takes no value
    std::function<std::string(const std::string& name)> label;
};

// Every setting applyTrainParams reads (target, features, task, model, optimiser, schedule,
// epochs, split, seed, device, …), by long name.
const std::vector<std::string>& trainParamNames();

// Applies the settings `source` holds to `spec` (its dataset fields already set).
// InvalidArgument naming the setting (by its label) for a malformed value.
Status applyTrainParams(const TrainParamSource& source, RunSpec& spec);

// "a, b,c" as column names; InvalidArgument for an empty name.
Result<std::vector<std::string>> parseColumnList(const std::string& text);

}  // namespace kiln
