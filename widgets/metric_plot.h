#pragma once

#include <QColor>
#include <QMap>
#include <QPointF>
#include <QString>
#include <QVector>
#include <QWidget>

class QChart;
class QChartView;
class QTimer;
class QValueAxis;
class QXYSeries;
class QAbstractSeries;

namespace kiln {
namespace widgets {

// How a MetricPlot series is drawn.
enum class SeriesStyle { Line, Dashed, Scatter, Bars };

// Kiln's plot of numeric series (Qt Charts behind it): live training curves, ROC/PR curves,
// predicted-vs-actual scatters and histograms. Points are buffered and drawn on a coalescing
// timer (at most 25 redraws a second), never per point; a series with more points than the plot
// has pixels is downsampled (min/max per pixel column) before it is drawn. GUI thread only.
class MetricPlot : public QWidget {
    Q_OBJECT
public:
    static constexpr int kRedrawIntervalMs = 40;
    // Curves of at most this many points show a marker at each point.
    static constexpr int kMarkedPoints = 30;

    explicit MetricPlot(QWidget* parent = nullptr);

    void setTitle(const QString& title);
    void setAxisTitles(const QString& x, const QString& y);
    // Fixes the y range (e.g. 0..1 for accuracy); by default it follows the data.
    void setYRange(double min, double max);
    void setXRange(double min, double max);
    // Integer ticks on the x axis (epochs).
    void setIntegerX(bool integer);
    // Declares a series; `key` is how points are added, `label` what the legend says.
    void addSeries(const QString& key, const QString& label, SeriesStyle style = SeriesStyle::Line,
                   QColor colour = {});
    void setSeriesLabel(const QString& key, const QString& label);
    // Adds (or replaces, for an equal x) one point; drawn at the next redraw. Unknown keys are
    // ignored. Line and Bars series keep their points ordered by x.
    void addPoint(const QString& key, double x, double y);
    // Replaces every point of a series (scatter points may repeat x).
    void setPoints(const QString& key, const QVector<QPointF>& points);
    void clearPoints();
    // Removes every series (and its points).
    void removeAllSeries();

    int pointCount(const QString& key) const;
    // Points the chart draws for `key` now (after downsampling), as of the last redraw.
    int drawnPointCount(const QString& key) const;
    // Whether series `key` shows a marker at each point (short curves do).
    bool marksPoints(const QString& key) const;
    // The x axis as drawn: its ends and its tick step.
    double xMin() const;
    double xMax() const;
    double xTickInterval() const;
    int redrawCount() const { return m_redraws; }
    bool hasPoints() const;
    QChart* chart() const { return m_chart; }
    // Writes the plot as a PNG; false when the file cannot be written.
    bool savePng(const QString& path) const;
    // What hovering a curve shows now (its name, the step and the value), empty when nothing.
    QString tipText() const { return m_tip; }

    // Min/max decimation: at most 2 × `buckets` points, keeping each bucket's extremes in x
    // order, first and last point always kept. Points must be ordered by x.
    static QVector<QPointF> downsample(const QVector<QPointF>& points, int buckets);
    // A colour of Kiln's plot palette (cycles).
    static QColor paletteColour(int index);

Q_SIGNALS:
    void redrawn();

private:
    void showTip(const QString& label, const QPointF& point, bool on);
    QString m_tip;
    struct Series {
        QString label;
        SeriesStyle style = SeriesStyle::Line;
        QColor colour;
        QMap<double, double> ordered;  // Line and Bars
        QVector<QPointF> loose;        // Scatter
        QAbstractSeries* chartSeries = nullptr;
        int drawn = 0;
    };

    void scheduleRedraw();
    void redraw();
    void drawSeries(Series& series, int buckets);
    void updateRanges();
    QVector<QPointF> pointsOf(const Series& series) const;

    QChartView* m_view;
    QChart* m_chart;
    QValueAxis* m_x;
    QValueAxis* m_y;
    QTimer* m_timer;
    QVector<QString> m_order;
    QMap<QString, Series> m_series;
    bool m_fixedY = false, m_fixedX = false, m_integerX = false;
    int m_redraws = 0;
};

}  // namespace widgets
}  // namespace kiln
