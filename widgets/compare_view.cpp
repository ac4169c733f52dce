#include "widgets/compare_view.h"

#include <QApplication>
#include <QBrush>
#include <QCheckBox>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPushButton>
#include <QScatterSeries>
#include <QSet>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <set>

#include "core/store/workspace.h"
#include "widgets/pool_task.h"

namespace kiln {
namespace widgets {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

QLabel* controlLabel(QWidget* parent) { return new QLabel(parent); }

// A run's label in legends and headers: its name, or "trial N" for a sweep trial, and a short id.
QString runLabel(const kiln::RunRow& row) {
    const QString id = q(row.id);
    const QString shortId = id.section(QLatin1Char('-'), -1);
    auto trial = row.tags.find("trial");
    if (trial != row.tags.end()) return QStringLiteral("trial %1 · %2").arg(q(trial->second), shortId);
    if (!row.name.empty() && row.name != row.id) return q(row.name);
    return id;
}

QString formatNumber(double v) {
    if (std::abs(v) >= 1e4 || (v != 0 && std::abs(v) < 1e-3)) return QString::number(v, 'g', 4);
    return QString::number(v, 'f', 4);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
CompareCurvesPanel::CompareCurvesPanel(QWidget* parent)
    : ChartPanel(parent),
      m_metric(new QComboBox(this)),
      m_axis(new QComboBox(this)),
      m_smooth(new QDoubleSpinBox(this)),
      m_log(new QCheckBox(this)),
      m_metricLabel(controlLabel(this)),
      m_axisLabel(controlLabel(this)),
      m_smoothLabel(controlLabel(this)),
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

QString CompareCurvesPanel::metric() const { return m_metric->currentData().toString(); }
void CompareCurvesPanel::setSmoothing(double weight) { m_smooth->setValue(weight); }
void CompareCurvesPanel::setLogScale(bool on) { m_log->setChecked(on); }

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

int CompareCurvesPanel::drawnPoints() const { return m_points; }

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
    chart->removeAllSeries();
    for (QAbstractAxis* a : chart->axes()) {
        chart->removeAxis(a);
        delete a;
    }
    const QString key = metric();
    const bool log = m_log->isChecked();
    const double w = m_smooth->value();
    styleChart(chart, key.isEmpty() ? tr("No metric recorded") : key);
    QAbstractAxis* x = nullptr;
    {
        auto* vx = new QValueAxis;
        vx->setLabelFormat(axis() == kiln::MetricAxis::WallTime ? QStringLiteral("%.0f")
                                                                : QStringLiteral("%g"));
        x = vx;
    }
    QAbstractAxis* y = nullptr;
    if (log) {
        auto* ly = new QLogValueAxis;
        ly->setBase(10);
        ly->setLabelFormat(QStringLiteral("%.3g"));
        ly->setMinorTickCount(8);
        y = ly;
    } else {
        auto* vy = new QValueAxis;
        vy->setLabelFormat(QStringLiteral("%.3g"));
        y = vy;
    }
    styleAxis(x, m_axis->currentText());
    styleAxis(y, log ? tr("%1 (log)").arg(key) : key);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    double xmin = 1e300, xmax = -1e300, ymin = 1e300, ymax = -1e300;
    m_points = 0;
    for (int r = 0; r < m_runIds.size(); ++r) {
        const std::string id = m_runIds[r].toStdString();
        const std::string k = key.toStdString();
        auto it = std::find_if(m_series.begin(), m_series.end(),
                               [&](const kiln::MetricSeries& s) { return s.runId == id && s.key == k; });
        auto* line = new QLineSeries;
        line->setName(m_labels.value(r, m_runIds[r]));
        QPen pen(seriesColor(r));
        pen.setWidthF(1.8);
        line->setPen(pen);
        if (it != m_series.end()) {
            QList<QPointF> points;
            points.reserve(int(it->points.size()));
            double s = 0;
            bool first = true;
            for (const kiln::SeriesPoint& p : it->points) {
                if (!std::isfinite(p.y)) continue;
                s = first ? p.y : w * s + (1 - w) * p.y;
                first = false;
                if (log && s <= 0) continue;
                points.push_back({p.x, s});
            }
            if (m_visible.value(r, true))
                for (const QPointF& p : points) {
                    xmin = std::min(xmin, p.x());
                    xmax = std::max(xmax, p.x());
                    ymin = std::min(ymin, p.y());
                    ymax = std::max(ymax, p.y());
                }
            m_points += m_visible.value(r, true) ? int(points.size()) : 0;
            line->replace(points);
        }
        chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
        line->setVisible(m_visible.value(r, true));
    }
    if (xmin <= xmax) {
        if (xmin == xmax) xmax = xmin + 1;
        if (m_zoomed) {
            xmin = m_zoomLow;
            xmax = m_zoomHigh;
        }
        x->setRange(xmin, xmax);
        if (axis() != kiln::MetricAxis::WallTime && xmax - xmin <= 12 && xmax - xmin >= 2) {
            // Whole epochs or steps: one tick each.
            auto* vx = static_cast<QValueAxis*>(x);
            vx->setTickCount(int(xmax - xmin) + 1);
            vx->setLabelFormat(QStringLiteral("%.0f"));
        } else if (axis() != kiln::MetricAxis::WallTime) {
            static_cast<QValueAxis*>(x)->applyNiceNumbers();
            static_cast<QValueAxis*>(x)->setLabelFormat(QStringLiteral("%.0f"));
        }
        if (ymin == ymax) {
            ymin -= log ? ymin * 0.5 : 0.5;
            ymax += log ? ymax : 0.5;
        }
        const double pad = log ? 0 : (ymax - ymin) * 0.05;
        y->setRange(ymin - pad, ymax + pad);
    }
    // Legend entries stay visible for hidden runs (faded) and toggle them on click.
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
    // A zoom (rubber band, wheel) or pan changes the x range: read that range again once the
    // user pauses.
    connect(static_cast<QValueAxis*>(x), &QValueAxis::rangeChanged, this,
            [this](double low, double high) {
                if (m_redrawing || !(high > low)) return;
                m_zoomLow = low;
                m_zoomHigh = high;
                m_zoomTimer->start();
            });
    m_redrawing = false;
    const int hidden = int(std::count(m_visible.begin(), m_visible.end(), false));
    setCaption(tr("%1 runs, %2 points drawn").arg(m_runIds.size() - hidden).arg(m_points) +
               (hidden ? QStringLiteral(" · ") + tr("%n hidden (click the legend)", nullptr, hidden)
                       : QString()));
    Q_EMIT updated();
}

void CompareCurvesPanel::retranslateUi() {
    ChartPanel::retranslateUi();
    m_metricLabel->setText(tr("Metric:"));
    m_axisLabel->setText(tr("X:"));
    m_smoothLabel->setText(tr("Smoothing:"));
    m_smooth->setToolTip(tr("Exponential moving average weight (0: raw values)"));
    m_log->setText(tr("Log scale"));
    m_resetZoom->setText(tr("Reset zoom"));
    m_resetZoom->setToolTip(tr("Drag across the plot to zoom into a range; this shows all of it again"));
    m_axis->setItemText(0, tr("Epoch"));
    m_axis->setItemText(1, tr("Step"));
    m_axis->setItemText(2, tr("Wall time (s)"));
}

// ---------------------------------------------------------------------------------------------
ParamMetricScatter::ParamMetricScatter(QWidget* parent)
    : ChartPanel(parent),
      m_param(new QComboBox(this)),
      m_metric(new QComboBox(this)),
      m_paramLabel(controlLabel(this)),
      m_metricLabel(controlLabel(this)) {
    setObjectName(QStringLiteral("paramMetricScatter"));
    m_param->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_metric->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_param->setMinimumContentsLength(13);
    m_metric->setMinimumContentsLength(11);
    controls()->addWidget(m_paramLabel);
    controls()->addWidget(m_param);
    controls()->addSpacing(8);
    controls()->addWidget(m_metricLabel);
    controls()->addWidget(m_metric);
    controls()->addStretch(1);
    m_view = createChartView();
    m_view->setMinimumSize(320, 300);
    connect(m_param, &QComboBox::currentIndexChanged, this, [this] { redraw(); });
    connect(m_metric, &QComboBox::currentIndexChanged, this, [this] { redraw(); });
    retranslateUi();
}

void ParamMetricScatter::setRuns(const kiln::RunTable& table, const QStringList& labels) {
    m_table = table;
    m_labels = labels;
    const QString p = m_param->currentText(), m = m_metric->currentText();
    QSignalBlocker b1(m_param), b2(m_metric);
    m_param->clear();
    m_metric->clear();
    // Parameters that vary between the runs first, then the rest.
    QStringList varying, fixed;
    for (const auto& k : table.paramKeys) {
        std::set<std::string> values;
        for (const auto& row : table.rows) values.insert(kiln::paramValue(row, k).value_or(""));
        (values.size() > 1 ? varying : fixed) << q(k);
    }
    m_param->addItems(varying);
    m_param->addItems(fixed);
    for (const auto& k : table.metricKeys) m_metric->addItem(q(k));
    if (m_param->findText(p) >= 0) m_param->setCurrentText(p);
    if (m_metric->findText(m) >= 0)
        m_metric->setCurrentText(m);
    else if (m_metric->findText(QStringLiteral("val_loss")) >= 0)
        m_metric->setCurrentText(QStringLiteral("val_loss"));
    redraw();
}

void ParamMetricScatter::choose(const QString& param, const QString& metric) {
    if (m_param->findText(param) >= 0) m_param->setCurrentText(param);
    if (m_metric->findText(metric) >= 0) m_metric->setCurrentText(metric);
}

void ParamMetricScatter::redraw() {
    QChart* chart = m_view->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* a : chart->axes()) {
        chart->removeAxis(a);
        delete a;
    }
    const QString param = m_param->currentText(), metric = m_metric->currentText();
    styleChart(chart, param.isEmpty() || metric.isEmpty() ? tr("Parameter against metric")
                                                          : tr("%1 against %2").arg(metric, param));
    chart->legend()->setVisible(false);
    // Numeric parameter values are placed as numbers, others at category positions 0, 1, ….
    QStringList categories;
    bool numeric = true;
    for (const auto& row : m_table.rows) {
        auto v = kiln::paramValue(row, param.toStdString());
        if (!v) continue;
        bool ok = false;
        q(*v).toDouble(&ok);
        numeric = numeric && ok;
        if (!categories.contains(q(*v))) categories << q(*v);
    }
    categories.sort();
    auto* series = new QScatterSeries;
    series->setMarkerSize(11);
    series->setColor(seriesColor(0));
    series->setBorderColor(seriesColor(0).darker(130));
    double xmin = 1e300, xmax = -1e300, ymin = 1e300, ymax = -1e300;
    m_points = 0;
    for (const auto& row : m_table.rows) {
        auto v = kiln::paramValue(row, param.toStdString());
        auto m = kiln::metricValue(row, metric.toStdString(), kiln::MetricReduce::Final);
        if (!v || !m || !std::isfinite(*m)) continue;
        const double x = numeric ? q(*v).toDouble() : double(categories.indexOf(q(*v)));
        series->append(x, *m);
        xmin = std::min(xmin, x);
        xmax = std::max(xmax, x);
        ymin = std::min(ymin, *m);
        ymax = std::max(ymax, *m);
        ++m_points;
    }
    auto* x = new QValueAxis;
    auto* y = new QValueAxis;
    x->setLabelFormat(QStringLiteral("%.3g"));
    y->setLabelFormat(QStringLiteral("%.3g"));
    styleAxis(x, param);
    styleAxis(y, tr("final %1").arg(metric));
    chart->addSeries(series);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    if (m_points > 0) {
        const double px = xmax > xmin ? (xmax - xmin) * 0.08 : 0.5;
        const double py = ymax > ymin ? (ymax - ymin) * 0.08 : 0.5;
        x->setRange(xmin >= 0 ? std::max(0.0, xmin - px) : xmin - px, xmax + px);
        y->setRange(ymin >= 0 ? std::max(0.0, ymin - py) : ymin - py, ymax + py);
    }
    QStringList parts;
    for (int i = 0; i < categories.size(); ++i)
        parts << QStringLiteral("%1=%2").arg(i).arg(categories[i]);
    const QString runsText = tr("%n run(s)", nullptr, m_points);
    setCaption(numeric || categories.isEmpty()
                   ? runsText
                   : runsText + QStringLiteral("; ") +
                         tr("%1 at positions: %2").arg(param, parts.join(QStringLiteral(", "))));
    Q_EMIT updated();
}

void ParamMetricScatter::retranslateUi() {
    ChartPanel::retranslateUi();
    m_paramLabel->setText(tr("Parameter:"));
    m_metricLabel->setText(tr("Metric:"));
}

// ---------------------------------------------------------------------------------------------
namespace {
struct CompareData {
    kiln::RunTable runs;
    QStringList keys;
    std::vector<kiln::MetricSeries> series;
    QString error;
};

CompareData readCompare(const QString& dir, const QStringList& ids, const QString& metric,
                        kiln::MetricAxis axis, int pixelWidth, bool zoomed, double low,
                        double high) {
    CompareData d;
    try {
        auto ws = kiln::Workspace::open(dir.toStdString(), false);
        if (!ws) {
            d.error = q(ws.error().message);
            return d;
        }
        kiln::RunQuery query;
        for (const QString& id : ids) query.filter.runIds.push_back(id.toStdString());
        auto table = kiln::queryRuns((*ws)->catalog(), query);
        if (!table) {
            d.error = q(table.error().message);
            return d;
        }
        // Keep the order the runs were asked in.
        std::vector<kiln::RunRow> ordered;
        for (const QString& id : ids)
            for (auto& row : table->rows)
                if (row.id == id.toStdString()) ordered.push_back(row);
        table->rows = std::move(ordered);
        d.runs = std::move(*table);
        kiln::MetricStore store((*ws)->catalog());
        auto keys = store.keys(query.filter.runIds);
        if (!keys) {
            d.error = q(keys.error().message);
            return d;
        }
        for (const auto& k : *keys) d.keys << q(k);
        // Only the metric shown is read: the asked one, else val_loss, loss or the first.
        QString key = metric;
        for (const QString& k : {metric, QStringLiteral("val_loss"), QStringLiteral("loss")})
            if (d.keys.contains(k)) {
                key = k;
                break;
            }
        if (!d.keys.contains(key)) key = d.keys.value(0);
        kiln::SeriesRequest request;
        request.runIds = query.filter.runIds;
        if (!key.isEmpty()) request.keys = {key.toStdString()};
        request.axis = axis;
        request.pixelWidth = pixelWidth;
        if (zoomed) {
            request.xMin = low;
            request.xMax = high;
        }
        auto series = store.read(request);
        if (!series) {
            d.error = q(series.error().message);
            return d;
        }
        d.series = std::move(*series);
    } catch (const std::exception& e) {
        d.error = QString::fromUtf8(e.what());
    }
    return d;
}
}  // namespace

CompareView::CompareView(QWidget* parent)
    : QWidget(parent),
      m_curves(new CompareCurvesPanel(this)),
      m_scatter(new ParamMetricScatter(this)),
      m_table(new QTableWidget(this)),
      m_onlyDiff(new QCheckBox(this)),
      m_copy(new QPushButton(this)),
      m_summary(new QLabel(this)) {
    setObjectName(QStringLiteral("compareView"));
    m_table->setObjectName(QStringLiteral("compareTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->setAlternatingRowColors(false);
    m_onlyDiff->setObjectName(QStringLiteral("onlyDifferences"));
    m_copy->setObjectName(QStringLiteral("copyCsvButton"));

    auto* charts = new QSplitter(Qt::Horizontal, this);
    charts->addWidget(m_curves);
    charts->addWidget(m_scatter);
    charts->setStretchFactor(0, 3);
    charts->setStretchFactor(1, 2);
    auto* bottom = new QWidget(this);
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_onlyDiff);
    bar->addWidget(m_copy);
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addLayout(bar);
    bottomLayout->addWidget(m_table, 1);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(charts);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(split);

    connect(m_onlyDiff, &QCheckBox::toggled, this, [this] { applyDifferenceFilter(); });
    connect(m_copy, &QPushButton::clicked, this, &CompareView::copyCsv);
    connect(m_curves, &CompareCurvesPanel::axisChanged, this, [this] {
        m_zoomed = false;
        load();
    });
    connect(m_curves, &CompareCurvesPanel::metricRequested, this, [this] { load(); });
    connect(m_curves, &CompareCurvesPanel::rangeRequested, this,
            [this](bool zoomed, double low, double high) {
                m_zoomed = zoomed;
                m_low = low;
                m_high = high;
                load();
            });
    retranslateUi();
}

void CompareView::setRuns(const QString& dir, const QStringList& runIds) {
    m_dir = dir;
    m_runIds = runIds;
    m_zoomed = false;
    load();
}

void CompareView::load() {
    const kiln::MetricAxis axis = m_curves->axis();
    const bool zoomed = m_zoomed;
    const double low = m_low, high = m_high;
    const QString metric = m_curves->metric();
    if (m_dir.isEmpty()) return;
    m_loading = true;
    const int request = ++m_request;
    const QString dir = m_dir;
    const QStringList ids = m_runIds;
    // Thinned to the plot's width (at least 800 columns, so a later resize stays sharp).
    const int width = std::max(800, m_curves->width());
    const int count = static_cast<int>(ids.size());
    m_summary->setText(tr("Reading %n run(s)…", nullptr, count));
    runInPool<CompareData>(
        this,
        [dir, ids, metric, axis, width, zoomed, low, high] {
            return readCompare(dir, ids, metric, axis, width, zoomed, low, high);
        },
        [this, request](CompareData d) {
            if (request != m_request) return;
            m_runs = std::move(d.runs);
            m_labels.clear();
            QStringList shownIds;
            for (const auto& row : m_runs.rows) {
                m_labels << runLabel(row);
                shownIds << q(row.id);
            }
            m_runIds = shownIds;
            m_curves->setData(m_runIds, m_labels, std::move(d.series), d.keys);
            m_scatter->setRuns(m_runs, m_labels);
            fillTable();
            m_loading = false;
            if (!d.error.isEmpty()) m_summary->setText(tr("Could not read the runs: %1").arg(d.error));
            Q_EMIT loaded();
        });
}

void CompareView::fillTable() {
    struct Line {
        QString name;
        QStringList values;
        bool metric = false;
    };
    QVector<Line> lines;
    auto add = [&](const QString& name, bool metric, const std::function<QString(const kiln::RunRow&)>& f) {
        Line l{name, {}, metric};
        for (const auto& row : m_runs.rows) l.values << f(row);
        lines.push_back(l);
    };
    add(tr("status"), false, [](const kiln::RunRow& r) { return q(r.status); });
    add(tr("dataset"), false, [](const kiln::RunRow& r) {
        return QStringLiteral("%1@%2").arg(q(r.dataset)).arg(r.datasetVersion);
    });
    for (const auto& k : m_runs.paramKeys)
        add(q(k), false, [&k](const kiln::RunRow& r) {
            auto it = r.params.find(k);
            return it == r.params.end() ? QString() : q(it->second);
        });
    for (const auto& k : m_runs.metricKeys)
        add(q(k), true, [&k](const kiln::RunRow& r) {
            auto it = r.finalMetrics.find(k);
            return it == r.finalMetrics.end() ? QString() : formatNumber(it->second);
        });
    m_table->clear();
    m_table->setRowCount(lines.size());
    m_table->setColumnCount(int(m_runs.rows.size()));
    m_table->setHorizontalHeaderLabels(m_labels);
    QStringList rowNames;
    const QBrush diffBrush(QColor(0xff, 0xf1, 0xc4));
    for (int r = 0; r < lines.size(); ++r) {
        const Line& l = lines[r];
        rowNames << l.name;
        const bool differs = QSet<QString>(l.values.begin(), l.values.end()).size() > 1;
        for (int c = 0; c < l.values.size(); ++c) {
            auto* item = new QTableWidgetItem(l.values[c]);
            if (l.metric) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (differs) {
                item->setBackground(diffBrush);
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
            }
            item->setData(Qt::UserRole, differs);
            m_table->setItem(r, c, item);
        }
        auto* header = new QTableWidgetItem(l.name);
        if (l.metric) {
            QFont f = header->font();
            f.setBold(true);
            header->setFont(f);
        }
        header->setData(Qt::UserRole, differs);
        m_table->setVerticalHeaderItem(r, header);
    }
    m_table->resizeColumnsToContents();
    for (int c = 0; c < m_table->columnCount(); ++c)
        m_table->setColumnWidth(c, std::min(std::max(m_table->columnWidth(c), 110), 240));
    // A few runs share the width; many keep their own and scroll.
    m_table->horizontalHeader()->setSectionResizeMode(
        m_table->columnCount() <= 6 ? QHeaderView::Stretch : QHeaderView::Interactive);
    applyDifferenceFilter();
}

int CompareView::differingRows() const {
    int n = 0;
    for (int r = 0; r < m_table->rowCount(); ++r)
        if (m_table->verticalHeaderItem(r)->data(Qt::UserRole).toBool()) ++n;
    return n;
}

void CompareView::applyDifferenceFilter() {
    const bool only = m_onlyDiff->isChecked();
    for (int r = 0; r < m_table->rowCount(); ++r)
        m_table->setRowHidden(r, only && !m_table->verticalHeaderItem(r)->data(Qt::UserRole).toBool());
    const int runs = static_cast<int>(m_runs.rows.size());
    m_summary->setText(tr("%n run(s) compared", nullptr, runs) +
                       QStringLiteral(" · ") +
                       tr("%1 of %2 rows differ").arg(differingRows()).arg(m_table->rowCount()));
}

QString CompareView::tableCsv() const {
    auto quote = [](QString s) {
        if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')))
            s = QLatin1Char('"') + s.replace(QLatin1String("\""), QLatin1String("\"\"")) + QLatin1Char('"');
        return s;
    };
    QStringList lines;
    QStringList header{QStringLiteral("key")};
    for (const auto& row : m_runs.rows) header << quote(q(row.id));
    lines << header.join(QLatin1Char(','));
    for (int r = 0; r < m_table->rowCount(); ++r) {
        if (m_table->isRowHidden(r)) continue;
        QStringList cells{quote(m_table->verticalHeaderItem(r)->text())};
        for (int c = 0; c < m_table->columnCount(); ++c)
            cells << quote(m_table->item(r, c) ? m_table->item(r, c)->text() : QString());
        lines << cells.join(QLatin1Char(','));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void CompareView::copyCsv() { QApplication::clipboard()->setText(tableCsv()); }

void CompareView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void CompareView::retranslateUi() {
    m_onlyDiff->setText(tr("Only differences"));
    m_onlyDiff->setToolTip(tr("Hide rows whose value is the same for every run"));
    m_copy->setText(tr("Copy as CSV"));
    if (!m_runs.rows.empty()) fillTable();
}

}  // namespace widgets
}  // namespace kiln
