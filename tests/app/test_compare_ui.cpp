// Runs table, Compare tab and Sweep in Studio, on real runs: a 12-trial sweep on the iris
// fixture (tiny MLPs, 3 epochs) through the Sweep dialog's controller, then its runs in the Runs
// table and two of them compared.
#include <QCheckBox>
#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QMainWindow>
#include <QMenu>
#include <QAction>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QSet>
#include <QThreadPool>
#include <QTreeWidget>

#include <catch2/catch.hpp>

#include "app/studio/compare_ui.h"
#include "app/studio/language_manager.h"
#include "app/studio/main_window.h"
#include "app/studio/studio_resources.h"
#include "app/studio/sweep_dialog.h"
#include "app/studio/sweep_view.h"
#include "core/data/csv_import.h"
#include "core/jobs/job_context.h"
#include "core/store/workspace.h"
#include "qt_test_helpers.h"
#include "widgets/compare_view.h"
#include "widgets/job_manager.h"
#include "widgets/navigator_view.h"
#include "widgets/parallel_coordinates_view.h"
#include "widgets/runs_table_model.h"
#include "widgets/runs_table_view.h"

using namespace kiln::studio;
using namespace kiln::widgets;
using kiln::test::saveScreenshot;
using kiln::test::waitUntil;

namespace {

bool importIris(const QString& dir) {
    auto ws = kiln::Workspace::open(dir.toStdString(), true);
    if (!ws) return false;
    kiln::NullJobContext job;
    auto imported = kiln::importCsvDataset(**ws, KILN_FIXTURE_DIR "/iris.csv", "iris",
                                           kiln::ImportOptions{}, job);
    return bool(imported);
}

}  // namespace

TEST_CASE("runs table model passes the model tester", "[compare]") {
    RunsTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    kiln::RunTable table;
    for (int i = 0; i < 3000; ++i) {
        kiln::RunRow row;
        row.id = "run-" + std::to_string(i);
        row.status = i % 3 == 0 ? "failed" : "completed";
        row.dataset = i % 2 ? "iris" : "wine";
        row.params["optimizer.lr"] = std::to_string(0.001 * (i % 17 + 1));
        row.params["model.family"] = "mlp";
        row.finalMetrics["val_loss"] = 1.0 / (i + 1);
        table.rows.push_back(row);
    }
    table.paramKeys = {"model.family", "optimizer.lr"};
    table.metricKeys = {"val_loss"};
    model.setRunTable(table);
    CHECK(model.rowCount() == 3000);
    CHECK(model.columnCount() >= 6);
    model.setColumnShown({RunColumn::Created, {}}, false);
    model.setColumnShown({RunColumn::Param, QStringLiteral("optimizer.lr")}, false);
    CHECK_FALSE(model.columns().contains(RunColumn{RunColumn::Param, QStringLiteral("optimizer.lr")}));

    RunsFilterProxy proxy;
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.setSourceModel(&model);
    proxy.setStatus(QStringLiteral("failed"));
    CHECK(proxy.rowCount() == 1000);
    proxy.setDataset(QStringLiteral("iris"));
    CHECK(proxy.rowCount() == 500);
    proxy.setStatus({});
    proxy.setDataset({});
    proxy.setText(QStringLiteral("run-299"));
    CHECK(proxy.rowCount() == 11);  // run-299, run-2990 … run-2999
    proxy.setText({});
    // Metric columns sort as numbers.
    const int metricColumn = int(model.columns().indexOf(RunColumn{RunColumn::Metric, QStringLiteral("val_loss")}));
    REQUIRE(metricColumn >= 0);
    proxy.sort(metricColumn, Qt::AscendingOrder);
    CHECK(proxy.index(0, 0).data(RunsTableModel::RunIdRole).toString() == QStringLiteral("run-2999"));
}

// A random-search sweep of iris's species (hidden 8, seed 5, val_loss) over `params`.
SweepRequest irisSweep(const QString& workspace, const QStringList& params, int trials, int epochs) {
    SweepRequest r;
    r.workspace = workspace;
    r.dataset = QStringLiteral("iris");
    r.target = QStringLiteral("species");
    r.params = params;
    r.search = QStringLiteral("random");
    r.trials = trials;
    r.metric = QStringLiteral("val_loss");
    r.epochs = epochs;
    r.hidden = QStringLiteral("8");
    r.seed = 5;
    return r;
}

TEST_CASE("a sweep from Studio, the runs table and a compare of its runs", "[compare][sweep]") {
    initStudioResources();
    LanguageManager::apply(QStringLiteral("en"));
    if (qEnvironmentVariableIsEmpty("KILN_CLI")) qputenv("KILN_CLI", KILN_CLI_PATH);
    QTemporaryDir dir;
    REQUIRE(importIris(dir.path()));

    auto window = std::make_unique<QMainWindow>();
    auto* tabs = new QTabWidget(window.get());
    tabs->setDocumentMode(true);
    window->setCentralWidget(tabs);
    auto* jobs = new JobManager(window.get());
    auto* ui = new CompareUi(tabs, jobs, window.get());
    ui->setWorkspace(dir.path());
    window->resize(1360, 820);
    window->show();

    // The dialog builds the request the controller runs.
    SweepRequest wanted = irisSweep(dir.path(), {QStringLiteral("lr=log:0.001:0.3"),
                                                 QStringLiteral("hidden=choice:4|8|16,8"),
                                                 QStringLiteral("dropout=uniform:0:0.3")},
                                    12, 4);
    wanted.parallel = 2;
    wanted.medianStopping = true;
    SweepDialog dialog(dir.path());
    dialog.setRequest(wanted);
    QString error;
    auto request = dialog.request(&error);
    INFO(error.toStdString());
    REQUIRE(request);
    CHECK(request->params == wanted.params);
    CHECK(request->trials == 12);
    CHECK(request->seed == 5);
    CHECK(request->medianStopping);
    CHECK(dialog.findChild<QCheckBox*>(QStringLiteral("sweepMedianStopping"))->isChecked());
    // Every trial runs to its end here (the figures below count them); the median rule itself
    // is tested in tests/analysis.
    request->medianStopping = false;

    SweepView* view = ui->startSweep(*request);
    SweepController* sweep = ui->lastSweep();
    REQUIRE(sweep);
    CHECK(jobs->runningCount() == 1);
    REQUIRE(waitUntil([&] { return !sweep->isRunning(); }, 120000));
    INFO(sweep->message().toStdString());
    CHECK(sweep->trials().size() == 12);
    REQUIRE(sweep->bestTrial() > 0);
    CHECK_FALSE(sweep->bestRunId().isEmpty());
    CHECK(view->bestText().contains(QStringLiteral("trial %1").arg(sweep->bestTrial())));
    CHECK(view->plot()->lineCount() == 12);
    CHECK(view->plot()->axes() == QStringList({QStringLiteral("lr"), QStringLiteral("hidden"),
                                               QStringLiteral("dropout"), QStringLiteral("val_loss")}));
    CHECK(view->trialTable()->rowCount() == 12);
    // A choice is drawn as categories, even of numbers (4, 8, 16, "16,8"); a range on a scale.
    CHECK(view->plot()->isCategoryAxis(QStringLiteral("hidden")));
    CHECK_FALSE(view->plot()->isCategoryAxis(QStringLiteral("lr")));
    CHECK(saveScreenshot(view, QStringLiteral("sweep_view.png")));
    view->plot()->resize(1100, 520);
    CHECK(view->plot()->savePng(QStringLiteral(KILN_SCREENSHOT_DIR "/sweep_parallel_coordinates.png")));
    CHECK(view->plot()->saveSvg(QStringLiteral(KILN_SCREENSHOT_DIR "/sweep_parallel_coordinates.svg")));

    // The runs table lists the 12 trials.
    RunsTableView* runs = ui->openRuns();
    REQUIRE(waitUntil([&] { return !runs->isLoading() && runs->model()->rowCount() == 12; }, 20000));
    QAbstractItemModelTester tester(runs->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    runs->filterEdit()->setText(QStringLiteral("no-such-run"));
    CHECK(runs->proxy()->rowCount() == 0);
    runs->filterEdit()->setText({});
    CHECK(runs->proxy()->rowCount() == 12);
    runs->table()->sortByColumn(int(runs->model()->columns().indexOf(
                                    RunColumn{RunColumn::Metric, QStringLiteral("val_loss")})),
                                Qt::AscendingOrder);
    // Two runs: the best and the worst by val_loss.
    const QString first = runs->proxy()->index(0, 0).data(RunsTableModel::RunIdRole).toString();
    const QString last = runs->proxy()->index(11, 0).data(RunsTableModel::RunIdRole).toString();
    runs->selectRuns({first, runs->proxy()->index(5, 0).data(RunsTableModel::RunIdRole).toString(), last});
    CHECK(runs->selectedRunIds().size() == 3);
    CHECK(saveScreenshot(window.get(), QStringLiteral("runs_table.png")));

    // Compare two of them.
    CompareView* compare = ui->compare({first, last});
    REQUIRE(waitUntil([&] { return !compare->isLoading(); }, 20000));
    CHECK(compare->runIds().size() == 2);
    compare->curves()->setMetric(QStringLiteral("val_loss"));
    CHECK(compare->curves()->lineCount() == 2);
    CHECK(compare->curves()->drawnPoints() >= 2 * 2);
    CHECK(compare->differingRows() > 0);
    const int allRows = compare->table()->rowCount();
    compare->onlyDifferences()->setChecked(true);
    int shown = 0;
    for (int r = 0; r < allRows; ++r) shown += compare->table()->isRowHidden(r) ? 0 : 1;
    CHECK(shown == compare->differingRows());
    CHECK(shown < allRows);
    compare->copyCsv();
    const QString csv = QApplication::clipboard()->text();
    CHECK(csv.startsWith(QStringLiteral("key,") + first));
    CHECK(csv.count(QLatin1Char('\n')) == shown + 1);
    // Legend toggles a run; log scale and smoothing keep both curves.
    compare->curves()->setRunVisible(1, false);
    CHECK(compare->curves()->lineCount() == 1);
    compare->curves()->setRunVisible(1, true);
    compare->curves()->setLogScale(true);
    compare->curves()->setSmoothing(0.3);
    CHECK(compare->curves()->lineCount() == 2);
    compare->curves()->setLogScale(false);
    compare->scatter()->choose(QStringLiteral("optimizer.lr"), QStringLiteral("val_loss"));
    CHECK(compare->scatter()->pointCount() == 2);
    // Zooming reads that x range again (epochs 2…3: two points a run), and back.
    const int allPoints = compare->curves()->drawnPoints();
    compare->curves()->zoomTo(2, 3);
    REQUIRE(waitUntil([&] { return !compare->isLoading(); }, 20000));
    CHECK(compare->curves()->isZoomed());
    CHECK(compare->curves()->drawnPoints() == 4);
    compare->curves()->resetZoom();
    REQUIRE(waitUntil([&] { return !compare->isLoading(); }, 20000));
    CHECK(compare->curves()->drawnPoints() == allPoints);
    // Another metric is read when chosen.
    compare->curves()->setMetric(QStringLiteral("val_accuracy"));
    REQUIRE(waitUntil([&] { return !compare->isLoading(); }, 20000));
    CHECK(compare->curves()->metric() == QStringLiteral("val_accuracy"));
    CHECK(compare->curves()->drawnPoints() == allPoints);
    compare->curves()->setMetric(QStringLiteral("val_loss"));
    REQUIRE(waitUntil([&] { return !compare->isLoading(); }, 20000));
    compare->onlyDifferences()->setChecked(false);
    compare->onlyDifferences()->setChecked(true);
    // As a person would, save once the redrawn chart has been laid out (its axes and legend are
    // placed by the event loop; saved before that, the image has the curves only).
    QCoreApplication::processEvents();
    CHECK(compare->curves()->savePng(QStringLiteral(KILN_SCREENSHOT_DIR "/compare_curves.png")));
    CHECK(compare->curves()->saveSvg(QStringLiteral(KILN_SCREENSHOT_DIR "/compare_curves.svg")));
    CHECK(saveScreenshot(window.get(), QStringLiteral("compare_view.png")));

    // The whole sweep compared: the scatter has a point per trial.
    CompareView* all = ui->compare(sweep->trials().isEmpty() ? QStringList{} : [&] {
        QStringList ids;
        for (const auto& t : sweep->trials()) ids << t.runId;
        return ids;
    }());
    REQUIRE(waitUntil([&] { return !all->isLoading(); }, 20000));
    all->scatter()->choose(QStringLiteral("optimizer.lr"), QStringLiteral("val_loss"));
    CHECK(all->scatter()->pointCount() == 12);
    CHECK(all->curves()->lineCount() == 12);

    // The navigator lists the trials under their sweep, each named by what sets it apart.
    NavigatorView navigator;
    navigator.resize(360, 700);
    navigator.show();
    navigator.setWorkspace(dir.path());
    REQUIRE(waitUntil([&] { return !navigator.isLoading() && navigator.snapshot().counts.runs == 12; }, 20000));
    QTreeWidgetItem* runsSection = navigator.tree()->topLevelItem(1);
    REQUIRE(runsSection->childCount() == 1);
    QTreeWidgetItem* group = runsSection->child(0);
    CHECK(group->text(0) == QStringLiteral("Sweep: iris/species mlp (12 trials)"));
    REQUIRE(group->childCount() == 12);
    QSet<QString> names;
    for (int i = 0; i < group->childCount(); ++i) {
        const QString name = group->child(i)->text(0);
        INFO(name.toStdString());
        CHECK(name.contains(QStringLiteral("lr ")));
        CHECK(name.contains(QStringLiteral("dropout ")));
        CHECK(name.endsWith(QStringLiteral(" · completed")));
        CHECK_FALSE(name.contains(QStringLiteral("iris/species")));
        names.insert(name);
    }
    CHECK(names.size() == 12);  // no two trials look alike
    CHECK(navigator.trialsOf(sweep->sweepId()).size() == 12);
    std::unique_ptr<QMenu> menu(navigator.buildContextMenu(group));
    REQUIRE(menu);
    QStringList verbs;
    for (QAction* a : menu->actions())
        if (!a->isSeparator()) verbs << a->text();
    CHECK(verbs == QStringList{QStringLiteral("Compare Its Trials"), QStringLiteral("Show Sweep Record"),
                               QStringLiteral("Delete Sweep and Its Trials…")});
    group->setExpanded(true);
    CHECK(saveScreenshot(&navigator, QStringLiteral("navigator_sweep.png")));

    window.reset();
    QThreadPool::globalInstance()->waitForDone();
}

// The split of a trial's rows follows the sweep's one seed alike in Studio and the CLI
// (setRunSeed in core): a Studio sweep used to leave the split at its default seed.
std::string readSplit(const QString& workspace, const QString& runId) {
    QFile file(workspace + QStringLiteral("/runs/") + runId + QStringLiteral("/split.json"));
    return file.open(QIODevice::ReadOnly) ? file.readAll().toStdString() : std::string();
}

TEST_CASE("a Studio sweep and `kiln sweep --seed 5` split the same rows", "[compare][sweep][seed]") {
    initStudioResources();
    if (qEnvironmentVariableIsEmpty("KILN_CLI")) qputenv("KILN_CLI", KILN_CLI_PATH);
    QTemporaryDir dir;
    REQUIRE(importIris(dir.path()));
    auto window = std::make_unique<QMainWindow>();
    auto* tabs = new QTabWidget(window.get());
    window->setCentralWidget(tabs);
    auto* jobs = new JobManager(window.get());
    auto* ui = new CompareUi(tabs, jobs, window.get());
    ui->setWorkspace(dir.path());

    SweepRequest wanted = irisSweep(dir.path(), {QStringLiteral("lr=choice:0.01")}, 1, 1);
    wanted.parallel = 1;
    SweepDialog dialog(dir.path());
    dialog.setRequest(wanted);
    QString error;
    auto request = dialog.request(&error);
    INFO(error.toStdString());
    REQUIRE(request);
    ui->startSweep(*request);
    SweepController* sweep = ui->lastSweep();
    REQUIRE(sweep);
    REQUIRE(waitUntil([&] { return !sweep->isRunning(); }, 120000));
    REQUIRE(sweep->trials().size() == 1);
    const QString studioRun = sweep->trials().front().runId;
    const std::string studioSplit = readSplit(dir.path(), studioRun);
    REQUIRE_FALSE(studioSplit.empty());

    QProcess cli;
    cli.start(QStringLiteral(KILN_CLI_PATH),
              {QStringLiteral("--workspace"), dir.path(), QStringLiteral("sweep"), QStringLiteral("iris"),
               QStringLiteral("--target"), QStringLiteral("species"), QStringLiteral("--param"),
               QStringLiteral("lr=choice:0.01"), QStringLiteral("--trials"), QStringLiteral("1"),
               QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--hidden"), QStringLiteral("8"),
               QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--sweep-seed"), QStringLiteral("5")});
    REQUIRE(cli.waitForFinished(120000));
    INFO(cli.readAllStandardError().toStdString());
    REQUIRE(cli.exitCode() == 0);
    QString cliRun;
    for (const QString& id : QDir(dir.path() + QStringLiteral("/runs")).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        if (id != studioRun) cliRun = id;
    REQUIRE_FALSE(cliRun.isEmpty());
    CHECK(readSplit(dir.path(), cliRun) == studioSplit);
    const QByteArray spec = [&] {
        QFile f(dir.path() + QStringLiteral("/runs/") + studioRun + QStringLiteral("/spec.json"));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    CHECK(QJsonDocument::fromJson(spec).object().value(QStringLiteral("split")).toObject()
              .value(QStringLiteral("seed")).toInt() == 47);  // 5 + 42, as the CLI's
    window.reset();
    QThreadPool::globalInstance()->waitForDone();
}

TEST_CASE("the Sweep dialog names wrong ranges; cancelling a sweep stops its queue", "[compare][sweep]") {
    initStudioResources();
    LanguageManager::apply(QStringLiteral("en"));
    if (qEnvironmentVariableIsEmpty("KILN_CLI")) qputenv("KILN_CLI", KILN_CLI_PATH);
    QTemporaryDir dir;
    REQUIRE(importIris(dir.path()));
    SweepRequest bad;
    bad.dataset = QStringLiteral("iris");
    bad.target = QStringLiteral("species");
    bad.params = {QStringLiteral("lr=log:0:0.1")};
    {
        SweepDialog dialog(dir.path());
        dialog.setRequest(bad);
        QString error;
        CHECK_FALSE(dialog.request(&error));
        CHECK(error.contains(QStringLiteral("lr")));
    }

    auto window = std::make_unique<QMainWindow>();
    auto* tabs = new QTabWidget(window.get());
    window->setCentralWidget(tabs);
    auto* jobs = new JobManager(window.get());
    auto* ui = new CompareUi(tabs, jobs, window.get());
    ui->setWorkspace(dir.path());
    SweepRequest r = bad;
    r.params = {QStringLiteral("lr=log:0.001:0.1")};
    r.trials = 12;
    r.parallel = 1;
    r.epochs = 30;
    r.hidden = QStringLiteral("4");
    ui->startSweep(r);
    SweepController* sweep = ui->lastSweep();
    REQUIRE(waitUntil([&] { return !sweep->trials().isEmpty(); }, 30000));
    sweep->cancel();
    REQUIRE(waitUntil([&] { return !sweep->isRunning(); }, 60000));
    CHECK(sweep->trials().size() < 12);
    CHECK(sweep->message() == QStringLiteral("Sweep cancelled"));
    window.reset();
    QThreadPool::globalInstance()->waitForDone();
}

TEST_CASE("the main window offers Runs and Sweep in the Run menu", "[compare]") {
    initStudioResources();
    LanguageManager::apply(QStringLiteral("en"));
    QTemporaryDir dir;
    REQUIRE(importIris(dir.path()));
    MainWindow window(dir.path());
    REQUIRE(window.compareUi());
    auto* runMenu = window.findChild<QMenu*>(QStringLiteral("menuRun"));
    REQUIRE(runMenu);
    CHECK(runMenu->actions().contains(window.compareUi()->sweepAction()));
    CHECK(runMenu->actions().contains(window.compareUi()->runsAction()));
    window.compareUi()->runsAction()->trigger();
    auto* runs = qobject_cast<RunsTableView*>(window.tabs()->currentWidget());
    REQUIRE(runs);
    REQUIRE(waitUntil([&] { return !runs->isLoading(); }, 10000));
    CHECK(runs->model()->rowCount() == 0);
    // Closing the tab and asking again opens a fresh one.
    window.tabs()->tabCloseRequested(window.tabs()->currentIndex());
    window.compareUi()->runsAction()->trigger();
    CHECK(qobject_cast<RunsTableView*>(window.tabs()->currentWidget()) != nullptr);
    QThreadPool::globalInstance()->waitForDone();
}

TEST_CASE("the compare and sweep texts are translated to Korean", "[compare]") {
    initStudioResources();
    LanguageManager::apply(QStringLiteral("ko"));
    QMainWindow window;
    auto* tabs = new QTabWidget(&window);
    auto* jobs = new JobManager(&window);
    CompareUi ui(tabs, jobs, &window);
    CHECK(kiln::test::hasHangul(ui.sweepAction()->text()));
    CHECK(kiln::test::hasHangul(ui.runsAction()->text()));
    RunsTableView runs;
    CHECK(kiln::test::hasHangul(runs.filterEdit()->placeholderText()));
    CompareView compare;
    CHECK(kiln::test::hasHangul(compare.onlyDifferences()->text()));
    SweepDialog dialog(QString{});
    CHECK(kiln::test::hasHangul(dialog.windowTitle()));
    ParallelCoordinatesView plot;
    plot.setAxes({QStringLiteral("lr")}, QStringLiteral("val_loss"), false);
    plot.setLine({1, {{QStringLiteral("lr"), QStringLiteral("0.01")}}, 0.5});
    CHECK(kiln::test::hasHangul(plot.caption()));
    LanguageManager::apply(QStringLiteral("en"));
}
