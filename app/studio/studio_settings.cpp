#include "app/studio/studio_settings.h"

#include <QDir>

namespace kiln {
namespace studio {
namespace {
const QString kWorkspaceKey = QStringLiteral("workspace/folder");
const QString kRecentKey = QStringLiteral("workspace/recent");
const QString kLanguageKey = QStringLiteral("ui/language");
const QString kDeviceKey = QStringLiteral("training/defaultDevice");
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
}  // namespace

QSettings StudioSettings::store() {
    return QSettings(QStringLiteral("Kiln"), QStringLiteral("Kiln Studio"));
}

QString StudioSettings::workspaceFolder() {
    return store().value(kWorkspaceKey).toString();
}

void StudioSettings::setWorkspaceFolder(const QString& dir) {
    store().setValue(kWorkspaceKey, dir);
}

QString StudioSettings::language() {
    return store().value(kLanguageKey).toString();
}

void StudioSettings::setLanguage(const QString& code) {
    store().setValue(kLanguageKey, code);
}

QString StudioSettings::defaultDevice() {
    return store().value(kDeviceKey, QStringLiteral("auto")).toString();
}

void StudioSettings::setDefaultDevice(const QString& device) {
    store().setValue(kDeviceKey, device);
}

QStringList StudioSettings::recentWorkspaces() {
    QStringList list = store().value(kRecentKey).toStringList();
    list.removeAll(QString());
    return list.mid(0, kMaxRecentWorkspaces);
}

void StudioSettings::addRecentWorkspace(const QString& dir) {
    const QString clean = QDir::cleanPath(dir);
    QStringList list = recentWorkspaces();
    list.removeAll(clean);
    list.prepend(clean);
    store().setValue(kRecentKey, list.mid(0, kMaxRecentWorkspaces));
}

void StudioSettings::clearRecentWorkspaces() {
    store().remove(kRecentKey);
}

QByteArray StudioSettings::windowGeometry() {
    return store().value(kGeometryKey).toByteArray();
}

QByteArray StudioSettings::windowState() {
    return store().value(kStateKey).toByteArray();
}

void StudioSettings::setWindowGeometry(const QByteArray& geometry, const QByteArray& state) {
    QSettings settings = store();
    settings.setValue(kGeometryKey, geometry);
    settings.setValue(kStateKey, state);
}

}  // namespace studio
}  // namespace kiln
