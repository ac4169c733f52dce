// Training in Kiln Studio: the Train panel, real runs in `kiln worker` processes followed by run
// tabs (live curves, cancel, evaluation), and a finished run read back after a "restart".
#include <catch2/catch.hpp>

#include <fstream>

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>

#include "app/studio/feature_list.h"
#include "app/studio/kiln_path.h"
#include "app/studio/main_window.h"
#include "app/studio/run_controller.h"
#include "app/studio/run_jobs.h"
#include "app/studio/run_tab.h"
#include "app/studio/train_panel.h"
#include "core/data/dataset_catalog.h"
#include "core/runs/run_recorder.h"
#include "qt_test_helpers.h"
#include "training_test_fixture.h"
#include "widgets/confusion_matrix_view.h"
#include "widgets/evaluation_view.h"
#include "widgets/job_manager.h"
#include "widgets/metric_plot.h"
#include "widgets/per_class_model.h"
#include "widgets/run_curves_view.h"

using kiln::studio::LanguageManager;
using kiln::studio::RunTab;
using kiln::studio::TrainPanel;
using kiln::test::pressTrain;
using kiln::test::runEnded;
using kiln::test::TrainingFixture;
using kiln::test::waitUntil;

namespace {

constexpr int kRunTimeoutMs = 180000;

TrainPanel* readyPanel(TrainingFixture& f, const QString& dataset) {
    return kiln::test::openPanelWithTarget(f, dataset, kiln::test::fixtureTarget(dataset));
}

// Picks `target` and waits for the panel to resolve it.
void chooseTarget(TrainPanel* panel, const QString& target) {
    REQUIRE(panel->selectTarget(target));
    REQUIRE(waitUntil(
        [&] {
            return !panel->isBusy() && panel->isReady() &&
                   panel->spec().target == target.toStdString();
        },
        20000));
}
// Picks the model family (these runs test an MLP's epochs; auto would choose by cross-validation).
void chooseFamily(TrainPanel* panel, const QString& family) {
    auto* box = panel->findChild<QComboBox*>(QStringLiteral("familyBox"));
    box->setCurrentIndex(box->findData(family));
    REQUIRE(waitUntil(
        [&] {
            return !panel->isBusy() && panel->isReady() && panel->resolution().family == family;
        },
        20000));
}

}  // namespace

TEST_CASE("the kiln path resolver finds the worker executable", "[training]") {
    QTemporaryDir dir;
    const QString root = dir.path();
    QDir().mkpath(root + QStringLiteral("/app/studio"));
    QDir().mkpath(root + QStringLiteral("/app/cli"));
    const QString appDir = root + QStringLiteral("/app/studio");
    auto makeExecutable = [](const QString& path) {
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("#!/bin/sh\n");
        file.close();
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    };
    using kiln::studio::resolveKilnPath;
    // $KILN_CLI wins, even over a build-tree sibling.
    CHECK(resolveKilnPath(appDir, QStringLiteral("/opt/kiln/bin/kiln")) ==
          QStringLiteral("/opt/kiln/bin/kiln"));
    // A kiln beside Studio (installed) is found...
    makeExecutable(appDir + QStringLiteral("/kiln"));
    CHECK(resolveKilnPath(appDir, QString()) == appDir + QStringLiteral("/kiln"));
    // ...but the build tree's CLI comes first.
    makeExecutable(root + QStringLiteral("/app/cli/kiln"));
    CHECK(resolveKilnPath(appDir, QString()) == root + QStringLiteral("/app/cli/kiln"));
    // A file that is not executable does not count.
    QFile::setPermissions(root + QStringLiteral("/app/cli/kiln"), QFile::ReadOwner);
    CHECK(resolveKilnPath(appDir, QString()) == appDir + QStringLiteral("/kiln"));
    // Nothing near and nothing on PATH: empty.
    QFile::remove(appDir + QStringLiteral("/kiln"));
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", root.toUtf8());
    CHECK(resolveKilnPath(appDir, QString()).isEmpty());
    qputenv("PATH", path);
}

TEST_CASE("the train panel's defaults make a valid spec once a dataset is chosen", "[training]") {
    TrainingFixture f;
    REQUIRE(f.imported);
    // No column of iris is named like a target: the panel asks rather than guess.
    TrainPanel* asking = f.training->openTrainPanel(QStringLiteral("iris"));
    REQUIRE(waitUntil([&] { return !asking->isBusy() && !asking->resolution().columns.isEmpty(); }, 20000));
    CHECK(asking->spec().target.empty());
    CHECK(asking->problemsText().contains(QStringLiteral("Choose the target column.")));
    CHECK_FALSE(asking->findChild<QPushButton*>(QStringLiteral("trainButton"))->isEnabled());
    TrainPanel* panel = readyPanel(f, QStringLiteral("iris"));
    const kiln::RunSpec spec = panel->spec();
    // Auto resolves species to classification.
    CHECK(spec.dataset == "iris");
    CHECK(spec.target == "species");
    CHECK(panel->resolution().task == QStringLiteral("classification"));
    CHECK(panel->resolution().features.size() == 4);
    // Auto on a table is chosen by cross-validation when the run starts, and the panel says so.
    CHECK(panel->resolution().family == QStringLiteral("auto"));
    CHECK(panel->findChild<QLabel*>(QStringLiteral("resolutionLabel"))
              ->text()
              .contains(QStringLiteral("cross-validation")));
    CHECK(spec.validate().ok());
    CHECK(panel->problemsText().isEmpty());
    CHECK(panel->datasetVersionId() > 0);
    CHECK(panel->findChild<QPushButton*>(QStringLiteral("trainButton"))->isEnabled());

    // A numeric target resolves to regression; a broken split is shown and blocks Train.
    chooseTarget(panel, QStringLiteral("petal_length_cm"));
    CHECK(panel->resolution().task == QStringLiteral("regression"));
    auto* trainFraction = panel->findChild<QDoubleSpinBox*>(QStringLiteral("trainFractionBox"));
    trainFraction->setValue(0.9);
    CHECK_FALSE(panel->isReady());
    CHECK(panel->problemsText().contains(QStringLiteral("add up to")));
    CHECK_FALSE(panel->findChild<QPushButton*>(QStringLiteral("trainButton"))->isEnabled());
    trainFraction->setValue(0.7);
    CHECK(panel->isReady());

    // CUDA is offered only when LibTorch has it, and the reason is shown either way.
    REQUIRE(waitUntil([&] { return f.environment->isReady(); }));
    auto* reason = panel->findChild<QLabel*>(QStringLiteral("deviceReason"));
    CHECK(reason->text().contains(QString::fromStdString(f.environment->environment().cudaReason)));

    chooseTarget(panel, QStringLiteral("species"));
    CHECK(kiln::test::saveScreenshot(f.window.get(), QStringLiteral("train_panel.png")));
    LanguageManager::apply(QStringLiteral("ko"));
    REQUIRE(waitUntil([&] {
        return kiln::test::hasHangul(
            panel->findChild<QPushButton*>(QStringLiteral("trainButton"))->text());
    }));
    CHECK(kiln::test::saveScreenshot(f.window.get(), QStringLiteral("train_panel_ko.png")));
    LanguageManager::apply(QStringLiteral("en"));
    QTest::qWait(50);
}

TEST_CASE("the train panel finds the target by its name and names identifiers and leaks", "[training]") {
    TrainingFixture f;
    REQUIRE(f.imported);
    {
        auto ws = kiln::Workspace::open(f.dir.path().toStdString(), false);
        REQUIRE(ws.ok());
        kiln::NullJobContext job;
        const std::string csv = std::string(KILN_FIXTURE_DIR) + "/../../cli/fixtures/train/leaky.csv";
        REQUIRE(kiln::importCsvDataset(**ws, csv, "leaky", kiln::ImportOptions{}, job).ok());
    }
    f.navigator->reload();
    TrainPanel* panel = f.training->openTrainPanel(QStringLiteral("leaky"));
    // "outcome" is named like a target: chosen without asking.
    REQUIRE(waitUntil([&] { return !panel->isBusy() && panel->isReady(); }, 20000));
    CHECK(panel->spec().target == "outcome");
    CHECK(panel->spec().features.empty());  // untouched: the automatic choice

    QListWidget* list = panel->featureList();
    auto item = [&](const QString& name) -> QListWidgetItem* {
        const auto found = list->findItems(name, Qt::MatchExactly);
        return found.isEmpty() ? nullptr : found.front();
    };
    REQUIRE(list->count() == 6);  // every column but the target
    CHECK(item(QStringLiteral("row_id"))->checkState() == Qt::Unchecked);
    CHECK(item(QStringLiteral("row_id"))->toolTip().contains(QStringLiteral("looks like an ID")));
    CHECK(item(QStringLiteral("stratum"))->checkState() == Qt::Checked);
    CHECK_FALSE(item(QStringLiteral("stratum"))->icon().isNull());
    CHECK(item(QStringLiteral("answer_code"))->toolTip().contains(QStringLiteral("alone gives the target on 100.0%")));
    CHECK(item(QStringLiteral("x"))->icon().isNull());
    const QString text = panel->findChild<QLabel*>(QStringLiteral("resolutionLabel"))->text();
    CHECK(text.contains(QStringLiteral("answer_code alone gives the target")));
    CHECK(text.contains(QStringLiteral("5 feature columns")));
    CHECK(text.contains(QStringLiteral("stratum is named and valued like an identifier")));
    CHECK(text.contains(QStringLiteral("Missing numbers in sparse (80, 40.0%) are filled with the training median")));
    // How they are filled is a choice: the spec and the panel's words follow it.
    auto* imputation = panel->findChild<QComboBox*>(QStringLiteral("imputationBox"));
    auto* fillValue = panel->findChild<QDoubleSpinBox*>(QStringLiteral("imputeValueBox"));
    REQUIRE((imputation && fillValue));
    CHECK_FALSE(fillValue->isVisibleTo(panel));
    auto resolutionText = [&] { return panel->findChild<QLabel*>(QStringLiteral("resolutionLabel"))->text(); };
    imputation->setCurrentIndex(imputation->findData(QStringLiteral("mean")));
    CHECK(panel->spec().imputation == "mean");
    CHECK(resolutionText().contains(QStringLiteral("sparse (80, 40.0%) are filled with the training mean")));
    imputation->setCurrentIndex(imputation->findData(QStringLiteral("constant")));
    CHECK(fillValue->isVisibleTo(panel));
    fillValue->setValue(-1);
    CHECK(panel->spec().imputation == "constant");
    CHECK(panel->spec().imputeValue == -1);
    CHECK(resolutionText().contains(QStringLiteral("are filled with -1")));
    imputation->setCurrentIndex(imputation->findData(QStringLiteral("drop")));
    CHECK(resolutionText().contains(QStringLiteral("Rows with a missing number in sparse (80, 40.0%) are left out")));
    CHECK(panel->isReady());
    CHECK(kiln::test::saveScreenshot(f.window.get(), QStringLiteral("train_panel_imputation.png")));
    imputation->setCurrentIndex(imputation->findData(QStringLiteral("median")));
    CHECK(kiln::test::saveScreenshot(f.window.get(), QStringLiteral("train_panel_features.png")));
    kiln::studio::LanguageManager::apply(QStringLiteral("ko"));
    REQUIRE(waitUntil([&] {
        return kiln::test::hasHangul(panel->findChild<QLabel*>(QStringLiteral("resolutionLabel"))->text());
    }));
    CHECK(kiln::test::saveScreenshot(f.window.get(), QStringLiteral("train_panel_features_ko.png")));
    kiln::studio::LanguageManager::apply(QStringLiteral("en"));

    // Unticking the leak and the matched-set number: the spec names its features, the warnings go.
    item(QStringLiteral("answer_code"))->setCheckState(Qt::Unchecked);
    item(QStringLiteral("stratum"))->setCheckState(Qt::Unchecked);
    REQUIRE(waitUntil([&] { return !panel->isBusy() && panel->isReady() && panel->resolution().warnings.size() == 1; }, 20000));
    const auto features = panel->spec().features;
    CHECK(features == std::vector<std::string>{"x", "colour", "sparse"});
    CHECK(panel->resolution().warnings.front().column == "sparse");  // 40% missing
    CHECK_FALSE(panel->findChild<QLabel*>(QStringLiteral("resolutionLabel"))->text().contains(QStringLiteral("answer_code")));
    // Ticking nothing is no run.
    for (const char* name : {"x", "colour", "sparse"}) item(QString::fromLatin1(name))->setCheckState(Qt::Unchecked);
    CHECK(panel->problemsText().contains(QStringLiteral("Tick at least one feature column.")));
}

TEST_CASE("the train panel warns when a small batch makes every epoch long", "[training]") {
    TrainingFixture f;
    REQUIRE(f.imported);
    {
        const std::string csv = f.dir.path().toStdString() + "/many.csv";
        std::ofstream out(csv);
        out << "a,b,label\n";
        for (int i = 0; i < 3000; ++i) out << i % 97 << "," << (i * 13) % 101 << "," << (i % 3 ? "x" : "y") << "\n";
        out.close();
        auto ws = kiln::Workspace::open(f.dir.path().toStdString(), false);
        REQUIRE(ws.ok());
        kiln::NullJobContext job;
        REQUIRE(kiln::importCsvDataset(**ws, csv, "many", kiln::ImportOptions{}, job).ok());
    }
    TrainPanel* panel = f.training->openTrainPanel(QStringLiteral("many"));
    REQUIRE(waitUntil([&] { return !panel->isBusy() && panel->isReady(); }, 20000));
    auto* label = panel->findChild<QLabel*>(QStringLiteral("resolutionLabel"));
    CHECK_FALSE(label->text().contains(QStringLiteral("steps per epoch")));  // batch 32: 66 steps
    panel->findChild<QSpinBox*>(QStringLiteral("batchSizeBox"))->setValue(1);
    REQUIRE(waitUntil([&] { return label->text().contains(QStringLiteral("steps per epoch")); }));
    CHECK(label->text().contains(QStringLiteral("2,100 steps per epoch at batch size 1")));
    CHECK(label->text().contains(QStringLiteral("a batch of 4 makes it about 4 times shorter")));
    // Trees have no batches.
    auto* family = panel->findChild<QComboBox*>(QStringLiteral("familyBox"));
    family->setCurrentIndex(family->findData(QStringLiteral("boosted")));
    REQUIRE(waitUntil([&] { return !panel->isBusy() && panel->resolution().family == QStringLiteral("boosted"); }, 20000));
    CHECK_FALSE(label->text().contains(QStringLiteral("steps per epoch")));
}

TEST_CASE("an open train panel lists a dataset imported after it opened and keeps its choices", "[training]") {
    TrainingFixture f;
    REQUIRE(f.imported);
    TrainPanel* panel = readyPanel(f, QStringLiteral("iris"));
    auto* datasets = panel->findChild<QComboBox*>(QStringLiteral("datasetBox"));
    REQUIRE(datasets->findData(QStringLiteral("leaky")) < 0);
    {
        auto ws = kiln::Workspace::open(f.dir.path().toStdString(), false);
        REQUIRE(ws.ok());
        kiln::NullJobContext job;
        const std::string csv = std::string(KILN_FIXTURE_DIR) + "/../../cli/fixtures/train/leaky.csv";
        REQUIRE(kiln::importCsvDataset(**ws, csv, "leaky", kiln::ImportOptions{}, job).ok());
    }
    f.training->catalogChanged();
    REQUIRE(waitUntil([&] { return datasets->findData(QStringLiteral("leaky")) >= 0 && !panel->isBusy(); }, 20000));
    CHECK(panel->spec().dataset == "iris");
    CHECK(panel->spec().target == "species");
    CHECK(panel->isReady());
}

TEST_CASE("the train panel offers the tree families with their knobs and defaults", "[training]") {
    TrainingFixture f;
    REQUIRE(f.imported);
    TrainPanel* panel = readyPanel(f, QStringLiteral("wine"));
    auto* family = panel->findChild<QComboBox*>(QStringLiteral("familyBox"));
    auto* trees = panel->findChild<QSpinBox*>(QStringLiteral("treesBox"));
    auto* depth = panel->findChild<QSpinBox*>(QStringLiteral("maxDepthBox"));
    auto* hidden = panel->findChild<QLineEdit*>(QStringLiteral("hiddenEdit"));
    auto* epochs = panel->findChild<QSpinBox*>(QStringLiteral("epochsBox"));
    auto* folds = panel->findChild<QSpinBox*>(QStringLiteral("cvFoldsBox"));
    REQUIRE(family);
    REQUIRE(trees);
    REQUIRE(folds);
    // Auto shows neither the MLP's nor the trees' knobs: nothing to set for a newcomer.
    CHECK_FALSE(hidden->isVisible());
    CHECK_FALSE(trees->isVisible());
    family->setCurrentIndex(family->findData(QStringLiteral("boosted")));
    REQUIRE(waitUntil([&] { return panel->isReady() && !panel->isBusy(); }, 20000));
    CHECK(trees->isVisible());
    CHECK(depth->isVisible());
    CHECK_FALSE(hidden->isVisible());
    CHECK_FALSE(epochs->isVisible());  // rounds, not epochs
    // Knobs left at 0 name the family's default; the spec leaves them to resolveSpec.
    CHECK(trees->text() == QStringLiteral("default (300)"));
    CHECK(depth->text() == QStringLiteral("default (6)"));
    CHECK(panel->findChild<QDoubleSpinBox*>(QStringLiteral("treeLearningRateBox"))->text() ==
          QStringLiteral("default (0.1)"));
    CHECK(panel->resolution().family == QStringLiteral("boosted"));
    CHECK(panel->findChild<QLabel*>(QStringLiteral("resolutionLabel"))
              ->text()
              .contains(QStringLiteral("boosted trees")));
    kiln::RunSpec spec = panel->spec();
    CHECK(spec.model.family == "boosted");
    CHECK(spec.model.trees == 0);
    trees->setValue(120);
    depth->setValue(3);
    folds->setValue(1);  // one fold is no cross-validation: stepped over
    CHECK(folds->value() == 2);
    folds->setValue(5);
    spec = panel->spec();
    CHECK(spec.model.trees == 120);
    CHECK(spec.model.maxDepth == 3);
    CHECK(spec.cvFolds == 5);
    CHECK(spec.validate().ok());
    CHECK(panel->isReady());

    // A forest names its own defaults; a decision tree has no number of trees.
    trees->setValue(0);
    depth->setValue(0);
    family->setCurrentIndex(family->findData(QStringLiteral("forest")));
    CHECK(trees->text() == QStringLiteral("default (100)"));
    CHECK(panel->findChild<QDoubleSpinBox*>(QStringLiteral("subsampleBox"))->text() ==
          QStringLiteral("default (0.632)"));
    family->setCurrentIndex(family->findData(QStringLiteral("tree")));
    CHECK_FALSE(trees->isVisible());
    CHECK(depth->text() == QStringLiteral("default (4)"));
    family->setCurrentIndex(family->findData(QStringLiteral("mlp")));
    CHECK(hidden->isVisible());
    CHECK_FALSE(depth->isVisible());

    family->setCurrentIndex(family->findData(QStringLiteral("boosted")));
    REQUIRE(waitUntil([&] { return panel->isReady() && !panel->isBusy(); }, 20000));
    CHECK(kiln::test::saveScreenshot(f.window.get(), QStringLiteral("train_panel_trees.png")));
    LanguageManager::apply(QStringLiteral("ko"));
    REQUIRE(waitUntil([&] { return kiln::test::hasHangul(trees->text()); }));
    CHECK(kiln::test::saveScreenshot(f.window.get(), QStringLiteral("train_panel_trees_ko.png")));
    LanguageManager::apply(QStringLiteral("en"));
    QTest::qWait(50);
}

TEST_CASE("a classification run trains, shows its curves and its evaluation, and reopens",
          "[training]") {
    TrainingFixture f;
    REQUIRE(f.imported);
    TrainPanel* panel = readyPanel(f, QStringLiteral("iris"));
    chooseFamily(panel, QStringLiteral("mlp"));
    panel->setEpochs(40);
    // The run is a job of the Jobs dock while it trains, as every background job is.
    kiln::widgets::JobManager jobs;
    kiln::studio::RunJobs runJobs(f.training->controller(), &jobs);
    RunTab* tab = pressTrain(f, panel);
    REQUIRE(waitUntil([&] { return jobs.runningCount() == 1 || runEnded(tab); }, kRunTimeoutMs));
    REQUIRE(waitUntil([&] { return runEnded(tab); }, kRunTimeoutMs));
    INFO(tab->logText().toStdString());
    REQUIRE(tab->status() == QStringLiteral("completed"));
    REQUIRE(jobs.job(1) != nullptr);
    CHECK(jobs.job(1)->title == QStringLiteral("Training run %1").arg(tab->runId()));
    REQUIRE(waitUntil([&] { return jobs.runningCount() == 0; }));
    CHECK(jobs.job(1)->state == kiln::widgets::JobState::Completed);
    const kiln::JobProgress last = jobs.progress(1);
    CHECK((last.total > 0 && last.total % 40 == 0));  // the spec's 40 epochs of steps
    CHECK(last.stage == "epoch 40");

    auto* curves = tab->curves();
    CHECK(curves->task() == QStringLiteral("classification"));
    CHECK(curves->lossPlot()->pointCount(QStringLiteral("train_loss")) >= 5);
    CHECK(curves->lossPlot()->pointCount(QStringLiteral("val_loss")) >= 5);
    CHECK(curves->metricPlot()->pointCount(QStringLiteral("val_accuracy")) >= 5);
    auto* evaluation = tab->evaluation();
    REQUIRE(evaluation->shownTask() == QStringLiteral("classification"));
    auto* matrix = evaluation->confusionMatrix();
    REQUIRE(matrix->classCount() == 3);
    qint64 total = 0, diagonal = 0;
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c) {
            total += matrix->count(r, c);
            if (r == c) diagonal += matrix->count(r, c);
        }
    CHECK(total == qint64(tab->record()
                              .report.value(QStringLiteral("test"))
                              .toObject()
                              .value(QStringLiteral("rows"))
                              .toInt()));
    CHECK(double(diagonal) / double(total) > 0.8);        // iris is easy
    CHECK(evaluation->perClassModel()->rowCount() == 4);  // 3 classes and the macro average
    CHECK(evaluation->rocPlot()->pointCount(QStringLiteral("class:0")) > 2);
    CHECK(evaluation->prPlot()->pointCount(QStringLiteral("class:2")) > 2);
    CHECK(evaluation->summaryText().contains(QStringLiteral("accuracy")));
    CHECK(tab->logText().contains(QStringLiteral("info")));
    CHECK(tab->progressBar()->value() == tab->progressBar()->maximum());
    tab->pages()->setCurrentWidget(evaluation);
    CHECK(
        kiln::test::saveScreenshot(f.window.get(), QStringLiteral("run_classification_done.png")));
    tab->pages()->setCurrentWidget(curves);
    CHECK(kiln::test::saveScreenshot(f.window.get(),
                                     QStringLiteral("run_classification_curves.png")));
    tab->pages()->setCurrentWidget(tab->findChild<QWidget*>(QStringLiteral("runLog")));
    CHECK(kiln::test::saveScreenshot(f.window.get(), QStringLiteral("run_log.png")));
    tab->pages()->setCurrentIndex(tab->pages()->count() - 1);
    CHECK(kiln::test::saveScreenshot(f.window.get(), QStringLiteral("run_environment.png")));

    // The navigator lists the run with its status.
    REQUIRE(waitUntil([&] {
        for (const auto& e : f.navigator->snapshot().entries)
            if (e.kind == kiln::widgets::CatalogKind::Run && e.id == tab->runId() &&
                e.detail == QStringLiteral("completed"))
                return true;
        return false;
    }));

    // After a restart (no controller, nothing live) the tab reads the same from the catalog.
    RunTab reopened(f.dir.path(), tab->runId(), nullptr);
    reopened.resize(1000, 700);
    REQUIRE(waitUntil([&] { return reopened.isLoaded(); }));
    CHECK(reopened.status() == QStringLiteral("completed"));
    CHECK(reopened.evaluation()->shownTask() == QStringLiteral("classification"));
    CHECK(reopened.evaluation()->confusionMatrix()->classCount() == 3);
    CHECK(reopened.curves()->pointCount() == curves->pointCount());
    CHECK(reopened.pages()->currentWidget() == reopened.evaluation());

    LanguageManager::apply(QStringLiteral("ko"));
    REQUIRE(waitUntil([&] { return kiln::test::hasHangul(tab->pages()->tabText(1)); }));
    tab->pages()->setCurrentWidget(evaluation);
    CHECK(kiln::test::saveScreenshot(f.window.get(),
                                     QStringLiteral("run_classification_done_ko.png")));
    LanguageManager::apply(QStringLiteral("en"));
    QTest::qWait(50);
}

TEST_CASE("a regression run shows predicted against actual and its residuals", "[training]") {
    TrainingFixture f;
    REQUIRE(f.imported);
    TrainPanel* panel = readyPanel(f, QStringLiteral("iris"));
    chooseTarget(panel, QStringLiteral("petal_length_cm"));
    chooseFamily(panel, QStringLiteral("mlp"));
    panel->setEpochs(60);
    RunTab* tab = pressTrain(f, panel);
    REQUIRE(waitUntil([&] { return runEnded(tab); }, kRunTimeoutMs));
    INFO(tab->logText().toStdString());
    REQUIRE(tab->status() == QStringLiteral("completed"));
    CHECK(tab->curves()->task() == QStringLiteral("regression"));
    CHECK(tab->curves()->metricPlot()->pointCount(QStringLiteral("val_rmse")) >= 5);
    CHECK(tab->curves()->secondaryPlot()->pointCount(QStringLiteral("val_r2")) >= 5);
    auto* evaluation = tab->evaluation();
    REQUIRE(evaluation->shownTask() == QStringLiteral("regression"));
    const int rows = tab->record()
                         .report.value(QStringLiteral("test"))
                         .toObject()
                         .value(QStringLiteral("rows"))
                         .toInt();
    CHECK(rows > 10);
    CHECK(evaluation->scatterPlot()->pointCount(QStringLiteral("rows")) == rows);
    CHECK(evaluation->residualPlot()->pointCount(QStringLiteral("residuals")) == 30);
    CHECK(evaluation->summaryText().contains(QStringLiteral("RMSE")));
    tab->pages()->setCurrentWidget(evaluation);
    CHECK(kiln::test::saveScreenshot(f.window.get(), QStringLiteral("run_regression_done.png")));
}

TEST_CASE("a run shows live curves while it trains and cancel stops it", "[training]") {
    TrainingFixture f;
    REQUIRE(f.imported);
    TrainPanel* panel = readyPanel(f, QStringLiteral("wine"));
    chooseFamily(panel, QStringLiteral("mlp"));
    panel->setEpochs(300);
    panel->setEarlyStopping(0);
    RunTab* tab = pressTrain(f, panel);
    auto* loss = tab->curves()->lossPlot();
    REQUIRE(waitUntil([&] { return loss->pointCount(QStringLiteral("val_loss")) >= 12; },
                      kRunTimeoutMs));
    CHECK(tab->status() == QStringLiteral("running"));
    CHECK(tab->progressText().contains(QStringLiteral("ETA")));
    CHECK_FALSE(tab->progressText().contains(QStringLiteral("early stopping")));  // it is off
    CHECK(tab->cancelButton()->isVisible());
    CHECK(tab->cancelButton()->isEnabled());
    // Redraws are coalesced: far fewer than one per point.
    QTest::qWait(2 * kiln::widgets::MetricPlot::kRedrawIntervalMs);
    CHECK(loss->drawnPointCount(QStringLiteral("val_loss")) > 0);
    CHECK(kiln::test::saveScreenshot(f.window.get(), QStringLiteral("run_live.png")));

    tab->cancelButton()->click();
    REQUIRE(waitUntil([&] { return runEnded(tab); }, 60000));
    CHECK(tab->status() == QStringLiteral("cancelled"));
    CHECK(tab->findChild<QPushButton*>(QStringLiteral("resumeRunButton"))->isVisible());
    CHECK_FALSE(f.training->controller()->isFollowing(tab->runId()));
    const int stoppedAt = tab->record().epoch;
    CHECK(stoppedAt < 300);
    CHECK(tab->logText().contains(QStringLiteral("cancel")));

    // Resume continues from the checkpoint to the last epoch.
    tab->findChild<QPushButton*>(QStringLiteral("resumeRunButton"))->click();
    REQUIRE(waitUntil([&] { return tab->record().isActive(); }, 10000));
    REQUIRE(waitUntil([&] { return runEnded(tab); }, kRunTimeoutMs));
    CHECK(tab->status() == QStringLiteral("completed"));
    CHECK(tab->record().epoch == 300);
    CHECK(loss->pointCount(QStringLiteral("val_loss")) == 300);
    CHECK(tab->logText().contains(QStringLiteral("Resumed on")));
}

TEST_CASE("the main window lists runs with their status and reattaches them at start",
          "[training]") {
    kiln::studio::initStudioResources();
    LanguageManager::apply(QStringLiteral("en"));
    kiln::test::useBuiltKiln();
    QTemporaryDir dir;
    REQUIRE(kiln::test::importFixtures(dir.path(), {QStringLiteral("iris")}));
    // A run whose Studio went away while its worker (long gone) was training.
    QString orphan;
    {
        auto ws = kiln::Workspace::open(dir.path().toStdString(), false);
        REQUIRE(ws.ok());
        auto version = kiln::DatasetCatalog((*ws)->catalog()).resolve("iris");
        REQUIRE(version.ok());
        kiln::RunSpec spec;
        spec.dataset = "iris";
        spec.datasetVersion = version->version;
        spec.datasetHash = version->contentHash;
        spec.target = "species";
        auto id = kiln::createRun(**ws, spec, version->id);
        REQUIRE(id.ok());
        orphan = QString::fromStdString(*id);
        REQUIRE((*ws)
                    ->catalog()
                    .queryValue("UPDATE runs SET status = 'running', worker_pid = 999999 "
                                "WHERE id = ? RETURNING id",
                                {*id})
                    .ok());
    }
    auto window = std::make_unique<kiln::studio::MainWindow>(dir.path());
    window->resize(1280, 800);
    window->show();
    auto statusOf = [&](const QString& id) {
        for (const auto& e : window->navigator()->snapshot().entries)
            if (e.kind == kiln::widgets::CatalogKind::Run && e.id == id) return e.detail;
        return QString();
    };
    REQUIRE(waitUntil([&] { return statusOf(orphan) == QStringLiteral("interrupted"); }));
    auto* runMenu = window->findChild<QMenu*>(QStringLiteral("menuRun"));
    REQUIRE(runMenu != nullptr);
    CHECK(runMenu->actions().contains(window->training()->trainAction()));

    // Activating the run in the navigator opens its tab, which offers Resume.
    kiln::widgets::CatalogEntry entry;
    for (const auto& e : window->navigator()->snapshot().entries)
        if (e.id == orphan) entry = e;
    QMetaObject::invokeMethod(window->navigator(),
                              [&] { Q_EMIT window->navigator()->entryActivated(entry); });
    REQUIRE(waitUntil([&] { return qobject_cast<RunTab*>(window->tabs()->currentWidget()); }));
    auto* tab = qobject_cast<RunTab*>(window->tabs()->currentWidget());
    REQUIRE(waitUntil([&] { return tab->isLoaded(); }));
    CHECK(tab->status() == QStringLiteral("interrupted"));
    CHECK(tab->findChild<QPushButton*>(QStringLiteral("resumeRunButton"))->isVisible());

    // Run ▸ Train… from a dataset's tab opens the Train panel on that dataset.
    window->openDataset(QStringLiteral("iris@1"), QStringLiteral("table"));
    window->training()->trainAction()->trigger();
    auto* panel = qobject_cast<TrainPanel*>(window->tabs()->currentWidget());
    REQUIRE(panel != nullptr);
    REQUIRE(waitUntil([&] { return !panel->isBusy() && !panel->resolution().columns.isEmpty(); }, 20000));
    CHECK(panel->spec().dataset == "iris");
    CHECK(panel->spec().datasetVersion == 1);
    window.reset();
    QThreadPool::globalInstance()->waitForDone();
}
