#include "core/analysis/catalog_overview.h"

namespace kiln {

namespace {

constexpr std::size_t kMaxEntries = 1000;
constexpr std::size_t kMaxVersions = 10000;

Result<std::vector<DatasetVersion>> readVersions(Catalog& catalog) {
    return catalog.queryRows<DatasetVersion>(
        "SELECT d.name, d.kind, v.version, v.row_count, v.created_at, v.id, v.dataset_id "
        "FROM dataset_versions v JOIN datasets d ON d.id = v.dataset_id "
        "ORDER BY d.name, v.version DESC LIMIT ?",
        {std::int64_t(kMaxVersions)}, [](const Statement& row) {
            DatasetVersion v;
            v.dataset = row.columnText(0);
            v.kind = row.columnText(1);
            v.version = row.columnInt(2);
            v.rows = std::uint64_t(row.columnInt(3));
            v.createdAt = row.columnText(4);
            v.id = row.columnInt(5);
            v.datasetId = row.columnInt(6);
            return v;
        });
}

// Datasets without their latest version's manifest (a wide table's is megabytes).
Result<std::vector<DatasetSummary>> readDatasets(Catalog& catalog) {
    return catalog.queryRows<DatasetSummary>(
        "SELECT d.id, d.name, d.kind, d.description, d.created_at, (SELECT COUNT(*) FROM "
        "dataset_versions v WHERE v.dataset_id = d.id) FROM datasets d ORDER BY d.name LIMIT ?",
        {std::int64_t(kMaxEntries)}, [](const Statement& row) {
            return DatasetSummary{row.columnInt(0),  row.columnText(1), row.columnText(2),
                                  row.columnText(3), row.columnText(4), row.columnInt(5),
                                  std::nullopt};
        });
}

Result<std::vector<ModelSummary>> readModels(Catalog& catalog) {
    return catalog.queryRows<ModelSummary>(
        "SELECT id, name, description FROM models ORDER BY name LIMIT ?",
        {std::int64_t(kMaxEntries)}, [](const Statement& row) {
            return ModelSummary{row.columnInt(0), row.columnText(1), row.columnText(2)};
        });
}

}  // namespace

Result<CatalogOverview> readCatalogOverview(Catalog& catalog) {
    CatalogOverview o;
    auto counts = catalog.counts();
    if (!counts) return counts.error();
    o.counts = *counts;
    auto datasets = readDatasets(catalog);
    if (!datasets) return datasets.error();
    o.datasets = std::move(*datasets);
    auto versions = readVersions(catalog);
    if (!versions) return versions.error();
    o.versions = std::move(*versions);
    auto runs = RunStore(catalog).newest(kMaxEntries);
    if (!runs) return runs.error();
    o.runs = std::move(*runs);
    auto starred = catalog.queryRows<std::string>("SELECT run_id FROM tags WHERE key = 'starred'", {},
                                                  [](const Statement& st) { return st.columnText(0); });
    if (!starred) return starred.error();
    o.starredRuns.insert(starred->begin(), starred->end());
    auto trials = readSweepTrials(catalog);
    if (!trials) return trials.error();
    o.sweepTrials = std::move(*trials);
    auto models = readModels(catalog);
    if (!models) return models.error();
    o.models = std::move(*models);
    return o;
}

}  // namespace kiln
