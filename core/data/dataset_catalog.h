#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"

namespace kiln {

class Catalog;

// One immutable version of a dataset as the catalog records it.
struct DatasetVersion {
    std::int64_t id = 0;  // dataset_versions.id
    std::int64_t datasetId = 0;
    std::string dataset;       // the dataset's name
    std::string kind;          // "table" or "images"
    std::int64_t version = 0;  // 1, 2, … per dataset
    std::string contentHash;   // the manifest object's hash (names the version)
    std::string schemaJson;    // [{"name","type","missing","note"}…]
    std::uint64_t rows = 0;
    std::string sourcePath;  // the file it was imported from
    std::string manifest;    // the manifest JSON
    std::string createdAt;   // ISO 8601 UTC
};

// A dataset with its version count and newest version.
struct DatasetSummary {
    std::int64_t id = 0;
    std::string name;
    std::string kind;
    std::string description;
    std::string createdAt;
    std::int64_t versions = 0;
    std::optional<DatasetVersion> latest;
};

// What to record for a new version.
struct NewDatasetVersion {
    std::string name;
    std::string kind = "table";
    std::string contentHash;
    std::string schemaJson = "[]";
    std::uint64_t rows = 0;
    std::string sourcePath;
    std::string manifest;
    // How to read the source again (`kiln refresh`): JSON, see core/data/table_import.h; "" keeps
    // what the dataset had.
    std::string sourceSpec;
};

// The outcome of recordVersion: the version, and whether it is new (false: the dataset already
// had a version with this content hash, which is returned instead).
struct RecordedVersion {
    DatasetVersion version;
    bool created = false;
};

// Datasets and their versions in the workspace catalog (tables `datasets` and
// `dataset_versions`). Borrows the Catalog, so it shares its thread: one thread at a time.
class DatasetCatalog {
public:
    explicit DatasetCatalog(Catalog& catalog) : m_catalog(catalog) {}

    // Records a version of dataset `name` (creating the dataset), in one transaction. Identical
    // content (same hash) makes no new version. InvalidArgument for an empty name or a name
    // already used by a dataset of another kind.
    Result<RecordedVersion> recordVersion(const NewDatasetVersion& entry);
    // Every dataset, by name.
    Result<std::vector<DatasetSummary>> list();
    // The versions of one dataset, oldest first (NotFound when there is no such dataset).
    Result<std::vector<DatasetVersion>> versions(std::string_view name);
    // Resolves "NAME" (newest version), "NAME@3" (version 3) or "NAME@<hash prefix>" (at least
    // 4 hex digits). NotFound names what is missing; InvalidArgument for an ambiguous prefix.
    Result<DatasetVersion> resolve(std::string_view reference);
    // Sets what dataset `name` is (`kiln show`, Studio's dataset tab): a sample's origin and
    // licence, a person's words. NotFound when there is no such dataset.
    Status setDescription(std::string_view name, const std::string& description);
    // Dataset `name`'s description ("" when it has none); NotFound when there is no such dataset.
    Result<std::string> description(std::string_view name);

    // How dataset `name` was read, as recorded by its last import (core/data/dataset_source.h;
    // "" when imported before sources were recorded). NotFound when there is no such dataset.
    Result<std::string> sourceSpec(std::string_view name);

private:
    Result<std::optional<DatasetVersion>> findByHash(std::int64_t datasetId,
                                                     const std::string& hash);
    Catalog& m_catalog;
};

}  // namespace kiln
