#pragma once

#include <string>

#include "core/base/result.h"

namespace kiln {

class Catalog;

// A starred run is one a person wants kept: retention rules never remove it (a `starred` tag in
// the catalog's tags table, so run queries filter on it like any tag).
Status setRunStarred(Catalog& catalog, const std::string& runId, bool starred);
Result<bool> isRunStarred(Catalog& catalog, const std::string& runId);

}  // namespace kiln
