#pragma once

#include <QMetaType>
#include <QString>

#include <memory>

#include "core/data/dataset_catalog.h"
#include "core/data/profile.h"

namespace kiln {
class Table;
}

namespace kiln {
namespace widgets {

// A dataset version opened for viewing: its catalog row and its memory-mapped table.
struct LoadedDataset {
    kiln::DatasetVersion version;
    std::shared_ptr<const kiln::Table> table;
    QString objectsRoot;  // the workspace's objects/ folder (for images and thumbnails)
    QString description;  // the dataset's description (a sample's source and licence), or empty
    QString source;       // where a refresh reads it again (DatasetSource::describe()), or empty
    QString error;        // empty when loaded
    bool ok() const { return error.isEmpty(); }
};

// A table's profile, from the catalog's cache or computed (and then cached).
struct LoadedProfile {
    std::shared_ptr<const kiln::TableProfile> profile;
    bool fromCache = false;
    double seconds = 0;  // time to read or compute it
    QString error;
    bool ok() const { return error.isEmpty(); }
};

// A dataset page header's second line: the dataset's description in small quiet type, or empty.
QString descriptionLine(const QString& description);

// Opens the workspace at `workspaceDir` on the calling thread (its own catalog connection),
// resolves `reference` ("NAME", "NAME@3") and maps the version's table. For a pool thread.
// Never throws: failures are in `error`.
LoadedDataset loadDataset(const QString& workspaceDir, const QString& reference);

// The profile of `dataset` with default options: the cached one when the catalog has it, else
// computed on all cores and stored for next time. For a pool thread. Never throws.
LoadedProfile loadProfile(const QString& workspaceDir, const LoadedDataset& dataset);

// "NAME@VERSION" for a catalog version.
QString versionReference(const kiln::DatasetVersion& version);

}  // namespace widgets
}  // namespace kiln

Q_DECLARE_METATYPE(kiln::widgets::LoadedDataset)
Q_DECLARE_METATYPE(kiln::widgets::LoadedProfile)
