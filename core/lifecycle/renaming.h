#pragma once

#include <string>

#include "core/base/result.h"

namespace kiln {

class Catalog;

// Gives dataset `from` the name `to` (the one name rule, core/base/names.h): its versions, runs
// and models keep pointing at it, since they refer to it by id. InvalidArgument for a name that
// breaks the rule or that another dataset has; NotFound for no dataset `from`.
Status renameDataset(Catalog& catalog, const std::string& from, const std::string& to);

// Gives run `runId` the display name `name` (any text of 1 to 200 bytes without control
// characters; the id stays the run's handle). NotFound for no such run.
Status renameRun(Catalog& catalog, const std::string& runId, const std::string& name);

}  // namespace kiln
