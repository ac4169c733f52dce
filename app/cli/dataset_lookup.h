#pragma once

#include <memory>
#include <string_view>

#include "core/base/result.h"
#include "core/data/dataset_catalog.h"
#include "core/data/table.h"

namespace kiln {
class Workspace;
}

namespace kiln::cli {

// A dataset version resolved from "DS[@VER]" and its stored table, opened for reading.
struct OpenedDataset {
    DatasetVersion version;
    std::shared_ptr<Table> table;
};

Result<OpenedDataset> openDataset(Workspace& workspace, std::string_view reference);

// Parses a whole non-negative integer option value; nullopt when it is not one.
std::optional<long long> parseCount(const std::string& text);

}  // namespace kiln::cli
