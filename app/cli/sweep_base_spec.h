#pragma once

#include <string>
#include <vector>

#include "app/cli/command.h"
#include "core/base/result.h"
#include "core/train/run_spec.h"

namespace kiln::cli {

// The `kiln train` options that define a sweep's base spec (a copy of cmd_train.cpp's, which
// keeps them private; see the report: they should move to one shared place).
std::vector<OptionSpec> baseSpecOptions();

// Applies those options to `spec` (dataset fields already set). InvalidArgument with the
// option's name for a malformed value.
Status applyBaseSpecOptions(const Arguments& args, RunSpec& spec);

}  // namespace kiln::cli
