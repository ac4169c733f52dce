// One image file as an image-folder import meets it: decoded by OpenCV (the extension, from the
// first byte, picks what Kiln lists it as), stored, listed in a table, then decoded again the
// way training does (grey and colour, resized) and as a thumbnail.

#include <cstddef>
#include <cstdint>

#include "core/data/image_folder.h"
#include "core/data/table.h"
#include "core/features/feature_recipe.h"
#include "core/jobs/job_context.h"
#include "core/store/object_store.h"
#include "fuzz/fuzz_support.h"

using namespace kiln;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    unsigned flags = 0;
    auto bytes = fuzz::takeFlags(data, size, flags);
    static const char* const kExtensions[] = {".png", ".jpg", ".bmp", ".tiff", ".webp", ".jpeg", ".tif", ".PNG"};
    const auto dir = fuzz::scratch() / "image";
    std::error_code ec;
    std::filesystem::remove_all(dir / "folder", ec);
    fuzz::sweepEvery(dir / "objects", 256);
    fuzz::writeFile(dir / "folder" / "class" / (std::string("image") + kExtensions[flags % 8]), bytes);

    ObjectStore store(dir / "objects");
    BasicJobContext job;
    auto imported = importImageFolder(store, dir / "folder", job);
    if (!imported) return 0;
    auto table = Table::open(store, imported->manifestHash);
    if (!table) __builtin_trap();  // a committed listing must open

    ImageCoding coding;
    coding.enabled = true;
    coding.channels = (flags & 8) ? 1 : 3;
    coding.size = (flags & 16) ? 7 : 32;
    std::vector<std::uint64_t> rows((*table)->rows());
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = i;
    (void)loadImages(store, **table, coding, rows);

    const auto& hashes = (*table)->column(std::size_t((*table)->columnIndex("sha256")));
    for (std::uint64_t i = 0; i < rows.size(); ++i)
        (void)imageThumbnail(store, hashes.text(i), dir / "thumbnails", 16);
    return 0;
}
