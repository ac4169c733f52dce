#include "core/lifecycle/garbage.h"

#include <filesystem>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/data/table.h"
#include "core/store/object_collection.h"
#include "core/store/sha256.h"
#include "core/store/workspace.h"

namespace kiln {

namespace fs = std::filesystem;

namespace {

// The pictures an image dataset's versions store: the sha256 column of each listing table.
Status addImageReferences(Workspace& ws, std::unordered_set<std::string>& referenced) {
    auto listings = ws.catalog().queryRows<std::string>(
        "SELECT v.content_hash FROM dataset_versions v JOIN datasets d ON d.id = v.dataset_id "
        "WHERE d.kind = 'images'",
        {}, [](const Statement& st) { return st.columnText(0); });
    if (!listings) return listings.error();
    for (const auto& hash : *listings) {
        auto table = Table::open(ws.objects(), hash);
        if (!table)
            return withCause(makeError(ErrorCode::Corrupt,
                                       "an image dataset's listing cannot be read; nothing was removed",
                                       hash),
                             table.error());
        const int column = (*table)->columnIndex("sha256");
        if (column < 0) continue;
        const ColumnView& images = (*table)->column(std::size_t(column));
        for (std::uint64_t row = 0; row < images.rows(); ++row) referenced.insert(images.text(row));
    }
    return {};
}

std::uint64_t treeBytes(const fs::path& dir) {
    std::uint64_t bytes = 0;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
        if (it->is_regular_file(ec)) bytes += it->file_size(ec);
    return bytes;
}

Status collectRunFolders(Workspace& ws, GarbageReport& report) {
    auto known = ws.catalog().queryRows<std::string>(
        "SELECT id FROM runs", {}, [](const Statement& st) { return st.columnText(0); });
    if (!known) return known.error();
    const std::unordered_set<std::string> runs(known->begin(), known->end());
    std::error_code ec;
    for (auto& entry : fs::directory_iterator(ws.runsDir(), ec)) {
        if (!entry.is_directory(ec) || runs.count(entry.path().filename().string())) continue;
        ++report.runFolders;
        report.runFolderBytes += treeBytes(entry.path());
        if (!report.dryRun) fs::remove_all(entry.path(), ec);
    }
    return {};
}

// cache/thumbnails/ab/cdef…-SIZE.png of pictures no longer stored.
void collectThumbnails(Workspace& ws, const std::unordered_set<std::string>& referenced,
                       GarbageReport& report) {
    std::error_code ec;
    for (auto& dir : fs::directory_iterator(ws.root() / "cache" / "thumbnails", ec)) {
        const std::string prefix = dir.path().filename().string();
        if (prefix.size() != 2 || !dir.is_directory(ec)) continue;
        for (auto& file : fs::directory_iterator(dir.path(), ec)) {
            const std::string name = file.path().filename().string();
            const std::string hash = prefix + name.substr(0, name.find('-'));
            if (!isSha256Hex(hash) || referenced.count(hash)) continue;
            ++report.thumbnails;
            report.thumbnailBytes += file.file_size(ec);
            if (!report.dryRun) fs::remove(file.path(), ec);
        }
    }
}

}  // namespace

Result<GarbageReport> collectGarbage(Workspace& ws, bool dryRun) {
    auto lock = CollectionLock::acquire(ws.objects());
    if (!lock) return lock.error();
    auto referenced = datasetObjectReferences(ws.catalog());
    if (!referenced) return referenced.error();
    if (auto s = addImageReferences(ws, *referenced); !s) return s.error();

    GarbageReport report;
    report.dryRun = dryRun;
    for (const auto& object : listObjects(ws.objects())) {
        if (referenced->count(object.hash)) {
            ++report.keptObjects;
            report.keptBytes += object.bytes;
            continue;
        }
        ++report.objects;
        report.objectBytes += object.bytes;
        std::error_code ec;
        if (!dryRun) fs::remove(ws.objects().pathFor(object.hash), ec);
    }
    if (auto s = collectRunFolders(ws, report); !s) return s.error();
    collectThumbnails(ws, *referenced, report);
    return report;
}

}  // namespace kiln
