// The Compare tab's overlaid curves: one line per run for the metric shown, smoothed, on a
// linear or log axis, with a legend that hides and shows runs and a zoom that reads again.
#include "widgets/compare_curves_panel.h"

#include "widgets/nice_axis.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPushButton>
#include <QTimer>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "widgets/compare_common.h"

namespace kiln {
namespace widgets {

namespace {

// The x axis: epochs and steps as numbers, wall time in whole seconds.
QValueAxis* newXAxis(kiln::MetricAxis axis) {
    auto* vx = new QValueAxis;
    vx->setLabelFormat(axis == kiln::MetricAxis::WallTime ? QStringLiteral("%.0f")
                                                          : QStringLiteral("%g"));
    return vx;
}

// The y axis: linear, or base-10 logarithmic.
QAbstractAxis* newYAxis(bool log) {
    if (log) {
        auto* ly = new QLogValueAxis;
        ly->setBase(10);
        ly->setLabelFormat(QStringLiteral("%.3g"));
        ly->setMinorTickCount(8);
        return ly;
    }
    auto* vy = new QValueAxis;
    vy->setLabelFormat(QStringLiteral("%.3g"));
    return vy;
}

// The series' finite points, smoothed by an exponential moving average of weight `w`; on a log
// axis the values <= 0 are left out.
QList<QPointF> smoothedPoints(const kiln::MetricSeries& series, double w, bool log) {
    QList<QPointF> points;
    points.reserve(int(series.points.size()));
    double s = 0;
    bool first = true;
    for (const kiln::SeriesPoint& p : series.points) {
        if (!std::isfinite(p.y)) continue;
        s = first ? p.y : w * s + (1 - w) * p.y;
        first = false;
        if (log && s <= 0) continue;
        points.push_back({p.x, s});
    }
    return points;
}

}  // namespace

CompareCurvesPanel::CompareCurvesPanel(QWidget* parent)
    : ChartPanel(parent),
      m_metric(new QComboBox(this)),
      m_axis(new QComboBox(this)),
      m_smooth(new QDoubleSpinBox(this)),
      m_log(new QCheckBox(this)),
      m_metricLabel(new QLabel(this)),
      m_axisLabel(new QLabel(this)),
      m_smoothLabel(new QLabel(this)),
      m_resetZoom(new QPushButton(this)),
      m_zoomTimer(new QTimer(this)) {
    setObjectName(QStringLiteral("compareCurves"));
    m_zoomTimer->setSingleShot(true);
    m_zoomTimer->setInterval(150);
    m_resetZoom->setEnabled(false);
    m_metric->setObjectName(QStringLiteral("compareMetric"));
    m_metric->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_metric->setMinimumContentsLength(13);
    m_axis->addItem(QString(), int(kiln::MetricAxis::Epoch));
    m_axis->addItem(QString(), int(kiln::MetricAxis::Step));
    m_axis->addItem(QString(), int(kiln::MetricAxis::WallTime));
    m_smooth->setRange(0, 0.99);
    m_smooth->setSingleStep(0.1);
    m_smooth->setDecimals(2);
    controls()->addWidget(m_metricLabel);
    controls()->addWidget(m_metric);
    controls()->addSpacing(8);
    controls()->addWidget(m_axisLabel);
    controls()->addWidget(m_axis);
    controls()->addSpacing(8);
    controls()->addWidget(m_smoothLabel);
    controls()->addWidget(m_smooth);
    controls()->addSpacing(8);
    controls()->addWidget(m_log);
    controls()->addSpacing(8);
    controls()->addWidget(m_resetZoom);
    controls()->addStretch(1);
    m_view = createChartView();
    m_view->setMinimumSize(420, 300);
    m_view->setRubberBand(QChartView::HorizontalRubberBand);
    connect(m_resetZoom, &QPushButton::clicked, this, &CompareCurvesPanel::resetZoom);
    connect(m_zoomTimer, &QTimer::timeout, this, [this] {
        m_zoomed = true;
        m_resetZoom->setEnabled(true);
        Q_EMIT rangeRequested(true, m_zoomLow, m_zoomHigh);
    });
    connect(m_metric, &QComboBox::currentIndexChanged, this, [this] {
        const std::string key = metric().toStdString();
        const bool have = std::any_of(m_series.begin(), m_series.end(),
                                      [&](const kiln::MetricSeries& s) { return s.key == key; });
        redraw();
        if (!have && !key.empty()) Q_EMIT metricRequested(metric());
    });
    connect(m_smooth, &QDoubleSpinBox::valueChanged, this, [this] { redraw(); });
    connect(m_log, &QCheckBox::toggled, this, [this] { redraw(); });
    connect(m_axis, &QComboBox::currentIndexChanged, this, [this] {
        m_zoomTimer->stop();
        m_zoomed = false;
        m_resetZoom->setEnabled(false);
        Q_EMIT axisChanged(axis());
    });
    retranslateUi();
}

void CompareCurvesPanel::setData(const QStringList& runIds, const QStringList& labels,
                                 std::vector<kiln::MetricSeries> series, const QStringList& keys) {
    m_runIds = runIds;
    m_labels = labels;
    m_series = std::move(series);
    if (m_visible.size() != runIds.size()) m_visible = QVector<bool>(runIds.size(), true);
    const QString current = metric();
    QSignalBlocker block(m_metric);
    m_metric->clear();
    for (const QString& k : keys) m_metric->addItem(k, k);
    int index = m_metric->findData(current);
    if (index < 0) index = m_metric->findData(QStringLiteral("val_loss"));
    if (index < 0) index = m_metric->findData(QStringLiteral("loss"));
    m_metric->setCurrentIndex(std::max(0, index));
    redraw();
}

void CompareCurvesPanel::setMetric(const QString& key) {
    const int index = m_metric->findData(key);
    if (index >= 0) m_metric->setCurrentIndex(index);
}

QString CompareCurvesPanel::metric() const {
    return m_metric->currentData().toString();
}
void CompareCurvesPanel::setSmoothing(double weight) {
    m_smooth->setValue(weight);
}
void CompareCurvesPanel::setLogScale(bool on) {
    m_log->setChecked(on);
}

void CompareCurvesPanel::setRunVisible(int index, bool visible) {
    if (index < 0 || index >= m_visible.size()) return;
    m_visible[index] = visible;
    redraw();
}

bool CompareCurvesPanel::isRunVisible(int index) const {
    return index >= 0 && index < m_visible.size() && m_visible[index];
}

kiln::MetricAxis CompareCurvesPanel::axis() const {
    return kiln::MetricAxis(m_axis->currentData().toInt());
}

int CompareCurvesPanel::lineCount() const {
    int n = 0;
    for (QAbstractSeries* s : m_view->chart()->series())
        if (s->isVisible()) ++n;
    return n;
}

int CompareCurvesPanel::drawnPoints() const {
    return m_points;
}

void CompareCurvesPanel::zoomTo(double low, double high) {
    if (!(high > low)) return;
    m_zoomLow = low;
    m_zoomHigh = high;
    m_zoomTimer->stop();
    m_zoomed = true;
    m_resetZoom->setEnabled(true);
    Q_EMIT rangeRequested(true, low, high);
}

void CompareCurvesPanel::resetZoom() {
    m_zoomTimer->stop();
    m_zoomed = false;
    m_resetZoom->setEnabled(false);
    Q_EMIT rangeRequested(false, 0, 0);
}

void CompareCurvesPanel::redraw() {
    m_redrawing = true;
    QChart* chart = m_view->chart();
    clearChart(chart);
    const QString key = metric();
    const bool log = m_log->isChecked();
    styleChart(chart, key.isEmpty() ? tr("No metric recorded") : key);
    QValueAxis* x = newXAxis(axis());
    QAbstractAxis* y = newYAxis(log);
    styleAxis(x, m_axis->currentText());
    styleAxis(y, log ? tr("%1 (log)").arg(key) : key);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    PlotBounds bounds;
    m_points = 0;
    for (int r = 0; r < m_runIds.size(); ++r) addRunLine(chart, r, key.toStdString(), x, y, bounds);
    if (bounds.xmin <= bounds.xmax) fitRanges(x, y, bounds, log);
    connectLegend(chart);
    watchRange(x);
    m_redrawing = false;
    updateCaption();
    Q_EMIT updated();
}

// One run's line (empty when its series was not read), hidden when the run is; its points
// widen `bounds` only when it is shown.
void CompareCurvesPanel::addRunLine(QChart* chart, int r, const std::string& key, QAbstractAxis* x,
                                    QAbstractAxis* y, PlotBounds& bounds) {
    const std::string id = m_runIds[r].toStdString();
    auto it = std::find_if(m_series.begin(), m_series.end(), [&](const kiln::MetricSeries& s) {
        return s.runId == id && s.key == key;
    });
    auto* line = new QLineSeries;
    line->setName(m_labels.value(r, m_runIds[r]));
    QPen pen(seriesColor(r));
    pen.setWidthF(1.8);
    line->setPen(pen);
    if (it != m_series.end()) {
        const QList<QPointF> points = smoothedPoints(*it, m_smooth->value(), m_log->isChecked());
        if (m_visible.value(r, true)) bounds.include(points);
        m_points += m_visible.value(r, true) ? int(points.size()) : 0;
        line->replace(points);
    }
    chart->addSeries(line);
    line->attachAxis(x);
    line->attachAxis(y);
    const QString label = line->name();
    connect(line, &QLineSeries::hovered, this, [this, label, x](const QPointF& p, bool on) {
        if (!on) return showTip(QString());
        showTip(tr("%1\n%2 %3: %4").arg(label, x->titleText(), tipNumber(p.x()), tipNumber(p.y())));
    });
    line->setVisible(m_visible.value(r, true));
}

// The axes' ranges: the points' extent (or the zoomed x range), whole-number ticks for epochs
// and steps, a little room above and below the curves.
void CompareCurvesPanel::fitRanges(QValueAxis* x, QAbstractAxis* y, const PlotBounds& bounds,
                                   bool log) {
    double xmin = bounds.xmin, xmax = bounds.xmax, ymin = bounds.ymin, ymax = bounds.ymax;
    if (xmin == xmax) xmax = xmin + 1;
    if (m_zoomed) {
        xmin = m_zoomLow;
        xmax = m_zoomHigh;
    }
    // Through QAbstractAxis::setRange(QVariant, QVariant), as before: QValueAxis's own overload
    // changes what a saved PNG or SVG shows (the axes and legend appear; Qt 6.4).
    static_cast<QAbstractAxis*>(x)->setRange(xmin, xmax);
    if (axis() != kiln::MetricAxis::WallTime && xmax - xmin <= 12 && xmax - xmin >= 2) {
        // Whole epochs or steps: one tick each.
        x->setTickCount(int(xmax - xmin) + 1);
        x->setLabelFormat(QStringLiteral("%.0f"));
    } else if (axis() != kiln::MetricAxis::WallTime) {
        x->applyNiceNumbers();
        x->setLabelFormat(QStringLiteral("%.0f"));
    }
    if (auto* linear = qobject_cast<QValueAxis*>(y); linear && !log) {
        fitNiceAxis(linear, ymin, ymax);  // a loss from 0, not from -0.03
        return;
    }
    if (ymin == ymax) {
        ymin *= 0.5;
        ymax *= 2;
    }
    y->setRange(ymin, ymax);
}

// Legend entries stay visible for hidden runs (faded) and toggle them on click.
void CompareCurvesPanel::connectLegend(QChart* chart) {
    const QList<QLegendMarker*> markers = chart->legend()->markers();
    for (int i = 0; i < markers.size(); ++i) {
        QLegendMarker* marker = markers[i];
        marker->setVisible(true);
        const bool on = m_visible.value(i, true);
        QColor label = on ? QColor(0x22, 0x28, 0x30) : QColor(0xb0, 0xb4, 0xba);
        marker->setLabelBrush(label);
        if (!on) marker->setBrush(QColor(0xd8, 0xdb, 0xdf));
        connect(marker, &QLegendMarker::clicked, this,
                [this, i] { setRunVisible(i, !isRunVisible(i)); });
    }
    chart->legend()->setVisible(m_runIds.size() <= 24);
}

// A zoom (rubber band, wheel) or pan changes the x range: read that range again once the
// user pauses.
void CompareCurvesPanel::watchRange(QValueAxis* x) {
    connect(x, &QValueAxis::rangeChanged, this, [this](double low, double high) {
        if (m_redrawing || !(high > low)) return;
        m_zoomLow = low;
        m_zoomHigh = high;
        m_zoomTimer->start();
    });
}

void CompareCurvesPanel::updateCaption() {
    const int hidden = int(std::count(m_visible.begin(), m_visible.end(), false));
    setCaption(tr("%1 runs, %2 points drawn").arg(m_runIds.size() - hidden).arg(m_points) +
               (hidden ? QStringLiteral(" · ") + tr("%n hidden (click the legend)", nullptr, hidden)
                       : QString()));
}

void CompareCurvesPanel::retranslateUi() {
    ChartPanel::retranslateUi();
    m_metricLabel->setText(tr("Metric:"));
    m_axisLabel->setText(tr("X:"));
    m_smoothLabel->setText(tr("Smoothing:"));
    m_smooth->setToolTip(tr("Exponential moving average weight (0: raw values)"));
    m_log->setText(tr("Log scale"));
    m_resetZoom->setText(tr("Reset zoom"));
    m_resetZoom->setToolTip(
        tr("Drag across the plot to zoom into a range; this shows all of it again"));
    m_axis->setItemText(0, tr("Epoch"));
    m_axis->setItemText(1, tr("Step"));
    m_axis->setItemText(2, tr("Wall time (s)"));
}

}  // namespace widgets
}  // namespace kiln
