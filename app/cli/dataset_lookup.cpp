#include "app/cli/dataset_lookup.h"

#include "core/store/workspace.h"

namespace kiln::cli {

Result<OpenedDataset> openDataset(Workspace& workspace, std::string_view reference) {
    DatasetCatalog catalog(workspace.catalog());
    auto version = catalog.resolve(reference);
    if (!version) return version.error();
    auto table = Table::open(workspace.objects(), version->contentHash);
    if (!table) return table.error();
    return OpenedDataset{*version, *table};
}

std::optional<long long> parseCount(const std::string& text) {
    try {
        std::size_t used = 0;
        long long n = std::stoll(text, &used);
        if (used != text.size() || n < 0) return std::nullopt;
        return n;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace kiln::cli
