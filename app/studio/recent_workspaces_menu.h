#pragma once

#include <QMenu>

namespace kiln {
namespace studio {

// File ▸ Recent Workspaces: the remembered workspaces (newest first, at most eight) and Clear.
// Rebuilt from the settings each time it opens, so it is never stale.
class RecentWorkspacesMenu : public QMenu {
    Q_OBJECT
public:
    explicit RecentWorkspacesMenu(QWidget* parent = nullptr);

    // Rebuilds the entries from the settings (called before the menu shows).
    void rebuild();
    QAction* clearAction() const { return m_clear; }

Q_SIGNALS:
    void workspaceChosen(const QString& dir);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QAction* m_clear;
    QAction* m_empty;
};

}  // namespace studio
}  // namespace kiln
