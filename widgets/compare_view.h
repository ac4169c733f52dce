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

class QComboBox;
class QChartView;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QTimer;

namespace kiln {
namespace widgets {

// Overlaid curves of one metric for several runs (only the metric shown is read): x is the epoch, the step or the wall time;
// EMA smoothing; linear or log y; clicking a legend entry hides or shows that run. The series
// come already thinned to the plot's width (MetricStore reads them downsampled). Dragging
// across the plot zooms into an x range and panning moves it; either asks (rangeRequested, after
// a short pause) for the series of that range to be read again at full detail.
class CompareCurvesPanel : public ChartPanel {
    Q_OBJECT
public:
    explicit CompareCurvesPanel(QWidget* parent = nullptr);

    // The runs' labels (in order) and every series read (any keys); shows `metric` if present.
    void setData(const QStringList& runIds, const QStringList& labels,
                 std::vector<kiln::MetricSeries> series, const QStringList& keys);
    void setMetric(const QString& key);
    QString metric() const;
    void setSmoothing(double weight);  // 0 … 0.99 (exponential moving average)
    void setLogScale(bool on);
    void setRunVisible(int index, bool visible);
    bool isRunVisible(int index) const;
    kiln::MetricAxis axis() const;
    // Lines drawn now and the points they hold.
    int lineCount() const;
    int drawnPoints() const;
    QChartView* chartView() const { return m_view; }
    QComboBox* metricBox() const { return m_metric; }
    QComboBox* axisBox() const { return m_axis; }
    // Shows only x in [low, high] (asks for that range's series), or the whole curves.
    void zoomTo(double low, double high);
    void resetZoom();
    bool isZoomed() const { return m_zoomed; }

Q_SIGNALS:
    // The x axis changed: the series must be read again for it.
    void axisChanged(kiln::MetricAxis axis);
    // The visible x range changed (zoomed: false for the whole curves): read that range again.
    void rangeRequested(bool zoomed, double low, double high);
    // A metric whose series were not read yet was chosen.
    void metricRequested(const QString& key);

protected:
    void retranslateUi() override;

private:
    void redraw();

    QChartView* m_view;
    QComboBox* m_metric;
    QComboBox* m_axis;
    QDoubleSpinBox* m_smooth;
    QCheckBox* m_log;
    QLabel* m_metricLabel;
    QLabel* m_axisLabel;
    QLabel* m_smoothLabel;
    QPushButton* m_resetZoom;
    QTimer* m_zoomTimer;
    bool m_redrawing = false;
    bool m_zoomed = false;
    double m_zoomLow = 0, m_zoomHigh = 0;
    QStringList m_runIds, m_labels;
    std::vector<kiln::MetricSeries> m_series;
    QVector<bool> m_visible;
    int m_points = 0;
};

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

    QChartView* m_view;
    QComboBox* m_param;
    QComboBox* m_metric;
    QLabel* m_paramLabel;
    QLabel* m_metricLabel;
    kiln::RunTable m_table;
    QStringList m_labels;
    int m_points = 0;
};

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
