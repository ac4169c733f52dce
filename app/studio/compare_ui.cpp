#include "app/studio/compare_ui.h"

#include <QAction>
#include <QEvent>
#include <QIcon>
#include <QTabWidget>
#include <QTreeWidget>

#include "app/studio/sweep_dialog.h"
#include "app/studio/sweep_view.h"
#include "widgets/compare_view.h"
#include "widgets/navigator_view.h"
#include "widgets/runs_table_view.h"

namespace kiln {
namespace studio {

CompareUi::CompareUi(QTabWidget* tabs, kiln::widgets::JobManager* jobs, QWidget* window)
    : QObject(window), m_tabs(tabs), m_jobs(jobs), m_window(window),
      m_runs(new QAction(this)), m_sweep(new QAction(this)) {
    m_runs->setObjectName(QStringLiteral("actionRunsTable"));
    m_sweep->setObjectName(QStringLiteral("actionSweep"));
    m_runs->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(m_runs, &QAction::triggered, this, [this] { openRuns(); });
    connect(m_sweep, &QAction::triggered, this, &CompareUi::showSweepDialog);
    window->installEventFilter(this);
    retranslateUi();
}

bool CompareUi::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_window && event->type() == QEvent::LanguageChange) retranslateUi();
    return QObject::eventFilter(watched, event);
}

void CompareUi::retranslateUi() {
    m_runs->setText(tr("&Runs"));
    m_runs->setStatusTip(tr("Every run of the workspace in a table: sort, filter, compare"));
    m_sweep->setText(tr("&Sweep…"));
    m_sweep->setStatusTip(tr("Sweep hyper-parameters: many runs, the best one named"));
    // Open tabs take the new language too.
    for (int i = 0; i < m_tabs->count(); ++i) {
        QWidget* page = m_tabs->widget(i);
        if (page == m_runsView)
            m_tabs->setTabText(i, tr("Runs"));
        else if (auto* compare = qobject_cast<kiln::widgets::CompareView*>(page))
            m_tabs->setTabText(i, tr("Compare (%n run(s))", nullptr, int(compare->runIds().size())));
        else if (qobject_cast<SweepView*>(page))
            m_tabs->setTabText(i, tr("Sweep"));
    }
}

void CompareUi::setWorkspace(const QString& dir) {
    m_workspace = dir;
    m_runs->setEnabled(!dir.isEmpty());
    m_sweep->setEnabled(!dir.isEmpty());
    if (m_runsView) m_runsView->setWorkspace(dir);
}

void CompareUi::attachNavigator(kiln::widgets::NavigatorView* navigator) {
    QTreeWidget* tree = navigator->tree();
    connect(tree, &QTreeWidget::itemActivated, this, [this, tree](QTreeWidgetItem* item) {
        // The sections are the top-level items: Datasets, Runs, Models.
        if (item && !item->parent() && tree->indexOfTopLevelItem(item) == 1) openRuns();
    });
}

kiln::widgets::RunsTableView* CompareUi::openRuns() {
    // A closed tab is removed at once but deleted later: open a new one then.
    if (m_runsView && m_tabs->indexOf(m_runsView) < 0) {
        disconnect(m_runsView, nullptr, this, nullptr);
        m_runsView = nullptr;
    }
    if (!m_runsView) {
        m_runsView = new kiln::widgets::RunsTableView;
        connect(m_runsView, &kiln::widgets::RunsTableView::compareRequested, this,
                [this](const QStringList& ids) { compare(ids); });
        m_tabs->addTab(m_runsView, QIcon(QStringLiteral(":/icons/run.svg")), tr("Runs"));
        connect(m_runsView, &QObject::destroyed, this, [this] { m_runsView = nullptr; });
    }
    m_runsView->setWorkspace(m_workspace);
    m_tabs->setCurrentWidget(m_runsView);
    return m_runsView;
}

kiln::widgets::CompareView* CompareUi::compare(const QStringList& runIds) {
    auto* view = new kiln::widgets::CompareView;
    const int runs = static_cast<int>(runIds.size());
    m_tabs->addTab(view, tr("Compare (%n run(s))", nullptr, runs));
    m_tabs->setCurrentWidget(view);
    view->setRuns(m_workspace, runIds);
    return view;
}

void CompareUi::showSweepDialog() {
    SweepDialog dialog(m_workspace, m_window);
    if (m_lastSweep) dialog.setRequest(m_lastSweep->request());
    m_dialog = &dialog;
    const int result = dialog.exec();
    m_dialog = nullptr;
    if (result != QDialog::Accepted) return;
    if (auto request = dialog.request()) startSweep(*request);
}

void CompareUi::catalogChanged() {
    if (m_runsView) m_runsView->reload();
    if (m_dialog) m_dialog->reloadDatasets();
}

SweepView* CompareUi::startSweep(const SweepRequest& request) {
    SweepRequest r = request;
    if (r.workspace.isEmpty()) r.workspace = m_workspace;
    auto* controller = new SweepController(m_jobs, this);
    m_lastSweep = controller;
    auto* view = new SweepView(controller);
    connect(view, &SweepView::compareRequested, this, [this](const QStringList& ids) { compare(ids); });
    connect(controller, &SweepController::finished, this, [this] {
        if (m_runsView) m_runsView->reload();
    });
    m_tabs->addTab(view, tr("Sweep"));
    m_tabs->setCurrentWidget(view);
    controller->start(r);
    return view;
}

}  // namespace studio
}  // namespace kiln
