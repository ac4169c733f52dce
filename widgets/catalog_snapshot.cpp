#include "widgets/catalog_snapshot.h"

#include <QCoreApplication>
#include <QHash>

#include <ctime>
#include <exception>

#include "core/analysis/catalog_overview.h"
#include "core/pipeline/schedule/schedule_list.h"
#include "core/store/workspace.h"

namespace kiln {
namespace widgets {
namespace {

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

// Entries with an empty name show their id.
void add(QVector<CatalogEntry>& out, CatalogEntry entry) {
    if (entry.name.isEmpty()) entry.name = entry.id;
    out.push_back(std::move(entry));
}

void fill(const kiln::CatalogOverview& o, CatalogSnapshot& snapshot) {
    snapshot.counts = o.counts;
    for (const kiln::DatasetSummary& d : o.datasets) {
        CatalogEntry entry;
        entry.kind = CatalogKind::Dataset;
        entry.id = QString::number(d.id);
        entry.name = qs(d.name);
        entry.datasetKind = qs(d.kind);
        entry.detail =
            QCoreApplication::translate("kiln::widgets::NavigatorView", "%1 · versions: %2")
                .arg(qs(d.kind), QString::number(d.versions));
        add(snapshot.entries, std::move(entry));
    }
    for (const kiln::DatasetVersion& v : o.versions) {
        CatalogEntry entry;
        entry.name = qs(v.dataset);
        entry.id = entry.name;
        entry.datasetKind = qs(v.kind);
        entry.version = int(v.version);
        entry.rows = quint64(v.rows);
        entry.createdAt = qs(v.createdAt);
        snapshot.entries.push_back(std::move(entry));
    }
    // A sweep's trials are named by what sets them apart; the sweep is an entry of its own,
    // named like its runs (dataset/target family), listed after the runs.
    QVector<CatalogEntry> sweeps;
    QHash<QString, int> sweepIndex;
    for (const kiln::StoredRun& r : o.runs) {
        CatalogEntry entry;
        entry.kind = CatalogKind::Run;
        entry.id = qs(r.id);
        entry.name = qs(r.name);
        entry.detail = QString::fromLatin1(kiln::runStatusName(r.status));
        entry.starred = o.starredRuns.count(r.id) > 0;
        if (auto trial = o.sweepTrials.find(r.id); trial != o.sweepTrials.end()) {
            entry.sweepId = qs(trial->second.sweepId);
            if (!sweepIndex.contains(entry.sweepId)) {
                CatalogEntry sweep;
                sweep.kind = CatalogKind::Sweep;
                sweep.id = sweep.sweepId = entry.sweepId;
                sweep.name = entry.name;
                sweepIndex.insert(entry.sweepId, sweeps.size());
                sweeps.push_back(sweep);
            }
            ++sweeps[sweepIndex.value(entry.sweepId)].trials;
            const QString number = QStringLiteral("#%1").arg(trial->second.trial);
            entry.name = trial->second.label.empty() ? number : number + QStringLiteral(" · ") + qs(trial->second.label);
        }
        add(snapshot.entries, std::move(entry));
    }
    for (CatalogEntry& sweep : sweeps) snapshot.entries.push_back(std::move(sweep));
    for (const kiln::ModelSummary& m : o.models) {
        CatalogEntry entry;
        entry.kind = CatalogKind::Model;
        entry.id = QString::number(m.id);
        entry.name = qs(m.name);
        entry.detail = qs(m.description);
        add(snapshot.entries, std::move(entry));
    }
}

// Pipelines by name, each with how it last ran and its schedule.
void fillPipelines(const std::vector<kiln::PipelineListing>& listings, CatalogSnapshot& snapshot) {
    for (const kiln::PipelineListing& p : listings) {
        CatalogEntry entry;
        entry.kind = CatalogKind::Pipeline;
        entry.id = entry.name = qs(p.pipeline);
        entry.file = qs(p.file);
        if (p.lastRun) entry.lastStatus = qs(p.lastRun->status);
        if (p.schedule) {
            entry.schedule = qs(p.schedule->calendar);
            entry.paused = p.schedule->paused;
        }
        entry.detail = entry.file;
        snapshot.entries.push_back(std::move(entry));
        ++snapshot.pipelines;
    }
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
        auto overview = kiln::readCatalogOverview(workspace.value()->catalog());
        if (!overview) {
            snapshot.error = QString::fromStdString(overview.error().toString());
            return snapshot;
        }
        fill(*overview, snapshot);
        auto pipelines = kiln::listPipelines(workspace.value()->catalog(), std::time(nullptr), 0);
        if (pipelines)
            fillPipelines(*pipelines, snapshot);
        else
            snapshot.error = QString::fromStdString(pipelines.error().toString());
    } catch (const std::exception& e) {
        snapshot.error = QString::fromLocal8Bit(e.what());
    }
    return snapshot;
}

}  // namespace widgets
}  // namespace kiln
