#pragma once

#include <vector>

#include "core/base/result.h"
#include "core/data/csv_import.h"
#include "core/data/type_inference.h"

namespace kiln {

// Applies what the user chose for the columns of a file to the specs inferred from it, the same
// way for the preview and the import: forced types ("name=type" entries, several per entry
// comma-separated; "date-dmy"/"date-mdy" fix the order of slashed dates), category orders (the
// column becomes Categorical, its levels first and in that order), skipped columns and new names.
// Every choice names a column as the file does (`ColumnSpec::fileName`). InvalidArgument, with
// the columns listed, for a name no column has, an unknown type, an empty or repeated new name,
// an order on a column forced to another type, and skipping every column.
Status applyColumnChoices(std::vector<ColumnSpec>& columns, const ImportOptions& options);

}  // namespace kiln
