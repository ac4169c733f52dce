// The Compare tab's scatter: any parameter of the runs against any of their final metrics.
#include "widgets/param_metric_scatter.h"

#include "widgets/nice_axis.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <set>

#include "widgets/compare_common.h"

namespace kiln {
namespace widgets {

namespace {

// The parameter's distinct values, sorted; `numeric` says whether every one is a number.
QStringList paramCategories(const kiln::RunTable& table, const QString& param, bool& numeric) {
    QStringList categories;
    numeric = true;
    for (const auto& row : table.rows) {
        auto v = kiln::paramValue(row, param.toStdString());
        if (!v) continue;
        bool ok = false;
        q(*v).toDouble(&ok);
        numeric = numeric && ok;
        if (!categories.contains(q(*v))) categories << q(*v);
    }
    categories.sort();
    return categories;
}

// One point per run that has the parameter and a finite final metric: x is the value, or its
// position among `categories` when the values are not all numbers. Returns the points added.
int addRunPoints(QScatterSeries* series, const kiln::RunTable& table, const QString& param,
                 const QString& metric, bool numeric, const QStringList& categories,
                 PlotBounds& bounds) {
    int points = 0;
    for (const auto& row : table.rows) {
        auto v = kiln::paramValue(row, param.toStdString());
        auto m = kiln::metricValue(row, metric.toStdString(), kiln::MetricReduce::Final);
        if (!v || !m || !std::isfinite(*m)) continue;
        const double x = numeric ? q(*v).toDouble() : double(categories.indexOf(q(*v)));
        series->append(x, *m);
        bounds.include(x, *m);
        ++points;
    }
    return points;
}

// Round ranges around the points, not below 0 for values that are all positive; category
// positions 0, 1, … each get half a step of room.
void fitRanges(QValueAxis* x, QValueAxis* y, const PlotBounds& b, bool numeric) {
    if (numeric) {
        fitNiceAxis(x, b.xmin, b.xmax);
    } else {
        x->setRange(b.xmin - 0.5, b.xmax + 0.5);
        x->setTickType(QValueAxis::TicksDynamic);
        x->setTickAnchor(0);
        x->setTickInterval(1);
    }
    fitNiceAxis(y, b.ymin, b.ymax);
}

}  // namespace

ParamMetricScatter::ParamMetricScatter(QWidget* parent)
    : ChartPanel(parent),
      m_param(new QComboBox(this)),
      m_metric(new QComboBox(this)),
      m_paramLabel(new QLabel(this)),
      m_metricLabel(new QLabel(this)) {
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
    clearChart(chart);
    const QString param = m_param->currentText(), metric = m_metric->currentText();
    styleChart(chart, param.isEmpty() || metric.isEmpty() ? tr("Parameter against metric")
                                                          : tr("%1 against %2").arg(metric, param));
    chart->legend()->setVisible(false);
    // Numeric parameter values are placed as numbers, others at category positions 0, 1, ….
    bool numeric = true;
    const QStringList categories = paramCategories(m_table, param, numeric);
    auto* series = new QScatterSeries;
    series->setMarkerSize(11);
    series->setColor(seriesColor(0));
    series->setBorderColor(seriesColor(0).darker(130));
    PlotBounds bounds;
    m_points = addRunPoints(series, m_table, param, metric, numeric, categories, bounds);
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
    if (m_points > 0) fitRanges(x, y, bounds, numeric);
    updateCaption(param, numeric, categories);
    Q_EMIT updated();
}

void ParamMetricScatter::updateCaption(const QString& param, bool numeric,
                                       const QStringList& categories) {
    QStringList parts;
    for (int i = 0; i < categories.size(); ++i)
        parts << QStringLiteral("%1=%2").arg(i).arg(categories[i]);
    const QString runsText = tr("%n run(s)", nullptr, m_points);
    setCaption(numeric || categories.isEmpty()
                   ? runsText
                   : runsText + QStringLiteral("; ") +
                         tr("%1 at positions: %2").arg(param, parts.join(QStringLiteral(", "))));
}

void ParamMetricScatter::retranslateUi() {
    ChartPanel::retranslateUi();
    m_paramLabel->setText(tr("Parameter:"));
    m_metricLabel->setText(tr("Metric:"));
}

}  // namespace widgets
}  // namespace kiln
