#pragma once

#include <cstdint>

#include "core/base/result.h"

namespace kiln {

class Workspace;

// What a collection found, and removed unless it was a dry run.
struct GarbageReport {
    bool dryRun = false;
    std::uint64_t objects = 0, objectBytes = 0;        // objects no dataset version refers to
    std::uint64_t runFolders = 0, runFolderBytes = 0;  // runs/<id> with no run in the catalog
    std::uint64_t thumbnails = 0, thumbnailBytes = 0;  // cached thumbnails of removed images
    std::uint64_t keptObjects = 0, keptBytes = 0;      // what every remaining version needs

    std::uint64_t freedBytes() const { return objectBytes + runFolderBytes + thumbnailBytes; }
};

// Removes what nothing in the catalog refers to any more: objects no dataset version names (its
// manifest, its column arrays, an image dataset's pictures), run folders left by removed runs, and
// the thumbnails of pictures that are gone. Holds the object store's collection lock throughout,
// so no import commits meanwhile: Busy while one is committing. With `dryRun` only counts.
// Objects still being written (objects/tmp) are never touched.
Result<GarbageReport> collectGarbage(Workspace& workspace, bool dryRun);

}  // namespace kiln
