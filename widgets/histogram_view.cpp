#include "widgets/histogram_view.h"

#include "widgets/nice_axis.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QSpinBox>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <exception>

#include "core/data/numeric_summary.h"
#include "core/data/profile.h"
#include "core/data/table.h"
#include "widgets/column_combo_box.h"
#include "widgets/pool_task.h"

namespace kiln {
namespace widgets {

struct HistogramView::Result {
    int generation = 0;
    int column = -1;
    kiln::Histogram histogram;
    std::uint64_t count = 0, missing = 0;
    QString error;
};

namespace {

constexpr double kMsPerDay = 86400000.0;

HistogramView::Result countColumn(const kiln::Table& table, int column, int bins) {
    HistogramView::Result result;
    const kiln::ColumnView& view = table.column(std::size_t(column));
    std::vector<double> copy;
    const double* values = view.floats();
    if (!values) {
        copy = kiln::columnAsDoubles(view);
        values = copy.data();
    }
    kiln::NumericSummaryOptions options;
    options.bins = bins;
    options.distinct = false;
    const kiln::ColumnType type = view.info().type;
    options.integral = type != kiln::ColumnType::Float && type != kiln::ColumnType::DateTime;
    const kiln::NumericSummary summary =
        kiln::summariseNumeric(values, view.rows(), nullptr, options);
    result.histogram = summary.histogram;
    result.count = summary.count;
    result.missing = summary.missing;
    return result;
}

bool isDateType(kiln::ColumnType type) {
    return type == kiln::ColumnType::Date || type == kiln::ColumnType::DateTime;
}

}  // namespace

HistogramView::HistogramView(QWidget* parent)
    : ChartPanel(parent), m_column(new ColumnComboBox(this)), m_bins(new QSpinBox(this)) {
    setObjectName(QStringLiteral("histogramView"));
    m_column->setObjectName(QStringLiteral("histogramColumn"));
    m_bins->setObjectName(QStringLiteral("histogramBins"));
    m_bins->setRange(0, 500);
    m_bins->setValue(0);
    controls()->addWidget(new QLabel(this));
    controls()->addWidget(m_column);
    controls()->addSpacing(12);
    controls()->addWidget(new QLabel(this));
    controls()->addWidget(m_bins);
    controls()->addStretch(1);
    m_view = createChartView();
    connect(m_column, &QComboBox::currentIndexChanged, this, &HistogramView::recompute);
    connect(m_bins, &QSpinBox::valueChanged, this, &HistogramView::recompute);
    retranslateUi();
}

void HistogramView::setTable(std::shared_ptr<const kiln::Table> table) {
    m_table = std::move(table);
    m_column->setTable(m_table, &ColumnComboBox::isNumberLike);
    recompute();
}

bool HistogramView::setColumn(int column) { return m_column->setCurrentColumn(column); }
int HistogramView::column() const { return m_column->currentColumn(); }
void HistogramView::setBins(int bins) { m_bins->setValue(bins); }
int HistogramView::bins() const { return m_bins->value(); }

void HistogramView::recompute() {
    const int column = m_column->currentColumn();
    const int generation = ++m_generation;
    if (!m_table || column < 0) {
        m_histogram = {};
        m_shownColumn = -1;
        draw();
        setCaption(tr("This dataset has no numeric or date column."));
        return;
    }
    setBusy(true);
    auto table = m_table;
    const int bins = m_bins->value();
    runInPool<Result>(
        this,
        [table, column, bins, generation] {
            Result result;
            try {
                result = countColumn(*table, column, bins);
            } catch (const std::exception& e) {
                result.error = QString::fromLocal8Bit(e.what());
            }
            result.generation = generation;
            result.column = column;
            return result;
        },
        [this](Result result) { showResult(result); });
}

void HistogramView::showResult(const Result& result) {
    if (result.generation != m_generation) return;  // a newer request is on its way
    m_histogram = result.histogram;
    m_shownColumn = result.column;
    draw();
    const QLocale locale;
    if (!result.error.isEmpty())
        setCaption(tr("Could not count the values: %1").arg(result.error));
    else
        setCaption(tr("%Ln value(s) · %1 missing · %2 bins%3", nullptr, int(result.count))
                       .arg(locale.toString(qulonglong(result.missing)),
                            QString::number(m_histogram.counts.size()),
                            m_bins->value() == 0 ? tr(" (automatic)") : QString()));
    setBusy(false);
}

QString HistogramView::binTip(double value, bool dates) const {
    const int bin = m_histogram.binOf(value);
    if (bin < 0) return {};
    std::uint64_t total = 0;
    for (std::uint64_t c : m_histogram.counts) total += c;
    const bool days = dates && m_table->column(std::size_t(m_shownColumn)).info().type == kiln::ColumnType::Date;
    auto edge = [&](double v) {
        if (!dates) return tipNumber(v);
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(qint64(days ? v * kMsPerDay : v), Qt::UTC);
        return t.toString(days ? QStringLiteral("yyyy-MM-dd") : QStringLiteral("yyyy-MM-dd hh:mm"));
    };
    const std::uint64_t count = m_histogram.counts[std::size_t(bin)];
    const double share = total ? 100.0 * double(count) / double(total) : 0;
    return tr("%1 – %2: %Ln value(s) (%3%)", nullptr, int(count))
        .arg(edge(m_histogram.edges[std::size_t(bin)]), edge(m_histogram.edges[std::size_t(bin) + 1]))
        .arg(share, 0, 'f', 1);
}

void HistogramView::draw() {
    QChart* chart = m_view->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) chart->removeAxis(axis), delete axis;
    const QString name = m_shownColumn >= 0 ? QString::fromStdString(
                                                  m_table->column(std::size_t(m_shownColumn)).info().name)
                                            : QString();
    styleChart(chart, name.isEmpty() ? tr("Histogram") : tr("Distribution of %1").arg(name));
    chart->legend()->hide();
    if (m_histogram.counts.empty()) return;
    const bool dates = isDateType(m_table->column(std::size_t(m_shownColumn)).info().type);
    // Qt Charts measures an axis by max - min: a span past the largest double (-1e308 to 1e308)
    // is drawn in units of 1e300, and the axis title says so.
    const bool huge = !dates && !std::isfinite(m_histogram.edges.back() - m_histogram.edges.front());
    const double scale =
        dates && m_table->column(std::size_t(m_shownColumn)).info().type == kiln::ColumnType::Date
            ? kMsPerDay
            : (huge ? 1e-300 : 1.0);
    auto* upper = new QLineSeries;
    std::uint64_t highest = 0;
    for (std::size_t i = 0; i < m_histogram.counts.size(); ++i) {
        const double count = double(m_histogram.counts[i]);
        upper->append(m_histogram.edges[i] * scale, count);
        upper->append(m_histogram.edges[i + 1] * scale, count);
        highest = std::max(highest, m_histogram.counts[i]);
    }
    auto* lower = new QLineSeries;
    lower->append(m_histogram.edges.front() * scale, 0);
    lower->append(m_histogram.edges.back() * scale, 0);
    auto* area = new QAreaSeries(upper, lower);
    upper->setParent(area);  // a QAreaSeries does not own its lines: they go when it goes
    lower->setParent(area);
    QColor fill = seriesColor(0);
    fill.setAlpha(200);
    area->setBrush(fill);
    area->setPen(QPen(seriesColor(0).darker(130), 1.2));
    chart->addSeries(area);
    connect(area, &QAreaSeries::hovered, this, [this, scale, dates](const QPointF& p, bool on) {
        showTip(on ? binTip(p.x() / scale, dates) : QString());
    });
    QAbstractAxis* x = nullptr;
    if (dates) {
        auto* axis = new QDateTimeAxis;
        axis->setFormat(QStringLiteral("yyyy-MM-dd"));
        axis->setRange(QDateTime::fromMSecsSinceEpoch(qint64(m_histogram.edges.front() * scale), Qt::UTC),
                       QDateTime::fromMSecsSinceEpoch(qint64(m_histogram.edges.back() * scale), Qt::UTC));
        x = axis;
    } else {
        auto* axis = new QValueAxis;
        // The bins' ends, ticks on round numbers between them.
        setNiceRange(axis, m_histogram.edges.front() * scale, m_histogram.edges.back() * scale, false);
        axis->setLabelFormat(QStringLiteral("%.4g"));
        x = axis;
    }
    auto* y = new QValueAxis;
    fitNiceAxis(y, 0, double(highest));
    y->setLabelFormat(QStringLiteral("%.0f"));
    styleAxis(x, huge ? tr("%1 (× 1e300)").arg(name) : name);
    styleAxis(y, tr("Count"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    area->attachAxis(x);
    area->attachAxis(y);
}

void HistogramView::retranslateUi() {
    ChartPanel::retranslateUi();
    static_cast<QLabel*>(controls()->itemAt(0)->widget())->setText(tr("Column:"));
    static_cast<QLabel*>(controls()->itemAt(3)->widget())->setText(tr("Bins:"));
    m_bins->setSpecialValueText(tr("Auto"));
    m_bins->setToolTip(tr("Number of bins; Auto picks numpy's automatic count"));
    if (m_view) draw();
}

}  // namespace widgets
}  // namespace kiln
