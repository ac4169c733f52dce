#include "app/studio/recent_workspaces_menu.h"

#include <QEvent>

#include "app/studio/studio_settings.h"

namespace kiln {
namespace studio {

RecentWorkspacesMenu::RecentWorkspacesMenu(QWidget* parent)
    : QMenu(parent), m_clear(new QAction(this)), m_empty(new QAction(this)) {
    setObjectName(QStringLiteral("menuRecentWorkspaces"));
    m_clear->setObjectName(QStringLiteral("actionClearRecent"));
    m_empty->setEnabled(false);
    connect(this, &QMenu::aboutToShow, this, &RecentWorkspacesMenu::rebuild);
    // The action, not the menu, is the context: QMenu disconnects an action from itself when
    // the action is removed, which rebuild() does.
    connect(m_clear, &QAction::triggered, m_clear, [this] {
        StudioSettings::clearRecentWorkspaces();
        rebuild();
    });
    retranslateUi();
    rebuild();
}

void RecentWorkspacesMenu::rebuild() {
    // Not QMenu::clear(): it would delete m_clear and m_empty, which the menu owns.
    removeAction(m_clear);
    removeAction(m_empty);
    const QList<QAction*> old = actions();
    for (QAction* action : old) {
        removeAction(action);
        delete action;
    }
    const QStringList recent = StudioSettings::recentWorkspaces();
    for (int i = 0; i < recent.size(); ++i) {
        const QString dir = recent[i];
        QAction* action = addAction(QStringLiteral("&%1  %2").arg(i + 1).arg(dir));
        connect(action, &QAction::triggered, action, [this, dir] { Q_EMIT workspaceChosen(dir); });
    }
    if (recent.isEmpty()) addAction(m_empty);
    addSeparator();
    addAction(m_clear);
    m_clear->setEnabled(!recent.isEmpty());
}

void RecentWorkspacesMenu::retranslateUi() {
    setTitle(tr("Recent &Workspaces"));
    m_clear->setText(tr("&Clear List"));
    m_empty->setText(tr("No recent workspaces"));
}

void RecentWorkspacesMenu::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QMenu::changeEvent(event);
}

}  // namespace studio
}  // namespace kiln
