#pragma once

#include <QWidget>

#include <memory>

#include "core/data/dataset_catalog.h"
#include "core/data/drift.h"

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QTableWidget;
class QTreeWidget;

namespace kiln {
class Table;
}

namespace kiln {
namespace widgets {

// Drift of this dataset version against another version (of the same or another table
// dataset): schema changes, and per column the PSI, the KS statistic and its p-value and a
// level (stable, moderate, major) coloured green, amber and red. The column chosen in the table
// (the one that moved most, at first) has its two distributions drawn side by side, with the
// shares on hover. The versions are listed (again each time the view is shown, so a version
// imported since is offered) and the comparison computed in the pool.
class DriftView : public QWidget {
    Q_OBJECT
public:
    explicit DriftView(QWidget* parent = nullptr);

    // The version being looked at; lists the others of the workspace to compare against.
    void setDataset(const QString& workspaceDir, const kiln::DatasetVersion& version,
                    std::shared_ptr<const kiln::Table> table);
    // Compares against "NAME@VERSION"; false when it is not listed.
    bool setReference(const QString& reference);
    QComboBox* referencePicker() const { return m_reference; }
    QTableWidget* driftTable() const { return m_table; }
    QTreeWidget* schemaChanges() const { return m_schema; }
    // The column whose distributions are drawn ("" when none), and what is drawn.
    QString overlaidColumn() const { return m_overlaid; }
    const kiln::DistributionPair& overlay() const { return m_pair; }
    QChartView* overlayChart() const { return m_chartView; }
    const kiln::DriftReport& report() const { return m_report; }
    bool isBusy() const { return m_busy; }
    QString statusText() const;

    // The colour of a drift level ("stable", "moderate", "major").
    static QColor levelColour(const QString& level);
    // "stable", "moderate", "major" and a schema change as core names them, in the language chosen.
    QString levelText(const std::string& level) const;
    QString changeText(const std::string& change) const;

Q_SIGNALS:
    void versionsListed();
    void reportReady();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

public:
    struct Versions;    // the listed versions (defined in the .cpp)
    struct Comparison;  // one comparison's outcome

private:
    void listVersions();
    void showVersions(const Versions& versions);
    QString versionLabel(const kiln::DatasetVersion& version) const;
    void compare();
    void showReport(const Comparison& result);
    void fill();
    void showOverlay(int row);
    void retranslateUi();

    QString m_workspace;
    kiln::DatasetVersion m_version;
    std::shared_ptr<const kiln::Table> m_current;
    QLabel* m_referenceLabel;
    QComboBox* m_reference;
    QLabel* m_status;
    QTreeWidget* m_schema;
    QTableWidget* m_table;
    QChartView* m_chartView;
    QChart* m_chart;
    kiln::DriftReport m_report;
    std::vector<kiln::DatasetVersion> m_listed;  // the versions the picker was filled from
    std::shared_ptr<const kiln::Table> m_referenceTable;
    kiln::DistributionPair m_pair;
    QString m_overlaid;
    QString m_error;
    int m_generation = 0;
    bool m_busy = false;
};

}  // namespace widgets
}  // namespace kiln
