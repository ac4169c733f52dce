#pragma once

#include <cstdint>
#include <optional>

#include "core/base/result.h"
#include "core/data/profile.h"

namespace kiln {

class Catalog;

// Profiles are cached in the catalog per dataset version and ProfileOptions::cacheKey(): a
// version is immutable, so its profile never goes stale. Use from the Catalog's thread.

// The cached profile, or nullopt when none is stored (or the stored one is unreadable).
Result<std::optional<TableProfile>> loadCachedProfile(Catalog& catalog, std::int64_t versionId,
                                                      const ProfileOptions& options);
// Stores (or replaces) a profile; `seconds` is how long it took to compute.
Status storeCachedProfile(Catalog& catalog, std::int64_t versionId, const ProfileOptions& options,
                          const TableProfile& profile, double seconds);

}  // namespace kiln
