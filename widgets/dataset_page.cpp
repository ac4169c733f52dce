#include "widgets/dataset_page.h"

#include <algorithm>

#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QHBoxLayout>
#include <QVBoxLayout>

#include "core/data/table.h"
#include "widgets/bar_chart_view.h"
#include "widgets/box_plot_view.h"
#include "widgets/column_combo_box.h"
#include "widgets/column_profile_panel.h"
#include "widgets/correlation_heatmap.h"
#include "widgets/dataset_table_model.h"
#include "widgets/selection_copy.h"
#include "widgets/drift_view.h"
#include "widgets/histogram_view.h"
#include "widgets/pool_task.h"
#include "widgets/scatter_view.h"
#include "widgets/table_query_bar.h"
#include "widgets/validation_view.h"

namespace kiln {
namespace widgets {
namespace {

// The first column whose type passes `test`, or -1.
int firstColumn(const kiln::Table& table, bool (*test)(kiln::ColumnType), int skip = -1) {
    for (std::size_t i = 0; i < table.columnCount(); ++i)
        if (int(i) != skip && test(table.column(i).info().type)) return int(i);
    return -1;
}

}  // namespace

DatasetPage::DatasetPage(const QString& workspaceDir, const QString& reference, QWidget* parent)
    : QWidget(parent), m_workspace(workspaceDir), m_reference(reference) {
    setObjectName(QStringLiteral("datasetPage"));
    buildUi();
    retranslateUi();
    load();
}

QWidget* DatasetPage::buildTableSection() {
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    m_model = new DatasetTableModel(this);
    auto* tableSide = new QWidget(splitter);
    m_tableView = new QTableView(tableSide);
    m_tableView->setObjectName(QStringLiteral("datasetTable"));
    m_tableView->setModel(m_model);
    m_tableView->setAlternatingRowColors(true);
    // Fixed row heights and widths keep scrolling independent of the row count.
    m_tableView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_tableView->verticalHeader()->setDefaultSectionSize(22);
    m_tableView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_tableView->horizontalHeader()->setDefaultSectionSize(120);
    m_tableView->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_queryBar = new TableQueryBar(m_model, m_tableView->horizontalHeader(), tableSide);
    auto* tableLayout = new QVBoxLayout(tableSide);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_queryBar);
    tableLayout->addWidget(m_tableView, 1);
    m_profilePanel = new ColumnProfilePanel(splitter);
    splitter->addWidget(tableSide);
    // Ctrl+C (and right-click ▸ Copy) copies the selected cells as tab-separated text.
    m_copyCells = new QAction(this);
    m_copyCells->setObjectName(QStringLiteral("copyCells"));
    m_copyCells->setShortcut(QKeySequence::Copy);
    m_copyCells->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_copyCells, &QAction::triggered, this, [this] { copySelectedCells(*m_tableView); });
    m_tableView->addAction(m_copyCells);
    m_tableView->setContextMenuPolicy(Qt::ActionsContextMenu);
    splitter->addWidget(m_profilePanel);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    return splitter;
}

void DatasetPage::buildUi() {
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("datasetHeader"));
    m_header->setTextFormat(Qt::RichText);
    m_header->setWordWrap(true);
    m_refresh = new QPushButton(this);
    m_refresh->setObjectName(QStringLiteral("refreshFromSource"));
    m_refresh->hide();
    connect(m_refresh, &QPushButton::clicked, this, [this] {
        Q_EMIT refreshRequested(QString::fromStdString(m_dataset.version.dataset));
    });
    m_sections = new QTabWidget(this);
    m_sections->setObjectName(QStringLiteral("datasetSections"));
    m_sections->setDocumentMode(true);
    m_sections->addTab(buildTableSection(), QString());
    m_charts = new QTabWidget(this);
    m_charts->setObjectName(QStringLiteral("chartTabs"));
    m_histogram = new HistogramView(m_charts);
    m_boxPlot = new BoxPlotView(m_charts);
    m_barChart = new BarChartView(m_charts);
    m_scatter = new ScatterView(m_charts);
    m_heatmap = new CorrelationHeatmap(m_charts);
    for (QWidget* chart : {static_cast<QWidget*>(m_histogram), static_cast<QWidget*>(m_boxPlot),
                           static_cast<QWidget*>(m_barChart), static_cast<QWidget*>(m_scatter),
                           static_cast<QWidget*>(m_heatmap)})
        m_charts->addTab(chart, QString());
    m_sections->addTab(m_charts, QString());
    m_validation = new ValidationView(this);
    m_sections->addTab(m_validation, QString());
    m_drift = new DriftView(this);
    m_sections->addTab(m_drift, QString());
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 0);
    auto* headerRow = new QHBoxLayout;
    headerRow->addWidget(m_header, 1);
    headerRow->addWidget(m_refresh, 0, Qt::AlignTop);
    layout->addLayout(headerRow);
    layout->addWidget(m_sections, 1);
}

void DatasetPage::load() {
    const QString dir = m_workspace, reference = m_reference;
    runInPool<LoadedDataset>(
        this, [dir, reference] { return loadDataset(dir, reference); },
        [this](LoadedDataset dataset) { showDataset(dataset); });
}

void DatasetPage::showDataset(const LoadedDataset& dataset) {
    m_dataset = dataset;
    retranslateUi();
    if (!dataset.ok()) {
        m_profilePanel->setStatus(tr("The dataset could not be opened: %1").arg(dataset.error));
        Q_EMIT loaded(false);
        return;
    }
    m_model->setTable(dataset.table);
    m_queryBar->reset();
    // Each column at least as wide as its header ("categorical, ordered"), 120 px at the least.
    QHeaderView* header = m_tableView->horizontalHeader();
    for (int c = 0; c < m_model->columnCount(); ++c)
        header->resizeSection(c, std::max(120, header->sectionSizeHint(c)));
    m_histogram->setTable(dataset.table);
    m_boxPlot->setTable(dataset.table);
    m_scatter->setTable(dataset.table);
    chooseChartColumns();
    m_drift->setDataset(m_workspace, dataset.version, dataset.table);
    m_profilePanel->setStatus(tr("Profiling %1 rows…").arg(QLocale().toString(qulonglong(dataset.table->rows()))));
    Q_EMIT loaded(true);
    const QString dir = m_workspace;
    runInPool<LoadedProfile>(
        this, [dir, dataset] { return loadProfile(dir, dataset); },
        [this](LoadedProfile profile) { showProfile(profile); });
}

void DatasetPage::chooseChartColumns() {
    const kiln::Table& table = *m_dataset.table;
    const int group = firstColumn(table, &ColumnComboBox::isGroupLike);
    const int x = firstColumn(table, &ColumnComboBox::isMeasurement);
    const int y = firstColumn(table, &ColumnComboBox::isMeasurement, x);
    if (group >= 0) m_boxPlot->setSplitColumn(group);
    if (x >= 0 && y >= 0) m_scatter->setColumns(x, y, group);
}

void DatasetPage::showProfile(const LoadedProfile& profile) {
    m_profile = profile;
    if (!profile.ok()) {
        m_profilePanel->setStatus(tr("Profiling failed: %1").arg(profile.error));
        return;
    }
    showProfileStatus();
    m_profilePanel->setProfile(profile.profile);
    m_barChart->setProfile(m_dataset.table, profile.profile);
    m_heatmap->setProfile(profile.profile);
    m_validation->setDataset(m_dataset.table, profile.profile);
    Q_EMIT profileReady();
}

void DatasetPage::showProfileStatus() {
    if (!m_profile.ok()) return;
    m_profilePanel->setStatus(m_profile.fromCache
                                  ? tr("Profile read from the cache in %1 s.").arg(m_profile.seconds, 0, 'f', 2)
                                  : tr("Profiled in %1 s.").arg(m_profile.seconds, 0, 'f', 2));
}

void DatasetPage::retranslateUi() {
    m_copyCells->setText(tr("Copy"));
    m_sections->setTabText(0, tr("Table"));
    m_sections->setTabText(1, tr("Charts"));
    m_sections->setTabText(2, tr("Validation"));
    m_sections->setTabText(3, tr("Drift"));
    m_charts->setTabText(0, tr("Histogram"));
    m_charts->setTabText(1, tr("Box plot"));
    m_charts->setTabText(2, tr("Categories"));
    m_charts->setTabText(3, tr("Scatter"));
    m_charts->setTabText(4, tr("Correlation"));
    if (m_profile.profile) showProfileStatus();
    if (!m_dataset.table) {
        m_header->setText(m_dataset.error.isEmpty() ? tr("Opening %1…").arg(m_reference.toHtmlEscaped())
                                                    : tr("<b>%1</b> could not be opened.").arg(m_reference.toHtmlEscaped()));
        return;
    }
    const kiln::DatasetVersion& v = m_dataset.version;
    m_refresh->setVisible(!m_dataset.source.isEmpty());
    m_refresh->setText(tr("Refresh from Source"));
    m_refresh->setToolTip(tr("Reads %1 again; a new version is made only when its content changed.")
                              .arg(m_dataset.source));
    const QLocale locale;
    m_header->setText(tr("<b style='font-size:13pt'>%1</b> &nbsp;version %2 · %3 rows × %4 columns · "
                         "imported %5 from <span style='color:#5f6670'>%6</span>")
                          .arg(QString::fromStdString(v.dataset).toHtmlEscaped())
                          .arg(v.version)
                          .arg(locale.toString(qulonglong(m_dataset.table->rows())))
                          .arg(m_dataset.table->columnCount())
                          .arg(QString::fromStdString(v.createdAt).left(10),
                               QString::fromStdString(v.sourcePath).toHtmlEscaped()) +
                      descriptionLine(m_dataset.description));
}

void DatasetPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace widgets
}  // namespace kiln
