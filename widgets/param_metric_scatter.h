#pragma once

#include <QStringList>

#include "core/analysis/run_query.h"
#include "widgets/chart_panel.h"

class QChartView;
class QComboBox;
class QLabel;

namespace kiln {
namespace widgets {

// Any parameter of a set of runs against any of their final metrics, one point per run
// (non-numeric parameter values are placed at category positions).
class ParamMetricScatter : public ChartPanel {
    Q_OBJECT
public:
    explicit ParamMetricScatter(QWidget* parent = nullptr);
    void setRuns(const kiln::RunTable& table, const QStringList& labels);
    void choose(const QString& param, const QString& metric);
    int pointCount() const { return m_points; }
    QComboBox* paramBox() const { return m_param; }
    QComboBox* metricBox() const { return m_metric; }

protected:
    void retranslateUi() override;

private:
    void redraw();
    void updateCaption(const QString& param, bool numeric, const QStringList& categories);

    QChartView* m_view;
    QComboBox* m_param;
    QComboBox* m_metric;
    QLabel* m_paramLabel;
    QLabel* m_metricLabel;
    kiln::RunTable m_table;
    QStringList m_labels;
    int m_points = 0;
};

}  // namespace widgets
}  // namespace kiln
