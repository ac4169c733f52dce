#pragma once

#include <QHash>
#include <QWidget>

#include "widgets/catalog_snapshot.h"

class QMenu;
class QTreeWidget;
class QTreeWidgetItem;

namespace kiln {
namespace widgets {

// The verbs of the navigator's context menu. Which ones an entry offers: datasets and versions
// Open, Train, Rename (datasets), Reveal (the source file), Remove; runs Open, Compare (two or
// more), Export, Register, Star or Unstar, Rename, Reveal (the run folder), Remove; models Open,
// Remove; pipelines Open, Run Now, Reveal (the pipeline file).
enum class NavigatorAction { Open, Train, Compare, Export, Register, Star, Unstar, Rename, Reveal, Remove, RunNow };

// The navigator: Datasets, Runs, Models and Pipelines of a workspace, read from its catalog on a pool
// thread. Activating an item (double-click, Enter) emits entryActivated; the window decides
// what that opens. A right-click offers the entry's verbs for the selected entries of its kind
// (actionRequested); Delete asks to remove them. Empty sections say how to fill them.
class NavigatorView : public QWidget {
    Q_OBJECT
public:
    explicit NavigatorView(QWidget* parent = nullptr);

    // Shows the workspace at `dir` (reads its catalog in the background).
    void setWorkspace(const QString& dir);
    QString workspace() const { return m_workspace; }
    // Reads the catalog again, e.g. after an import.
    void reload();
    const CatalogSnapshot& snapshot() const { return m_snapshot; }
    // The run ids of sweep `sweepId`'s trials listed, newest first.
    QStringList trialsOf(const QString& sweepId) const;
    // True from reload() until its snapshot is shown.
    bool isLoading() const { return m_loading; }
    QTreeWidget* tree() const { return m_tree; }
    // The selected entries of `kind` (several runs can be selected together).
    QVector<CatalogEntry> selectedEntries(CatalogKind kind) const;
    // The context menu for the entry at `item` with the selection as it stands (for tests).
    QMenu* buildContextMenu(QTreeWidgetItem* item);
    // Entries hidden while their removal can still be undone (keys from entryKey()).
    void setHiddenEntries(const QStringList& keys);
    static QString entryKey(const CatalogEntry& entry);

Q_SIGNALS:
    void snapshotLoaded(const kiln::widgets::CatalogSnapshot& snapshot);
    void entryActivated(const kiln::widgets::CatalogEntry& entry);
    void actionRequested(kiln::widgets::NavigatorAction action,
                         const QVector<kiln::widgets::CatalogEntry>& entries);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void display(const CatalogSnapshot& snapshot);
    void fillSection(QTreeWidgetItem* section, CatalogKind kind);
    // The item of sweep `sweepId` under `section`, made on first use (in `made`); nullptr when the
    // sweep is hidden (being deleted), `section` when it is not listed.
    QTreeWidgetItem* sweepItem(QTreeWidgetItem* section, const QString& sweepId,
                               QHash<QString, QTreeWidgetItem*>& made);
    void addVersion(QTreeWidgetItem* dataset, int index);
    void retranslateUi();
    void activate(QTreeWidgetItem* item);
    const CatalogEntry* entryAt(QTreeWidgetItem* item) const;
    void showContextMenu(const QPoint& at);

    QTreeWidget* m_tree;
    QTreeWidgetItem* m_sections[4] = {};  // Datasets, Runs (sweeps inside), Models, Pipelines
    QString m_workspace;
    CatalogSnapshot m_snapshot;
    QStringList m_hidden;
    int m_generation = 0;
    bool m_loading = false;
};

}  // namespace widgets
}  // namespace kiln
