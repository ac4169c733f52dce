#include "widgets/bar_chart_view.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QFontMetrics>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLocale>
#include <QValueAxis>

#include <algorithm>

#include "core/data/profile.h"
#include "core/data/table.h"
#include "widgets/column_combo_box.h"

namespace kiln {
namespace widgets {
namespace {

bool isCountable(kiln::ColumnType type) {
    return type == kiln::ColumnType::Categorical || type == kiln::ColumnType::Boolean ||
           type == kiln::ColumnType::Text;
}

// A label as wide as a third of the chart allows (whole at 1280 pixels for names of some 40
// characters), shortened in the middle past that; the tooltip gives it whole.
QString shortLabel(const QString& label, int chartWidth) {
    QFont font;
    font.setPointSizeF(8.5);  // the axis labels' size (ChartPanel::styleAxis)
    return QFontMetrics(font).elidedText(label, Qt::ElideMiddle, std::max(120, chartWidth / 3));
}

}  // namespace

BarChartView::BarChartView(QWidget* parent) : ChartPanel(parent), m_column(new ColumnComboBox(this)) {
    setObjectName(QStringLiteral("barChartView"));
    m_column->setObjectName(QStringLiteral("barChartColumn"));
    controls()->addWidget(new QLabel(this));
    controls()->addWidget(m_column);
    controls()->addStretch(1);
    m_view = createChartView();
    connect(m_column, &QComboBox::currentIndexChanged, this, &BarChartView::showColumn);
    retranslateUi();
}

void BarChartView::setProfile(std::shared_ptr<const kiln::Table> table,
                              std::shared_ptr<const kiln::TableProfile> profile) {
    m_table = std::move(table);
    m_profile = std::move(profile);
    m_column->setTable(m_table, &isCountable);
    showColumn();
}

bool BarChartView::setColumn(int column) { return m_column->setCurrentColumn(column); }

void BarChartView::showColumn() {
    m_counts.clear();
    const int column = m_column->currentColumn();
    if (!m_table || !m_profile || column < 0) {
        m_title.clear();
        draw();
        setCaption(m_table ? tr("This dataset has no categorical, boolean or text column.")
                           : QString());
        return;
    }
    const QString name = QString::fromStdString(m_table->column(std::size_t(column)).info().name);
    const kiln::ColumnProfile* profile = m_profile->column(name.toStdString());
    if (profile)
        for (const kiln::CategoryCount& c : profile->top)
            m_counts.append({QString::fromStdString(c.value), quint64(c.count)});
    const kiln::ColumnInfo& info = m_table->column(std::size_t(column)).info();
    if (info.ordered) {  // an order (age groups, grades) reads low to high, not by frequency
        auto rank = [&info](const QString& value) {
            return std::find(info.categories.begin(), info.categories.end(), value.toStdString()) -
                   info.categories.begin();
        };
        std::stable_sort(m_counts.begin(), m_counts.end(),
                         [&](const auto& a, const auto& b) { return rank(a.first) < rank(b.first); });
    }
    m_title = info.ordered ? tr("Values of %1, in their order").arg(name)
                           : tr("Most frequent values of %1").arg(name);
    m_axisTitle = name;
    draw();
    const QLocale locale;
    if (profile)
        setCaption(tr("%1 distinct values · %2 missing · the %3 most frequent shown")
                       .arg(locale.toString(qulonglong(profile->distinct)),
                            locale.toString(qulonglong(profile->missing)))
                       .arg(m_counts.size()));
    Q_EMIT updated();
}

void BarChartView::setCounts(const QString& title, const QString& axisTitle, const Counts& counts) {
    m_column->hide();
    controls()->itemAt(0)->widget()->hide();
    m_title = title;
    m_axisTitle = axisTitle;
    m_counts = counts;
    draw();
    quint64 total = 0;
    for (const auto& c : counts) total += c.second;
    setCaption(tr("%1 in all").arg(QLocale().toString(qulonglong(total))));
    Q_EMIT updated();
}

void BarChartView::draw() {
    QChart* chart = m_view->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) chart->removeAxis(axis), delete axis;
    styleChart(chart, m_title.isEmpty() ? tr("Bar chart") : m_title);
    chart->legend()->hide();
    if (m_counts.isEmpty()) return;
    auto* set = new QBarSet(tr("Count"));
    set->setColor(seriesColor(0));
    set->setBorderColor(seriesColor(0).darker(120));
    QStringList labels;
    quint64 highest = 0;
    // Bars are drawn bottom-up: the largest count goes last to sit on top.
    for (int i = m_counts.size() - 1; i >= 0; --i) {
        labels << shortLabel(m_counts[i].first, m_view->width());
        *set << double(m_counts[i].second);
        highest = std::max(highest, m_counts[i].second);
    }
    auto* series = new QHorizontalBarSeries;
    series->append(set);
    series->setBarWidth(0.7);
    series->setLabelsVisible(m_counts.size() <= 24);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    set->setLabelColor(Qt::white);
    chart->addSeries(series);
    auto* y = new QBarCategoryAxis;
    y->append(labels);
    auto* x = new QValueAxis;
    x->setRange(0, double(highest) * 1.05 + 1);
    x->applyNiceNumbers();
    x->setLabelFormat(QStringLiteral("%.0f"));
    styleAxis(y, m_axisTitle);
    styleAxis(x, tr("Count"));
    y->setGridLineVisible(false);
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
    // The full value (labels may be shortened), its count and share.
    quint64 total = 0;
    for (const auto& c : m_counts) total += c.second;
    connect(series, &QHorizontalBarSeries::hovered, this, [this, total](bool on, int index) {
        const int i = m_counts.size() - 1 - index;  // drawn bottom-up
        if (!on || i < 0 || i >= m_counts.size()) return showTip(QString());
        const double share = total ? 100.0 * double(m_counts[i].second) / double(total) : 0;
        showTip(tr("%1: %2 (%3%)").arg(m_counts[i].first, tipNumber(double(m_counts[i].second)))
                    .arg(share, 0, 'f', 1));
    });
}

void BarChartView::retranslateUi() {
    ChartPanel::retranslateUi();
    static_cast<QLabel*>(controls()->itemAt(0)->widget())->setText(tr("Column:"));
    if (m_view && m_table) showColumn();
}

}  // namespace widgets
}  // namespace kiln
