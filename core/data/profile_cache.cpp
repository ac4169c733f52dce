#include "core/data/profile_cache.h"

#include "core/store/catalog.h"

namespace kiln {

Result<std::optional<TableProfile>> loadCachedProfile(Catalog& catalog, std::int64_t versionId,
                                                      const ProfileOptions& options) {
    auto value = catalog.queryValue(
        "SELECT profile FROM profiles WHERE dataset_version_id = ? AND options = ?",
        {versionId, options.cacheKey()});
    if (!value && value.error().code == ErrorCode::NotFound) return std::optional<TableProfile>();
    if (!value) return value.error();
    auto profile = TableProfile::fromJson(std::get<std::string>(*value));
    if (!profile) return std::optional<TableProfile>();  // recomputed and replaced by the caller
    return std::optional<TableProfile>(std::move(profile).value());
}

Status storeCachedProfile(Catalog& catalog, std::int64_t versionId, const ProfileOptions& options,
                          const TableProfile& profile, double seconds) {
    auto insert = catalog.prepare(
        "INSERT OR REPLACE INTO profiles (dataset_version_id, options, profile, seconds) "
        "VALUES (?, ?, ?, ?)");
    if (!insert) return insert.error();
    if (auto s = insert->bind({versionId, options.cacheKey(), profile.toJson(), seconds}); !s) return s;
    if (auto r = insert->step(); !r) return r.error();
    return {};
}

}  // namespace kiln
