#pragma once

#include <filesystem>
#include <memory>

#include "core/base/result.h"
#include "core/store/catalog.h"
#include "core/store/object_store.h"

namespace kiln {

// A Kiln workspace folder: kiln.db (the catalog), objects/ (content-addressed blobs) and
// runs/<run-id>/. Opening creates what is missing and migrates the catalog. Several processes
// may open one workspace at once. A Workspace is used from one thread; open another for another.
class Workspace {
public:
    // The workspace used when none is named: $KILN_WORKSPACE, else $XDG_DATA_HOME/kiln/default,
    // else ~/.local/share/kiln/default.
    static std::filesystem::path defaultPath();

    // Opens the workspace at `dir`, creating the folder when `create` is true.
    // Fails with NotFound when it does not exist and `create` is false, SchemaTooNew when its
    // catalog was written by a newer Kiln, Io when the folder cannot be written.
    static Result<std::unique_ptr<Workspace>> open(const std::filesystem::path& dir,
                                                   bool create = true);
    // True when `dir` holds a Kiln catalog.
    static bool exists(const std::filesystem::path& dir);

    const std::filesystem::path& root() const { return m_root; }
    std::filesystem::path runsDir() const { return m_root / "runs"; }
    Catalog& catalog() { return *m_catalog; }
    ObjectStore& objects() { return m_objects; }

private:
    Workspace(std::filesystem::path root, std::unique_ptr<Catalog> catalog);

    std::filesystem::path m_root;
    std::unique_ptr<Catalog> m_catalog;
    ObjectStore m_objects;
};

}  // namespace kiln
