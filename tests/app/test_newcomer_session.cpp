// A newcomer's first session in Kiln Studio, scripted at 1280×800 on an empty workspace: import a
// file through the preview, explore it, train with chosen features, sweep, delete a run, export
// the model. At every step the window is saved in English and in Korean, and the Korean one is
// read for words left in English (`newcomer_*_en.png`, `newcomer_*_ko.png` in the screenshots).
#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QThreadPool>
#include <QTreeWidget>

#include <memory>
#include <set>

#include "app/studio/compare_ui.h"
#include "app/studio/export_dialog.h"
#include "app/studio/export_ui.h"
#include "app/studio/feature_list.h"
#include "app/studio/import_controller.h"
#include "app/studio/import_preview_dialog.h"
#include "app/studio/language_manager.h"
#include "app/studio/main_window.h"
#include "app/studio/run_tab.h"
#include "app/studio/studio_resources.h"
#include "app/studio/sweep_dialog.h"
#include "app/studio/train_panel.h"
#include "app/studio/training_ui.h"
#include "app/studio/workspace_edits_ui.h"
#include "qt_test_helpers.h"
#include "scripted_session.h"
#include "training_test_fixture.h"
#include "widgets/box_plot_view.h"
#include "widgets/dataset_page.h"
#include "widgets/job_manager.h"
#include "widgets/navigator_view.h"
#include "widgets/validation_view.h"

using kiln::studio::LanguageManager;
using kiln::studio::MainWindow;
using kiln::test::waitUntil;

TEST_CASE("a newcomer's first session reads whole in English and in Korean", "[app][newcomer]") {
    kiln::test::ScriptedSession s(QStringLiteral("newcomer"));
    s.addNames({"iris", "species", "setosa", "versicolor", "virginica", "sepal_length", "sepal_width_cm",
                "petal_length_cm", "petal_width_cm", "lr", "val_loss", "progression",
                "auto"});  // "auto": the family in a run's name (iris/species auto)
    REQUIRE(waitUntil([&] { return s.window->environmentProbe()->isReady(); }, 30000));
    s.shoot(QStringLiteral("welcome"));

    // Import: a file dropped on the window opens the preview; a column is renamed there.
    const QString csv = s.files.filePath(QStringLiteral("iris.csv"));
    REQUIRE(QFile::copy(kiln::test::fixtureCsv(QStringLiteral("iris")), csv));
    s.window->imports()->importPaths({csv});
    kiln::studio::ImportPreviewDialog* preview = nullptr;
    REQUIRE(waitUntil([&] {
        preview = s.window->imports()->currentPreview();
        return preview && !preview->isBusy();
    }));
    preview->setColumnName(QStringLiteral("sepal_length_cm"), QStringLiteral("sepal_length"));
    REQUIRE(waitUntil([&] { return !preview->isBusy(); }));
    s.shoot(QStringLiteral("import_preview"), preview);
    preview->accept();
    REQUIRE(waitUntil([&] { return s.datasetTab() && s.datasetTab()->hasProfile(); }, 30000));
    kiln::widgets::DatasetPage* page = s.datasetTab();
    s.window->tabs()->setCurrentWidget(page);
    CHECK(page->dataset().table->column(0).info().name == "sepal_length");
    s.shoot(QStringLiteral("dataset"));

    // Explore: the box plot of petal length by species.
    page->sections()->setCurrentIndex(1);
    page->chartTabs()->setCurrentWidget(page->boxPlot());
    page->boxPlot()->setColumn(2);
    REQUIRE(page->boxPlot()->setSplitColumn(4));
    REQUIRE(waitUntil([&] { return !page->boxPlot()->isBusy() && page->boxPlot()->boxes().size() == 3; }, 30000));
    s.shoot(QStringLiteral("charts"));

    // Validation with species as the target: iris repeats a row, and sepal width has outliers.
    page->sections()->setCurrentIndex(2);
    REQUIRE(page->validation()->setTarget(QStringLiteral("species")));
    REQUIRE(waitUntil([&] { return !page->validation()->isBusy() && !page->validation()->report().findings.empty(); },
                      30000));
    s.shoot(QStringLiteral("validation"));

    // Train with chosen features: petal width left out.
    kiln::studio::TrainPanel* panel = s.window->training()->openTrainPanel(QStringLiteral("iris"));
    REQUIRE(waitUntil([&] { return !panel->isBusy() && !panel->resolution().columns.isEmpty(); }, 20000));
    REQUIRE(panel->selectTarget(QStringLiteral("species")));
    REQUIRE(waitUntil([&] { return !panel->isBusy() && panel->isReady(); }, 20000));
    QListWidget* features = panel->featureList();
    const auto petal = features->findItems(QStringLiteral("petal_width_cm"), Qt::MatchExactly);
    REQUIRE(petal.size() == 1);
    petal.front()->setCheckState(Qt::Unchecked);
    REQUIRE(waitUntil([&] { return !panel->isBusy() && panel->isReady() && !panel->spec().features.empty(); }, 20000));
    const std::vector<std::string> chosen = panel->spec().features;
    CHECK(std::find(chosen.begin(), chosen.end(), "petal_width_cm") == chosen.end());
    panel->findChild<QSpinBox*>(QStringLiteral("epochsBox"))->setValue(5);
    s.shoot(QStringLiteral("train_panel"));
    kiln::studio::RunTab* run = s.trainAndWait(panel);
    const QString runId = run->runId();
    run->pages()->setCurrentWidget(run->evaluation());
    s.shoot(QStringLiteral("run_evaluation"));

    // Sweep: two trials over the learning rate.
    kiln::studio::SweepRequest sweep;
    sweep.workspace = s.dir.path();
    sweep.dataset = QStringLiteral("iris");
    sweep.target = QStringLiteral("species");
    sweep.params = {QStringLiteral("lr=log:0.001:0.1")};
    sweep.trials = 2;
    sweep.epochs = 3;
    sweep.hidden = QStringLiteral("8");
    sweep.seed = 3;
    s.window->compareUi()->startSweep(sweep);
    kiln::studio::SweepController* controller = s.window->compareUi()->lastSweep();
    REQUIRE(controller);
    REQUIRE(waitUntil([&] { return !controller->isRunning(); }, 180000));
    REQUIRE(controller->trials().size() == 2);
    for (const auto& trial : controller->trials()) s.addRunId(trial.runId);
    REQUIRE(waitUntil([&] { return s.window->navigator()->snapshot().counts.runs == 3; }, 20000));
    s.shoot(QStringLiteral("sweep"));

    // Delete a run: one of the trials, after its undo window.
    const QString doomed = controller->trials().front().runId;
    kiln::widgets::CatalogEntry entry;
    for (const auto& e : s.window->navigator()->snapshot().entries)
        if (e.kind == kiln::widgets::CatalogKind::Run && e.id == doomed) entry = e;
    REQUIRE(entry.id == doomed);
    bool removed = false;
    QObject::connect(s.window->edits(), &kiln::studio::WorkspaceEditsUi::removalFinished,
                     [&](bool ok, const QString&) { removed = ok; });
    s.window->edits()->remove({entry});
    REQUIRE(waitUntil([&] { return s.window->edits()->hasPending(); }));
    CHECK(s.window->edits()->undoBar()->isVisible());
    // The sweep's group counts the trials still shown.
    QTreeWidget* tree = s.window->navigator()->tree();
    QStringList groups;
    for (QTreeWidgetItemIterator it(tree); *it; ++it)
        if ((*it)->text(0).startsWith(QStringLiteral("Sweep: "))) groups << (*it)->text(0);
    CHECK(groups == QStringList{QStringLiteral("Sweep: iris/species mlp (1 trial)")});
    s.shoot(QStringLiteral("delete_undo"));
    REQUIRE(waitUntil([&] { return removed; }, 20000));
    REQUIRE(waitUntil([&] { return s.window->navigator()->snapshot().counts.runs == 2; }, 20000));

    // Export the first run as verified ONNX.
    bool exported = false, verified = false;
    QObject::connect(s.window->exportUi(), &kiln::studio::ExportUi::exportFinished, [&](bool ok) {
        exported = true;
        verified = ok;
    });
    const QString onnx = s.files.filePath(QStringLiteral("iris_species.onnx"));
    REQUIRE(s.window->exportUi()->exportRun(runId, onnx) > 0);
    REQUIRE(waitUntil([&] { return exported; }, 180000));
    CHECK(verified);
    CHECK(QFile::exists(onnx));
    kiln::studio::ExportResultDialog* result = s.window->exportUi()->lastResult();
    REQUIRE(result);
    s.shoot(QStringLiteral("export"), result);
}
