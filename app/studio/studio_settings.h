#pragma once

#include <QSettings>
#include <QString>
#include <QStringList>

namespace kiln {
namespace studio {

// Kiln Studio's stored preferences (QSettings, organisation "Kiln", application "Kiln Studio").
// Every key lives here so no two places spell one differently. GUI thread only.
class StudioSettings {
public:
    static constexpr int kMaxRecentWorkspaces = 8;

    // The settings store; a fresh object each time (cheap; QSettings shares its cache).
    static QSettings store();

    // The workspace opened at start when none is named; empty means Workspace::defaultPath().
    static QString workspaceFolder();
    static void setWorkspaceFolder(const QString& dir);
    // "" (follow the system), "en" or "ko".
    static QString language();
    static void setLanguage(const QString& code);
    // "auto", "cpu" or "cuda".
    static QString defaultDevice();
    static void setDefaultDevice(const QString& device);

    // Newest first, at most kMaxRecentWorkspaces, no duplicates.
    static QStringList recentWorkspaces();
    static void addRecentWorkspace(const QString& dir);
    static void clearRecentWorkspaces();

    static QByteArray windowGeometry();
    static QByteArray windowState();
    static void setWindowGeometry(const QByteArray& geometry, const QByteArray& state);
};

}  // namespace studio
}  // namespace kiln
