#include "widgets/runs_table_view.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSet>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include "widgets/pool_task.h"
#include "widgets/runs_table_model.h"

namespace kiln {
namespace widgets {

namespace {
struct Loaded {
    kiln::RunTable table;
    QString error;
};
}  // namespace

RunsTableView::RunsTableView(QWidget* parent)
    : QWidget(parent),
      m_model(new RunsTableModel(this)),
      m_proxy(new RunsFilterProxy(this)),
      m_table(new QTableView(this)),
      m_text(new QLineEdit(this)),
      m_status(new QComboBox(this)),
      m_dataset(new QComboBox(this)),
      m_columns(new QToolButton(this)),
      m_refresh(new QToolButton(this)),
      m_compare(new QPushButton(this)),
      m_count(new QLabel(this)) {
    setObjectName(QStringLiteral("runsTableView"));
    m_proxy->setSourceModel(m_model);
    m_table->setModel(m_proxy);
    m_table->setObjectName(QStringLiteral("runsTable"));
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_text->setClearButtonEnabled(true);
    m_text->setObjectName(QStringLiteral("runsFilter"));
    m_status->setObjectName(QStringLiteral("runsStatusFilter"));
    m_dataset->setObjectName(QStringLiteral("runsDatasetFilter"));
    m_columns->setObjectName(QStringLiteral("runsColumnsButton"));
    m_compare->setObjectName(QStringLiteral("compareRunsButton"));
    m_compare->setEnabled(false);
    m_status->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_dataset->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_status);
    bar->addWidget(m_dataset);
    bar->addWidget(m_text, 1);
    bar->addWidget(m_columns);
    bar->addWidget(m_refresh);
    bar->addWidget(m_compare);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_count);

    connect(m_text, &QLineEdit::textChanged, this, [this](const QString& t) {
        m_proxy->setText(t);
        updateCount();
    });
    connect(m_status, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setStatus(m_status->currentData().toString());
        updateCount();
    });
    connect(m_dataset, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setDataset(m_dataset->currentData().toString());
        updateCount();
    });
    connect(m_columns, &QToolButton::clicked, this, &RunsTableView::showColumnMenu);
    connect(m_table->horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
            &RunsTableView::showColumnMenu);
    updateFilterChoices();
    connect(m_refresh, &QToolButton::clicked, this, &RunsTableView::reload);
    connect(m_compare, &QPushButton::clicked, this,
            [this] { Q_EMIT compareRequested(selectedRunIds()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        m_compare->setEnabled(selectedRunIds().size() >= 1);
        updateCount();
    });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        Q_EMIT runActivated(index.data(RunsTableModel::RunIdRole).toString());
    });
    retranslateUi();
}

void RunsTableView::setWorkspace(const QString& dir) {
    m_dir = dir;
    reload();
}

void RunsTableView::reload() {
    if (m_dir.isEmpty()) return;
    m_loading = true;
    const int request = ++m_request;
    const QString dir = m_dir;
    m_count->setText(tr("Reading runs…"));
    runInPool<Loaded>(
        this,
        [dir] {
            Loaded l;
            try {
                l.table = loadRunTable(dir, &l.error);
            } catch (const std::exception& e) {
                l.error = QString::fromUtf8(e.what());
            }
            return l;
        },
        [this, request](Loaded l) {
            if (request != m_request) return;
            const QStringList selected = selectedRunIds();
            m_model->setRunTable(std::move(l.table));
            updateFilterChoices();
            m_table->resizeColumnsToContents();
            for (int c = 0; c < m_model->columnCount(); ++c)
                if (m_table->columnWidth(c) > 260) m_table->setColumnWidth(c, 260);
            selectRuns(selected);
            m_loading = false;
            updateCount();
            if (!l.error.isEmpty()) m_count->setText(tr("Could not read the runs: %1").arg(l.error));
            Q_EMIT loaded(m_model->rowCount());
        });
}

QStringList RunsTableView::selectedRunIds() const {
    QStringList ids;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    QVector<QPair<int, QString>> ordered;
    for (const QModelIndex& r : rows)
        ordered.push_back({r.row(), r.data(RunsTableModel::RunIdRole).toString()});
    std::sort(ordered.begin(), ordered.end());
    for (const auto& [row, id] : ordered) ids << id;
    return ids;
}

void RunsTableView::selectRuns(const QStringList& ids) {
    const QSet<QString> wanted(ids.begin(), ids.end());
    QItemSelection selection;
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        const QModelIndex index = m_proxy->index(r, 0);
        if (wanted.contains(index.data(RunsTableModel::RunIdRole).toString()))
            selection.select(index, m_proxy->index(r, m_proxy->columnCount() - 1));
    }
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

void RunsTableView::updateFilterChoices() {
    QSet<QString> statuses, datasets;
    for (const auto& row : m_model->runTable().rows) {
        statuses.insert(QString::fromStdString(row.status));
        datasets.insert(QString::fromStdString(row.dataset));
    }
    auto refill = [](QComboBox* box, const QString& any, QSet<QString> values) {
        const QString current = box->currentData().toString();
        QStringList sorted(values.begin(), values.end());
        sorted.sort();
        QSignalBlocker block(box);
        box->clear();
        box->addItem(any, QString());
        for (const QString& v : sorted) box->addItem(v, v);
        box->setCurrentIndex(std::max(0, box->findData(current)));
    };
    refill(m_status, tr("Any status"), statuses);
    refill(m_dataset, tr("Any dataset"), datasets);
}

void RunsTableView::updateCount() {
    if (m_loading) return;
    const int shown = m_proxy->rowCount(), total = m_model->rowCount();
    const int selected = int(m_table->selectionModel()->selectedRows().size());
    QString text = shown == total ? tr("%n run(s)", nullptr, total)
                                  : tr("%1 of %2 runs shown").arg(shown).arg(total);
    if (selected > 0) text += QStringLiteral(" · ") + tr("%n selected", nullptr, selected);
    m_count->setText(text);
}

void RunsTableView::showColumnMenu() {
    QMenu menu(this);
    QMenu* params = nullptr;
    QMenu* metrics = nullptr;
    const QVector<RunColumn> shown = m_model->columns();
    for (const RunColumn& c : m_model->availableColumns()) {
        QMenu* target = &menu;
        if (c.kind == RunColumn::Param) {
            if (!params) params = menu.addMenu(tr("Parameters"));
            target = params;
        } else if (c.kind == RunColumn::Metric) {
            if (!metrics) metrics = menu.addMenu(tr("Metrics"));
            target = metrics;
        }
        QAction* a = target->addAction(RunsTableModel::columnTitle(c));
        a->setCheckable(true);
        a->setChecked(shown.contains(c));
        connect(a, &QAction::toggled, this, [this, c](bool on) {
            m_model->setColumnShown(c, on);
            m_table->resizeColumnsToContents();
        });
    }
    menu.exec(QCursor::pos());
}

void RunsTableView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void RunsTableView::retranslateUi() {
    m_text->setPlaceholderText(tr("Filter runs: id, name, parameter value…"));
    m_columns->setText(tr("Columns"));
    m_columns->setToolTip(tr("Choose the parameters and metrics shown as columns"));
    m_refresh->setText(tr("Refresh"));
    m_compare->setText(tr("Compare"));
    m_compare->setToolTip(tr("Compare the selected runs: curves, parameters and metrics"));
    if (m_status->count() > 0) m_status->setItemText(0, tr("Any status"));
    if (m_dataset->count() > 0) m_dataset->setItemText(0, tr("Any dataset"));
    updateCount();
}

}  // namespace widgets
}  // namespace kiln
