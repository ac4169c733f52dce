#pragma once

#include <QStringList>
#include <QWidget>

#include "core/store/catalog.h"

class QLabel;
class QPushButton;

namespace kiln {
namespace studio {

// The tab shown first: what Kiln does, how to bring data in (drag and drop, File ▸ Import…),
// and which workspace is open and what it holds.
class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget* parent = nullptr);

    void setWorkspace(const QString& path);
    void setCounts(const kiln::CatalogCounts& counts);
    QString countsText() const;

Q_SIGNALS:
    void importRequested();
    void openWorkspaceRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* buildCard(QLabel*& title, QLabel*& body);
    void retranslateUi();

    QString m_workspace;
    kiln::CatalogCounts m_counts;
    bool m_haveCounts = false;
    QLabel* m_icon;
    QLabel* m_title;
    QLabel* m_subtitle;
    QLabel* m_startTitle = nullptr;
    QLabel* m_startBody = nullptr;
    QLabel* m_workspaceTitle = nullptr;
    QLabel* m_workspaceBody = nullptr;
    QPushButton* m_import;
    QPushButton* m_open;
};

}  // namespace studio
}  // namespace kiln
