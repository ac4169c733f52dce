// The navigator's context menu and the edits behind it: delete with its undo window, rename,
// star, show in folder and Tools ▸ Free Unused Space, on a workspace of real imported tables.
#include <catch2/catch.hpp>

#include <QAction>
#include <QComboBox>
#include <QTimer>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QTreeWidget>

#include "app/studio/language_manager.h"
#include "app/studio/main_window.h"
#include "app/studio/studio_resources.h"
#include "app/studio/workspace_edits_ui.h"
#include "core/data/csv_import.h"
#include "core/data/dataset_catalog.h"
#include "core/data/table.h"
#include "core/jobs/job_context.h"
#include "core/lifecycle/stars.h"
#include "core/runs/run_store.h"
#include "core/store/object_collection.h"
#include "core/store/workspace.h"
#include "core/train/run_spec.h"
#include "qt_test_helpers.h"
#include "widgets/catalog_events.h"
#include "widgets/navigator_view.h"
#include "widgets/runs_table_model.h"
#include "widgets/runs_table_view.h"
#include "app/studio/compare_ui.h"
#include "app/studio/sweep_dialog.h"

using kiln::studio::MainWindow;
using kiln::test::waitUntil;
using kiln::widgets::CatalogEntry;
using kiln::widgets::CatalogKind;
using kiln::widgets::NavigatorAction;

namespace {

// Two imported fixture tables (iris, wine), a completed run on each, one of them registered.
struct EditsFixture {
    QTemporaryDir dir;
    std::string irisRun, wineRun;
    std::unique_ptr<MainWindow> window;
    QStringList confirmations;

    EditsFixture() {
        kiln::studio::initStudioResources();
        kiln::studio::LanguageManager::apply(QStringLiteral("en"));
        auto ws = kiln::Workspace::open(dir.path().toStdString());
        REQUIRE(ws.ok());
        irisRun = importWithRun(**ws, "iris");
        wineRun = importWithRun(**ws, "wine");
        ws->reset();
        window = std::make_unique<MainWindow>(dir.path());
        window->resize(1280, 800);
        window->show();
        window->edits()->setUndoMilliseconds(300);
        window->edits()->setConfirmer([this](const QString&, const QString& text) {
            confirmations << text;
            return true;
        });
        REQUIRE(waitUntil([&] { return window->navigator()->snapshot().counts.runs == 2; }));
    }
    ~EditsFixture() {
        window.reset();
        QThreadPool::globalInstance()->waitForDone();
    }

    static std::string importWithRun(kiln::Workspace& ws, const std::string& name) {
        kiln::NullJobContext job;
        const std::string file = std::string(KILN_FIXTURE_DIR) + "/" + name + ".csv";
        auto imported = kiln::importCsvDataset(ws, file, name, kiln::ImportOptions{}, job);
        REQUIRE(imported.ok());
        auto v = kiln::DatasetCatalog(ws.catalog()).resolve(name);
        REQUIRE(v.ok());
        kiln::RunSpec spec;
        spec.dataset = name;
        spec.datasetVersion = v->version;
        spec.datasetHash = v->contentHash;
        spec.target = name == "iris" ? "species" : "cultivar";
        auto id = kiln::createRun(ws, spec, v->id);
        REQUIRE(id.ok());
        REQUIRE(kiln::markRun(ws.catalog(), *id, kiln::RunStatus::Completed, "").ok());
        return *id;
    }

    QTreeWidgetItem* item(CatalogKind kind, const QString& startsWith) {
        QTreeWidget* tree = window->navigator()->tree();
        QTreeWidgetItem* section = tree->topLevelItem(int(kind));
        for (int i = 0; i < section->childCount(); ++i)
            if (section->child(i)->text(0).contains(startsWith)) return section->child(i);
        return nullptr;
    }
    CatalogEntry entry(CatalogKind kind, const QString& name) {
        for (const CatalogEntry& e : window->navigator()->snapshot().entries)
            if (e.kind == kind && e.version == 0 && (e.name == name || e.id == name)) return e;
        FAIL("no entry " << name.toStdString());
        return {};
    }
    std::unique_ptr<kiln::Workspace> open() {
        auto ws = kiln::Workspace::open(dir.path().toStdString(), false);
        REQUIRE(ws.ok());
        return std::move(*ws);
    }
};

QStringList actionTexts(QMenu* menu) {
    QStringList texts;
    for (QAction* a : menu->actions())
        if (!a->isSeparator()) texts << a->text();
    return texts;
}

QAction* actionFor(QMenu* menu, NavigatorAction action) {
    for (QAction* a : menu->actions())
        if (!a->isSeparator() && a->data().toInt() == int(action)) return a;
    return nullptr;
}

}  // namespace

TEST_CASE("right-click offers each entry's verbs", "[app][edits]") {
    EditsFixture f;
    QTreeWidgetItem* run = f.item(CatalogKind::Run, QStringLiteral("iris/species"));
    REQUIRE(run);
    std::unique_ptr<QMenu> runMenu(f.window->navigator()->buildContextMenu(run));
    REQUIRE(runMenu);
    CHECK(actionTexts(runMenu.get()) ==
          QStringList{QStringLiteral("Open"), QStringLiteral("Compare Selected Runs"), QStringLiteral("Export ONNX…"),
                      QStringLiteral("Register Model…"), QStringLiteral("Star (Keep)"), QStringLiteral("Rename…"),
                      QStringLiteral("Show Run Folder"), QStringLiteral("Delete…")});
    CHECK_FALSE(actionFor(runMenu.get(), NavigatorAction::Compare)->isEnabled());  // one run
    runMenu->adjustSize();
    CHECK(kiln::test::saveScreenshot(runMenu.get(), QStringLiteral("navigator-run-menu.png")));

    // Two runs selected: Compare is offered, Delete counts them. (Items are looked up again after
    // the event loop ran: a reload of the navigator makes new ones.)
    run = f.item(CatalogKind::Run, QStringLiteral("iris/species"));
    QTreeWidgetItem* other = f.item(CatalogKind::Run, QStringLiteral("wine/cultivar"));
    run->setSelected(true);
    other->setSelected(true);
    std::unique_ptr<QMenu> both(f.window->navigator()->buildContextMenu(run));
    CHECK(actionFor(both.get(), NavigatorAction::Compare)->isEnabled());
    CHECK(actionFor(both.get(), NavigatorAction::Remove)->text() == QStringLiteral("Delete 2 Items…"));

    std::unique_ptr<QMenu> datasetMenu(f.window->navigator()->buildContextMenu(f.item(CatalogKind::Dataset, QStringLiteral("iris"))));
    CHECK(actionTexts(datasetMenu.get()) ==
          QStringList{QStringLiteral("Open"), QStringLiteral("Train a Model…"), QStringLiteral("Rename…"),
                      QStringLiteral("Show Source File"), QStringLiteral("Delete…")});

    // Show Run Folder opens the run's own folder.
    QString opened;
    f.window->edits()->setFolderOpener([&](const QString& path) { opened = path; });
    f.window->navigator()->tree()->clearSelection();
    std::unique_ptr<QMenu> single(f.window->navigator()->buildContextMenu(run));
    actionFor(single.get(), NavigatorAction::Reveal)->trigger();
    CHECK(opened == QDir(f.dir.path()).filePath(QStringLiteral("runs/") + QString::fromStdString(f.irisRun)));

    // In Korean every verb is translated.
    kiln::studio::LanguageManager::apply(QStringLiteral("ko"));
    std::unique_ptr<QMenu> korean(
        f.window->navigator()->buildContextMenu(f.item(CatalogKind::Run, QStringLiteral("iris/species"))));
    for (const QString& text : actionTexts(korean.get())) CHECK(kiln::test::hasHangul(text));
    korean->adjustSize();
    CHECK(kiln::test::saveScreenshot(korean.get(), QStringLiteral("navigator-run-menu-ko.png")));
    kiln::studio::LanguageManager::apply(QStringLiteral("en"));
}

TEST_CASE("a deletion lists what goes, can be undone, then is carried out", "[app][edits]") {
    EditsFixture f;
    // The iris tab is open: it closes when its dataset goes.
    f.window->openDataset(QStringLiteral("iris"), QStringLiteral("table"));
    const int tabsBefore = f.window->tabs()->count();

    f.window->edits()->remove({f.entry(CatalogKind::Dataset, QStringLiteral("iris"))});
    REQUIRE(waitUntil([&] { return f.window->edits()->hasPending(); }));
    REQUIRE(f.confirmations.size() == 1);
    CHECK(f.confirmations[0].contains(QStringLiteral("Dataset iris, with all its versions")));
    CHECK(f.confirmations[0].contains(QStringLiteral("Version 1 of iris (150 rows)")));
    CHECK(f.confirmations[0].contains(QString::fromStdString(f.irisRun)));
    // Hidden at once, the undo bar showing.
    CHECK(f.window->navigator()->tree()->topLevelItem(0)->text(0) == QStringLiteral("Datasets (1)"));
    CHECK(f.item(CatalogKind::Dataset, QStringLiteral("iris")) == nullptr);
    CHECK(f.item(CatalogKind::Run, QStringLiteral("iris/species")) == nullptr);  // its run goes with it
    CHECK(f.window->navigator()->tree()->topLevelItem(1)->text(0) == QStringLiteral("Runs (1)"));
    CHECK(f.window->edits()->undoBar()->findChild<QLabel*>()->text() == QStringLiteral("Deleted iris."));
    CHECK(f.window->edits()->undoBar()->isVisible());
    CHECK(kiln::test::saveScreenshot(f.window.get(), QStringLiteral("delete-undo-window.png")));

    // Undo: everything is back and nothing was touched.
    f.window->edits()->undoBar()->findChild<QPushButton*>(QStringLiteral("undoButton"))->click();
    CHECK_FALSE(f.window->edits()->hasPending());
    CHECK(f.item(CatalogKind::Dataset, QStringLiteral("iris")) != nullptr);
    QTest::qWait(500);  // longer than the undo window
    CHECK(kiln::RunStore(f.open()->catalog()).get(f.irisRun).ok());

    // Again, and let the window pass.
    bool finished = false, ok = false;
    QObject::connect(f.window->edits(), &kiln::studio::WorkspaceEditsUi::removalFinished,
                     [&](bool success, const QString&) { finished = true, ok = success; });
    f.window->edits()->remove({f.entry(CatalogKind::Dataset, QStringLiteral("iris"))});
    REQUIRE(waitUntil([&] { return finished; }));
    CHECK(ok);
    CHECK_FALSE(kiln::RunStore(f.open()->catalog()).get(f.irisRun).ok());
    CHECK_FALSE(QDir(f.dir.path()).exists(QStringLiteral("runs/") + QString::fromStdString(f.irisRun)));
    CHECK(f.window->tabs()->count() == tabsBefore - 1);
    REQUIRE(waitUntil([&] { return f.window->navigator()->snapshot().counts.datasets == 1; }));
    CHECK(f.window->navigator()->tree()->topLevelItem(1)->text(0) == QStringLiteral("Runs (1)"));

    // Free Unused Space: the removed table's bytes go, wine still reads whole.
    QString summary;
    QObject::connect(f.window->edits(), &kiln::studio::WorkspaceEditsUi::garbageCollected,
                     [&](bool, const QString& text) { summary = text; });
    const auto before = kiln::listObjects(f.open()->objects()).size();
    f.window->findChild<QAction*>(QStringLiteral("actionFreeUnusedSpace"))->trigger();
    REQUIRE(waitUntil([&] { return !summary.isEmpty(); }));
    CHECK(summary.startsWith(QStringLiteral("Freed ")));
    CHECK(f.confirmations.last().contains(QStringLiteral("stored files no dataset uses")));
    auto ws = f.open();
    CHECK(kiln::listObjects(ws->objects()).size() < before);
    auto wine = kiln::DatasetCatalog(ws->catalog()).resolve("wine");
    REQUIRE(wine.ok());
    auto table = kiln::Table::open(ws->objects(), wine->contentHash);
    REQUIRE(table.ok());
    for (std::size_t c = 0; c < (*table)->columnCount(); ++c) CHECK((*table)->column(c).rows() == wine->rows);
}

TEST_CASE("one catalog change reaches every view: navigator, Runs tab, Sweep dialog", "[app][edits]") {
    EditsFixture f;
    kiln::widgets::RunsTableView* runs = f.window->compareUi()->openRuns();
    REQUIRE(waitUntil([&] { return runs->model()->rowCount() == 2; }));

    // A deletion carried out: the Runs tab no longer lists the run.
    bool finished = false;
    QObject::connect(f.window->edits(), &kiln::studio::WorkspaceEditsUi::removalFinished,
                     [&](bool, const QString&) { finished = true; });
    f.window->edits()->remove({f.entry(CatalogKind::Dataset, QStringLiteral("wine"))});
    REQUIRE(waitUntil([&] { return finished; }));
    CHECK(waitUntil([&] { return runs->model()->rowCount() == 1; }));
    CHECK(waitUntil([&] { return f.window->navigator()->snapshot().counts.runs == 1; }));
    const int changes = f.window->catalogEvents()->changeCount();

    // A dataset imported while the Sweep dialog is open is offered in it at once.
    QStringList offered;
    // (Inside the dialog's event loop: CHECK, since a REQUIRE would throw through Qt.)
    QTimer::singleShot(0, [&] {
        kiln::studio::SweepDialog* dialog = f.window->compareUi()->sweepDialog();
        if (!dialog) return;
        CHECK(waitUntil([&] { return dialog->datasetBox()->count() == 1; }));
        auto ws = f.open();
        kiln::NullJobContext job;
        CHECK(kiln::importCsvDataset(*ws, std::string(KILN_FIXTURE_DIR) + "/wine.csv", "wine2",
                                     kiln::ImportOptions{}, job).ok());
        f.window->catalogEvents()->notify();
        f.window->catalogEvents()->notify();  // two notifications, one change
        waitUntil([&] { return dialog->datasetBox()->count() == 2; });
        for (int i = 0; i < dialog->datasetBox()->count(); ++i) offered << dialog->datasetBox()->itemText(i);
        dialog->reject();
    });
    f.window->compareUi()->showSweepDialog();
    CHECK(offered == QStringList{QStringLiteral("iris"), QStringLiteral("wine2")});
    CHECK(f.window->catalogEvents()->changeCount() == changes + 1);
}

TEST_CASE("a run a registered model came from is not deleted, and says why", "[app][edits]") {
    EditsFixture f;
    {
        auto ws = f.open();
        REQUIRE(ws->catalog().execute("INSERT INTO models (name) VALUES ('wine-model')").ok());
        REQUIRE(ws->catalog()
                    .execute("INSERT INTO model_versions (model_id, version, run_id) "
                             "SELECT id, 1, ? FROM models",
                             {f.wineRun})
                    .ok());
    }
    QString error;
    bool finished = false;
    QObject::connect(f.window->edits(), &kiln::studio::WorkspaceEditsUi::removalFinished,
                     [&](bool, const QString& text) { finished = true, error = text; });
    f.window->edits()->remove({f.entry(CatalogKind::Run, QString::fromStdString(f.wineRun))});
    REQUIRE(waitUntil([&] { return finished; }));
    CHECK(error.contains(QStringLiteral("is the source of model wine-model version 1")));
    CHECK(f.confirmations.isEmpty());
    CHECK(kiln::RunStore(f.open()->catalog()).get(f.wineRun).ok());
}

TEST_CASE("rename and star show in the navigator", "[app][edits]") {
    EditsFixture f;
    f.window->edits()->setNameAsker([](const QString&, const QString&) { return QStringLiteral("iris-2024"); });
    f.window->edits()->rename(f.entry(CatalogKind::Dataset, QStringLiteral("iris")));
    REQUIRE(waitUntil([&] { return f.item(CatalogKind::Dataset, QStringLiteral("iris-2024")) != nullptr; }));

    std::unique_ptr<QMenu> menu(f.window->navigator()->buildContextMenu(f.item(CatalogKind::Run, QStringLiteral("wine/cultivar"))));
    actionFor(menu.get(), NavigatorAction::Star)->trigger();
    REQUIRE(waitUntil([&] { return f.item(CatalogKind::Run, QStringLiteral("\u2605 wine/cultivar")) != nullptr; }));
    CHECK(*kiln::isRunStarred(f.open()->catalog(), f.wineRun));
    std::unique_ptr<QMenu> starred(f.window->navigator()->buildContextMenu(f.item(CatalogKind::Run, QStringLiteral("wine/cultivar"))));
    CHECK(actionFor(starred.get(), NavigatorAction::Unstar) != nullptr);
    CHECK(kiln::test::saveScreenshot(f.window.get(), QStringLiteral("navigator-starred-renamed.png")));
}
