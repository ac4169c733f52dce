// The Compare tab: the curves and the scatter side by side over a table of the runs'
// parameters and final metrics, read in the pool.
#include "widgets/compare_view.h"

#include <QApplication>
#include <QBrush>
#include <QCheckBox>
#include <QClipboard>
#include <QEvent>
#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <functional>

#include "widgets/compare_common.h"
#include "widgets/compare_reader.h"
#include "widgets/pool_task.h"

namespace kiln {
namespace widgets {

namespace {

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

// One row of the table: a parameter or metric (or status, dataset) and its value per run.
struct TableLine {
    QString name;
    QStringList values;
    bool metric = false;
};

// Row `r`: one cell per run (numbers right-aligned), highlighted and bold when the runs differ;
// the header (bold for a metric) and its cells hold "differs" as Qt::UserRole.
void fillRow(QTableWidget* table, int r, const TableLine& l) {
    const QBrush diffBrush(QColor(0xff, 0xf1, 0xc4));
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
        table->setItem(r, c, item);
    }
    auto* header = new QTableWidgetItem(l.name);
    if (l.metric) {
        QFont f = header->font();
        f.setBold(true);
        header->setFont(f);
    }
    header->setData(Qt::UserRole, differs);
    table->setVerticalHeaderItem(r, header);
}

// Columns 110 to 240 pixels wide; a few runs share the width, many keep their own and scroll.
void fitColumns(QTableWidget* table) {
    table->resizeColumnsToContents();
    for (int c = 0; c < table->columnCount(); ++c)
        table->setColumnWidth(c, std::min(std::max(table->columnWidth(c), 110), 240));
    table->horizontalHeader()->setSectionResizeMode(
        table->columnCount() <= 6 ? QHeaderView::Stretch : QHeaderView::Interactive);
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
    QVector<TableLine> lines;
    auto add = [&](const QString& name, bool metric,
                   const std::function<QString(const kiln::RunRow&)>& f) {
        TableLine l{name, {}, metric};
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
    for (int r = 0; r < lines.size(); ++r) fillRow(m_table, r, lines[r]);
    fitColumns(m_table);
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
