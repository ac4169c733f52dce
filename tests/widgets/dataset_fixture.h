#pragma once

#include <QString>
#include <QTemporaryDir>

namespace kiln::test {

// The folder of the committed CSV fixtures (iris.csv, wine.csv).
QString fixturePath(const QString& name);

// A workspace in a temporary folder with datasets imported through core, as Studio would.
struct DatasetWorkspace {
    QTemporaryDir dir;
    QString path() const { return dir.path(); }
    // Imports a CSV file as dataset `name`; returns "NAME@VERSION" or an empty string.
    QString importCsv(const QString& file, const QString& name);
    // Writes `classes` sub-folders of small generated PNGs (varied sizes and colours) under
    // `folder` and imports it as dataset `name`; returns "NAME@VERSION" or an empty string.
    QString importImages(const QString& folder, const QString& name, int classes, int perClass);
};

}  // namespace kiln::test
