#include "app/studio/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>

#include <algorithm>
#include <exception>

#include "app/studio/about_dialog.h"
#include "app/studio/edit_actions.h"
#include "app/studio/entry_page.h"
#include "app/studio/import_controller.h"
#include "app/studio/run_controller.h"
#include "app/studio/samples_ui.h"
#include "widgets/catalog_events.h"
#include "widgets/recent_folder.h"
#include "app/studio/language_manager.h"
#include "app/studio/pipelines_ui.h"
#include "app/studio/recent_workspaces_menu.h"
#include "app/studio/run_jobs.h"
#include "app/studio/settings_dialog.h"
#include "app/studio/startup_report.h"
#include "app/studio/compare_ui.h"
#include "app/studio/export_ui.h"
#include "app/studio/serve_ui.h"
#include "app/studio/training_ui.h"
#include "app/studio/studio_settings.h"
#include "app/studio/verify_objects_job.h"
#include "app/studio/welcome_page.h"
#include "app/studio/workspace_edits_ui.h"
#include "core/store/workspace.h"
#include "widgets/dataset_page.h"
#include "widgets/environment_probe.h"
#include "widgets/image_dataset_page.h"
#include "widgets/job_manager.h"
#include "widgets/jobs_view.h"
#include "widgets/navigator_view.h"

namespace kiln {
namespace studio {

using kiln::widgets::CatalogEntry;
using kiln::widgets::CatalogSnapshot;

namespace {

constexpr int kStatusMessageMs = 10000;

// The dataset reference a tab shows, or an empty string for other tabs.
QString datasetReferenceOf(QWidget* page) {
    if (auto* table = qobject_cast<kiln::widgets::DatasetPage*>(page)) return table->reference();
    if (auto* images = qobject_cast<kiln::widgets::ImageDatasetPage*>(page)) return images->reference();
    return {};
}

QStringList localPaths(const QMimeData* mime) {
    QStringList paths;
    if (!mime || !mime->hasUrls()) return paths;
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile()) paths << url.toLocalFile();
    return paths;
}

}  // namespace

MainWindow::MainWindow(const QString& workspaceDir, QWidget* parent)
    : QMainWindow(parent),
      m_jobs(new kiln::widgets::JobManager(this)),
      m_environment(new kiln::widgets::EnvironmentProbe(this)) {
    m_imports = new ImportController(m_jobs, this);
    connect(m_imports, &ImportController::datasetImported, this, &MainWindow::datasetImported);
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/kiln.svg")));
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    createActions();
    createCentre();
    createDocks();
    m_training = new TrainingUi(m_tabs, m_navigator, m_environment, this);
    new RunJobs(m_training->controller(), m_jobs, this);
    m_compare = new CompareUi(m_tabs, m_jobs, this);
    m_compare->attachNavigator(m_navigator);
    m_export = new ExportUi(m_tabs, m_jobs, this);
    m_export->attachNavigator(m_navigator);
    m_export->attachTraining(m_training);
    m_export->setDatasetOpener([this](const QString& reference) {
        QString kind = QStringLiteral("table");
        for (const auto& e : m_navigator->snapshot().entries)
            if (e.kind == kiln::widgets::CatalogKind::Dataset &&
                e.name == reference.section(QLatin1Char('@'), 0, 0) && !e.datasetKind.isEmpty())
                kind = e.datasetKind;
        openDataset(reference, kind);
    });
    m_serve = new ServeUi(m_tabs, m_jobs, this);
    connect(m_export, &ExportUi::serveRequested, m_serve, &ServeUi::chooseServe);
    m_pipelines = new PipelinesUi(m_tabs, m_jobs, this);
    connect(m_pipelines, &PipelinesUi::openRunRequested, m_training, &TrainingUi::openRun);
    m_samples = new SamplesUi(m_imports, m_training, m_tabs, this);
    m_welcome->setSamples(m_samples->samples());
    connect(m_welcome, &WelcomePage::sampleRequested, m_samples, &SamplesUi::openSample);
    connect(m_samples, &SamplesUi::statusMessage, this,
            [this](const QString& text) { statusBar()->showMessage(text, 10000); });
    m_edits = new WorkspaceEditsUi(m_tabs, m_navigator, this);
    connect(m_navigator, &kiln::widgets::NavigatorView::actionRequested, this, &MainWindow::navigatorAction);
    connectCatalogEvents();
    m_editActions = new EditActions(this, m_tabs, [this](int index) { closeTab(index); });
    createMenus();
    createStatusBar();
    retranslateUi();
    restoreWindow();
    connect(m_environment, &kiln::widgets::EnvironmentProbe::ready, this,
            &MainWindow::updateStatus);
    connect(m_jobs, &kiln::widgets::JobManager::runningCountChanged, this,
            &MainWindow::updateStatus);
    // The probe reads the environment through the engines: only once the window is up.
    kiln::studio::afterFirstPaint(*this, [this] { m_environment->start(); });
    openWorkspace(initialWorkspace(workspaceDir), true);
}

MainWindow::~MainWindow() = default;

QString MainWindow::initialWorkspace(const QString& requested) const {
    if (!requested.isEmpty()) return requested;
    const QString configured = StudioSettings::workspaceFolder();
    if (!configured.isEmpty()) return configured;
    return QString::fromStdString(kiln::Workspace::defaultPath().string());
}

void MainWindow::createCentre() {
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("centralTabs"));
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    m_welcome = new WelcomePage(m_tabs);
    m_tabs->addTab(m_welcome, windowIcon(), QString());
    // The welcome tab stays: it is what the centre shows when nothing else is open.
    m_tabs->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);
    m_tabs->tabBar()->setTabButton(0, QTabBar::LeftSide, nullptr);
    setCentralWidget(m_tabs);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    connect(m_welcome, &WelcomePage::importRequested, this, &MainWindow::chooseImport);
    connect(m_welcome, &WelcomePage::openWorkspaceRequested, this, &MainWindow::chooseWorkspace);
}

void MainWindow::createDocks() {
    m_navigator = new kiln::widgets::NavigatorView(this);
    m_navigatorDock = new QDockWidget(this);
    m_navigatorDock->setObjectName(QStringLiteral("navigatorDock"));
    m_navigatorDock->setWidget(m_navigator);
    m_navigatorDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    addDockWidget(Qt::LeftDockWidgetArea, m_navigatorDock);
    connect(m_navigator, &kiln::widgets::NavigatorView::entryActivated, this,
            &MainWindow::openEntry);
    connect(m_navigator, &kiln::widgets::NavigatorView::snapshotLoaded, this,
            &MainWindow::showSnapshot);

    m_jobsView = new kiln::widgets::JobsView(m_jobs, this);
    m_jobsDock = new QDockWidget(this);
    m_jobsDock->setObjectName(QStringLiteral("jobsDock"));
    m_jobsDock->setWidget(m_jobsView);
    addDockWidget(Qt::BottomDockWidgetArea, m_jobsDock);
    resizeDocks({m_navigatorDock}, {320}, Qt::Horizontal);
    resizeDocks({m_jobsDock}, {200}, Qt::Vertical);
    connect(m_jobs, &kiln::widgets::JobManager::jobStarted, m_jobsDock, &QWidget::show);
}

void MainWindow::createStatusBar() {
    m_workspaceLabel = new QLabel(this);
    m_workspaceLabel->setObjectName(QStringLiteral("workspaceStatus"));
    m_deviceLabel = new QLabel(this);
    m_deviceLabel->setObjectName(QStringLiteral("deviceStatus"));
    m_jobsLabel = new QLabel(this);
    m_jobsLabel->setObjectName(QStringLiteral("jobsStatus"));
    for (QLabel* label : {m_workspaceLabel, m_deviceLabel, m_jobsLabel})
        label->setContentsMargins(6, 0, 6, 0);
    statusBar()->addPermanentWidget(m_workspaceLabel, 1);
    statusBar()->addPermanentWidget(m_deviceLabel);
    statusBar()->addPermanentWidget(m_jobsLabel);
}

void MainWindow::retranslateUi() {
    const QString name = QDir(m_workspacePath).dirName();
    setWindowTitle(m_workspacePath.isEmpty() ? tr("Kiln Studio")
                                             : tr("%1 — Kiln Studio").arg(name));
    m_fileMenu->setTitle(tr("&File"));
    m_viewMenu->setTitle(tr("&View"));
    m_toolsMenu->setTitle(tr("&Tools"));
    m_helpMenu->setTitle(tr("&Help"));
    m_navigatorDock->setWindowTitle(tr("Navigator"));
    m_jobsDock->setWindowTitle(tr("Jobs"));
    m_tabs->setTabText(m_tabs->indexOf(m_welcome), tr("Welcome"));
    retranslateActions();
    updateStatus();
}

void MainWindow::restoreWindow() {
    resize(1280, 800);
    restoreGeometry(StudioSettings::windowGeometry());
    restoreState(StudioSettings::windowState());
}

QString MainWindow::deviceText() const {
    if (!m_environment->isReady()) return tr("Detecting devices…");
    const kiln::Environment& env = m_environment->environment();
    const bool wantCpu = StudioSettings::defaultDevice() == QLatin1String("cpu");
    if (env.cudaAvailable && !wantCpu && !env.gpus.empty())
        return tr("CUDA · %1").arg(QString::fromStdString(env.gpus.front().name));
    return env.cpuCores == 1 ? tr("CPU · 1 core") : tr("CPU · %1 cores").arg(env.cpuCores);
}

QString MainWindow::runningJobsText() const {
    const int running = m_jobs->runningCount();
    if (running == 0) return tr("No jobs running");
    return running == 1 ? tr("1 job running") : tr("%1 jobs running").arg(running);
}

void MainWindow::updateStatus() {
    m_workspaceLabel->setText(m_workspacePath.isEmpty() ? tr("No workspace open")
                                                        : tr("Workspace: %1").arg(m_workspacePath));
    m_deviceLabel->setText(deviceText());
    if (m_environment->isReady())
        m_deviceLabel->setToolTip(QString::fromStdString(m_environment->environment().cudaReason));
    m_jobsLabel->setText(runningJobsText());
    m_verify->setEnabled(m_workspace != nullptr);
    m_freeSpace->setEnabled(m_workspace != nullptr);
    m_import->setEnabled(m_workspace != nullptr);
    m_importFolder->setEnabled(m_workspace != nullptr);
    m_importDatabase->setEnabled(m_workspace != nullptr);
}

bool MainWindow::openWorkspace(const QString& dir, bool create) {
    QString failure;
    try {
        auto opened = kiln::Workspace::open(dir.toStdString(), create);
        if (opened)
            m_workspace = std::move(opened.value());
        else
            failure = QString::fromStdString(opened.error().toString());
    } catch (const std::exception& e) {
        failure = QString::fromLocal8Bit(e.what());
    }
    if (!failure.isEmpty()) {
        showError(tr("Cannot Open Workspace"),
                  tr("The workspace at %1 could not be opened.").arg(dir), failure);
        return false;
    }
    m_workspacePath = QDir::cleanPath(dir);
    StudioSettings::addRecentWorkspace(m_workspacePath);
    // Tabs show items of the previous workspace.
    while (m_tabs->count() > 1) closeTab(m_tabs->count() - 1);
    m_navigator->setWorkspace(m_workspacePath);
    m_imports->setWorkspace(m_workspacePath);
    m_samples->setWorkspace(m_workspacePath);
    m_training->setWorkspace(m_workspacePath);
    m_compare->setWorkspace(m_workspacePath);
    m_export->setWorkspace(m_workspacePath);
    m_serve->setWorkspace(m_workspacePath);
    m_pipelines->setWorkspace(m_workspacePath);
    m_edits->setWorkspace(m_workspacePath);
    m_welcome->setWorkspace(m_workspacePath);
    retranslateUi();
    return true;
}

void MainWindow::showError(const QString& title, const QString& text, const QString& details) {
    auto* box = new QMessageBox(QMessageBox::Critical, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorBox"));
    box->setInformativeText(details);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showSnapshot(const CatalogSnapshot& snapshot) {
    if (snapshot.ok())
        m_welcome->setCounts(snapshot.counts);
    else
        statusBar()->showMessage(tr("Could not read the catalog: %1").arg(snapshot.error));
}

void MainWindow::openEntry(const CatalogEntry& entry) {
    if (entry.kind == kiln::widgets::CatalogKind::Dataset) {
        openDataset(entry.reference(), entry.datasetKind);
        return;
    }
    if (entry.kind == kiln::widgets::CatalogKind::Run) {
        m_training->openRun(entry.id);
        return;
    }
    if (entry.kind == kiln::widgets::CatalogKind::Model) {
        m_export->openModels(entry.name);
        return;
    }
    if (entry.kind == kiln::widgets::CatalogKind::Pipeline) {
        m_pipelines->openPipeline(entry.name, entry.file);
        return;
    }
    if (entry.kind == kiln::widgets::CatalogKind::Sweep) {  // a sweep is the comparison of its trials
        m_compare->compare(m_navigator->trialsOf(entry.id));
        return;
    }
    const QString key = EntryPage::keyFor(entry);
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto* page = qobject_cast<EntryPage*>(m_tabs->widget(i));
        if (page && EntryPage::keyFor(page->entry()) == key) return m_tabs->setCurrentIndex(i);
    }
    m_tabs->setCurrentIndex(m_tabs->addTab(new EntryPage(entry, m_tabs), entry.name));
}

void MainWindow::closeTab(int index) {
    QWidget* page = m_tabs->widget(index);
    if (!page || page == m_welcome) return;
    m_tabs->removeTab(index);
    page->deleteLater();
}

int MainWindow::startVerifyObjects() {
    if (!m_workspace) return 0;
    auto job =
        makeVerifyObjectsJob(m_workspace->objects().root(), tr("All %1 objects match their hashes"),
                             tr("%1 of %2 objects are corrupt"));
    m_jobsDock->show();
    return m_jobs->start(QStringLiteral("Verify workspace objects"), std::move(job));
}

void MainWindow::importPaths(const QStringList& paths) {
    if (paths.isEmpty() || !m_workspace) return;
    m_imports->importPaths(paths);
    const QString message = paths.size() == 1 ? tr("Importing 1 item") : tr("Importing %1 items").arg(paths.size());
    statusBar()->showMessage(message, kStatusMessageMs);
}

QWidget* MainWindow::openDataset(const QString& given, const QString& kind) {
    // "NAME" is its newest version: one tab for both, "NAME vN".
    QString reference = given;
    if (!given.contains(QLatin1Char('@'))) {
        int newest = 0;
        for (const CatalogEntry& e : m_navigator->snapshot().entries)
            if (e.kind == kiln::widgets::CatalogKind::Dataset && e.name == given) newest = std::max(newest, e.version);
        if (newest > 0) reference = given + QLatin1Char('@') + QString::number(newest);
    }
    for (int i = 0; i < m_tabs->count(); ++i)
        if (datasetReferenceOf(m_tabs->widget(i)) == reference) {
            m_tabs->setCurrentIndex(i);
            return m_tabs->widget(i);
        }
    QWidget* page = nullptr;
    if (kind == QLatin1String("images"))
        page = new kiln::widgets::ImageDatasetPage(m_workspacePath, reference, m_tabs);
    else {
        auto* table = new kiln::widgets::DatasetPage(m_workspacePath, reference, m_tabs);
        connect(table, &kiln::widgets::DatasetPage::refreshRequested, m_imports, &ImportController::startRefresh);
        page = table;
    }
    const QIcon icon(QStringLiteral(":/icons/dataset.svg"));
    m_tabs->setCurrentIndex(m_tabs->addTab(page, icon, QString(reference).replace(QLatin1Char('@'), QLatin1String(" v"))));
    return page;
}

// The navigator's context menu: each verb goes to the panel that does it.
void MainWindow::navigatorAction(kiln::widgets::NavigatorAction action, const QVector<CatalogEntry>& entries) {
    using kiln::widgets::NavigatorAction;
    if (entries.isEmpty()) return;
    const CatalogEntry& first = entries.front();
    QStringList runIds;
    for (const CatalogEntry& e : entries) runIds << e.id;
    switch (action) {
    case NavigatorAction::Open: return openEntry(first);
    case NavigatorAction::Train: m_training->openTrainPanel(first.reference()); return;
    case NavigatorAction::Compare: m_compare->compare(runIds); return;
    case NavigatorAction::Export: return m_export->chooseExport(first.id);
    case NavigatorAction::Register: return m_export->chooseRegister(first.id);
    case NavigatorAction::Star: return m_edits->setStarred(entries, true);
    case NavigatorAction::Unstar: return m_edits->setStarred(entries, false);
    case NavigatorAction::Rename: return m_edits->rename(first);
    case NavigatorAction::Reveal: return m_edits->reveal(first);
    case NavigatorAction::Remove: return m_edits->remove(entries);
    case NavigatorAction::RunNow:
        m_pipelines->runNow(first.file);
        return;
    }
}

void MainWindow::datasetImported(const QString& reference, const QString& kind) {
    m_catalogEvents->notify();
    openDataset(reference, kind);
}

// One "catalog changed" for the window: what changes the catalog notifies, what shows it reloads.
void MainWindow::connectCatalogEvents() {
    using kiln::widgets::CatalogEvents;
    m_catalogEvents = new CatalogEvents(this);
    connect(m_edits, &WorkspaceEditsUi::catalogChanged, m_catalogEvents, &CatalogEvents::notify);
    // Background jobs (sweeps, registrations, image imports) change the catalog as they end.
    connect(m_jobs, &kiln::widgets::JobManager::jobFinished, m_catalogEvents, &CatalogEvents::notify);
    connect(m_training->controller(), &RunController::runsChanged, m_catalogEvents, &CatalogEvents::notify);
    connect(m_pipelines, &PipelinesUi::catalogChanged, m_catalogEvents, &CatalogEvents::notify);
    connect(m_catalogEvents, &CatalogEvents::changed, m_navigator, &kiln::widgets::NavigatorView::reload);
    connect(m_catalogEvents, &CatalogEvents::changed, m_training, &TrainingUi::catalogChanged);
    connect(m_catalogEvents, &CatalogEvents::changed, m_compare, &CompareUi::catalogChanged);
}

void MainWindow::newWorkspace() {
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Choose a Folder for the New Workspace"));
    if (!dir.isEmpty()) openWorkspace(dir, true);
}

void MainWindow::chooseWorkspace() {
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Open Workspace"), m_workspacePath);
    if (dir.isEmpty()) return;
    if (!kiln::Workspace::exists(dir.toStdString())) {
        const auto answer =
            QMessageBox::question(this, tr("Open Workspace"),
                                  tr("%1 holds no Kiln workspace. Create one there?").arg(dir));
        if (answer != QMessageBox::Yes) return;
    }
    openWorkspace(dir, true);
}

void MainWindow::chooseImport() {
    const QStringList files =
        QFileDialog::getOpenFileNames(this, tr("Import Data"), kiln::widgets::recentFolder(QStringLiteral("import")),
                                      tr("Tables (*.csv *.tsv *.txt *.parquet *.jsonl *.ndjson *.json *.xlsx);;All files (*)"));
    if (files.isEmpty()) return;
    kiln::widgets::rememberFolder(QStringLiteral("import"), files.first());
    importPaths(files);
}

void MainWindow::chooseImportFolder() {
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Import Image Folder"), kiln::widgets::recentFolder(QStringLiteral("import-folder")));
    if (folder.isEmpty()) return;
    // The next folder is most likely a sibling: the dialog opens on the parent.
    kiln::widgets::rememberFolder(QStringLiteral("import-folder"), QFileInfo(folder).absolutePath());
    importPaths({folder});
}

void MainWindow::showSettings() {
    auto* dialog = new SettingsDialog(m_environment, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setOpenWorkspace(m_workspace ? m_workspacePath : QString());
    connect(dialog, &SettingsDialog::hostsChanged, m_training, &TrainingUi::reloadHosts);
    connect(dialog, &QDialog::accepted, this, [this] {
        LanguageManager::apply(StudioSettings::language());
        const QString folder = StudioSettings::workspaceFolder();
        if (!folder.isEmpty() && QDir::cleanPath(folder) != m_workspacePath) openWorkspace(folder);
        updateStatus();
    });
    dialog->open();
}

void MainWindow::showAbout() {
    auto* dialog = new AboutDialog(m_environment, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    if (event->type() == QEvent::WindowStateChange) {
        // Follow the window (e.g. the window manager left full screen) without acting again.
        const QSignalBlocker blocker(m_fullScreen);
        m_fullScreen->setChecked(windowState() & Qt::WindowFullScreen);
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    StudioSettings::setWindowGeometry(saveGeometry(), saveState());
    m_jobs->cancelAll();
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (!localPaths(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QStringList paths = localPaths(event->mimeData());
    if (paths.isEmpty()) return;
    event->acceptProposedAction();
    importPaths(paths);
}

}  // namespace studio
}  // namespace kiln
