#include "core/analysis/catalog_overview.h"

namespace kiln {

namespace {

constexpr std::size_t kMaxEntries = 1000;
constexpr std::size_t kMaxVersions = 10000;

Result<std::vector<DatasetVersion>> readVersions(Catalog& catalog) {
    auto st = catalog.prepare(
        "SELECT d.name, d.kind, v.version, v.row_count, v.created_at, v.id, v.dataset_id "
        "FROM dataset_versions v JOIN datasets d ON d.id = v.dataset_id "
        "ORDER BY d.name, v.version DESC LIMIT ?");
    if (!st) return st.error();
    if (auto b = st->bind({std::int64_t(kMaxVersions)}); !b) return b.error();
    std::vector<DatasetVersion> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) return out;
        DatasetVersion v;
        v.dataset = st->columnText(0);
        v.kind = st->columnText(1);
        v.version = st->columnInt(2);
        v.rows = std::uint64_t(st->columnInt(3));
        v.createdAt = st->columnText(4);
        v.id = st->columnInt(5);
        v.datasetId = st->columnInt(6);
        out.push_back(std::move(v));
    }
}

// Datasets without their latest version's manifest (a wide table's is megabytes).
Result<std::vector<DatasetSummary>> readDatasets(Catalog& catalog) {
    auto st = catalog.prepare(
        "SELECT d.id, d.name, d.kind, d.description, d.created_at, (SELECT COUNT(*) FROM "
        "dataset_versions v WHERE v.dataset_id = d.id) FROM datasets d ORDER BY d.name LIMIT ?");
    if (!st) return st.error();
    if (auto b = st->bind({std::int64_t(kMaxEntries)}); !b) return b.error();
    std::vector<DatasetSummary> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) return out;
        out.push_back({st->columnInt(0), st->columnText(1), st->columnText(2), st->columnText(3),
                       st->columnText(4), st->columnInt(5), std::nullopt});
    }
}

Result<std::vector<ModelSummary>> readModels(Catalog& catalog) {
    auto st = catalog.prepare("SELECT id, name, description FROM models ORDER BY name LIMIT ?");
    if (!st) return st.error();
    if (auto b = st->bind({std::int64_t(kMaxEntries)}); !b) return b.error();
    std::vector<ModelSummary> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) return out;
        out.push_back({st->columnInt(0), st->columnText(1), st->columnText(2)});
    }
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
    auto models = readModels(catalog);
    if (!models) return models.error();
    o.models = std::move(*models);
    return o;
}

}  // namespace kiln
