#pragma once

#include <string>
#include <vector>

#include "app/cli/command.h"
#include "core/base/result.h"
#include "core/train/run_spec.h"

namespace kiln::cli {

// The options of `kiln train` that define a run spec (target, task, model, optimiser, schedule,
// epochs, split, seed, device, …). `kiln sweep` takes the same ones for its base spec.
std::vector<OptionSpec> trainSpecOptions();

// Applies those options to `spec` (its dataset fields already set). InvalidArgument naming the
// option for a malformed value: callers report it as bad usage.
Status applyTrainSpecOptions(const Arguments& args, RunSpec& spec);

// --exclude A,B as column names (empty when not given); InvalidArgument for an empty name.
Result<std::vector<std::string>> excludedColumns(const Arguments& args);

}  // namespace kiln::cli
