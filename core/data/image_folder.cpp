#include "core/data/image_folder.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <atomic>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "core/base/names.h"
#include "core/base/parallel.h"
#include "core/data/column_chunk.h"
#include "core/data/dataset_catalog.h"
#include "core/data/image_header.h"
#include "core/data/table_writer.h"
#include "core/store/object_store.h"
#include "core/store/workspace.h"

namespace kiln {

namespace fs = std::filesystem;

namespace {

bool isImageFile(const fs::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    static const std::set<std::string> kExtensions = {".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp"};
    return kExtensions.count(ext) > 0;
}

// What decoding one file gave.
struct DecodedImage {
    bool ok = false;
    std::string reason;
    std::int64_t width = 0, height = 0, channels = 0, bytes = 0;
    std::string hash;
};

DecodedImage decodeAndStore(const ObjectStore& store, const ImageFile& file) {
    DecodedImage d;
    std::error_code ec;
    d.bytes = std::int64_t(fs::file_size(file.path, ec));
    if (auto header = checkImageHeader(file.path); !header) {
        d.reason = header.error().message;
        return d;
    }
    cv::Mat image;
    try {
        image = cv::imread(file.path.string(), cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception& e) {
        d.reason = std::string("OpenCV cannot decode it: ") + e.what();
        return d;
    }
    if (image.empty()) {
        d.reason = ec ? "cannot read the file" : "not a decodable image (corrupt or truncated)";
        return d;
    }
    auto hash = store.putFile(file.path);
    if (!hash) {
        d.reason = hash.error().toString();
        return d;
    }
    d.ok = true;
    d.width = image.cols, d.height = image.rows, d.channels = image.channels();
    d.hash = *hash;
    return d;
}

std::vector<ColumnSpec> listingSpecs() {
    auto spec = [](const char* name, ColumnType type) {
        ColumnSpec s;
        s.name = name;
        s.type = type;
        return s;
    };
    return {spec("file", ColumnType::Text),      spec("class", ColumnType::Categorical),
            spec("width", ColumnType::Integer),  spec("height", ColumnType::Integer),
            spec("channels", ColumnType::Integer), spec("bytes", ColumnType::Integer),
            spec("sha256", ColumnType::Text)};
}

// Appends the decoded images as one chunk per column.
Status writeListing(TableWriter& writer, const std::vector<ColumnSpec>& specs,
                    const std::vector<ImageFile>& files, const std::vector<DecodedImage>& decoded) {
    std::vector<ColumnChunk> chunks(specs.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (!decoded[i].ok) continue;
        const std::string cells[] = {files[i].relative, files[i].label,
                                     std::to_string(decoded[i].width), std::to_string(decoded[i].height),
                                     std::to_string(decoded[i].channels), std::to_string(decoded[i].bytes),
                                     decoded[i].hash};
        for (std::size_t c = 0; c < specs.size(); ++c) {
            if (cells[c].empty()) chunks[c].appendMissing(specs[c].type);
            else chunks[c].append(specs[c], cells[c]);
        }
    }
    return writer.append(chunks);
}

}  // namespace

Result<std::vector<ImageFile>> listImageFolder(const fs::path& folder) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        return makeError(ErrorCode::NotFound, "not a folder", folder.string());
    std::vector<ImageFile> files;
    for (auto it = fs::recursive_directory_iterator(folder, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        if (!it->is_regular_file(ec) || !isImageFile(it->path())) continue;
        ImageFile f;
        f.path = fs::absolute(it->path());
        f.relative = fs::relative(it->path(), folder).generic_string();
        auto parent = fs::relative(it->path().parent_path(), folder).generic_string();
        f.label = parent == "." ? "" : parent;
        files.push_back(std::move(f));
    }
    if (ec) return makeError(ErrorCode::Io, "cannot list the folder: " + ec.message(), folder.string());
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.relative < b.relative; });
    return files;
}

Result<ImageImportResult> importImageFolder(const ObjectStore& store, const fs::path& folder, JobContext& job) {
    auto files = listImageFolder(folder);
    if (!files) return files.error();
    if (files->empty())
        return makeError(ErrorCode::InvalidArgument,
                         "no images found (PNG, JPEG, BMP, TIFF or WebP files, in class sub-folders or flat)",
                         folder.string());
    std::vector<DecodedImage> decoded(files->size());
    std::atomic<std::uint64_t> done{0};
    std::atomic<bool> stop{false};
    parallelSlices(files->size(), defaultThreadCount(), [&](int, std::uint64_t begin, std::uint64_t end) {
        for (auto i = begin; i < end && !stop; ++i) {
            decoded[i] = decodeAndStore(store, (*files)[i]);
            job.progress(++done, files->size(), "Reading images");
            if (job.cancelled()) stop = true;
        }
    });
    if (stop) return makeError(ErrorCode::Cancelled, "image import cancelled");

    ImageImportResult result;
    std::set<std::string> classes;
    for (std::size_t i = 0; i < files->size(); ++i) {
        if (decoded[i].ok) {
            if (!(*files)[i].label.empty()) classes.insert((*files)[i].label);
            continue;
        }
        result.skipped.push_back({(*files)[i].relative, decoded[i].reason});
        job.report({IssueSeverity::Warning, "skipped: " + decoded[i].reason, (*files)[i].path.string()});
    }
    if (result.skipped.size() == files->size())
        return makeError(ErrorCode::InvalidArgument, "none of the " + std::to_string(files->size()) +
                                                         " image files could be decoded", folder.string());
    result.classes.assign(classes.begin(), classes.end());
    result.labelled = !classes.empty();

    auto specs = listingSpecs();
    TableWriter writer(store, specs);
    if (auto s = writer.open(); !s) return s.error();
    if (auto s = writeListing(writer, specs, *files, decoded); !s) return s.error();
    nlohmann::json source = {{"kind", "images"}, {"folder", fs::absolute(folder).string()},
                             {"labelled", result.labelled}, {"skipped", result.skipped.size()}};
    auto hash = writer.commit(source.dump(), unsigned(defaultThreadCount()), result.manifest);
    if (!hash) return hash.error();
    result.manifestHash = *hash;
    return result;
}

Result<ImageDatasetImport> importImageDataset(Workspace& workspace, const fs::path& folder,
                                              const std::string& name, JobContext& job) {
    // Held until the version is recorded: a garbage collection (which takes the commit lock
    // exclusively) never sees the pictures stored but not yet referenced.
    auto storing = ImportRecord::begin(workspace.objects());
    if (!storing) return storing.error();
    auto images = importImageFolder(workspace.objects(), folder, job);
    if (!images) return images.error();
    std::error_code ec;
    fs::path absolute = fs::absolute(folder, ec).lexically_normal();
    if (absolute.filename().empty()) absolute = absolute.parent_path();
    NewDatasetVersion entry;
    entry.name = name.empty() ? validNameFrom(absolute.filename().string()) : name;
    entry.kind = "images";
    entry.contentHash = images->manifestHash;
    entry.schemaJson = images->manifest.schemaJson();
    entry.rows = images->manifest.rows;
    entry.sourcePath = absolute.string();
    entry.manifest = images->manifest.toJson();
    auto recorded = DatasetCatalog(workspace.catalog()).recordVersion(entry);
    if (!recorded) return recorded.error();
    ImageDatasetImport out;
    out.images = std::move(*images);
    out.dataset = entry.name;
    out.version = recorded->version.version;
    out.created = recorded->created;
    return out;
}

Result<fs::path> imageThumbnail(const ObjectStore& store, const std::string& imageHash,
                                const fs::path& cacheDir, int size) {
    fs::path target = cacheDir / (imageHash.substr(0, 2) + "/" + imageHash.substr(2) + "-" + std::to_string(size) + ".png");
    std::error_code ec;
    if (fs::exists(target, ec)) return target;
    if (!store.contains(imageHash)) return makeError(ErrorCode::NotFound, "no such image object", imageHash);
    if (auto header = checkImageHeader(store.pathFor(imageHash)); !header)
        return makeError(ErrorCode::Corrupt, "stored image cannot be decoded: " + header.error().message, imageHash);
    cv::Mat image = cv::imread(store.pathFor(imageHash).string(), cv::IMREAD_COLOR);
    if (image.empty()) return makeError(ErrorCode::Corrupt, "stored image cannot be decoded", imageHash);
    const double scale = double(size) / double(std::max(image.cols, image.rows));
    cv::Mat small = image;
    if (scale < 1) {
        // Each side at least one pixel: a 1×1000 strip scaled to 128 would be 0 pixels tall.
        const cv::Size to(std::max(1, int(std::lround(image.cols * scale))),
                          std::max(1, int(std::lround(image.rows * scale))));
        cv::resize(image, small, to, 0, 0, cv::INTER_AREA);
    }
    fs::create_directories(target.parent_path(), ec);
    fs::path temp = target;
    temp += ".tmp" + std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id()));
    temp += ".png";
    if (!cv::imwrite(temp.string(), small)) return makeError(ErrorCode::Io, "cannot write thumbnail", temp.string());
    fs::rename(temp, target, ec);
    if (ec) return makeError(ErrorCode::Io, "cannot store thumbnail: " + ec.message(), target.string());
    return target;
}

}  // namespace kiln
