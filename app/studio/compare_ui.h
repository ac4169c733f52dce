#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QAction;
class QTabWidget;
class QWidget;

namespace kiln {
namespace widgets {
class CompareView;
class JobManager;
class NavigatorView;
class RunsTableView;
}  // namespace widgets
}  // namespace kiln

namespace kiln {
namespace studio {

class SweepController;
class SweepDialog;
class SweepView;
struct SweepRequest;

// Comparing runs and sweeping in Kiln Studio: the Runs action (a Runs tab over every run of the
// workspace), Compare tabs for selected runs, and Run ▸ Sweep… (the Sweep dialog, a sweep job in
// the jobs dock and a Sweep tab). The main window adds runsAction() and sweepAction() to its
// menus.
class CompareUi : public QObject {
    Q_OBJECT
public:
    CompareUi(QTabWidget* tabs, kiln::widgets::JobManager* jobs, QWidget* window);

    void setWorkspace(const QString& dir);
    // Activating the navigator's Runs section opens the Runs tab.
    void attachNavigator(kiln::widgets::NavigatorView* navigator);
    QAction* runsAction() const { return m_runs; }
    QAction* sweepAction() const { return m_sweep; }

    // Shows the Runs tab (one per window), reloading it.
    kiln::widgets::RunsTableView* openRuns();
    // Opens a Compare tab for `runIds`.
    kiln::widgets::CompareView* compare(const QStringList& runIds);
    // Shows the Sweep dialog; starts the sweep when accepted.
    void showSweepDialog();
    // Starts a sweep and opens its tab (what the dialog does once accepted).
    SweepView* startSweep(const SweepRequest& request);
    SweepController* lastSweep() const { return m_lastSweep; }
    // The catalog changed: the Runs tab and an open Sweep dialog read it again.
    void catalogChanged();
    // The Sweep dialog on screen, or nullptr.
    SweepDialog* sweepDialog() const { return m_dialog; }

private:
    void retranslateUi();
    bool eventFilter(QObject* watched, QEvent* event) override;

    QTabWidget* m_tabs;
    kiln::widgets::JobManager* m_jobs;
    QWidget* m_window;
    QString m_workspace;
    QAction* m_runs;
    QAction* m_sweep;
    kiln::widgets::RunsTableView* m_runsView = nullptr;
    SweepController* m_lastSweep = nullptr;
    SweepDialog* m_dialog = nullptr;  // while the Sweep dialog is open
};

}  // namespace studio
}  // namespace kiln
