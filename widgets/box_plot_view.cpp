#include "widgets/box_plot_view.h"

#include "widgets/nice_axis.h"

#include <QBarCategoryAxis>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QLabel>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <exception>
#include <numeric>
#include <set>

#include "core/data/numeric_summary.h"
#include "core/data/profile.h"
#include "core/data/table.h"
#include "widgets/column_combo_box.h"
#include "widgets/pool_task.h"

namespace kiln {
namespace widgets {

struct BoxPlotView::Result {
    int generation = 0;
    QVector<BoxStats> boxes;
    QString error;
};

namespace {

constexpr std::size_t kMaxGroups = 12;
constexpr std::size_t kMaxOutlierPoints = 500;  // per box and side; the extremes always among them

// The values of [first, last) to draw, every one or an even spread that keeps both ends.
void addSpread(std::vector<double>::const_iterator first, std::vector<double>::const_iterator last,
               QVector<double>& out) {
    const auto n = std::size_t(last - first);
    if (n <= kMaxOutlierPoints) {
        for (auto it = first; it != last; ++it) out << *it;
        return;
    }
    for (std::size_t i = 0; i < kMaxOutlierPoints; ++i) out << first[i * (n - 1) / (kMaxOutlierPoints - 1)];
}

bool isPlainNumber(kiln::ColumnType type) {
    return type == kiln::ColumnType::Integer || type == kiln::ColumnType::Float;
}

BoxStats boxOf(QString name, std::vector<double>& values) {
    BoxStats box;
    box.group = std::move(name);
    box.count = values.size();
    if (values.empty()) return box;
    std::sort(values.begin(), values.end());
    const double* v = values.data();
    const auto n = std::uint64_t(values.size());
    box.q1 = kiln::quantileOfSorted(v, n, 0.25);
    box.median = kiln::quantileOfSorted(v, n, 0.5);
    box.q3 = kiln::quantileOfSorted(v, n, 0.75);
    const double reach = 1.5 * (box.q3 - box.q1);
    auto low = std::lower_bound(values.begin(), values.end(), box.q1 - reach);
    auto high = std::upper_bound(values.begin(), values.end(), box.q3 + reach);
    box.lowWhisker = low != values.end() ? *low : box.q1;
    box.highWhisker = high != values.begin() ? *(high - 1) : box.q3;
    box.outliers = quint64((low - values.begin()) + (values.end() - high));
    addSpread(values.begin(), low, box.outlierValues);
    addSpread(high, values.end(), box.outlierValues);
    return box;
}

// The groups a split column makes: a category's code, 0/1 for booleans, or, for whole numbers,
// each value in increasing order (Month 5…9); -1 for missing or no split.
class Groups {
public:
    explicit Groups(const kiln::ColumnView* split) : m_split(split) {
        if (!split || split->info().type != kiln::ColumnType::Integer) return;
        std::set<std::int64_t> values;
        for (std::uint64_t r = 0; r < split->rows(); ++r)
            if (!split->isMissing(r)) values.insert(split->int64s()[r]);
        m_values.assign(values.begin(), values.end());
    }
    std::size_t count() const {
        if (!m_split) return 1;
        if (m_split->info().type == kiln::ColumnType::Categorical) return m_split->info().categories.size();
        return m_split->info().type == kiln::ColumnType::Integer ? m_values.size() : 2;
    }
    int of(std::uint64_t row) const {
        if (!m_split || m_split->isMissing(row)) return m_split ? -1 : 0;
        if (m_split->info().type == kiln::ColumnType::Categorical) return m_split->code(row);
        if (m_split->info().type == kiln::ColumnType::Integer)
            return int(std::lower_bound(m_values.begin(), m_values.end(), m_split->int64s()[row]) - m_values.begin());
        return m_split->number(row) != 0 ? 1 : 0;
    }
    QString name(int group) const {
        if (!m_split) return {};
        if (m_split->info().type == kiln::ColumnType::Categorical)
            return QString::fromStdString(m_split->info().categories[std::size_t(group)]);
        if (m_split->info().type == kiln::ColumnType::Integer)
            return QString::number(m_values[std::size_t(group)]);
        const auto& labels = m_split->info().labels;
        if (labels.size() == 2) return QString::fromStdString(labels[group ? 1 : 0]);
        return group ? QStringLiteral("true") : QStringLiteral("false");
    }

private:
    const kiln::ColumnView* m_split;
    std::vector<std::int64_t> m_values;
};

QVector<BoxStats> computeBoxes(const kiln::Table& table, int column, int splitColumn) {
    const kiln::ColumnView& view = table.column(std::size_t(column));
    const kiln::ColumnView* split = splitColumn >= 0 ? &table.column(std::size_t(splitColumn)) : nullptr;
    const Groups grouping(split);
    const std::size_t groups = grouping.count();
    std::vector<std::vector<double>> values(groups);
    const std::vector<double> numbers = kiln::columnAsDoubles(view);
    for (std::uint64_t row = 0; row < numbers.size(); ++row) {  // ±inf has no place on the axis
        const int group = grouping.of(row);
        if (group >= 0 && std::isfinite(numbers[row])) values[std::size_t(group)].push_back(numbers[row]);
    }
    std::vector<std::size_t> order(groups);
    std::iota(order.begin(), order.end(), 0);
    if (split)  // the most frequent groups, in the dictionary's order
        std::stable_sort(order.begin(), order.end(),
                         [&](auto a, auto b) { return values[a].size() > values[b].size(); });
    order.resize(std::min(order.size(), kMaxGroups));
    std::sort(order.begin(), order.end());
    QVector<BoxStats> boxes;
    for (std::size_t g : order)
        if (!values[g].empty()) boxes.push_back(boxOf(grouping.name(int(g)), values[g]));
    return boxes;
}

}  // namespace

BoxPlotView::BoxPlotView(QWidget* parent)
    : ChartPanel(parent), m_column(new ColumnComboBox(this)), m_split(new ColumnComboBox(this)) {
    setObjectName(QStringLiteral("boxPlotView"));
    m_column->setObjectName(QStringLiteral("boxPlotColumn"));
    m_split->setObjectName(QStringLiteral("boxPlotSplit"));
    controls()->addWidget(new QLabel(this));
    controls()->addWidget(m_column);
    controls()->addSpacing(12);
    controls()->addWidget(new QLabel(this));
    controls()->addWidget(m_split);
    controls()->addStretch(1);
    m_view = createChartView();
    connect(m_column, &QComboBox::currentIndexChanged, this, &BoxPlotView::recompute);
    connect(m_split, &QComboBox::currentIndexChanged, this, &BoxPlotView::recompute);
    retranslateUi();
}

void BoxPlotView::setTable(std::shared_ptr<const kiln::Table> table) {
    m_table = std::move(table);
    m_column->setTable(m_table, &isPlainNumber);
    m_split->setTable(m_table, ColumnComboBox::ColumnFilter(&ColumnComboBox::isGroupColumn), tr("(none)"));
    recompute();
}

bool BoxPlotView::setColumn(int column) { return m_column->setCurrentColumn(column); }
bool BoxPlotView::setSplitColumn(int column) { return m_split->setCurrentColumn(column); }

void BoxPlotView::recompute() {
    const int column = m_column->currentColumn();
    const int split = m_split->currentColumn();
    const int generation = ++m_generation;
    if (!m_table || column < 0) {
        m_boxes.clear();
        draw();
        setCaption(tr("This dataset has no numeric column."));
        return;
    }
    m_valueName = m_column->currentText();
    m_splitName = split >= 0 ? m_split->currentText() : QString();
    setBusy(true);
    auto table = m_table;
    runInPool<Result>(
        this,
        [table, column, split, generation] {
            Result result;
            result.generation = generation;
            try {
                result.boxes = computeBoxes(*table, column, split);
            } catch (const std::exception& e) {
                result.error = QString::fromLocal8Bit(e.what());
            }
            return result;
        },
        [this](Result result) { showResult(result); });
}

void BoxPlotView::showResult(const Result& result) {
    if (result.generation != m_generation) return;
    m_boxes = result.boxes;
    m_error = result.error;
    draw();
    showCaption();
    setBusy(false);
}

void BoxPlotView::showCaption() {
    quint64 outliers = 0;
    for (const BoxStats& box : m_boxes) outliers += box.outliers;
    if (!m_error.isEmpty())
        setCaption(tr("Could not compute the boxes: %1").arg(m_error));
    else if (!m_boxes.isEmpty())
        setCaption(tr("Whiskers reach the furthest values within 1.5 × IQR of the box; "
                      "%Ln value(s) lie beyond them.", nullptr, int(outliers)));
}

void BoxPlotView::draw() {
    QChart* chart = m_view->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) chart->removeAxis(axis), delete axis;
    const QString title = m_splitName.isEmpty() ? m_valueName
                                                : tr("%1 by %2").arg(m_valueName, m_splitName);
    styleChart(chart, m_boxes.isEmpty() ? tr("Box plot") : title);
    chart->legend()->hide();
    if (m_boxes.isEmpty()) return;
    auto* series = new QBoxPlotSeries;
    auto* outliers = new QScatterSeries;  // beyond the whiskers, one point each
    outliers->setObjectName(QStringLiteral("outlierPoints"));
    outliers->setMarkerSize(6);
    outliers->setColor(QColor(0x5f, 0x63, 0x68));
    outliers->setBorderColor(Qt::transparent);
    double lo = m_boxes.front().lowWhisker, hi = m_boxes.front().highWhisker;
    QStringList names;
    for (int i = 0; i < m_boxes.size(); ++i) {
        const BoxStats& b = m_boxes[i];
        const QString name = b.group.isEmpty() ? m_valueName : b.group;
        auto* set = new QBoxSet(b.lowWhisker, b.q1, b.median, b.q3, b.highWhisker, name);
        QColor fill = seriesColor(i);
        fill.setAlpha(170);
        set->setBrush(fill);
        set->setPen(QPen(seriesColor(i).darker(150), 1.4));
        series->append(set);
        names << name;
        lo = std::min(lo, b.lowWhisker);
        hi = std::max(hi, b.highWhisker);
        for (double v : b.outlierValues) {
            outliers->append(double(i), v);
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    chart->addSeries(series);
    chart->addSeries(outliers);
    connect(series, &QBoxPlotSeries::hovered, this, [this, series](bool on, QBoxSet* set) {
        const int i = series->boxSets().indexOf(set);
        if (!on || i < 0 || i >= m_boxes.size()) return showTip(QString());
        const BoxStats& b = m_boxes[i];
        showTip(tr("%1 · %Ln value(s)\nmedian %2 · quartiles %3 – %4\nwhiskers %5 – %6", nullptr, int(b.count))
                    .arg(b.group.isEmpty() ? m_valueName : b.group, tipNumber(b.median), tipNumber(b.q1),
                         tipNumber(b.q3), tipNumber(b.lowWhisker), tipNumber(b.highWhisker)));
    });
    connect(outliers, &QScatterSeries::hovered, this, [this](const QPointF& point, bool on) {
        const int i = int(std::lround(point.x()));
        if (!on || i < 0 || i >= m_boxes.size()) return showTip(QString());
        const QString group = m_boxes[i].group.isEmpty() ? m_valueName : m_boxes[i].group;
        showTip(tr("%1: %2, beyond the whiskers").arg(group, tipNumber(point.y())));
    });
    auto* x = new QBarCategoryAxis;
    x->append(names);
    auto* y = new QValueAxis;
    fitNiceAxis(y, lo, hi);  // positive data keeps a positive axis: no counts of -5
    styleAxis(x, m_splitName);
    styleAxis(y, m_valueName);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    outliers->attachAxis(x);
    outliers->attachAxis(y);
}

void BoxPlotView::retranslateUi() {
    ChartPanel::retranslateUi();
    static_cast<QLabel*>(controls()->itemAt(0)->widget())->setText(tr("Column:"));
    static_cast<QLabel*>(controls()->itemAt(3)->widget())->setText(tr("Split by:"));
    m_split->setNoneText(tr("(none)"));
    if (m_view) draw();
    if (!isBusy()) showCaption();
}

}  // namespace widgets
}  // namespace kiln
