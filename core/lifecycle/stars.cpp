#include "core/lifecycle/stars.h"

#include "core/store/catalog.h"

namespace kiln {

namespace {
constexpr const char* kStarTag = "starred";
}

Status setRunStarred(Catalog& catalog, const std::string& runId, bool starred) {
    auto exists = catalog.queryValue("SELECT COUNT(*) FROM runs WHERE id = ?", {runId});
    if (!exists) return exists.error();
    if (std::get<std::int64_t>(*exists) == 0)
        return makeError(ErrorCode::NotFound, "no run '" + runId + "'");
    if (starred)
        return catalog.execute("INSERT OR IGNORE INTO tags (run_id, key, value) VALUES (?, ?, '')",
                               {runId, kStarTag});
    return catalog.execute("DELETE FROM tags WHERE run_id = ? AND key = ?", {runId, kStarTag});
}

Result<bool> isRunStarred(Catalog& catalog, const std::string& runId) {
    auto count = catalog.queryValue("SELECT COUNT(*) FROM tags WHERE run_id = ? AND key = ?",
                                    {runId, kStarTag});
    if (!count) return count.error();
    return std::get<std::int64_t>(*count) > 0;
}

}  // namespace kiln
