#pragma once

#include <QMetaType>
#include <QString>
#include <QVector>

#include "core/store/catalog.h"

namespace kiln {
namespace widgets {

// What the navigator lists: a dataset (and its versions, entries with `version` > 0 listed
// after the datasets), a run, a model, a sweep (listed under Runs, its trials inside it), or a
// pipeline (a pipeline file the workspace has run or scheduled).
enum class CatalogKind { Dataset, Run, Model, Sweep, Pipeline };

struct CatalogEntry {
    CatalogKind kind = CatalogKind::Dataset;
    QString id;  // the catalog's id (a number for datasets and models, a run id for runs)
    QString name;
    QString detail;  // a short second line: dataset kind and versions, run status
    QString datasetKind;  // datasets: "table" or "images"
    int version = 0;      // a dataset version's number; 0 for the dataset itself (its newest)
    quint64 rows = 0;     // a dataset version's rows (images for image datasets)
    QString createdAt;    // a dataset version's import time (ISO 8601 UTC)
    bool starred = false;  // a run kept by retention rules (core/lifecycle/stars.h)
    QString sweepId;       // a run that is a sweep trial: its sweep; a sweep: its own id
    int trials = 0;        // a sweep: how many of its trials are listed
    QString file;          // a pipeline: the file it was last run or scheduled from
    QString lastStatus;    // a pipeline: how its newest run ended ("completed", "failed", …; "" never ran)
    QString schedule;      // a pipeline: its calendar when scheduled ("" none)
    bool paused = false;   // a pipeline: its schedule paused itself after failures

    // "NAME" for a dataset (its newest version), "NAME@3" for a version.
    QString reference() const {
        return version > 0 ? name + QLatin1Char('@') + QString::number(version) : name;
    }
};

// The part of a catalog the navigator and the welcome page show, read in one go.
struct CatalogSnapshot {
    QString workspace;
    kiln::CatalogCounts counts;
    QVector<CatalogEntry> entries;
    int pipelines = 0;  // pipeline entries listed
    QString error;  // empty when the catalog was read

    bool ok() const { return error.isEmpty(); }
};

// Opens the workspace at `workspaceDir` on the calling thread (its own connection) and reads
// the snapshot. Meant for a pool thread: it does file I/O. Never throws.
CatalogSnapshot readCatalogSnapshot(const QString& workspaceDir);

}  // namespace widgets
}  // namespace kiln

Q_DECLARE_METATYPE(kiln::widgets::CatalogSnapshot)
Q_DECLARE_METATYPE(kiln::widgets::CatalogEntry)
