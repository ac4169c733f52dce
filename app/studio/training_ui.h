#pragma once

#include <QObject>
#include <QString>

class QAction;
class QMenu;
class QTabWidget;
class QWidget;

namespace kiln {
struct RunSpec;
}

namespace kiln {
namespace widgets {
class EnvironmentProbe;
class NavigatorView;
}  // namespace widgets
}  // namespace kiln

namespace kiln {
namespace studio {

class RunController;
class RunTab;
class TrainPanel;

// Training in Kiln Studio, as the main window sees it: the Run menu (Train…), the Train panel
// and run tabs in the window's central tabs, and the run controller that starts and follows
// workers. Keeps the navigator's Runs current (reloads it when runs start or end) and re-attaches
// runs left by an earlier Studio when a workspace opens.
class TrainingUi : public QObject {
    Q_OBJECT
public:
    TrainingUi(QTabWidget* tabs, kiln::widgets::NavigatorView* navigator,
               kiln::widgets::EnvironmentProbe* environment, QWidget* window);

    // Follows a newly opened workspace (tabs of the previous one are closed by the window).
    void setWorkspace(const QString& dir);
    QMenu* menu() const { return m_menu; }
    QAction* trainAction() const { return m_train; }
    RunController* controller() const { return m_controller; }

    // Shows the Train panel (one per window), with `dataset` selected when given.
    TrainPanel* openTrainPanel(const QString& dataset = {});
    // Shows run `runId`'s tab, opening it when needed.
    RunTab* openRun(const QString& runId);
    RunTab* findRunTab(const QString& runId) const;
    // The workspace's hosts changed (Settings ▸ Hosts): the Train panel reads them again.
    void reloadHosts();
    // The catalog changed (an import, a removal): an open Train panel lists the datasets again.
    void catalogChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void startRun(const kiln::RunSpec& spec, qint64 versionId, const QString& host);
    TrainPanel* findTrainPanel() const;
    void retranslateUi();
    int addTab(QWidget* page, const QString& title, const QString& icon);

    QTabWidget* m_tabs;
    kiln::widgets::NavigatorView* m_navigator;
    kiln::widgets::EnvironmentProbe* m_environment;
    QWidget* m_window;
    RunController* m_controller;
    QMenu* m_menu;
    QAction* m_train;
    QString m_workspace;
    int m_openRequest = 0;  // the Train request whose run tab opens when created
};

}  // namespace studio
}  // namespace kiln
