// Tree families in Studio, on real runs in `kiln worker` processes: a boosted-tree run with
// cross-validation (curves per round, importance, the CV table), auto's choice and why, and a
// decision tree drawn — on a table with missing values, a category and a date (tests/support's
// tabular table) and on the committed wine and iris fixtures. Screenshots in English and Korean.
#include <catch2/catch.hpp>

#include <QComboBox>
#include <QLabel>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>

#include "app/studio/run_tab.h"
#include "app/studio/train_panel.h"
#include "qt_test_helpers.h"
#include "train_fixtures.h"
#include "training_test_fixture.h"
#include "widgets/cv_table_model.h"
#include "widgets/decision_tree_view.h"
#include "widgets/importance_chart.h"
#include "widgets/metric_plot.h"
#include "widgets/model_insight_view.h"
#include "widgets/run_curves_view.h"

using kiln::studio::LanguageManager;
using kiln::studio::RunTab;
using kiln::studio::TrainPanel;
using kiln::test::pressTrain;
using kiln::test::runEnded;
using kiln::test::TrainingFixture;
using kiln::test::waitUntil;
using kiln::widgets::ImportanceChart;

namespace {

constexpr int kRunTimeoutMs = 300000;

// Imports tests/support's tabular table (missing x1 cells, a colour category, a date) as "tabular".
bool importTabular(TrainingFixture& f, int rows) {
    const std::filesystem::path csv = f.dir.path().toStdString() + "/tabular.csv";
    kiln::test::writeTabularCsv(csv, rows);
    auto ws = kiln::Workspace::open(f.dir.path().toStdString(), false);
    if (!ws) return false;
    kiln::NullJobContext job;
    return kiln::importCsvDataset(**ws, csv.string(), "tabular", kiln::ImportOptions{}, job)
        .ok();
}

// The Train panel on `dataset` with `target` and `family` chosen, resolved and ready.
TrainPanel* panelFor(TrainingFixture& f, const QString& dataset, const QString& target,
                     const QString& family) {
    TrainPanel* panel = kiln::test::openPanelWithTarget(f, dataset, target);
    auto* box = panel->findChild<QComboBox*>(QStringLiteral("familyBox"));
    box->setCurrentIndex(box->findData(family));
    REQUIRE(waitUntil(
        [&] {
            return !panel->isBusy() && panel->isReady() &&
                   panel->spec().target == target.toStdString() &&
                   panel->resolution().family == family;
        },
        20000));
    return panel;
}

RunTab* trainToEnd(TrainingFixture& f, TrainPanel* panel) {
    RunTab* tab = pressTrain(f, panel);
    REQUIRE(waitUntil([&] { return runEnded(tab); }, kRunTimeoutMs));
    INFO(tab->logText().toStdString());
    REQUIRE(tab->status() == QStringLiteral("completed"));
    return tab;
}

void saveBoth(TrainingFixture& f, RunTab* tab, QWidget* page, const QString& name) {
    tab->pages()->setCurrentWidget(page);
    CHECK(kiln::test::saveScreenshot(f.window.get(), name + QStringLiteral(".png")));
    LanguageManager::apply(QStringLiteral("ko"));
    REQUIRE(waitUntil(
        [&] { return kiln::test::hasHangul(tab->pages()->tabText(tab->pages()->indexOf(page))); }));
    CHECK(kiln::test::saveScreenshot(f.window.get(), name + QStringLiteral("_ko.png")));
    LanguageManager::apply(QStringLiteral("en"));
    QTest::qWait(50);
}

}  // namespace

TEST_CASE("a boosted-tree run with cross-validation shows its rounds, importance and CV table",
          "[trees]") {
    TrainingFixture f;
    REQUIRE(f.imported);
    REQUIRE(importTabular(f, 600));
    TrainPanel* panel =
        panelFor(f, QStringLiteral("tabular"), QStringLiteral("label"), QStringLiteral("boosted"));
    panel->findChild<QSpinBox*>(QStringLiteral("treesBox"))->setValue(80);
    panel->findChild<QSpinBox*>(QStringLiteral("cvFoldsBox"))->setValue(5);
    REQUIRE(waitUntil([&] { return panel->isReady() && panel->spec().cvFolds == 5; }));
    RunTab* tab = trainToEnd(f, panel);

    // Per-round curves.
    auto* curves = tab->curves();
    CHECK(curves->lossPlot()->pointCount(QStringLiteral("train_loss")) >= 5);
    CHECK(curves->lossPlot()->pointCount(QStringLiteral("val_loss")) >= 5);
    CHECK(curves->metricPlot()->pointCount(QStringLiteral("val_accuracy")) >= 5);
    CHECK(tab->subtitleText().contains(QStringLiteral("boosted trees")));
    CHECK(tab->progressText().contains(QStringLiteral("round")));

    // Importance: both kinds for trees. The table's amount is 100·x1 + 20·x2, so it gives the label
    // away and comes first; the ID column is no feature.
    auto* insight = tab->insight();
    CHECK(tab->pages()->isTabVisible(tab->pages()->indexOf(insight)));
    CHECK_FALSE(tab->pages()->isTabVisible(tab->pages()->indexOf(tab->treeView())));
    ImportanceChart* importance = insight->importance();
    REQUIRE(importance->hasKind(ImportanceChart::Kind::Permutation));
    REQUIRE(importance->hasKind(ImportanceChart::Kind::Gain));
    CHECK(importance->barLabel(0) == QStringLiteral("amount"));
    for (int i = 0; i < importance->barCount(); ++i)
        CHECK(importance->barLabel(i) != QStringLiteral("id"));
    importance->setKind(ImportanceChart::Kind::Gain);
    CHECK(importance->barLabel(0) == QStringLiteral("amount"));
    importance->setKind(ImportanceChart::Kind::Permutation);

    // The CV table: five folds whose held-out rows add up to the non-test rows, and the mean.
    auto* cv = insight->cvModel();
    REQUIRE(cv->folds() == 5);
    CHECK(cv->rowCount() == 6);
    CHECK(cv->metrics().contains(QStringLiteral("accuracy")));
    CHECK(cv->mean(QStringLiteral("accuracy")) > 0.7);
    qint64 heldOut = 0;
    for (int r = 0; r < 5; ++r)
        heldOut += cv->index(r, 2).data().toString().remove(QLatin1Char(',')).toLongLong();
    const int testRows = tab->record()
                             .report.value(QStringLiteral("test"))
                             .toObject()
                             .value(QStringLiteral("rows"))
                             .toInt();
    CHECK(heldOut + testRows == 600);
    CHECK(insight->choiceText().isEmpty());  // not auto

    saveBoth(f, tab, curves, QStringLiteral("run_boosted_curves"));
    saveBoth(f, tab, insight, QStringLiteral("run_boosted_model"));
}

TEST_CASE("auto chooses a family by cross-validation and says why", "[trees]") {
    TrainingFixture f;
    REQUIRE(f.imported);
    TrainPanel* panel =
        panelFor(f, QStringLiteral("wine"), QStringLiteral("cultivar"), QStringLiteral("auto"));
    panel->setEpochs(40);
    RunTab* tab = trainToEnd(f, panel);
    auto* insight = tab->insight();
    const QString chosen = tab->record()
                               .report.value(QStringLiteral("model_choice"))
                               .toObject()
                               .value(QStringLiteral("chosen"))
                               .toString();
    REQUIRE_FALSE(chosen.isEmpty());
    CHECK(tab->record().report.value(QStringLiteral("family")).toString() == chosen);
    CHECK(insight->choiceText().startsWith(QStringLiteral("Auto chose <b>")));
    CHECK(insight->choiceText().contains(QStringLiteral("cross-validation")));
    CHECK(insight->choiceText().contains(QStringLiteral("The final model then trained on all")));
    CHECK(insight->cvModel()->folds() >= 2);
    CHECK(insight->importance()->hasKind(ImportanceChart::Kind::Permutation));
    saveBoth(f, tab, insight, QStringLiteral("run_auto_model"));
}

TEST_CASE("a decision tree run draws its tree with missing-value branches", "[trees]") {
    TrainingFixture f;
    REQUIRE(f.imported);
    REQUIRE(importTabular(f, 600));
    TrainPanel* panel =
        panelFor(f, QStringLiteral("tabular"), QStringLiteral("label"), QStringLiteral("tree"));
    panel->findChild<QSpinBox*>(QStringLiteral("maxDepthBox"))->setValue(3);
    RunTab* tab = trainToEnd(f, panel);
    auto* tree = tab->treeView();
    REQUIRE(tab->pages()->isTabVisible(tab->pages()->indexOf(tree)));
    REQUIRE(tree->hasTree());
    CHECK(tree->treeCount() == 1);
    CHECK(tree->nodeCount() >= 3);
    CHECK(tree->nodeText(0).contains(QStringLiteral(" < ")));
    CHECK(tree->nodeText(0).contains(QStringLiteral("rows")));
    CHECK(tree->edgeText(0, true).startsWith(QStringLiteral("yes")));
    CHECK(tree->overlappingBoxes() == 0);
    CHECK(tab->subtitleText().contains(QStringLiteral("decision tree")));
    saveBoth(f, tab, tree, QStringLiteral("run_decision_tree"));

    // Three classes: one tree per class and a selector.
    TrainPanel* iris =
        panelFor(f, QStringLiteral("iris"), QStringLiteral("species"), QStringLiteral("tree"));
    RunTab* irisTab = trainToEnd(f, iris);
    auto* irisTree = irisTab->treeView();
    REQUIRE(irisTree->treeCount() == 3);
    CHECK_FALSE(irisTree->classBox()->isHidden());
    irisTree->setCurrentTree(2);
    CHECK(irisTree->overlappingBoxes() == 0);
    CHECK(irisTree->nodeCount() >= 3);
    irisTab->pages()->setCurrentWidget(irisTree);
    CHECK(kiln::test::saveScreenshot(f.window.get(), QStringLiteral("run_decision_tree_iris.png")));
}
