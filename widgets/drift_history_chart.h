#pragma once

#include <QStringList>
#include <QWidget>

#include <vector>

#include "core/monitor/monitor_store.h"

class QChart;
class QChartView;
class QLabel;
class QListWidget;
class QListWidgetItem;

namespace kiln {
namespace widgets {

// What a drift effect measures, as a person reads it ("KS statistic D", "Cramér's V", …).
QString driftEffectText(const QString& effectName);
// The same in a word or two, for a list ("KS D", "Wasserstein/SD", …).
QString driftEffectShortText(const QString& effectName);

// Drift over time: one line per column of a model's saved monitor reports (the effect size each
// report measured, against the report's time), the drifted reports marked, the model's
// predictions as a dashed line. A list beside the chart chooses the columns drawn (at first the
// six that drifted most), each with what its effect measures; the line above says how the newest
// report compares.
class DriftHistoryChart : public QWidget {
    Q_OBJECT
public:
    static constexpr int kDefaultColumns = 6;

    explicit DriftHistoryChart(QWidget* parent = nullptr);

    // Shows the reports of `model`, oldest first (listMonitorReports).
    void setHistory(const QString& model, const std::vector<kiln::MonitorHistoryEntry>& reports);
    // The columns drawn now (the predictions as "predictions").
    QStringList shownColumns() const;
    void setShownColumns(const QStringList& columns);
    // Every column the reports name, most drifted first.
    QStringList columns() const { return m_columns; }
    int reportCount() const { return int(m_reports.size()); }
    QChart* chart() const { return m_chart; }
    QString summaryText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuildList();
    void redraw();
    void retranslateUi();

    QString m_model;
    std::vector<kiln::MonitorHistoryEntry> m_reports;
    QStringList m_columns;
    QStringList m_shown;
    QLabel* m_summary;
    QLabel* m_empty;
    QChart* m_chart;
    QChartView* m_view;
    QLabel* m_listTitle;
    QListWidget* m_list;
};

}  // namespace widgets
}  // namespace kiln
