#include "widgets/jobs_view.h"

#include "widgets/message_texts.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "core/jobs/job_context.h"
#include "widgets/job_manager.h"
#include "widgets/jobs_model.h"
#include "widgets/progress_delegate.h"

namespace kiln {
namespace widgets {
namespace {

QIcon severityIcon(const QStyle* style, int severity) {
    switch (kiln::IssueSeverity(severity)) {
        case kiln::IssueSeverity::Info:
            return style->standardIcon(QStyle::SP_MessageBoxInformation);
        case kiln::IssueSeverity::Warning:
            return style->standardIcon(QStyle::SP_MessageBoxWarning);
        case kiln::IssueSeverity::Error:
            return style->standardIcon(QStyle::SP_MessageBoxCritical);
    }
    return {};
}

}  // namespace

JobsView::JobsView(JobManager* manager, QWidget* parent)
    : QWidget(parent), m_manager(manager), m_model(new JobsModel(manager, this)) {
    buildUi();
    retranslateUi();
    connect(manager, &JobManager::jobStarted, this, &JobsView::selectJob);
    connect(manager, &JobManager::jobFinished, this, &JobsView::updateButtons);
    connect(manager, &JobManager::jobIssue, this, &JobsView::addIssue);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &JobsView::updateButtons);
    connect(m_cancel, &QPushButton::clicked, this, &JobsView::cancelSelected);
    connect(m_clear, &QPushButton::clicked, this, [this] {
        m_model->clearFinished();
        m_issues->clear();
        updateButtons();
    });
    updateButtons();
}

void JobsView::buildUi() {
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(JobsModel::ProgressColumn, new ProgressDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->resizeSection(JobsModel::TitleColumn, 200);
    m_table->horizontalHeader()->resizeSection(JobsModel::StageColumn, 150);
    m_table->horizontalHeader()->resizeSection(JobsModel::ProgressColumn, 170);
    m_table->horizontalHeader()->resizeSection(JobsModel::StateColumn, 90);

    m_issues = new QTreeWidget(this);
    m_issues->setColumnCount(3);
    m_issues->setRootIsDecorated(false);
    m_issues->setAlternatingRowColors(true);
    m_issues->header()->resizeSection(0, 280);
    m_issues->header()->resizeSection(1, 160);
    m_issuesTitle = new QLabel(this);

    auto* issuesBox = new QWidget(this);
    auto* issuesLayout = new QVBoxLayout(issuesBox);
    issuesLayout->setContentsMargins(0, 0, 0, 0);
    issuesLayout->addWidget(m_issuesTitle);
    issuesLayout->addWidget(m_issues);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(issuesBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    m_cancel = new QPushButton(this);
    m_cancel->setIcon(style()->standardIcon(QStyle::SP_BrowserStop));
    m_clear = new QPushButton(this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_clear);
    buttons->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(buttons);
    layout->addWidget(splitter, 1);
}

void JobsView::retranslateUi() {
    m_cancel->setText(tr("Cancel Job"));
    m_cancel->setToolTip(tr("Stop the selected job at its next checkpoint"));
    m_clear->setText(tr("Clear Finished"));
    m_issuesTitle->setText(tr("Issues reported by jobs"));
    m_issues->setHeaderLabels({tr("Issue"), tr("Where"), tr("Job")});
    for (int i = 0; i < m_issues->topLevelItemCount(); ++i) showIssue(m_issues->topLevelItem(i));
    m_model->retranslate();
}

void JobsView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

int JobsView::selectedJob() const {
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : m_model->jobIdAt(rows.first().row());
}

void JobsView::selectJob(int id) {
    const int row = m_model->rowOf(id);
    if (row >= 0) m_table->selectRow(row);
    updateButtons();
}

bool JobsView::cancelSelected() {
    const bool cancelled = m_manager->cancel(selectedJob());
    updateButtons();
    return cancelled;
}

void JobsView::updateButtons() {
    const JobRecord* record = m_manager->job(selectedJob());
    const bool running = record && record->state == JobState::Running;
    m_cancel->setEnabled(running && !record->context->cancelled());
    m_clear->setEnabled(m_manager->runningCount() < m_model->rowCount());
}

void JobsView::addIssue(int id, int severity, const QString& text, const QString& where) {
    const JobRecord* record = m_manager->job(id);
    auto* item = new QTreeWidgetItem(m_issues, {QString(), where, QString()});
    item->setIcon(0, severityIcon(style(), severity));
    // Core's words and the job's title are kept as they came and said in the language chosen.
    item->setData(0, Qt::UserRole, text);
    item->setData(2, Qt::UserRole, record ? record->title : QString());
    showIssue(item);
}

void JobsView::showIssue(QTreeWidgetItem* item) {
    const QString text = localMessage(item->data(0, Qt::UserRole).toString());
    item->setText(0, text);
    item->setToolTip(0, text);
    item->setText(2, localMessage(item->data(2, Qt::UserRole).toString()));
}

}  // namespace widgets
}  // namespace kiln
