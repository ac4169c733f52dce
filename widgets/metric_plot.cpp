#include "widgets/metric_plot.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QScatterSeries>
#include <QTimer>
#include <QToolTip>
#include <QCursor>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

#include "widgets/nice_axis.h"

namespace kiln {
namespace widgets {
namespace {

QFont plotFont(int delta, bool bold = false) {
    QFont font;
    font.setPointSize(std::max(7, font.pointSize() + delta));
    font.setBold(bold);
    return font;
}

void styleAxis(QValueAxis* axis) {
    axis->setLabelsFont(plotFont(-1));
    axis->setTitleFont(plotFont(0));
    axis->setGridLineColor(QColor(0xe3, 0xe6, 0xea));
    axis->setLinePenColor(QColor(0x9a, 0xa0, 0xa6));
    axis->setLabelsColor(QColor(0x3c, 0x40, 0x43));
    axis->setTitleBrush(QColor(0x3c, 0x40, 0x43));
    axis->setLabelFormat(QStringLiteral("%.4g"));
}

}  // namespace

MetricPlot::MetricPlot(QWidget* parent)
    : QWidget(parent),
      m_view(new QChartView(this)),
      m_chart(new QChart),
      m_x(new QValueAxis(this)),
      m_y(new QValueAxis(this)),
      m_timer(new QTimer(this)) {
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(4, 4, 8, 4));
    m_chart->setTitleFont(plotFont(1, true));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->legend()->setFont(plotFont(-1));
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);
    styleAxis(m_x);
    styleAxis(m_y);
    m_x->setRange(0, 1);
    m_y->setRange(0, 1);
    // setChart releases the chart a QChartView makes for itself without deleting it.
    QChart* own = m_view->chart();
    m_view->setChart(m_chart);
    delete own;
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(220, 180);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    m_timer->setSingleShot(true);
    m_timer->setInterval(kRedrawIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &MetricPlot::redraw);
}

QColor MetricPlot::paletteColour(int index) {
    static const QColor colours[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e),
                                     QColor(0x2c, 0xa0, 0x2c), QColor(0xd6, 0x27, 0x28),
                                     QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                                     QColor(0xe3, 0x77, 0xc2), QColor(0x7f, 0x7f, 0x7f),
                                     QColor(0xbc, 0xbd, 0x22), QColor(0x17, 0xbe, 0xcf)};
    return colours[std::abs(index) % 10];
}

void MetricPlot::setTitle(const QString& title) {
    m_chart->setTitle(title);
}

void MetricPlot::setAxisTitles(const QString& x, const QString& y) {
    m_x->setTitleText(x);
    m_y->setTitleText(y);
}

void MetricPlot::setYRange(double min, double max) {
    m_fixedY = true;
    setNiceRange(m_y, min, max, false);
}

void MetricPlot::setXRange(double min, double max) {
    m_fixedX = true;
    setNiceRange(m_x, min, max, false);
}

void MetricPlot::setIntegerX(bool integer) {
    m_integerX = integer;
    m_x->setLabelFormat(integer ? QStringLiteral("%d") : QStringLiteral("%.4g"));
    // Until points come, whole steps from 1 (not 0, 0, 0, 0, 1 from a 0..1 range).
    if (integer && !m_fixedX && !hasPoints()) {
        m_x->setRange(1, 5);
        m_x->setTickType(QValueAxis::TicksDynamic);
        m_x->setTickAnchor(0);
        m_x->setTickInterval(1);
    }
}

void MetricPlot::addSeries(const QString& key, const QString& label, SeriesStyle style,
                           QColor colour) {
    if (m_series.contains(key)) return;
    Series s;
    s.label = label;
    s.style = style;
    s.colour = colour.isValid() ? colour : paletteColour(m_order.size());
    QXYSeries* xy = nullptr;
    if (style == SeriesStyle::Scatter) {
        auto* scatter = new QScatterSeries;
        scatter->setMarkerSize(7);
        scatter->setBorderColor(s.colour.darker(120));
        xy = scatter;
    } else {
        xy = new QLineSeries;
        QPen pen(s.colour, style == SeriesStyle::Bars ? 1 : 2);
        if (style == SeriesStyle::Dashed) pen.setStyle(Qt::DashLine);
        xy->setPen(pen);
    }
    xy->setColor(s.colour);
    QAbstractSeries* shown = xy;
    if (style == SeriesStyle::Bars) {
        auto* area = new QAreaSeries(static_cast<QLineSeries*>(xy));
        xy->setParent(area);  // a QAreaSeries does not own its line: it goes when the area goes
        QColor fill = s.colour;
        fill.setAlpha(170);
        area->setBrush(fill);
        area->setPen(QPen(s.colour.darker(130), 1));
        shown = area;
    }
    shown->setName(label);
    connect(xy, &QXYSeries::hovered, this, [this, key](const QPointF& point, bool on) {
        showTip(m_series.value(key).label, point, on);
    });
    m_chart->addSeries(shown);
    shown->attachAxis(m_x);
    shown->attachAxis(m_y);
    s.chartSeries = shown;
    m_series.insert(key, s);
    m_order.push_back(key);
}

void MetricPlot::showTip(const QString& label, const QPointF& point, bool on) {
    if (!on) {
        m_tip.clear();
        QToolTip::hideText();
        return;
    }
    const QString x = m_integerX ? QString::number(qRound64(point.x())) : QString::number(point.x(), 'g', 5);
    const QString xName = m_x->titleText().isEmpty() ? tr("x") : m_x->titleText();
    m_tip = tr("%1\n%2 %3: %4").arg(label, xName, x, QString::number(point.y(), 'g', 5));
    QToolTip::showText(QCursor::pos(), m_tip, this);
}

void MetricPlot::setSeriesLabel(const QString& key, const QString& label) {
    auto it = m_series.find(key);
    if (it == m_series.end()) return;
    it->label = label;
    it->chartSeries->setName(label);
}

void MetricPlot::addPoint(const QString& key, double x, double y) {
    auto it = m_series.find(key);
    if (it == m_series.end() || !std::isfinite(x) || !std::isfinite(y)) return;
    if (it->style == SeriesStyle::Scatter)
        it->loose.push_back(QPointF(x, y));
    else
        it->ordered.insert(x, y);
    scheduleRedraw();
}

void MetricPlot::setPoints(const QString& key, const QVector<QPointF>& points) {
    auto it = m_series.find(key);
    if (it == m_series.end()) return;
    it->ordered.clear();
    it->loose.clear();
    for (const QPointF& p : points) {
        if (!std::isfinite(p.x()) || !std::isfinite(p.y())) continue;
        if (it->style == SeriesStyle::Scatter)
            it->loose.push_back(p);
        else
            it->ordered.insert(p.x(), p.y());
    }
    scheduleRedraw();
}

void MetricPlot::clearPoints() {
    for (Series& s : m_series) {
        s.ordered.clear();
        s.loose.clear();
    }
    scheduleRedraw();
}

void MetricPlot::removeAllSeries() {
    m_chart->removeAllSeries();
    m_series.clear();
    m_order.clear();
    scheduleRedraw();
}

int MetricPlot::pointCount(const QString& key) const {
    auto it = m_series.find(key);
    if (it == m_series.end()) return 0;
    return it->style == SeriesStyle::Scatter ? it->loose.size() : it->ordered.size();
}

int MetricPlot::drawnPointCount(const QString& key) const {
    auto it = m_series.find(key);
    return it == m_series.end() ? 0 : it->drawn;
}

bool MetricPlot::marksPoints(const QString& key) const {
    auto it = m_series.find(key);
    auto* xy = it == m_series.end() ? nullptr : qobject_cast<QXYSeries*>(it->chartSeries);
    return xy && xy->pointsVisible();
}

double MetricPlot::xMin() const { return m_x->min(); }
double MetricPlot::xMax() const { return m_x->max(); }
double MetricPlot::xTickInterval() const { return m_x->tickInterval(); }

bool MetricPlot::hasPoints() const {
    for (const QString& key : m_order)
        if (pointCount(key) > 0) return true;
    return false;
}

bool MetricPlot::savePng(const QString& path) const {
    return m_view->grab().save(path, "PNG");
}

void MetricPlot::scheduleRedraw() {
    // Coalesce: whatever arrives before the timer fires is drawn in one go.
    if (!m_timer->isActive()) m_timer->start();
}

QVector<QPointF> MetricPlot::pointsOf(const Series& series) const {
    if (series.style == SeriesStyle::Scatter) return series.loose;
    QVector<QPointF> points;
    points.reserve(series.ordered.size());
    for (auto it = series.ordered.cbegin(); it != series.ordered.cend(); ++it)
        points.push_back(QPointF(it.key(), it.value()));
    return points;
}

QVector<QPointF> MetricPlot::downsample(const QVector<QPointF>& points, int buckets) {
    if (buckets < 1 || points.size() <= 2 * buckets) return points;
    QVector<QPointF> out;
    out.reserve(2 * buckets + 2);
    const double x0 = points.front().x(), span = points.back().x() - x0;
    int i = 0;
    const int n = points.size();
    for (int b = 0; b < buckets && i < n; ++b) {
        const double end = x0 + span * (b + 1) / buckets;
        int lo = i, hi = i, first = i;
        for (; i < n && (points[i].x() <= end || b == buckets - 1); ++i) {
            if (points[i].y() < points[lo].y()) lo = i;
            if (points[i].y() > points[hi].y()) hi = i;
        }
        if (i == first) continue;
        out.push_back(points[std::min(lo, hi)]);
        if (lo != hi) out.push_back(points[std::max(lo, hi)]);
    }
    if (out.front() != points.front()) out.prepend(points.front());
    if (out.back() != points.back()) out.push_back(points.back());
    return out;
}

void MetricPlot::drawSeries(Series& series, int buckets) {
    QVector<QPointF> points = pointsOf(series);
    if (series.style == SeriesStyle::Bars) {
        // Each point is a bin centre; draw it as a flat top as wide as the bin spacing.
        const double width = points.size() > 1 ? points[1].x() - points[0].x() : 1.0;
        QVector<QPointF> steps;
        for (const QPointF& p : points) {
            steps << QPointF(p.x() - width / 2, 0) << QPointF(p.x() - width / 2, p.y())
                  << QPointF(p.x() + width / 2, p.y()) << QPointF(p.x() + width / 2, 0);
        }
        static_cast<QAreaSeries*>(series.chartSeries)->upperSeries()->replace(steps);
        series.drawn = points.size();
        return;
    }
    if (series.style != SeriesStyle::Scatter) points = downsample(points, buckets);
    auto* xy = static_cast<QXYSeries*>(series.chartSeries);
    // A short curve (one epoch, a few) shows its points: a single point has no line to draw.
    if (series.style != SeriesStyle::Scatter) xy->setPointsVisible(points.size() <= kMarkedPoints);
    xy->replace(points);
    series.drawn = points.size();
}

void MetricPlot::updateRanges() {
    double xMin = std::numeric_limits<double>::infinity(), xMax = -xMin;
    double yMin = xMin, yMax = -xMin;
    for (const Series& s : m_series) {
        for (const QPointF& p : pointsOf(s)) {
            xMin = std::min(xMin, p.x());
            xMax = std::max(xMax, p.x());
            yMin = std::min(yMin, p.y());
            yMax = std::max(yMax, p.y());
        }
        if (s.style == SeriesStyle::Bars && !s.ordered.isEmpty()) yMin = std::min(yMin, 0.0);
    }
    if (!std::isfinite(xMin)) return;
    if (!m_fixedX) {
        if (m_integerX) {
            xMin = std::min(xMin, 1.0);
            xMax = std::max(xMax, xMin + 4);
            const double step = std::max(1.0, niceStep(xMax - xMin, 6));
            m_x->setTickType(QValueAxis::TicksDynamic);
            m_x->setTickAnchor(0);
            m_x->setTickInterval(step);
        }
        if (xMax - xMin < 1e-12) xMax = xMin + 1;
        if (m_integerX)
            m_x->setRange(xMin, xMax);
        else
            setNiceRange(m_x, xMin, xMax, true);
    }
    if (!m_fixedY) {
        // A flat series (a constant learning rate) gets a band of ±5 % around it.
        const double flat = std::max(std::fabs(yMax), 1e-9) * 0.05;
        const double pad = yMax - yMin > flat * 1e-3 ? (yMax - yMin) * 0.05 : flat;
        const double low = yMin >= 0 && yMin - pad < 0 ? 0 : yMin - pad;
        setNiceRange(m_y, low, yMax + pad, true);
    }
}

void MetricPlot::redraw() {
    const int buckets = std::max(16, int(m_chart->plotArea().width()));
    for (const QString& key : m_order) drawSeries(m_series[key], buckets);
    updateRanges();
    ++m_redraws;
    Q_EMIT redrawn();
}

}  // namespace widgets
}  // namespace kiln
