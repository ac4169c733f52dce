// Kiln Studio's window: its actions and menus (what each menu holds, in what order, and their
// words). main_window.cpp wires the panels.
#include "app/studio/main_window.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMenuBar>
#include <QStyle>

#include "app/studio/compare_ui.h"
#include "app/studio/edit_actions.h"
#include "app/studio/export_ui.h"
#include "app/studio/import_controller.h"
#include "app/studio/pipelines_ui.h"
#include "app/studio/recent_workspaces_menu.h"
#include "app/studio/samples_ui.h"
#include "app/studio/training_ui.h"
#include "app/studio/workspace_edits_ui.h"

namespace kiln {
namespace studio {

void MainWindow::createActions() {
    m_newWorkspace = new QAction(this);
    m_newWorkspace->setObjectName(QStringLiteral("actionNewWorkspace"));
    m_newWorkspace->setShortcut(QKeySequence::New);
    m_openWorkspace = new QAction(style()->standardIcon(QStyle::SP_DirOpenIcon), QString(), this);
    m_openWorkspace->setObjectName(QStringLiteral("actionOpenWorkspace"));
    m_openWorkspace->setShortcut(QKeySequence::Open);
    m_import = new QAction(this);
    m_import->setObjectName(QStringLiteral("actionImport"));
    m_import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importFolder = new QAction(this);
    m_importFolder->setObjectName(QStringLiteral("actionImportFolder"));
    m_importDatabase = new QAction(this);
    m_importDatabase->setObjectName(QStringLiteral("actionImportDatabase"));
    m_settings = new QAction(this);
    m_settings->setObjectName(QStringLiteral("actionSettings"));
    m_settings->setShortcut(QKeySequence::Preferences);
    m_settings->setMenuRole(QAction::PreferencesRole);
    m_quit = new QAction(this);
    m_quit->setObjectName(QStringLiteral("actionQuit"));
    m_quit->setShortcut(QKeySequence::Quit);
    m_quit->setMenuRole(QAction::QuitRole);
    m_fullScreen = new QAction(this);
    m_fullScreen->setObjectName(QStringLiteral("actionFullScreen"));
    m_fullScreen->setCheckable(true);
    m_fullScreen->setShortcut(QKeySequence::FullScreen);
    m_verify = new QAction(this);
    m_verify->setObjectName(QStringLiteral("actionVerifyObjects"));
    m_freeSpace = new QAction(this);
    m_freeSpace->setObjectName(QStringLiteral("actionFreeUnusedSpace"));
    m_about = new QAction(this);
    m_about->setObjectName(QStringLiteral("actionAbout"));
    m_about->setMenuRole(QAction::AboutRole);
    m_aboutQt = new QAction(this);
    m_aboutQt->setObjectName(QStringLiteral("actionAboutQt"));
    m_aboutQt->setMenuRole(QAction::AboutQtRole);

    connect(m_newWorkspace, &QAction::triggered, this, &MainWindow::newWorkspace);
    connect(m_openWorkspace, &QAction::triggered, this, &MainWindow::chooseWorkspace);
    connect(m_import, &QAction::triggered, this, &MainWindow::chooseImport);
    connect(m_importFolder, &QAction::triggered, this, &MainWindow::chooseImportFolder);
    connect(m_importDatabase, &QAction::triggered, m_imports, &ImportController::importFromDatabase);
    connect(m_settings, &QAction::triggered, this, &MainWindow::showSettings);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);
    connect(m_fullScreen, &QAction::toggled, this,
            [this](bool on) { on ? showFullScreen() : showNormal(); });
    connect(m_verify, &QAction::triggered, this, &MainWindow::startVerifyObjects);
    connect(m_freeSpace, &QAction::triggered, this, [this] { m_edits->freeUnusedSpace(); });
    connect(m_about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus() {
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(QStringLiteral("menuFile"));
    m_fileMenu->addAction(m_newWorkspace);
    m_fileMenu->addAction(m_openWorkspace);
    m_recentMenu = new RecentWorkspacesMenu(m_fileMenu);
    m_fileMenu->addMenu(m_recentMenu);
    connect(m_recentMenu, &RecentWorkspacesMenu::workspaceChosen, this,
            [this](const QString& dir) { openWorkspace(dir, false); });
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_import);
    m_fileMenu->addAction(m_importFolder);
    m_fileMenu->addAction(m_importDatabase);
    m_fileMenu->addMenu(m_samples->menu());
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_pipelines->openAction());
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_settings);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_editActions->closeTabAction());
    m_fileMenu->addAction(m_quit);
    menuBar()->addMenu(m_editActions->editMenu());

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->setObjectName(QStringLiteral("menuView"));
    m_viewMenu->addAction(m_navigatorDock->toggleViewAction());
    m_viewMenu->addAction(m_jobsDock->toggleViewAction());
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_fullScreen);

    menuBar()->addMenu(m_training->menu());
    m_training->menu()->addSeparator();
    m_training->menu()->addAction(m_compare->runsAction());
    m_training->menu()->addAction(m_compare->sweepAction());
    m_training->menu()->addSeparator();
    m_training->menu()->addAction(m_export->exportAction());
    m_training->menu()->addAction(m_export->registerAction());
    m_training->menu()->addAction(m_export->modelsAction());
    m_toolsMenu = menuBar()->addMenu(QString());
    m_toolsMenu->setObjectName(QStringLiteral("menuTools"));
    m_toolsMenu->addAction(m_verify);
    m_toolsMenu->addAction(m_freeSpace);

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(QStringLiteral("menuHelp"));
    m_helpMenu->addAction(m_editActions->shortcutsAction());
    m_helpMenu->addSeparator();
    m_helpMenu->addAction(m_about);
    m_helpMenu->addAction(m_aboutQt);
}

void MainWindow::retranslateActions() {
    m_newWorkspace->setText(tr("&New Workspace…"));
    m_newWorkspace->setStatusTip(tr("Create a workspace in a folder you choose"));
    m_openWorkspace->setText(tr("&Open Workspace…"));
    m_openWorkspace->setStatusTip(tr("Open an existing Kiln workspace"));
    m_import->setText(tr("&Import…"));
    m_import->setStatusTip(tr("Import CSV/TSV, Parquet, JSON Lines or Excel files into the workspace"));
    m_importFolder->setText(tr("Import Image &Folder…"));
    m_importFolder->setStatusTip(tr("Import a folder of images, one sub-folder per class"));
    m_importDatabase->setText(tr("Import from &Database…"));
    m_importDatabase->setStatusTip(tr("Import a table or a query's rows from PostgreSQL or a SQLite file"));
    m_settings->setText(tr("&Settings…"));
    m_quit->setText(tr("&Quit"));
    m_fullScreen->setText(tr("&Full Screen"));
    m_verify->setText(tr("&Verify Workspace Objects"));
    m_verify->setStatusTip(tr("Re-hash every stored object and report any that are corrupt"));
    m_freeSpace->setText(tr("&Free Unused Space…"));
    m_freeSpace->setStatusTip(tr("Remove stored data that no dataset, run or model uses any more"));
    m_about->setText(tr("&About Kiln"));
    m_aboutQt->setText(tr("About &Qt"));
}

}  // namespace studio
}  // namespace kiln
