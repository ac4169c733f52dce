#include "core/store/workspace.h"

#include <cstdlib>
#include <string>
#include <vector>

#include "core/store/object_collection.h"

namespace kiln {

namespace fs = std::filesystem;

namespace {
constexpr const char* kCatalogFile = "kiln.db";

std::string envOrEmpty(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

// Removes the objects of imports killed before their catalog rows were written (their records
// in objects/tmp), keeping every object a dataset version references. Does nothing while a live
// import is committing, or when the catalog cannot be read.
void removeAbandonedImports(Workspace& workspace) {
    auto abandoned = workspace.objects().findAbandoned();
    if (abandoned.lockFd < 0) return;
    std::vector<std::string> orphans;
    auto referenced = datasetObjectReferences(workspace.catalog());
    if (referenced)
        for (const auto& hash : abandoned.hashes)
            if (!referenced->count(hash)) orphans.push_back(hash);
    if (!referenced) abandoned.records.clear();  // keep them for a later, luckier opener
    workspace.objects().releaseAbandoned(abandoned, orphans);
}

}  // namespace

fs::path Workspace::defaultPath() {
    if (auto explicitPath = envOrEmpty("KILN_WORKSPACE"); !explicitPath.empty()) return explicitPath;
    if (auto data = envOrEmpty("XDG_DATA_HOME"); !data.empty())
        return fs::path(data) / "kiln" / "default";
    auto home = envOrEmpty("HOME");
    return fs::path(home.empty() ? "." : home) / ".local" / "share" / "kiln" / "default";
}

bool Workspace::exists(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / kCatalogFile, ec);
}

Workspace::Workspace(fs::path root, std::unique_ptr<Catalog> catalog)
    : m_root(std::move(root)), m_catalog(std::move(catalog)), m_objects(m_root / "objects") {}

Result<std::unique_ptr<Workspace>> Workspace::open(const fs::path& dir, bool create) {
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
        return makeError(ErrorCode::InvalidArgument, "workspace path is a file, not a folder",
                         dir.string());
    if (!create && !exists(dir))
        return makeError(ErrorCode::NotFound,
                         "no Kiln workspace here (run `kiln init` to create one)", dir.string());
    // The catalog is opened (and a too-new one refused) before anything else is created.
    if (create) fs::create_directories(dir, ec);
    if (ec)
        return makeError(ErrorCode::Io, "cannot create workspace folder: " + ec.message(),
                         dir.string());
    auto catalog = Catalog::open(dir / kCatalogFile);
    if (!catalog) return catalog.error();
    // An existing workspace opened without `create` is only read and written, never re-made:
    // objects/ and runs/ are created on first use by their writers.
    for (const char* sub : {"objects", "runs"}) {
        if (!create) break;
        fs::create_directories(dir / sub, ec);
        if (ec)
            return makeError(ErrorCode::Io, "cannot create workspace folder: " + ec.message(),
                             (dir / sub).string());
    }
    auto root = fs::absolute(dir, ec).lexically_normal();
    if (!root.empty() && root.filename().empty()) root = root.parent_path();
    std::unique_ptr<Workspace> workspace(new Workspace(root, std::move(catalog).value()));
    workspace->objects().removeStaleTemporaries();
    removeAbandonedImports(*workspace);
    return workspace;
}

}  // namespace kiln
