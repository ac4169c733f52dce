#include <catch2/catch.hpp>

#include <QAction>
#include <QItemSelectionModel>
#include <QTableView>
#include <QDialog>
#include <QClipboard>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QTreeWidget>
#include <QUrl>

#include <QImage>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include "app/studio/compare_ui.h"
#include "app/studio/edit_actions.h"
#include "app/studio/export_ui.h"
#include "app/studio/training_ui.h"
#include "app/studio/import_controller.h"
#include "app/studio/import_preview_dialog.h"
#include "app/studio/language_manager.h"
#include "core/base/names.h"
#include "core/data/dataset_catalog.h"
#include "core/jobs/job_context.h"
#include "core/data/csv_import.h"
#include "core/store/workspace.h"
#include "widgets/table_preview_model.h"
#include "widgets/dataset_page.h"
#include "app/studio/main_window.h"
#include "app/studio/recent_workspaces_menu.h"
#include "app/studio/studio_resources.h"
#include "app/studio/studio_settings.h"
#include "app/studio/welcome_page.h"
#include "qt_test_helpers.h"
#include "test_workspace_fixture.h"
#include "widgets/environment_probe.h"
#include "widgets/job_manager.h"
#include "widgets/jobs_model.h"
#include "widgets/jobs_view.h"
#include "widgets/navigator_view.h"

using kiln::studio::LanguageManager;
using kiln::studio::MainWindow;
using kiln::test::waitUntil;

namespace {

QStringList actionNames(const QMenu* menu) {
    QStringList names;
    for (const QAction* action : menu->actions())
        if (!action->isSeparator()) names << action->objectName();
    return names;
}

// A window on a sample workspace, sized like a laptop screen, with its catalog read.
struct WindowFixture {
    QTemporaryDir dir;
    QString objectHash;
    std::unique_ptr<MainWindow> window;

    WindowFixture() {
        kiln::studio::initStudioResources();
        LanguageManager::apply(QStringLiteral("en"));
        objectHash = kiln::test::makeSampleWorkspace(dir.path());
        window = std::make_unique<MainWindow>(dir.path());
        window->resize(1280, 800);
        window->show();
    }

    ~WindowFixture() {
        window.reset();
        // Catalog reads on the pool must end before the workspace folder is removed.
        QThreadPool::globalInstance()->waitForDone();
    }

    bool settled() {
        return waitUntil([&] {
            return window->navigator()->snapshot().counts.datasets == 2 &&
                   window->environmentProbe()->isReady();
        });
    }
};

}  // namespace

TEST_CASE("the main window opens on a workspace and shows its catalog", "[app]") {
    WindowFixture f;
    REQUIRE_FALSE(f.objectHash.isEmpty());
    REQUIRE(f.window->workspace() != nullptr);
    CHECK(f.window->workspacePath() == QDir::cleanPath(f.dir.path()));
    REQUIRE(f.settled());

    QTreeWidget* tree = f.window->navigator()->tree();
    REQUIRE(tree->topLevelItemCount() == 4);
    CHECK(tree->topLevelItem(0)->text(0) == QStringLiteral("Datasets (2)"));
    CHECK(tree->topLevelItem(0)->child(0)->text(0) == QStringLiteral("flowers"));
    // Runs show their status after the name.
    CHECK(tree->topLevelItem(1)->child(0)->text(0) == QStringLiteral("titanic-mlp · completed"));
    CHECK(tree->topLevelItem(2)->child(0)->text(0) == QStringLiteral("titanic-survival"));
    // No pipeline has run here: the section says how to open one.
    CHECK(tree->topLevelItem(3)->text(0) == QStringLiteral("Pipelines (0)"));
    CHECK(tree->topLevelItem(3)->child(0)->text(0).contains(QStringLiteral("Open Pipeline")));
    CHECK(f.window->welcomePage()->countsText().startsWith(
        QStringLiteral("Datasets: 2 (versions: 3)")));
    CHECK(f.window->deviceText().contains(QStringLiteral(" · ")));
    CHECK(f.window->runningJobsText() == QStringLiteral("No jobs running"));

    // Activating a dataset opens it in a tab, once.
    tree->setCurrentItem(tree->topLevelItem(0)->child(1));
    Q_EMIT tree->itemActivated(tree->topLevelItem(0)->child(1), 0);
    Q_EMIT tree->itemActivated(tree->topLevelItem(0)->child(1), 0);
    REQUIRE(f.window->tabs()->count() == 2);
    // A dataset opens as its newest version: activating that version shows the same tab.
    QTreeWidgetItem* newest = tree->topLevelItem(0)->child(1)->child(0);
    REQUIRE(newest);
    const QString title = f.window->tabs()->tabText(1);
    CHECK(title.startsWith(QStringLiteral("titanic v")));
    CHECK(newest->text(0).startsWith(QStringLiteral("version ") + title.section(QLatin1Char('v'), -1) + QStringLiteral(" ")));
    Q_EMIT tree->itemActivated(newest, 0);
    CHECK(f.window->tabs()->count() == 2);
    f.window->tabs()->setCurrentIndex(0);
    CHECK(kiln::test::saveScreenshot(f.window.get(), QStringLiteral("main_window_en.png")));
}

TEST_CASE("the menus hold the expected actions", "[app]") {
    WindowFixture f;
    auto* file = f.window->findChild<QMenu*>(QStringLiteral("menuFile"));
    auto* view = f.window->findChild<QMenu*>(QStringLiteral("menuView"));
    auto* tools = f.window->findChild<QMenu*>(QStringLiteral("menuTools"));
    auto* help = f.window->findChild<QMenu*>(QStringLiteral("menuHelp"));
    REQUIRE(file);
    REQUIRE(view);
    REQUIRE(tools);
    REQUIRE(help);
    CHECK(file->title() == QStringLiteral("&File"));
    CHECK(actionNames(file) ==
          QStringList{QStringLiteral("actionNewWorkspace"), QStringLiteral("actionOpenWorkspace"),
                      QString(), QStringLiteral("actionImport"), QStringLiteral("actionImportFolder"), QStringLiteral("actionImportDatabase"),
                      QStringLiteral("menuOpenSample"), QStringLiteral("actionOpenPipeline"), QStringLiteral("actionSettings"),
                      QStringLiteral("actionCloseTab"),
                      QStringLiteral("actionQuit")});
    auto* edit = f.window->findChild<QMenu*>(QStringLiteral("menuEdit"));
    REQUIRE(edit);
    CHECK(actionNames(edit) == QStringList{QStringLiteral("actionCopy")});
    CHECK(actionNames(help).first() == QStringLiteral("actionShortcuts"));
    CHECK(file->actions().at(2)->menu()->objectName() == QStringLiteral("menuRecentWorkspaces"));
    const QList<QAction*> viewActions = view->actions();
    auto* navigatorDock = f.window->findChild<QDockWidget*>(QStringLiteral("navigatorDock"));
    auto* jobsDock = f.window->findChild<QDockWidget*>(QStringLiteral("jobsDock"));
    CHECK(viewActions.contains(navigatorDock->toggleViewAction()));
    CHECK(viewActions.contains(jobsDock->toggleViewAction()));
    CHECK(actionNames(view).contains(QStringLiteral("actionFullScreen")));
    CHECK(actionNames(tools) == QStringList{QStringLiteral("actionVerifyObjects"), QStringLiteral("actionFreeUnusedSpace")});
    CHECK(actionNames(help).contains(QStringLiteral("actionAbout")));

    // The toggle actions really hide and show the docks.
    navigatorDock->toggleViewAction()->trigger();
    CHECK_FALSE(navigatorDock->isVisible());
    navigatorDock->toggleViewAction()->trigger();
    CHECK(navigatorDock->isVisible());
}

TEST_CASE("Tools > Verify Workspace Objects runs as a job in the jobs dock", "[app][jobs]") {
    WindowFixture f;
    kiln::widgets::JobsModel* model = f.window->jobsView()->model();
    f.window->findChild<QAction*>(QStringLiteral("actionVerifyObjects"))->trigger();
    REQUIRE(model->rowCount() == 1);
    CHECK(model->data(model->index(0, 0)).toString() == QStringLiteral("Verify workspace objects"));
    REQUIRE(waitUntil([&] { return f.window->jobManager()->runningCount() == 0; }));
    CHECK(model->data(model->index(0, kiln::widgets::JobsModel::StateColumn)).toString() ==
          QStringLiteral("Completed"));
    CHECK(model->data(model->index(0, kiln::widgets::JobsModel::MessageColumn)).toString() ==
          QStringLiteral("All 2 objects match their hashes"));

    // A damaged object fails the job and shows up among the issues.
    REQUIRE(kiln::test::corruptObject(f.dir.path(), f.objectHash));
    const int id = f.window->startVerifyObjects();
    REQUIRE(waitUntil([&] { return f.window->jobManager()->runningCount() == 0; }));
    CHECK(f.window->jobManager()->job(id)->state == kiln::widgets::JobState::Failed);
    CHECK(f.window->jobManager()->job(id)->message.contains(QStringLiteral("1 of 2 objects")));
    REQUIRE(waitUntil([&] { return f.window->jobsView()->issues()->topLevelItemCount() == 1; }));
    CHECK(f.window->jobsView()->issues()->topLevelItem(0)->text(1).contains(f.objectHash.mid(2)));
}

TEST_CASE("Korean shows Korean in the whole window", "[app][i18n]") {
    WindowFixture f;
    REQUIRE(f.settled());
    // Tabs already open take the new language as well.
    f.window->compareUi()->openRuns();
    f.window->training()->openTrainPanel();
    f.window->exportUi()->openModels();
    f.window->compareUi()->compare({});
    REQUIRE(LanguageManager::apply(QStringLiteral("ko")) == QStringLiteral("ko"));
    auto* file = f.window->findChild<QMenu*>(QStringLiteral("menuFile"));
    const QString expected = QCoreApplication::translate("kiln::studio::MainWindow", "&File");
    CHECK(expected != QStringLiteral("&File"));
    // Qt posts QEvent::LanguageChange to the windows; it arrives with the next events.
    CHECK(waitUntil([&] { return file->title() == expected; }));
    CHECK(kiln::test::hasHangul(file->title()));
    CHECK(kiln::test::hasHangul(f.window->findChild<QMenu*>(QStringLiteral("menuTools"))->title()));
    CHECK(kiln::test::hasHangul(f.window->navigator()->tree()->topLevelItem(0)->text(0)));
    CHECK(kiln::test::hasHangul(f.window->runningJobsText()));
    for (int i = 0; i < f.window->tabs()->count(); ++i) {
        INFO(f.window->tabs()->tabText(i).toStdString());
        CHECK(kiln::test::hasHangul(f.window->tabs()->tabText(i)));
    }
    f.window->startVerifyObjects();
    REQUIRE(waitUntil([&] { return f.window->jobManager()->runningCount() == 0; }));
    CHECK(kiln::test::saveScreenshot(f.window.get(), QStringLiteral("main_window_ko.png")));

    LanguageManager::apply(QStringLiteral("en"));
    CHECK(waitUntil([&] { return file->title() == QStringLiteral("&File"); }));
}

TEST_CASE("dropped files and folders are imported and open in tabs", "[app][dnd]") {
    WindowFixture f;
    REQUIRE(f.settled());
    QTemporaryDir images;
    for (const char* label : {"left", "right"}) {
        QDir().mkpath(images.filePath(QLatin1String(label)));
        for (int i = 0; i < 3; ++i) {
            QImage image(40 + 8 * i, 30, QImage::Format_RGB32);
            image.fill(QColor::fromHsv(i * 90, 200, 200));
            REQUIRE(image.save(images.filePath(QStringLiteral("%1/%2.png").arg(QLatin1String(label)).arg(i))));
        }
    }
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(QStringLiteral(KILN_FIXTURE_DIR "/iris.csv")),
                  QUrl::fromLocalFile(QStringLiteral(KILN_FIXTURE_DIR "/wine.csv")),
                  QUrl::fromLocalFile(images.path())});
    QDragEnterEvent enter(QPoint(640, 400), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(f.window.get(), &enter);
    CHECK(enter.isAccepted());
    QDropEvent drop(QPointF(640, 400), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(f.window.get(), &drop);
    CHECK(drop.isAccepted());

    // One preview per file, in turn; the folder imports at once.
    for (const char* name : {"iris", "wine"}) {
        kiln::studio::ImportPreviewDialog* dialog = nullptr;
        REQUIRE(waitUntil([&] {
            dialog = f.window->imports()->currentPreview();
            return dialog && !dialog->isBusy();
        }));
        CHECK(dialog->datasetName() == QLatin1String(name));
        CHECK(dialog->errorText().isEmpty());
        // A name that could never be typed back is refused in the dialog, with the rule shown.
        auto* nameEdit = dialog->findChild<QLineEdit*>(QStringLiteral("datasetName"));
        auto* problem = dialog->findChild<QLabel*>(QStringLiteral("datasetNameProblem"));
        auto* buttons = dialog->findChild<QDialogButtonBox*>();
        REQUIRE((nameEdit && problem && buttons));
        nameEdit->setText(QStringLiteral("-my data@2"));
        CHECK(problem->isVisibleTo(dialog));
        CHECK_FALSE(buttons->button(QDialogButtonBox::Ok)->isEnabled());
        nameEdit->setText(QLatin1String(name));
        CHECK_FALSE(problem->isVisibleTo(dialog));
        CHECK(buttons->button(QDialogButtonBox::Ok)->isEnabled());
        dialog->accept();
    }
    REQUIRE(waitUntil([&] { return f.window->jobManager()->runningCount() == 0 &&
                                   f.window->tabs()->count() == 4; }, 30000));
    REQUIRE(waitUntil([&] { return f.window->navigator()->snapshot().counts.datasets == 5; }));
    auto workspace = kiln::Workspace::open(f.dir.path().toStdString(), false);
    REQUIRE(workspace);
    kiln::DatasetCatalog catalog(workspace.value()->catalog());
    auto iris = catalog.resolve("iris");
    REQUIRE(iris);
    CHECK(iris.value().rows == 150);
    REQUIRE(catalog.resolve("wine"));
    // The folder's name (QTemporaryDir's, with the test's application name) made valid by core's rule.
    auto folder = catalog.resolve(kiln::validNameFrom(QFileInfo(images.path()).fileName().toStdString()));
    REQUIRE(folder);
    CHECK(folder.value().kind == "images");
    CHECK(folder.value().rows == 6);
    QStringList titles;
    for (int i = 1; i < f.window->tabs()->count(); ++i) titles << f.window->tabs()->tabText(i);
    CHECK(titles.contains(QStringLiteral("iris v1")));
    CHECK(titles.contains(QStringLiteral("wine v1")));
    auto* page = qobject_cast<kiln::widgets::DatasetPage*>(f.window->tabs()->widget(titles.indexOf(QStringLiteral("iris v1")) + 1));
    REQUIRE(page);
    f.window->tabs()->setCurrentWidget(page);
    REQUIRE(waitUntil([&] { return page->hasProfile(); }));
    CHECK(kiln::test::saveScreenshot(f.window.get(), QStringLiteral("main_window_after_drop.png")));
}

TEST_CASE("a failed import is reported in the job, not as a crash", "[app][dnd]") {
    WindowFixture f;
    REQUIRE(f.settled());
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("ragged.csv"));
    QFile file(bad);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("a,b\n1,2\n3,4,5\n");
    file.close();
    const int id = f.window->imports()->startFileImport(bad, QStringLiteral("ragged"), kiln::ImportOptions{});
    REQUIRE(waitUntil([&] { return f.window->jobManager()->runningCount() == 0; }));
    CHECK(f.window->jobManager()->job(id)->state == kiln::widgets::JobState::Failed);
    CHECK(f.window->jobManager()->job(id)->message.contains(QStringLiteral("ragged.csv:3:")));
    REQUIRE(waitUntil([&] { return f.window->jobsView()->issues()->topLevelItemCount() == 1; }));
    CHECK(f.window->tabs()->count() == 1);
}

TEST_CASE("a workspace from a newer Kiln is refused with a message, not a crash", "[app]") {
    QTemporaryDir dir;
    REQUIRE(kiln::test::makeSchemaTooNew(dir.path()));
    kiln::studio::initStudioResources();
    MainWindow window(dir.path());
    CHECK(window.workspace() == nullptr);
    auto* box = window.findChild<QMessageBox*>(QStringLiteral("errorBox"));
    REQUIRE(box);
    CHECK(box->isVisible());
    CHECK(box->informativeText().contains(QStringLiteral("newer Kiln")));
    CHECK_FALSE(window.findChild<QAction*>(QStringLiteral("actionVerifyObjects"))->isEnabled());
    QThreadPool::globalInstance()->waitForDone();
}

TEST_CASE("recent workspaces are remembered, newest first, and can be cleared", "[app]") {
    kiln::studio::StudioSettings::clearRecentWorkspaces();
    QTemporaryDir a;
    QTemporaryDir b;
    MainWindow window(a.path());
    REQUIRE(window.openWorkspace(b.path()));
    const QStringList recent = kiln::studio::StudioSettings::recentWorkspaces();
    REQUIRE(recent.size() >= 2);
    CHECK(recent.at(0) == QDir::cleanPath(b.path()));
    CHECK(recent.at(1) == QDir::cleanPath(a.path()));
    for (int i = 0; i < 10; ++i)
        kiln::studio::StudioSettings::addRecentWorkspace(QString::number(i));
    CHECK(kiln::studio::StudioSettings::recentWorkspaces().size() == 8);
    auto* menu = window.findChild<kiln::studio::RecentWorkspacesMenu*>();
    REQUIRE(menu);
    menu->rebuild();                         // what opening the menu does
    CHECK(menu->actions().size() == 8 + 2);  // eight workspaces, a separator, Clear
    CHECK(menu->actions().at(0)->text().endsWith(QStringLiteral("9")));
    menu->clearAction()->trigger();
    CHECK(kiln::studio::StudioSettings::recentWorkspaces().isEmpty());
    CHECK_FALSE(menu->clearAction()->isEnabled());
    QThreadPool::globalInstance()->waitForDone();
}

TEST_CASE("the window remembers its geometry", "[app]") {
    QTemporaryDir dir;
    {
        MainWindow window(dir.path());
        window.resize(1111, 777);
        window.show();
        window.close();
    }
    CHECK_FALSE(kiln::studio::StudioSettings::windowGeometry().isEmpty());
    MainWindow again(dir.path());
    CHECK(again.size() == QSize(1111, 777));
    QThreadPool::globalInstance()->waitForDone();
}

TEST_CASE("counts read as English and Korean say them: 1 run, 2 runs", "[app]") {
    kiln::studio::initStudioResources();
    auto said = [](int n) {
        return QCoreApplication::translate("kiln::studio::CompareUi", "Compare (%n run(s))", nullptr, n);
    };
    LanguageManager::apply(QStringLiteral("en"));
    CHECK(said(1) == QStringLiteral("Compare (1 run)"));
    CHECK(said(2) == QStringLiteral("Compare (2 runs)"));
    CHECK(QCoreApplication::translate("kiln::widgets::HistogramView", "%Ln value(s) · %1 missing · %2 bins%3",
                                      nullptr, 1234)
              .startsWith(QStringLiteral("1,234 values")));
    LanguageManager::apply(QStringLiteral("ko"));
    CHECK(said(1) == QStringLiteral("비교 (실행 1개)"));
    LanguageManager::apply(QStringLiteral("en"));
}

TEST_CASE("cells copy as tab-separated text, tabs close with Ctrl+W, shortcuts are listed", "[app]") {
    WindowFixture f;
    REQUIRE(f.settled());
    {
        auto ws = kiln::Workspace::open(f.dir.path().toStdString(), false);
        REQUIRE(ws.ok());
        kiln::NullJobContext job;
        REQUIRE(kiln::importCsvDataset(**ws, std::string(KILN_FIXTURE_DIR) + "/iris.csv", "iris",
                                       kiln::ImportOptions{}, job)
                    .ok());
    }
    auto* page = qobject_cast<kiln::widgets::DatasetPage*>(
        f.window->openDataset(QStringLiteral("iris@1"), QStringLiteral("table")));
    REQUIRE(f.window->tabs()->count() == 2);
    REQUIRE(page);
    REQUIRE(waitUntil([&] { return page->isLoaded(); }));
    QTableView* table = page->tableView();
    auto* model = table->model();
    table->selectionModel()->select(QItemSelection(model->index(0, 0), model->index(1, 1)),
                                    QItemSelectionModel::Select);
    table->setFocus();
    QApplication::clipboard()->clear();
    REQUIRE(f.window->editActions()->copyFocused());
    const QString expected = model->index(0, 0).data().toString() + QLatin1Char('\t') +
                             model->index(0, 1).data().toString() + QLatin1Char('\n') +
                             model->index(1, 0).data().toString() + QLatin1Char('\t') +
                             model->index(1, 1).data().toString() + QLatin1Char('\n');
    CHECK(QApplication::clipboard()->text() == expected);
    // The table's own Copy (Ctrl+C, right-click) does the same.
    QApplication::clipboard()->clear();
    page->findChild<QAction*>(QStringLiteral("copyCells"))->trigger();
    CHECK(QApplication::clipboard()->text() == expected);

    const auto rows = f.window->editActions()->shortcutRows();
    QStringList keys;
    for (const auto& row : rows) keys << row.first;
    CHECK(keys.filter(QStringLiteral("Ctrl+W")).size() == 1);
    CHECK(keys.contains(QKeySequence(QKeySequence::Copy).toString(QKeySequence::NativeText)));
    CHECK(keys.contains(QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText)));
    f.window->editActions()->showShortcuts();
    auto* dialog = f.window->findChild<QDialog*>(QStringLiteral("shortcutsDialog"));
    REQUIRE(dialog);
    CHECK(kiln::test::saveScreenshot(dialog, QStringLiteral("keyboard_shortcuts.png")));
    dialog->close();

    f.window->tabs()->setCurrentIndex(1);
    f.window->editActions()->closeTabAction()->trigger();
    CHECK(f.window->tabs()->count() == 1);
    f.window->editActions()->closeTabAction()->trigger();  // the welcome page stays
    CHECK(f.window->tabs()->count() == 1);
}
