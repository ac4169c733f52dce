#pragma once

#include <QStringList>
#include <QWidget>

#include <vector>

#include "core/samples/sample_library.h"
#include "core/store/catalog.h"

class QGridLayout;
class QLabel;
class QPushButton;

namespace kiln {
namespace studio {

// The tab shown first: what Kiln does, how to bring data in (drag and drop, File ▸ Import…),
// the sample datasets to try it on, and which workspace is open and what it holds.
class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget* parent = nullptr);

    void setWorkspace(const QString& path);
    void setCounts(const kiln::CatalogCounts& counts);
    QString countsText() const;
    // The samples offered, each with an Open button (objectName "openSample_<name>").
    void setSamples(const std::vector<kiln::Sample>& samples);

Q_SIGNALS:
    void importRequested();
    void openWorkspaceRequested();
    void sampleRequested(const QString& name);

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* buildCard(QLabel*& title, QLabel*& body);
    void retranslateUi();
    void retranslateSamples();

    QString m_workspace;
    kiln::CatalogCounts m_counts;
    bool m_haveCounts = false;
    QLabel* m_icon;
    QLabel* m_title;
    QLabel* m_subtitle;
    QLabel* m_startTitle = nullptr;
    QLabel* m_startBody = nullptr;
    QLabel* m_samplesTitle = nullptr;
    QLabel* m_samplesBody = nullptr;
    QGridLayout* m_sampleRows = nullptr;
    std::vector<kiln::Sample> m_samples;
    QLabel* m_workspaceTitle = nullptr;
    QLabel* m_workspaceBody = nullptr;
    QPushButton* m_import;
    QPushButton* m_open;
};

}  // namespace studio
}  // namespace kiln
