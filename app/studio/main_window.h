#pragma once

#include <QMainWindow>
#include <QStringList>
#include <QVector>

#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QTabWidget;

namespace kiln {
class Workspace;
}

namespace kiln {
namespace widgets {
class CatalogEvents;
class EnvironmentProbe;
class JobManager;
class JobsView;
class NavigatorView;
struct CatalogEntry;
struct CatalogSnapshot;
enum class NavigatorAction;
}  // namespace widgets
}  // namespace kiln

namespace kiln {
namespace studio {

class CompareUi;
class EditActions;
class ExportUi;
class ServeUi;
class ImportController;
class PipelinesUi;
class TrainingUi;
class RecentWorkspacesMenu;
class WelcomePage;
class SamplesUi;
class WorkspaceEditsUi;

// Kiln Studio's window. It only wires panels together: the navigator (left), tabs (centre),
// the jobs dock (bottom), menus and the status bar. Files dropped anywhere on it, or chosen with
// File ▸ Import…, are imported. Geometry and dock layout are remembered.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // Opens `workspaceDir`, or else the one in the settings, or else Workspace::defaultPath().
    // A workspace that cannot be opened is reported in a message box; the window still opens.
    explicit MainWindow(const QString& workspaceDir = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens (or, with `create`, creates) a workspace; false after reporting why it could not.
    bool openWorkspace(const QString& dir, bool create = true);
    QString workspacePath() const { return m_workspacePath; }
    kiln::Workspace* workspace() const { return m_workspace.get(); }

    // Starts Tools ▸ Verify Workspace Objects; returns the job id, 0 without a workspace.
    int startVerifyObjects();
    // Imports files (after their preview) and folders (as image datasets), as a drop and
    // File ▸ Import… do.
    void importPaths(const QStringList& paths);
    ImportController* imports() const { return m_imports; }
    // Opens (or shows again) the tab of dataset version `reference` ("NAME" or "NAME@3") of kind
    // "table" or "images".
    QWidget* openDataset(const QString& reference, const QString& kind);

    kiln::widgets::JobManager* jobManager() const { return m_jobs; }
    kiln::widgets::JobsView* jobsView() const { return m_jobsView; }
    kiln::widgets::NavigatorView* navigator() const { return m_navigator; }
    kiln::widgets::EnvironmentProbe* environmentProbe() const { return m_environment; }
    QTabWidget* tabs() const { return m_tabs; }
    WelcomePage* welcomePage() const { return m_welcome; }
    TrainingUi* training() const { return m_training; }
    CompareUi* compareUi() const { return m_compare; }
    ExportUi* exportUi() const { return m_export; }
    ServeUi* serveUi() const { return m_serve; }
    PipelinesUi* pipelines() const { return m_pipelines; }
    WorkspaceEditsUi* edits() const { return m_edits; }
    SamplesUi* samples() const { return m_samples; }
    EditActions* editActions() const { return m_editActions; }
    kiln::widgets::CatalogEvents* catalogEvents() const { return m_catalogEvents; }
    QString deviceText() const;
    QString runningJobsText() const;

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    void createCentre();
    void createStatusBar();
    void connectCatalogEvents();
    void retranslateUi();
    void retranslateActions();
    void restoreWindow();
    void showError(const QString& title, const QString& text, const QString& details);
    void openEntry(const kiln::widgets::CatalogEntry& entry);
    void navigatorAction(kiln::widgets::NavigatorAction action,
                         const QVector<kiln::widgets::CatalogEntry>& entries);
    void closeTab(int index);
    void showSnapshot(const kiln::widgets::CatalogSnapshot& snapshot);
    void updateStatus();
    void newWorkspace();
    void chooseWorkspace();
    void chooseImport();
    void chooseImportFolder();
    void datasetImported(const QString& reference, const QString& kind);
    void showSettings();
    void showAbout();
    QString initialWorkspace(const QString& requested) const;

    std::unique_ptr<kiln::Workspace> m_workspace;
    QString m_workspacePath;
    ImportController* m_imports = nullptr;
    TrainingUi* m_training = nullptr;
    CompareUi* m_compare = nullptr;
    ExportUi* m_export = nullptr;
    ServeUi* m_serve = nullptr;
    PipelinesUi* m_pipelines = nullptr;
    WorkspaceEditsUi* m_edits = nullptr;
    SamplesUi* m_samples = nullptr;
    kiln::widgets::CatalogEvents* m_catalogEvents = nullptr;
    EditActions* m_editActions = nullptr;
    kiln::widgets::JobManager* m_jobs;
    kiln::widgets::EnvironmentProbe* m_environment;
    kiln::widgets::NavigatorView* m_navigator = nullptr;
    kiln::widgets::JobsView* m_jobsView = nullptr;
    QDockWidget* m_navigatorDock = nullptr;
    QDockWidget* m_jobsDock = nullptr;
    QTabWidget* m_tabs = nullptr;
    WelcomePage* m_welcome = nullptr;
    RecentWorkspacesMenu* m_recentMenu = nullptr;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_toolsMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QAction* m_newWorkspace = nullptr;
    QAction* m_openWorkspace = nullptr;
    QAction* m_import = nullptr;
    QAction* m_importFolder = nullptr;
    QAction* m_importDatabase = nullptr;
    QAction* m_settings = nullptr;
    QAction* m_quit = nullptr;
    QAction* m_fullScreen = nullptr;
    QAction* m_verify = nullptr;
    QAction* m_freeSpace = nullptr;
    QAction* m_about = nullptr;
    QAction* m_aboutQt = nullptr;
    QLabel* m_workspaceLabel = nullptr;
    QLabel* m_deviceLabel = nullptr;
    QLabel* m_jobsLabel = nullptr;
};

}  // namespace studio
}  // namespace kiln
