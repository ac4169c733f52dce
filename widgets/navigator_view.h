#pragma once

#include <QWidget>

#include "widgets/catalog_snapshot.h"

class QTreeWidget;
class QTreeWidgetItem;

namespace kiln {
namespace widgets {

// The navigator: Datasets, Runs and Models of a workspace, read from its catalog on a pool
// thread. Activating an item (double-click, Enter) emits entryActivated; the window decides
// what that opens. Empty sections say how to fill them.
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
    // True from reload() until its snapshot is shown.
    bool isLoading() const { return m_loading; }
    QTreeWidget* tree() const { return m_tree; }

Q_SIGNALS:
    void snapshotLoaded(const kiln::widgets::CatalogSnapshot& snapshot);
    void entryActivated(const kiln::widgets::CatalogEntry& entry);

protected:
    void changeEvent(QEvent* event) override;

private:
    void display(const CatalogSnapshot& snapshot);
    void fillSection(QTreeWidgetItem* section, CatalogKind kind);
    void addVersion(QTreeWidgetItem* dataset, int index);
    void retranslateUi();
    void activate(QTreeWidgetItem* item);

    QTreeWidget* m_tree;
    QTreeWidgetItem* m_sections[3] = {};
    QString m_workspace;
    CatalogSnapshot m_snapshot;
    int m_generation = 0;
    bool m_loading = false;
};

}  // namespace widgets
}  // namespace kiln
