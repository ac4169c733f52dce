#pragma once

#include <QCheckBox>
#include <QStringList>
#include <QVector>

#include <string>
#include <vector>

#include "core/analysis/metric_store.h"
#include "widgets/chart_panel.h"

class QAbstractAxis;
class QChart;
class QChartView;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTimer;
class QValueAxis;

namespace kiln {
namespace widgets {

struct PlotBounds;

// Overlaid curves of one metric for several runs (only the metric shown is read): x is the epoch,
// the step or the wall time; EMA smoothing; linear or log y; clicking a legend entry hides or shows
// that run. The series come already thinned to the plot's width (MetricStore reads them
// downsampled). Dragging across the plot zooms into an x range and panning moves it; either asks
// (rangeRequested, after a short pause) for the series of that range to be read again at full
// detail.
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
    // redraw()'s steps.
    void addRunLine(QChart* chart, int run, const std::string& key, QAbstractAxis* x,
                    QAbstractAxis* y, PlotBounds& bounds);
    void fitRanges(QValueAxis* x, QAbstractAxis* y, const PlotBounds& bounds, bool log);
    void connectLegend(QChart* chart);
    void watchRange(QValueAxis* x);
    void updateCaption();

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

}  // namespace widgets
}  // namespace kiln
