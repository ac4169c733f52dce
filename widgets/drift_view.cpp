#include "widgets/drift_view.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "core/data/table.h"
#include "core/store/workspace.h"
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

kiln::Result<kiln::DriftReport> compareWith(const QString& workspaceDir, const QString& reference,
                                            const std::shared_ptr<const kiln::Table>& current) {
    const LoadedDataset loaded = loadDataset(workspaceDir, reference);
    if (!loaded.ok()) return kiln::makeError(kiln::ErrorCode::Io, loaded.error.toStdString());
    kiln::NullJobContext job;
    return kiln::compareTables(*loaded.table, *current, job);
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
      m_table(new QTableWidget(this)) {
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
    connect(m_reference, &QComboBox::currentIndexChanged, this, &DriftView::compare);
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

void DriftView::showVersions(const Versions& versions) {
    {
        const QSignalBlocker blocker(m_reference);
        m_reference->clear();
        int preferred = -1;
        for (const kiln::DatasetVersion& v : versions.versions) {
            if (v.id == m_version.id) continue;
            const QString reference = versionReference(v);
            m_reference->addItem(tr("%1 · version %2 · %3 rows")
                                     .arg(QString::fromStdString(v.dataset))
                                     .arg(v.version)
                                     .arg(v.rows),
                                 reference);
            if (v.datasetId == m_version.datasetId && v.version < m_version.version)
                preferred = m_reference->count() - 1;  // the newest earlier version of this dataset
        }
        m_reference->setCurrentIndex(preferred >= 0 ? preferred : (m_reference->count() ? 0 : -1));
    }
    if (!versions.error.isEmpty())
        m_status->setText(tr("Could not list the versions: %1").arg(versions.error));
    else if (m_reference->count() == 0)
        m_status->setText(tr("There is no other table version to compare with. Import another "
                             "version of this dataset (or another dataset) first."));
    Q_EMIT versionsListed();
    compare();
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
    runResultInPool<kiln::DriftReport>(
        this, [dir, reference, current] { return compareWith(dir, reference, current); },
        [this, generation](kiln::Result<kiln::DriftReport> report) {
            Comparison result;
            result.generation = generation;
            if (report)
                result.report = std::move(report.value());
            else
                result.error = errorText(report.error());
            showReport(result);
        });
}

void DriftView::showReport(const Comparison& result) {
    if (result.generation != m_generation) return;
    m_report = result.report;
    m_error = result.error;
    m_busy = false;
    fill();
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
        new QTreeWidgetItem(m_schema, {QString::fromStdString(s.column), QString::fromStdString(s.change),
                                       s.to.empty() ? QString::fromStdString(s.from) : QString::fromStdString(s.from + " → " + s.to)});
    m_schema->setVisible(!m_report.schemaChanges.empty());
    m_schema->resizeColumnToContents(0);
    m_table->setRowCount(int(m_report.columns.size()));
    for (int r = 0; r < int(m_report.columns.size()); ++r) {
        const kiln::ColumnDrift& c = m_report.columns[std::size_t(r)];
        const QStringList cells = {QString::fromStdString(c.column), QString::fromStdString(c.type),
                                   QString::number(c.psi, 'f', 4), number(c.ks, 4), number(c.ksPValue, 4),
                                   QString::fromStdString(c.level)};
        for (int k = 0; k < cells.size(); ++k) {
            auto* item = new QTableWidgetItem(cells[k]);
            item->setBackground(levelColour(QString::fromStdString(c.level)));
            if (k >= 2 && k <= 4) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(r, k, item);
        }
    }
    m_table->resizeColumnsToContents();
}

void DriftView::retranslateUi() {
    m_referenceLabel->setText(tr("Compare against:"));
    m_schema->setHeaderLabels({tr("Column"), tr("Schema change"), tr("Types")});
    m_table->setHorizontalHeaderLabels(
        {tr("Column"), tr("Type"), tr("PSI"), tr("KS statistic"), tr("KS p-value"), tr("Level")});
    if (!m_busy && m_current) fill();
}

void DriftView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace widgets
}  // namespace kiln
