#pragma once

#include <QCheckBox>
#include <QMap>
#include <QStringList>
#include <QVector>
#include <QWidget>

#include <vector>

#include "core/analysis/metric_store.h"
#include "core/analysis/run_query.h"
#include "widgets/chart_panel.h"
#include "widgets/compare_curves_panel.h"
#include "widgets/param_metric_scatter.h"

class QComboBox;
class QChartView;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QTimer;

namespace kiln {
namespace widgets {

// The Compare tab for a set of runs: overlaid curves per metric, a scatter of a parameter
// against a metric, and a table of parameters and final metrics (one column per run) with
// "Only differences" (differing rows highlighted) and Copy as CSV. Reads runs and series in
// the pool.
class CompareView : public QWidget {
    Q_OBJECT
public:
    explicit CompareView(QWidget* parent = nullptr);

    // Reads `runIds` from the workspace at `dir` and shows them.
    void setRuns(const QString& dir, const QStringList& runIds);
    QStringList runIds() const { return m_runIds; }
    bool isLoading() const { return m_loading; }

    CompareCurvesPanel* curves() const { return m_curves; }
    ParamMetricScatter* scatter() const { return m_scatter; }
    QTableWidget* table() const { return m_table; }
    QCheckBox* onlyDifferences() const { return m_onlyDiff; }
    // Rows of the table whose values differ between runs.
    int differingRows() const;
    // The table as CSV (rows shown now); copyCsv() puts it on the clipboard.
    QString tableCsv() const;
    void copyCsv();

Q_SIGNALS:
    void loaded();

protected:
    void changeEvent(QEvent* event) override;

private:
    void load();
    void fillTable();
    void applyDifferenceFilter();
    void retranslateUi();

    QString m_dir;
    QStringList m_runIds, m_labels;
    kiln::RunTable m_runs;
    CompareCurvesPanel* m_curves;
    ParamMetricScatter* m_scatter;
    QTableWidget* m_table;
    QCheckBox* m_onlyDiff;
    QPushButton* m_copy;
    QLabel* m_summary;
    bool m_loading = false;
    int m_request = 0;
    bool m_zoomed = false;
    double m_low = 0, m_high = 0;
};

}  // namespace widgets
}  // namespace kiln
