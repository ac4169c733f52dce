#include "widgets/drift_history_chart.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QListWidget>
#include <QLocale>
#include <QScatterSeries>
#include <QSignalBlocker>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <map>

#include "widgets/metric_plot.h"
#include "widgets/nice_axis.h"

namespace kiln {
namespace widgets {
namespace {

// The list's key for the model's own output (a column may be called "predictions").
const QString kPredictionsKey = QStringLiteral("\x01predictions");
constexpr int kKeyRole = Qt::UserRole + 1;

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

qint64 reportTime(const kiln::MonitorHistoryEntry& entry) {
    QDateTime t = QDateTime::fromString(qs(entry.createdAt), Qt::ISODateWithMs);
    if (!t.isValid()) t = QDateTime::fromString(qs(entry.createdAt), Qt::ISODate);
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

// The column `key` as report `entry` measured it, or nullptr.
const kiln::MonitorHistoryColumn* columnOf(const kiln::MonitorHistoryEntry& entry, const QString& key) {
    if (key == kPredictionsKey) return entry.prediction ? &*entry.prediction : nullptr;
    for (const kiln::MonitorHistoryColumn& c : entry.columns)
        if (qs(c.column) == key) return &c;
    return nullptr;
}

}  // namespace

QString driftEffectText(const QString& effectName) {
    if (effectName == QLatin1String("ks_d")) return DriftHistoryChart::tr("KS statistic D");
    if (effectName == QLatin1String("wasserstein_sd"))
        return DriftHistoryChart::tr("Wasserstein distance in standard deviations");
    if (effectName == QLatin1String("wasserstein_pooled_sd"))
        return DriftHistoryChart::tr("Wasserstein distance in pooled standard deviations");
    if (effectName == QLatin1String("cramers_v")) return DriftHistoryChart::tr("Cramér's V");
    if (effectName == QLatin1String("jensen_shannon")) return DriftHistoryChart::tr("Jensen-Shannon distance");
    return effectName;
}

QString driftEffectShortText(const QString& effectName) {
    if (effectName == QLatin1String("ks_d")) return DriftHistoryChart::tr("KS D");
    if (effectName == QLatin1String("wasserstein_sd") || effectName == QLatin1String("wasserstein_pooled_sd"))
        return DriftHistoryChart::tr("Wasserstein/SD");
    if (effectName == QLatin1String("cramers_v")) return DriftHistoryChart::tr("Cramér's V");
    if (effectName == QLatin1String("jensen_shannon")) return DriftHistoryChart::tr("JS distance");
    return effectName;
}

DriftHistoryChart::DriftHistoryChart(QWidget* parent)
    : QWidget(parent),
      m_summary(new QLabel(this)),
      m_empty(new QLabel(this)),
      m_chart(new QChart),
      m_view(new QChartView(m_chart, this)),
      m_listTitle(new QLabel(this)),
      m_list(new QListWidget(this)) {
    setObjectName(QStringLiteral("driftHistoryChart"));
    m_summary->setObjectName(QStringLiteral("driftSummary"));
    m_summary->setWordWrap(true);
    m_empty->setObjectName(QStringLiteral("driftEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_list->setObjectName(QStringLiteral("driftColumns"));
    m_list->setMaximumWidth(240);
    connect(m_list, &QListWidget::itemChanged, this, [this] {
        m_shown.clear();
        for (int i = 0; i < m_list->count(); ++i)
            if (m_list->item(i)->checkState() == Qt::Checked) m_shown << m_list->item(i)->data(kKeyRole).toString();
        redraw();
    });

    auto* side = new QVBoxLayout;
    side->addWidget(m_listTitle);
    side->addWidget(m_list, 1);
    auto* body = new QHBoxLayout;
    body->addWidget(m_view, 1);
    body->addWidget(m_empty, 1);
    body->addLayout(side);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addLayout(body, 1);
    retranslateUi();
}

void DriftHistoryChart::setHistory(const QString& model, const std::vector<kiln::MonitorHistoryEntry>& reports) {
    m_model = model;
    m_reports = reports;
    // Columns by the largest effect any report measured, most drifted first.
    std::map<QString, double> largest;
    for (const kiln::MonitorHistoryEntry& r : m_reports)
        for (const kiln::MonitorHistoryColumn& c : r.columns)
            if (std::isfinite(c.effect)) largest[qs(c.column)] = std::max(largest[qs(c.column)], c.effect + (c.drifted ? 1e6 : 0));
            else largest.emplace(qs(c.column), -1.0);
    std::vector<std::pair<double, QString>> order;
    for (const auto& [column, effect] : largest) order.push_back({-effect, column});
    std::sort(order.begin(), order.end());
    m_columns.clear();
    for (const auto& o : order) m_columns << o.second;
    m_shown = m_columns.mid(0, kDefaultColumns);
    const bool predictions = std::any_of(m_reports.begin(), m_reports.end(), [](const auto& r) { return r.prediction.has_value(); });
    if (predictions) m_shown.prepend(kPredictionsKey);
    rebuildList();
    redraw();
    retranslateUi();
}

QStringList DriftHistoryChart::shownColumns() const {
    QStringList out;
    for (const QString& key : m_shown) out << (key == kPredictionsKey ? QStringLiteral("predictions") : key);
    return out;
}

void DriftHistoryChart::setShownColumns(const QStringList& columns) {
    m_shown.clear();
    for (const QString& c : columns) m_shown << (c == QLatin1String("predictions") ? kPredictionsKey : c);
    rebuildList();
    redraw();
}

void DriftHistoryChart::rebuildList() {
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    QStringList keys = m_columns;
    if (std::any_of(m_reports.begin(), m_reports.end(), [](const auto& r) { return r.prediction.has_value(); }))
        keys.prepend(kPredictionsKey);
    for (const QString& key : keys) {
        QString effectName;  // what the newest report that compared it measured
        for (auto r = m_reports.rbegin(); r != m_reports.rend() && effectName.isEmpty(); ++r)
            if (const kiln::MonitorHistoryColumn* c = columnOf(*r, key)) effectName = qs(c->effectName);
        QString text = key == kPredictionsKey ? tr("Predictions") : key;
        if (!effectName.isEmpty()) text += QStringLiteral(" · ") + driftEffectShortText(effectName);
        auto* item = new QListWidgetItem(text, m_list);
        item->setToolTip(effectName.isEmpty() ? text : driftEffectText(effectName));
        item->setData(kKeyRole, key);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(m_shown.contains(key) ? Qt::Checked : Qt::Unchecked);
    }
}

void DriftHistoryChart::redraw() {
    m_chart->removeAllSeries();
    for (QAbstractAxis* axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    const bool any = !m_reports.empty();
    m_view->setVisible(any);
    m_empty->setVisible(!any);
    m_list->setEnabled(any);
    if (!any) return;

    auto* x = new QDateTimeAxis;
    auto* y = new QValueAxis;
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    qint64 first = reportTime(m_reports.front()), last = reportTime(m_reports.back());
    double top = 0;
    auto* drifted = new QScatterSeries;
    drifted->setName(tr("Drifted"));
    drifted->setColor(QColor(0xc5, 0x22, 0x1f));
    drifted->setBorderColor(QColor(0xc5, 0x22, 0x1f));
    drifted->setMarkerSize(11);
    int index = 0;
    for (const QString& key : m_shown) {
        auto* line = new QLineSeries;
        QString effectName;
        for (const kiln::MonitorHistoryEntry& r : m_reports) {
            const kiln::MonitorHistoryColumn* c = columnOf(r, key);
            if (!c || !std::isfinite(c->effect)) continue;
            const qint64 t = reportTime(r);
            line->append(double(t), c->effect);
            if (c->drifted) drifted->append(double(t), c->effect);
            top = std::max(top, c->effect);
            effectName = qs(c->effectName);
        }
        line->setName(key == kPredictionsKey ? tr("predictions") : key);
        QPen pen(key == kPredictionsKey ? QColor(0x30, 0x30, 0x30) : MetricPlot::paletteColour(index++), 2.0);
        if (key == kPredictionsKey) pen.setStyle(Qt::DashLine);
        line->setPen(pen);
        line->setPointsVisible(true);
        m_chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
    }
    m_chart->addSeries(drifted);
    drifted->attachAxis(x);
    drifted->attachAxis(y);
    if (drifted->count() == 0)
        for (QLegendMarker* marker : m_chart->legend()->markers(drifted)) marker->setVisible(false);

    const qint64 span = last - first;
    const qint64 pad = span > 0 ? span / 20 : 30 * 60 * 1000;
    x->setRange(QDateTime::fromMSecsSinceEpoch(first - pad), QDateTime::fromMSecsSinceEpoch(last + pad));
    const qint64 hour = 3600 * 1000;
    x->setFormat(span < hour ? QStringLiteral("hh:mm:ss") : span < 48 * hour ? QStringLiteral("MM-dd hh:mm") : QStringLiteral("yyyy-MM-dd"));
    x->setTickCount(std::clamp(int(m_reports.size()) + 1, 3, 7));
    fitNiceAxis(y, 0, top > 0 ? top : 1);
    x->setTitleText(tr("Report time"));
    y->setTitleText(tr("Drift effect size"));
}

QString DriftHistoryChart::summaryText() const {
    if (m_reports.empty()) return {};
    const kiln::MonitorHistoryEntry& newest = m_reports.back();
    const QString when = QLocale().toString(QDateTime::fromMSecsSinceEpoch(reportTime(newest)), QLocale::ShortFormat);
    QString text = tr("%n drift report(s) of model %1 against its training data.", nullptr, int(m_reports.size()))
                       .arg(m_model) +
                   QLatin1Char(' ') +
                   tr("The newest (%1, %2 against %3): %4 of %5 columns drifted.")
                       .arg(when, qs(newest.current), qs(newest.reference))
                       .arg(newest.columnsDrifted)
                       .arg(newest.columnsCompared);
    if (newest.prediction)
        text += QLatin1Char(' ') + (newest.prediction->drifted ? tr("Its predictions drifted.") : tr("Its predictions did not drift."));
    return text;
}

void DriftHistoryChart::retranslateUi() {
    m_listTitle->setText(tr("Columns drawn:"));
    m_summary->setText(summaryText());
    m_summary->setVisible(!m_reports.empty());
    m_empty->setText(m_model.isEmpty()
                         ? tr("This pipeline has no monitor step: add one to keep the drift of new data over time.")
                         : tr("No drift reports of model %1 yet. The monitor step records one on each run once the "
                              "model is in production.")
                               .arg(m_model));
    if (!m_reports.empty()) redraw();
}

void DriftHistoryChart::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        rebuildList();
    }
    QWidget::changeEvent(event);
}

}  // namespace widgets
}  // namespace kiln
