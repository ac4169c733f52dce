#include "dataset_fixture.h"

#include <QColor>
#include <QDir>
#include <QImage>
#include <QPainter>

#include "core/data/csv_import.h"
#include "core/data/image_folder.h"
#include "core/store/workspace.h"

namespace kiln::test {

QString fixturePath(const QString& name) {
    return QStringLiteral(KILN_FIXTURE_DIR) + QLatin1Char('/') + name;
}

QString DatasetWorkspace::importCsv(const QString& file, const QString& name) {
    auto workspace = kiln::Workspace::open(path().toStdString(), true);
    if (!workspace) return {};
    kiln::NullJobContext job;
    auto imported = kiln::importCsvDataset(*workspace.value(), file.toStdString(), name.toStdString(),
                                           kiln::ImportOptions{}, job);
    if (!imported) return {};
    return name + QLatin1Char('@') + QString::number(imported.value().version);
}

QString DatasetWorkspace::importImages(const QString& folder, const QString& name, int classes,
                                       int perClass) {
    const char* names[] = {"cat", "dog", "fox", "owl", "yak"};
    for (int c = 0; c < classes; ++c) {
        const QString sub = folder + QLatin1Char('/') + QLatin1String(names[c % 5]);
        QDir().mkpath(sub);
        for (int i = 0; i < perClass + c * 2; ++i) {
            QImage image(64 + 16 * ((i + c) % 4), 48 + 12 * ((i * 3 + c) % 5), QImage::Format_RGB32);
            image.fill(QColor::fromHsv((c * 70 + i * 9) % 360, 160, 220));
            QPainter painter(&image);
            painter.setBrush(QColor::fromHsv((c * 70 + 180) % 360, 200, 120));
            painter.drawEllipse(image.rect().adjusted(10, 8, -10 - i, -8));
            painter.end();
            image.save(sub + QStringLiteral("/img_%1.png").arg(i));
        }
    }
    auto workspace = kiln::Workspace::open(path().toStdString(), true);
    if (!workspace) return {};
    kiln::NullJobContext job;
    auto imported = kiln::importImageDataset(*workspace.value(), folder.toStdString(), name.toStdString(), job);
    if (!imported) return {};
    return name + QLatin1Char('@') + QString::number(imported.value().version);
}

}  // namespace kiln::test
