#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include "core/features/feature_checks.h"
#include "core/train/run_spec.h"

namespace kiln {
namespace studio {

// One dataset version the Train panel offers.
struct VersionChoice {
    qint64 id = 0;  // dataset_versions.id
    qint64 version = 0;
    QString hash;
    qint64 rows = 0;
    QString createdAt;
};

// One dataset the Train panel offers, with its versions (newest last).
struct DatasetChoice {
    QString name;
    QString kind;  // "table" or "images"
    QVector<VersionChoice> versions;
};

struct DatasetChoices {
    QVector<DatasetChoice> datasets;
    QString error;  // empty when the catalog was read
};

// What the data says about a spec: the version's columns (for the target picker) and how
// resolveSpec fills the task, features and model family, or why it cannot.
struct SpecResolution {
    QString hash;    // the dataset version these columns belong to
    QString target;  // the target it was resolved for (empty: columns only)
    QStringList columns;
    QStringList columnTypes;  // "float", "categorical", … (same order)
    QVector<quint64> columnMissing;  // missing cells per column (same order)
    quint64 rows = 0;
    QString suggestedTarget;  // the column named like a target, or empty (kiln::suggestTarget)
    QString task;             // "classification" or "regression" (empty on error)
    QString family;  // "auto" (a table: chosen by CV when the run starts), "cnn", a named family
    QStringList features;
    QStringList notes;
    // Features that look like identifiers or leaks, or are mostly missing (kiln::checkFeatures).
    std::vector<kiln::FeatureWarning> warnings;
    QString error;  // resolveSpec's failure (unknown target, no usable feature)
};

// "128, 64" → {128, 64}; false when a part is not a whole number.
bool parseHidden(const QString& text, std::vector<int>& out);
// {128, 64} → "128, 64".
QString hiddenText(const std::vector<int>& hidden);

// Reads every dataset and its versions from the workspace at `dir`. For a pool thread.
DatasetChoices readDatasetChoices(const QString& dir);
// Opens the spec's dataset version and resolves the spec against it (columns listed even when
// resolving fails; an empty target lists only the columns). For a pool thread.
SpecResolution resolveForPanel(const QString& dir, kiln::RunSpec spec);

}  // namespace studio
}  // namespace kiln
