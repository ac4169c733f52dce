#pragma once

#include <string>
#include <vector>

#include "app/cli/command.h"
#include "core/analysis/run_query.h"
#include "core/base/result.h"

namespace kiln {
class Workspace;
}

namespace kiln::cli {

// The filter and sort options `kiln runs` takes beyond --dataset: --status, --tag, --param,
// --where, --sort, --limit, --group-by.
std::vector<OptionSpec> runQueryOptions();

// True when any of runQueryOptions() is given.
bool hasRunQueryOptions(const Arguments& args);

// Splits a repeatable option's joined value ("a=1,2,b=3") back into its items: a comma starts a
// new item only when the text after it holds '=' before the next comma.
std::vector<std::string> splitAssignments(const std::string& joined);

// Builds the query from the options (and --dataset). InvalidArgument for a malformed value.
Result<RunQuery> runQueryFromArguments(Workspace& workspace, const Arguments& args);

// `kiln runs` with filters: runs the query and prints a table (params that differ, the metrics
// asked about) or, with --json, {"runs": [...], "groups": [...]}. Returns the exit status.
int printRunQuery(Workspace& workspace, const Arguments& args);

}  // namespace kiln::cli
