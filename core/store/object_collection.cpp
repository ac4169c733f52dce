#include "core/store/object_collection.h"

#include <cctype>
#include <filesystem>

#include "core/store/catalog.h"
#include "core/store/object_store.h"
#include "core/store/sha256.h"

namespace kiln {

namespace fs = std::filesystem;

std::vector<StoredObject> listObjects(const ObjectStore& store) {
    std::vector<StoredObject> objects;
    std::error_code ec;
    for (auto& dir : fs::directory_iterator(store.root(), ec)) {
        const std::string prefix = dir.path().filename().string();
        if (prefix.size() != 2 || !dir.is_directory(ec)) continue;
        for (auto& file : fs::directory_iterator(dir.path(), ec)) {
            std::string hash = prefix + file.path().filename().string();
            if (!isSha256Hex(hash) || !file.is_regular_file(ec)) continue;
            objects.push_back({std::move(hash), file.file_size(ec)});
        }
    }
    return objects;
}

Result<std::unordered_set<std::string>> datasetObjectReferences(Catalog& catalog) {
    std::unordered_set<std::string> hashes;
    auto stmt = catalog.prepare("SELECT content_hash, manifest FROM dataset_versions");
    if (!stmt) return stmt.error();
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.error();
        if (!*row) break;
        hashes.insert(stmt->columnText(0));
        const std::string manifest = stmt->columnText(1);
        std::size_t run = 0;  // hex digits before i
        for (std::size_t i = 0; i <= manifest.size(); ++i) {
            bool hex =
                i < manifest.size() && std::isxdigit(static_cast<unsigned char>(manifest[i]));
            if (hex) {
                ++run;
                continue;
            }
            if (run == 64) hashes.insert(manifest.substr(i - 64, 64));
            run = 0;
        }
    }
    return hashes;
}

}  // namespace kiln
