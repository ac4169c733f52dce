#include "widgets/catalog_snapshot.h"

#include <QCoreApplication>

#include <exception>

#include "core/store/workspace.h"

namespace kiln {
namespace widgets {
namespace {

constexpr const char* kDatasetsSql =
    "SELECT d.id, d.name, d.kind, (SELECT COUNT(*) FROM dataset_versions v "
    "WHERE v.dataset_id = d.id) FROM datasets d ORDER BY d.name LIMIT 1000";
constexpr const char* kVersionsSql =
    "SELECT d.name, d.kind, v.version, v.row_count, v.created_at FROM dataset_versions v "
    "JOIN datasets d ON d.id = v.dataset_id ORDER BY d.name, v.version DESC LIMIT 10000";
constexpr const char* kRunsSql =
    "SELECT id, name, status FROM runs ORDER BY created_at DESC LIMIT 1000";
constexpr const char* kModelsSql =
    "SELECT id, name, description FROM models ORDER BY name LIMIT 1000";

QString text(const kiln::Statement& statement, int column) {
    return QString::fromStdString(statement.columnText(column));
}

QString detailFor(CatalogKind kind, const kiln::Statement& row) {
    switch (kind) {
        case CatalogKind::Dataset: {
            const QString versions = QString::number(row.columnInt(3));
            return QCoreApplication::translate("kiln::widgets::NavigatorView", "%1 · versions: %2")
                .arg(text(row, 2), versions);
        }
        case CatalogKind::Run:
            return text(row, 2);
        case CatalogKind::Model:
            return text(row, 2);
    }
    return {};
}

kiln::Status readEntries(kiln::Catalog& catalog, CatalogKind kind, const char* sql,
                         QVector<CatalogEntry>& out) {
    auto statement = catalog.prepare(sql);
    if (!statement) return statement.error();
    for (;;) {
        auto more = statement->step();
        if (!more) return more.error();
        if (!more.value()) return {};
        CatalogEntry entry;
        entry.kind = kind;
        entry.id = text(*statement, 0);
        entry.name = text(*statement, 1);
        entry.detail = detailFor(kind, *statement);
        if (kind == CatalogKind::Dataset) entry.datasetKind = text(*statement, 2);
        if (entry.name.isEmpty()) entry.name = entry.id;
        out.push_back(entry);
    }
}

kiln::Status readVersions(kiln::Catalog& catalog, QVector<CatalogEntry>& out) {
    auto statement = catalog.prepare(kVersionsSql);
    if (!statement) return statement.error();
    for (;;) {
        auto more = statement->step();
        if (!more) return more.error();
        if (!more.value()) return {};
        CatalogEntry entry;
        entry.name = text(*statement, 0);
        entry.id = entry.name;
        entry.datasetKind = text(*statement, 1);
        entry.version = statement->columnInt(2);
        entry.rows = quint64(statement->columnInt(3));
        entry.createdAt = text(*statement, 4);
        out.push_back(entry);
    }
}

kiln::Status readAll(kiln::Catalog& catalog, CatalogSnapshot& snapshot) {
    auto counts = catalog.counts();
    if (!counts) return counts.error();
    snapshot.counts = counts.value();
    if (auto s = readEntries(catalog, CatalogKind::Dataset, kDatasetsSql, snapshot.entries); !s)
        return s;
    if (auto s = readVersions(catalog, snapshot.entries); !s) return s;
    if (auto s = readEntries(catalog, CatalogKind::Run, kRunsSql, snapshot.entries); !s) return s;
    return readEntries(catalog, CatalogKind::Model, kModelsSql, snapshot.entries);
}

}  // namespace

CatalogSnapshot readCatalogSnapshot(const QString& workspaceDir) {
    CatalogSnapshot snapshot;
    snapshot.workspace = workspaceDir;
    try {
        auto workspace = kiln::Workspace::open(workspaceDir.toStdString(), false);
        if (!workspace) {
            snapshot.error = QString::fromStdString(workspace.error().toString());
            return snapshot;
        }
        if (auto status = readAll(workspace.value()->catalog(), snapshot); !status)
            snapshot.error = QString::fromStdString(status.error().toString());
    } catch (const std::exception& e) {
        snapshot.error = QString::fromLocal8Bit(e.what());
    }
    return snapshot;
}

}  // namespace widgets
}  // namespace kiln
