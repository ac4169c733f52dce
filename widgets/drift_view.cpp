#include "widgets/drift_view.h"

#include <climits>

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QToolTip>
#include <QValueAxis>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "core/data/table.h"
#include "core/store/workspace.h"
#include "widgets/column_type_text.h"
#include "widgets/dataset_loader.h"
#include "widgets/pool_task.h"

namespace kiln {
namespace widgets {

struct DriftView::Versions {
    std::vector<kiln::DatasetVersion> versions;
    QString error;
};

struct DriftView::Comparison {
    int generation = 0;
    kiln::DriftReport report;
    std::shared_ptr<const kiln::Table> reference;  // kept for the distributions drawn
    QString error;
};

namespace {

kiln::Result<std::vector<kiln::DatasetVersion>> readVersions(const QString& workspaceDir) {
    auto workspace = kiln::Workspace::open(workspaceDir.toStdString(), false);
    if (!workspace) return workspace.error();
    kiln::DatasetCatalog catalog(workspace.value()->catalog());
    auto list = catalog.list();
    if (!list) return list.error();
    std::vector<kiln::DatasetVersion> out;
    for (const kiln::DatasetSummary& d : list.value()) {
        if (d.kind != "table") continue;
        auto versions = catalog.versions(d.name);
        if (versions) out.insert(out.end(), versions.value().begin(), versions.value().end());
    }
    return out;
}

struct Compared {
    kiln::DriftReport report;
    std::shared_ptr<const kiln::Table> reference;
};

kiln::Result<Compared> compareWith(const QString& workspaceDir, const QString& reference,
                                   const std::shared_ptr<const kiln::Table>& current) {
    const LoadedDataset loaded = loadDataset(workspaceDir, reference);
    if (!loaded.ok()) return kiln::makeError(kiln::ErrorCode::Io, loaded.error.toStdString());
    kiln::NullJobContext job;
    auto report = kiln::compareTables(*loaded.table, *current, job);
    if (!report) return report.error();
    return Compared{std::move(report.value()), loaded.table};
}

QString number(const std::optional<double>& value, int digits) {
    return value ? QString::number(*value, 'f', digits) : QStringLiteral("–");
}

}  // namespace

DriftView::DriftView(QWidget* parent)
    : QWidget(parent),
      m_referenceLabel(new QLabel(this)),
      m_reference(new QComboBox(this)),
      m_status(new QLabel(this)),
      m_schema(new QTreeWidget(this)),
      m_table(new QTableWidget(this)),
      m_chartView(new QChartView(this)),
      m_chart(new QChart) {
    setObjectName(QStringLiteral("driftView"));
    m_reference->setObjectName(QStringLiteral("driftReference"));
    m_reference->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_status->setWordWrap(true);
    m_schema->setObjectName(QStringLiteral("driftSchema"));
    m_schema->setRootIsDecorated(false);
    m_schema->setColumnCount(3);
    m_schema->setMaximumHeight(120);
    m_table->setObjectName(QStringLiteral("driftTable"));
    m_table->setColumnCount(6);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setShowGrid(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    QChart* own = m_chartView->chart();
    m_chartView->setChart(m_chart);
    delete own;
    m_chartView->setObjectName(QStringLiteral("driftOverlay"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(220);
    m_chartView->hide();
    auto* top = new QHBoxLayout;
    top->addWidget(m_referenceLabel);
    top->addWidget(m_reference);
    top->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(m_schema);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_chartView, 1);
    connect(m_reference, &QComboBox::currentIndexChanged, this, &DriftView::compare);
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) { showOverlay(row); });
    retranslateUi();
}

void DriftView::setDataset(const QString& workspaceDir, const kiln::DatasetVersion& version,
                           std::shared_ptr<const kiln::Table> table) {
    m_workspace = workspaceDir;
    m_version = version;
    m_current = std::move(table);
    listVersions();
}

void DriftView::listVersions() {
    const QString dir = m_workspace;
    runResultInPool<std::vector<kiln::DatasetVersion>>(
        this, [dir] { return readVersions(dir); },
        [this](kiln::Result<std::vector<kiln::DatasetVersion>> read) {
            Versions versions;
            if (read)
                versions.versions = std::move(read.value());
            else
                versions.error = errorText(read.error());
            showVersions(versions);
        });
}

QString DriftView::versionLabel(const kiln::DatasetVersion& v) const {
    return tr("%1 · version %2 · %n row(s)", nullptr, int(std::min<std::uint64_t>(v.rows, INT_MAX)))
        .arg(QString::fromStdString(v.dataset))
        .arg(v.version);
}

QString DriftView::levelText(const std::string& level) const {
    if (level == "major") return tr("major");
    if (level == "moderate") return tr("moderate");
    if (level == "stable") return tr("stable");
    return QString::fromStdString(level);
}

QString DriftView::changeText(const std::string& change) const {
    if (change == "added") return tr("added");
    if (change == "removed") return tr("removed");
    if (change == "type changed") return tr("type changed");
    return QString::fromStdString(change);
}

void DriftView::showVersions(const Versions& versions) {
    m_listed = versions.versions;
    const QString chosen = m_reference->currentData().toString();
    {
        const QSignalBlocker blocker(m_reference);
        m_reference->clear();
        int preferred = -1;
        for (const kiln::DatasetVersion& v : versions.versions) {
            if (v.id == m_version.id) continue;
            const QString reference = versionReference(v);
            m_reference->addItem(versionLabel(v), reference);
            if (v.datasetId == m_version.datasetId && v.version < m_version.version)
                preferred = m_reference->count() - 1;  // the newest earlier version of this dataset
        }
        // A listing again keeps the version chosen, if it is still there.
        const int kept = chosen.isEmpty() ? -1 : m_reference->findData(chosen);
        m_reference->setCurrentIndex(kept >= 0        ? kept
                                     : preferred >= 0 ? preferred
                                                      : (m_reference->count() ? 0 : -1));
    }
    if (!versions.error.isEmpty())
        m_status->setText(tr("Could not list the versions: %1").arg(versions.error));
    else if (m_reference->count() == 0)
        m_status->setText(tr("There is no other table version to compare with. Import another "
                             "version of this dataset (or another dataset) first."));
    Q_EMIT versionsListed();
    const bool same = !chosen.isEmpty() && m_reference->currentData().toString() == chosen &&
                      (m_referenceTable || !m_error.isEmpty());
    if (!same) compare();
}

bool DriftView::setReference(const QString& reference) {
    const int index = m_reference->findData(reference);
    if (index < 0) return false;
    m_reference->setCurrentIndex(index);
    return true;
}

void DriftView::compare() {
    if (!m_current || m_reference->currentIndex() < 0) return;
    const int generation = ++m_generation;
    m_busy = true;
    m_status->setText(tr("Comparing…"));
    const QString dir = m_workspace, reference = m_reference->currentData().toString();
    auto current = m_current;
    runResultInPool<Compared>(
        this, [dir, reference, current] { return compareWith(dir, reference, current); },
        [this, generation](kiln::Result<Compared> compared) {
            Comparison result;
            result.generation = generation;
            if (compared) {
                result.report = std::move(compared.value().report);
                result.reference = compared.value().reference;
            } else {
                result.error = errorText(compared.error());
            }
            showReport(result);
        });
}

void DriftView::showReport(const Comparison& result) {
    if (result.generation != m_generation) return;
    m_report = result.report;
    m_referenceTable = result.reference;
    m_error = result.error;
    m_busy = false;
    fill();
    // The column that moved most is drawn first.
    int most = -1;
    for (int r = 0; r < int(m_report.columns.size()); ++r)
        if (most < 0 || m_report.columns[std::size_t(r)].psi > m_report.columns[std::size_t(most)].psi) most = r;
    if (most >= 0) m_table->selectRow(most);
    showOverlay(most);
    Q_EMIT reportReady();
}

QString DriftView::statusText() const { return m_status->text(); }

QColor DriftView::levelColour(const QString& level) {
    if (level == QLatin1String("major")) return QColor(0xf4, 0xc7, 0xc3);
    if (level == QLatin1String("moderate")) return QColor(0xfc, 0xe8, 0xb2);
    return QColor(0xd4, 0xed, 0xda);
}

void DriftView::fill() {
    m_schema->clear();
    m_table->setRowCount(0);
    if (!m_error.isEmpty()) {
        m_status->setText(tr("Could not compare: %1").arg(m_error));
        return;
    }
    int moved = 0;
    for (const kiln::ColumnDrift& c : m_report.columns) moved += c.level != "stable";
    m_status->setText(tr("Against %1: %2 schema changes; %3 of %4 columns drifted "
                         "(PSI ≥ 0.1: moderate, ≥ 0.25: major).")
                          .arg(m_reference->currentData().toString())
                          .arg(m_report.schemaChanges.size())
                          .arg(moved)
                          .arg(m_report.columns.size()));
    for (const kiln::SchemaChange& s : m_report.schemaChanges)
        new QTreeWidgetItem(m_schema, {QString::fromStdString(s.column), changeText(s.change),
                                       s.to.empty()     ? columnTypeText(QString::fromStdString(s.from))
                                       : s.from.empty() ? columnTypeText(QString::fromStdString(s.to))
                                                        : columnTypeText(QString::fromStdString(s.from)) +
                                                              QStringLiteral(" → ") +
                                                              columnTypeText(QString::fromStdString(s.to))});
    m_schema->setVisible(!m_report.schemaChanges.empty());
    m_schema->resizeColumnToContents(0);
    m_table->setRowCount(int(m_report.columns.size()));
    for (int r = 0; r < int(m_report.columns.size()); ++r) {
        const kiln::ColumnDrift& c = m_report.columns[std::size_t(r)];
        const QStringList cells = {QString::fromStdString(c.column), columnTypeText(QString::fromStdString(c.type)),
                                   QString::number(c.psi, 'f', 4), number(c.ks, 4), number(c.ksPValue, 4),
                                   levelText(c.level)};
        for (int k = 0; k < cells.size(); ++k) {
            auto* item = new QTableWidgetItem(cells[k]);
            item->setBackground(levelColour(QString::fromStdString(c.level)));
            if (k >= 2 && k <= 4) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(r, k, item);
        }
    }
    m_table->resizeColumnsToContents();
}

void DriftView::showOverlay(int row) {
    m_chart->removeAllSeries();
    for (QAbstractAxis* axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    m_overlaid.clear();
    const bool shown = row >= 0 && row < int(m_report.columns.size()) && m_referenceTable && m_current;
    const std::string column = shown ? m_report.columns[std::size_t(row)].column : std::string();
    const int before = shown ? m_referenceTable->columnIndex(column) : -1;
    const int now = shown ? m_current->columnIndex(column) : -1;
    m_chartView->setVisible(before >= 0 && now >= 0);
    if (before < 0 || now < 0) return;
    m_overlaid = QString::fromStdString(column);
    m_pair = kiln::pairDistributions(m_referenceTable->column(std::size_t(before)),
                                     m_current->column(std::size_t(now)));
    const QString referenceName = m_reference->currentData().toString();
    const QString currentName = versionReference(m_version);
    auto* was = new QBarSet(referenceName);
    auto* is = new QBarSet(currentName);
    was->setColor(QColor(0x9a, 0xa0, 0xa6));
    is->setColor(QColor(0x1a, 0x73, 0xe8));
    QStringList labels;
    for (std::size_t i = 0; i < m_pair.labels.size(); ++i) {
        labels << QString::fromStdString(m_pair.labels[i]);
        *was << 100 * m_pair.reference[i];
        *is << 100 * m_pair.current[i];
    }
    auto* series = new QBarSeries;
    series->append(was);
    series->append(is);
    m_chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(labels);
    x->setTitleText(m_pair.numeric ? tr("%1 (bins from)").arg(m_overlaid) : m_overlaid);
    auto* y = new QValueAxis;
    double top = 0;
    for (std::size_t i = 0; i < m_pair.labels.size(); ++i)
        top = std::max({top, m_pair.reference[i], m_pair.current[i]});
    // From 0 to the next whole ten of percent, ticks at round steps.
    const double end = std::max(10.0, std::ceil(top * 10.0 - 1e-9) * 10);
    y->setRange(0, end);
    y->setTickType(QValueAxis::TicksDynamic);
    y->setTickAnchor(0);
    y->setTickInterval(end <= 30 ? 5 : end <= 60 ? 10 : 20);
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setTitleText(tr("Share (%)"));
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    m_chart->setTitle(tr("%1: %2 against %3 · missing %4% and %5%")
                          .arg(m_overlaid, currentName, referenceName)
                          .arg(100 * m_pair.currentMissing, 0, 'f', 1)
                          .arg(100 * m_pair.referenceMissing, 0, 'f', 1));
    connect(series, &QBarSeries::hovered, this, [this, labels](bool on, int index, QBarSet* set) {
        if (!on || index < 0 || index >= labels.size()) return QToolTip::hideText();
        QToolTip::showText(QCursor::pos(), tr("%1 · %2: %3%").arg(set->label(), labels[index])
                                               .arg(set->at(index), 0, 'f', 1));
    });
}

void DriftView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_current && !m_busy) listVersions();  // a version imported since is offered
}

void DriftView::retranslateUi() {
    m_referenceLabel->setText(tr("Compare against:"));
    m_schema->setHeaderLabels({tr("Column"), tr("Schema change"), tr("Types")});
    m_table->setHorizontalHeaderLabels(
        {tr("Column"), tr("Type"), tr("PSI"), tr("KS statistic"), tr("KS p-value"), tr("Level")});
    for (int i = 0; i < m_reference->count(); ++i)
        for (const kiln::DatasetVersion& v : m_listed)
            if (versionReference(v) == m_reference->itemData(i).toString()) m_reference->setItemText(i, versionLabel(v));
    if (!m_busy && m_current) {
        // Filled again in the new language, on the column drawn (its chart's words too).
        const int row = m_table->currentRow();
        {
            const QSignalBlocker blocker(m_table);
            fill();
            if (row >= 0 && row < m_table->rowCount()) m_table->selectRow(row);
        }
        if (!m_overlaid.isEmpty()) showOverlay(row);
    }
}

void DriftView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace widgets
}  // namespace kiln
