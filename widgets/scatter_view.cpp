#include "widgets/scatter_view.h"

#include "widgets/nice_axis.h"

#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLocale>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <exception>
#include <map>

#include "core/data/table.h"
#include "widgets/column_combo_box.h"
#include "widgets/pool_task.h"

namespace kiln {
namespace widgets {

struct ScatterView::Result {
    int generation = 0;
    QVector<ScatterGroup> groups;
    quint64 rows = 0, step = 1;
    QString error;
};

namespace {

constexpr int kMaxCategories = 10;
constexpr int kNumberRanges = 5;

struct Sample {
    std::vector<std::uint64_t> rows;
    std::vector<QPointF> points;
};

Sample sampleRows(const kiln::ColumnView& x, const kiln::ColumnView& y, std::uint64_t step) {
    Sample sample;
    for (std::uint64_t row = 0; row < x.rows(); row += step) {
        const double a = x.number(row), b = y.number(row);
        if (!std::isfinite(a) || !std::isfinite(b)) continue;  // missing, or ±inf: off the axes
        sample.rows.push_back(row);
        sample.points.emplace_back(a, b);
    }
    return sample;
}

QVector<ScatterGroup> byCategory(const Sample& s, const kiln::ColumnView& colour) {
    std::map<std::string, ScatterGroup> groups;
    for (std::size_t i = 0; i < s.rows.size(); ++i) {
        const std::string key = colour.isMissing(s.rows[i]) ? std::string() : colour.text(s.rows[i]);
        ScatterGroup& g = groups[key];
        if (g.name.isEmpty()) g.name = key.empty() ? QStringLiteral("NA") : QString::fromStdString(key);
        g.points.append(s.points[i]);
    }
    QVector<ScatterGroup> out;
    for (auto& entry : groups) out.append(std::move(entry.second));
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.points.size() > b.points.size(); });
    if (out.size() > kMaxCategories) {  // the rest share one grey group
        ScatterGroup other{QStringLiteral("…"), {}};
        for (int i = kMaxCategories - 1; i < out.size(); ++i) other.points += out[i].points;
        out.resize(kMaxCategories - 1);
        out.append(other);
    }
    return out;
}

QVector<ScatterGroup> byRange(const Sample& s, const kiln::ColumnView& colour) {
    double lo = INFINITY, hi = -INFINITY;
    for (std::uint64_t row : s.rows) {
        const double v = colour.number(row);
        if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    }
    QVector<ScatterGroup> out(kNumberRanges + 1);
    const double width = hi > lo && std::isfinite(hi - lo) ? (hi - lo) / kNumberRanges : 1;
    for (int i = 0; i < kNumberRanges; ++i)
        out[i].name = QStringLiteral("%1 – %2").arg(lo + width * i, 0, 'g', 4).arg(lo + width * (i + 1), 0, 'g', 4);
    out[kNumberRanges].name = QStringLiteral("NA");
    for (std::size_t i = 0; i < s.rows.size(); ++i) {
        const double v = colour.number(s.rows[i]);
        const double at = (v - lo) / width;  // in [0, kNumberRanges] for a finite v
        const int bin = !std::isfinite(v) ? kNumberRanges : (at >= kNumberRanges - 1 ? kNumberRanges - 1 : int(std::max(0.0, at)));
        out[bin].points.append(s.points[i]);
    }
    out.erase(std::remove_if(out.begin(), out.end(), [](const auto& g) { return g.points.isEmpty(); }),
              out.end());
    return out;
}

ScatterView::Result computeScatter(const kiln::Table& table, int x, int y, int colour) {
    ScatterView::Result result;
    result.rows = table.rows();
    result.step = std::max<std::uint64_t>(1, (table.rows() + ScatterView::kMaxPoints - 1) / ScatterView::kMaxPoints);
    const Sample sample = sampleRows(table.column(std::size_t(x)), table.column(std::size_t(y)), result.step);
    if (colour < 0) {
        ScatterGroup all;
        all.points = QVector<QPointF>(sample.points.begin(), sample.points.end());
        result.groups.append(all);
        return result;
    }
    const kiln::ColumnView& c = table.column(std::size_t(colour));
    const bool ranges = ColumnComboBox::isMeasurement(c.info().type) && !ColumnComboBox::isFewWholeNumbers(c);
    result.groups = ranges ? byRange(sample, c) : byCategory(sample, c);
    return result;
}

bool colourable(kiln::ColumnType type) { return type != kiln::ColumnType::Text; }
bool plottable(kiln::ColumnType type) { return ColumnComboBox::isMeasurement(type); }

}  // namespace

ScatterView::ScatterView(QWidget* parent)
    : ChartPanel(parent),
      m_x(new ColumnComboBox(this)),
      m_y(new ColumnComboBox(this)),
      m_colour(new ColumnComboBox(this)) {
    setObjectName(QStringLiteral("scatterView"));
    m_x->setObjectName(QStringLiteral("scatterX"));
    m_y->setObjectName(QStringLiteral("scatterY"));
    m_colour->setObjectName(QStringLiteral("scatterColour"));
    for (QComboBox* box : {static_cast<QComboBox*>(m_x), static_cast<QComboBox*>(m_y),
                           static_cast<QComboBox*>(m_colour)}) {
        controls()->addWidget(new QLabel(this));
        controls()->addWidget(box);
        controls()->addSpacing(8);
        connect(box, &QComboBox::currentIndexChanged, this, &ScatterView::recompute);
    }
    controls()->addStretch(1);
    m_view = createChartView();
    retranslateUi();
}

void ScatterView::setTable(std::shared_ptr<const kiln::Table> table) {
    m_table = std::move(table);
    m_x->setTable(m_table, &plottable);
    m_y->setTable(m_table, &plottable);
    m_colour->setTable(m_table, &colourable, tr("(one colour)"));
    {
        const QSignalBlocker blocker(m_y);
        if (m_y->count() > 1) m_y->setCurrentIndex(1);
    }
    recompute();
}

bool ScatterView::setColumns(int x, int y, int colour) {
    bool ok = true;
    {
        const QSignalBlocker bx(m_x), by(m_y), bc(m_colour);
        ok = m_x->setCurrentColumn(x) && m_y->setCurrentColumn(y) && m_colour->setCurrentColumn(colour);
    }
    recompute();
    return ok;
}

int ScatterView::pointCount() const {
    int count = 0;
    for (const ScatterGroup& g : m_groups) count += g.points.size();
    return count;
}

void ScatterView::recompute() {
    const int x = m_x->currentColumn(), y = m_y->currentColumn(), colour = m_colour->currentColumn();
    const int generation = ++m_generation;
    if (!m_table || x < 0 || y < 0) {
        m_groups.clear();
        draw();
        setCaption(tr("A scatter plot needs numeric or date columns."));
        return;
    }
    m_xName = m_x->currentText();
    m_yName = m_y->currentText();
    m_colourName = colour >= 0 ? m_colour->currentText() : QString();
    setBusy(true);
    auto table = m_table;
    runInPool<Result>(
        this,
        [table, x, y, colour, generation] {
            Result result;
            try {
                result = computeScatter(*table, x, y, colour);
            } catch (const std::exception& e) {
                result.error = QString::fromLocal8Bit(e.what());
            }
            result.generation = generation;
            return result;
        },
        [this](Result result) { showResult(result); });
}

void ScatterView::showResult(const Result& result) {
    if (result.generation != m_generation) return;
    m_groups = result.groups;
    draw();
    const QLocale locale;
    if (!result.error.isEmpty())
        setCaption(tr("Could not sample the rows: %1").arg(result.error));
    else if (result.step > 1)
        setCaption(tr("%1 of %2 rows shown (one row in every %3; rows with a missing value left out)")
                       .arg(locale.toString(pointCount()), locale.toString(qulonglong(result.rows)))
                       .arg(result.step));
    else
        setCaption(tr("All %1 rows with both values shown").arg(locale.toString(pointCount())));
    setBusy(false);
}

void ScatterView::draw() {
    QChart* chart = m_view->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) chart->removeAxis(axis), delete axis;
    const QString title = m_colourName.isEmpty()
                              ? tr("%1 against %2").arg(m_yName, m_xName)
                              : tr("%1 against %2, coloured by %3").arg(m_yName, m_xName, m_colourName);
    styleChart(chart, m_groups.isEmpty() ? tr("Scatter plot") : title);
    chart->legend()->setVisible(m_groups.size() > 1);
    if (m_groups.isEmpty()) return;
    auto* x = new QValueAxis;
    auto* y = new QValueAxis;
    double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    for (int i = 0; i < m_groups.size(); ++i) {
        auto* series = new QScatterSeries;
        series->setName(m_groups[i].name);
        series->setMarkerSize(m_groups.size() > 1 || pointCount() < 1000 ? 7.5 : 5.5);
        QColor colour = m_groups[i].name == QStringLiteral("…") ? QColor(0xb0, 0xb4, 0xba) : seriesColor(i);
        colour.setAlpha(190);
        series->setColor(colour);
        series->setBorderColor(colour.darker(140));
        series->replace(m_groups[i].points);
        for (const QPointF& p : m_groups[i].points) {
            x0 = std::min(x0, p.x()), x1 = std::max(x1, p.x());
            y0 = std::min(y0, p.y()), y1 = std::max(y1, p.y());
        }
        chart->addSeries(series);
        const QString group = m_groups.size() > 1 ? m_groups[i].name : QString();
        connect(series, &QScatterSeries::hovered, this, [this, group](const QPointF& p, bool on) {
            if (!on) return showTip(QString());
            QString tip = tr("%1 = %2\n%3 = %4").arg(m_xName, tipNumber(p.x()), m_yName, tipNumber(p.y()));
            if (!group.isEmpty()) tip += QLatin1Char('\n') + tr("%1: %2").arg(m_colourName, group);
            showTip(tip);
        });
    }
    fitNiceAxis(x, x0, x1);  // Ozone from 0, not from -20
    fitNiceAxis(y, y0, y1);
    styleAxis(x, m_xName);
    styleAxis(y, m_yName);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* series : chart->series()) series->attachAxis(x), series->attachAxis(y);
}

void ScatterView::retranslateUi() {
    ChartPanel::retranslateUi();
    static_cast<QLabel*>(controls()->itemAt(0)->widget())->setText(tr("X:"));
    static_cast<QLabel*>(controls()->itemAt(3)->widget())->setText(tr("Y:"));
    static_cast<QLabel*>(controls()->itemAt(6)->widget())->setText(tr("Colour:"));
    m_colour->setNoneText(tr("(one colour)"));
    if (m_view) draw();
}

}  // namespace widgets
}  // namespace kiln
