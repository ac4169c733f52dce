#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/data/table.h"
#include "core/jobs/job_context.h"

namespace kiln {

class ObjectStore;
class Workspace;

// One image file found in a dataset folder.
struct ImageFile {
    std::filesystem::path path;  // absolute
    std::string relative;        // from the dataset folder, '/'-separated
    std::string label;           // class: the sub-folder path with '/' (nested folders flattened), or ""
};

// Lists the images under `folder`: PNG, JPEG, BMP, TIFF and WebP by extension, sorted by
// relative path. A folder with sub-folders is labelled (one class per sub-folder, nested folders
// flattened into "outer/inner"); images directly in a labelled folder's root are unlabelled.
Result<std::vector<ImageFile>> listImageFolder(const std::filesystem::path& folder);

// A file that could not be decoded, and why.
struct SkippedImage {
    std::string relative;
    std::string reason;
};

struct ImageImportResult {
    std::string manifestHash;
    TableManifest manifest;
    bool labelled = false;
    std::vector<std::string> classes;     // sorted
    std::vector<SkippedImage> skipped;    // corrupt or unreadable files, all of them
};

// Decodes every image (OpenCV, on all cores), stores each file in the object store by its sha256,
// and stores the listing as a table with the columns file (text), class (categorical),
// width, height, channels, bytes (integers) and sha256 (text, the object hash). Corrupt files
// are skipped, listed in the result and reported to the job as warnings. InvalidArgument when
// the folder holds no readable image; Cancelled when cancelled (objects already stored stay,
// unreferenced; the listing is not written).
Result<ImageImportResult> importImageFolder(const ObjectStore& store, const std::filesystem::path& folder,
                                            JobContext& job);

// The outcome of importing a folder as a dataset version of kind "images".
struct ImageDatasetImport {
    ImageImportResult images;
    std::string dataset;
    std::int64_t version = 0;
    bool created = false;  // false: the same images were already this dataset's version
};

// Imports `folder` into `workspace` as a version of dataset `name` (default: the folder's name).
// Identical content (same files, classes and listing) makes no new version.
Result<ImageDatasetImport> importImageDataset(Workspace& workspace, const std::filesystem::path& folder,
                                              const std::string& name, JobContext& job);

// The cached thumbnail (PNG, longest side `size` pixels) of a stored image, made on first use
// under `cacheDir`; returns its path. Safe from several threads (atomic rename).
Result<std::filesystem::path> imageThumbnail(const ObjectStore& store, const std::string& imageHash,
                                             const std::filesystem::path& cacheDir, int size = 128);

}  // namespace kiln
