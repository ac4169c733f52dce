#include "widgets/recent_folder.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace kiln {
namespace widgets {
namespace {

QString key(const QString& purpose) { return QStringLiteral("folders/") + purpose; }

// Kiln Studio's settings store (as StudioSettings::store, which widgets cannot reach).
QSettings store() { return QSettings(QStringLiteral("Kiln"), QStringLiteral("Kiln Studio")); }

}  // namespace

QString recentFolder(const QString& purpose) {
    const QString folder = store().value(key(purpose)).toString();
    if (!folder.isEmpty() && QFileInfo(folder).isDir()) return folder;
    return QDir::homePath();
}

void rememberFolder(const QString& purpose, const QString& chosen) {
    if (chosen.isEmpty()) return;
    const QFileInfo info(chosen);
    store().setValue(key(purpose), info.isDir() ? info.absoluteFilePath() : info.absolutePath());
}

}  // namespace widgets
}  // namespace kiln
