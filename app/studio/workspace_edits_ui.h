#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>
#include <memory>

class QLabel;
class QMainWindow;
class QPushButton;
class QTabWidget;
class QTimer;
class QWidget;

namespace kiln {
struct RemovalPlan;
namespace widgets {
class NavigatorView;
struct CatalogEntry;
}  // namespace widgets
}  // namespace kiln

namespace kiln {
namespace studio {

// The navigator's edits of a workspace: delete, rename, star, show in folder, and Tools ▸ Free
// Unused Space. A deletion is planned in the pool (core/lifecycle: what goes with it, what
// blocks it), confirmed with that list, then held for an undo window with its entries hidden
// from the navigator before it is carried out; the tabs of what went close. Closing the window
// during the undo window carries it out.
class WorkspaceEditsUi : public QObject {
    Q_OBJECT
public:
    WorkspaceEditsUi(QTabWidget* tabs, kiln::widgets::NavigatorView* navigator, QMainWindow* window);
    ~WorkspaceEditsUi() override;

    void setWorkspace(const QString& dir);

    void remove(const QVector<kiln::widgets::CatalogEntry>& entries);
    void rename(const kiln::widgets::CatalogEntry& entry);
    void setStarred(const QVector<kiln::widgets::CatalogEntry>& entries, bool starred);
    void reveal(const kiln::widgets::CatalogEntry& entry);
    // Tools ▸ Free Unused Space: counts, asks, collects (core/lifecycle/garbage.h).
    void freeUnusedSpace();

    // Takes back the deletion waiting in its undo window.
    void undo();
    // Carries out the deletion waiting in its undo window now.
    void commitPending();
    bool hasPending() const { return m_pending != nullptr; }

    // For tests: how a question is answered (default: a message box), how a new name is asked
    // (default: an input dialog), how a folder is shown (default: the desktop's file manager),
    // and the undo window's length.
    void setConfirmer(std::function<bool(const QString& title, const QString& text)> confirm);
    void setNameAsker(std::function<QString(const QString& title, const QString& current)> ask);
    void setFolderOpener(std::function<void(const QString& path)> open);
    void setUndoMilliseconds(int ms);
    QWidget* undoBar() const { return m_undoBar; }

Q_SIGNALS:
    // The catalog changed: a removal, rename or star was carried out.
    void catalogChanged();
    // A deletion was carried out (ok) or refused (error, as a person reads it).
    void removalFinished(bool ok, const QString& error);
    void garbageCollected(bool ok, const QString& summary);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showUndoTexts();  // the undo bar's words, in the language chosen now
    void confirmPlan(const kiln::RemovalPlan& plan, const QString& named);
    QStringList hiddenKeysOf(const kiln::RemovalPlan& plan) const;
    void closeTabsOf(const kiln::RemovalPlan& plan);
    void report(const QString& title, const QString& text);
    QString planText(const kiln::RemovalPlan& plan) const;
    QString blockersText(const kiln::RemovalPlan& plan) const;

    QTabWidget* m_tabs;
    kiln::widgets::NavigatorView* m_navigator;
    QMainWindow* m_window;
    QString m_workspace;
    std::unique_ptr<kiln::RemovalPlan> m_pending;
    QTimer* m_undoTimer;
    QWidget* m_undoBar;
    QLabel* m_undoLabel;
    QString m_undoNamed;  // what the pending removal is called ("iris"), or empty
    int m_undoThings = 0;
    QPushButton* m_undoButton;
    std::function<bool(const QString&, const QString&)> m_confirm;
    std::function<QString(const QString&, const QString&)> m_askName;
    std::function<void(const QString&)> m_openFolder;
};

}  // namespace studio
}  // namespace kiln
