// Pipelines in Kiln Studio, on the penguins example pipeline (examples/pipelines/penguins) run by
// this build's `kiln`: three batches of data arriving (each run monitored for drift against the
// model in production), a changed seed whose export fails, then the page: the Pipelines section
// of the navigator, the graph of the failed run (reused, ran, failed and skipped steps), the
// history, the failed step's record and log, the gate's comparison with production and the drift
// chart over the runs; Run Now resumes from the failed step; Schedule and Unschedule through a
// crontab (a fake `crontab` on PATH). Screens saved in English and Korean (`pipelines_*.png`).
#include <catch2/catch.hpp>

#include <QAction>
#include <QChart>
#include <QLabel>
#include <QMessageBox>
#include <QFile>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTextStream>
#include <QTreeWidget>

#include <sys/stat.h>
#include <utime.h>

#include "app/studio/pipelines_ui.h"
#include "scripted_session.h"
#include "widgets/drift_history_chart.h"
#include "widgets/navigator_view.h"
#include "widgets/pipeline_graph_view.h"
#include "widgets/pipeline_page.h"

using kiln::StepStatus;
using kiln::test::waitUntil;

namespace {

const QString kSource = QStringLiteral(KILN_SOURCE_DIR);

// Writes <folder>/incoming/penguins-<n>.csv with the sample's rows of `years`, newest by time,
// the penguins of 2009 `heavier` grams heavier (drift).
void writeBatch(const QString& folder, int n, const QStringList& years, int heavier = 0) {
    QDir().mkpath(folder + QStringLiteral("/incoming"));
    QFile in(kSource + QStringLiteral("/resources/samples/penguins.csv"));
    const QString path = folder + QStringLiteral("/incoming/penguins-%1.csv").arg(n);
    QFile out(path);
    REQUIRE(in.open(QIODevice::ReadOnly | QIODevice::Text));
    REQUIRE(out.open(QIODevice::WriteOnly | QIODevice::Text));
    QTextStream read(&in), write(&out);
    write << read.readLine() << '\n';
    while (!read.atEnd()) {
        QStringList cells = read.readLine().split(QLatin1Char(','));
        if (!years.contains(cells.last())) continue;
        if (cells.last() == QLatin1String("2009") && !cells[5].isEmpty()) cells[5] = QString::number(cells[5].toInt() + heavier);
        write << cells.join(QLatin1Char(',')) << '\n';
    }
    out.close();
    const utimbuf times{std::time(nullptr) + n * 10, std::time(nullptr) + n * 10};
    REQUIRE(::utime(path.toLocal8Bit().constData(), &times) == 0);
}

// Runs this build's kiln with `args`; its exit code (what it printed is shown when it fails).
int runKiln(const QStringList& args) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QString::fromLocal8Bit(qgetenv("KILN_CLI")), args);
    REQUIRE(p.waitForFinished(180000));
    if (p.exitCode() != 0) WARN(p.readAll().toStdString());
    return p.exitCode();
}

void replaceInFile(const QString& path, const QString& from, const QString& to) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(f.readAll());
    f.close();
    REQUIRE(text.contains(from));
    text.replace(from, to);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text.toUtf8());
}

QVector<StepStatus> statuses(const kiln::widgets::PipelineGraphView* graph) {
    QVector<StepStatus> out;
    for (const auto& s : graph->steps()) out << s.status;
    return out;
}

QTreeWidgetItem* pipelinesSection(kiln::widgets::NavigatorView* navigator) {
    return navigator->tree()->topLevelItem(3);
}

// A fake `crontab` keeping the table in <dir>/crontab.txt, and a systemctl that has no user manager.
QString fakeSchedulers(const QString& dir) {
    const QString bin = dir + QStringLiteral("/bin");
    QDir().mkpath(bin);
    auto script = [&](const QString& name, const QString& body) {
        QFile f(bin + QLatin1Char('/') + name);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(body.toUtf8());
        f.close();
        ::chmod(f.fileName().toLocal8Bit().constData(), 0755);
    };
    script(QStringLiteral("crontab"),
           QStringLiteral("#!/bin/sh\ntable='%1/crontab.txt'\n"
                          "if [ \"$1\" = -l ]; then [ -f \"$table\" ] || { echo 'no crontab for you' >&2; exit 1; }; cat \"$table\"; exit 0; fi\n"
                          "if [ \"$1\" = - ] || [ -z \"$1\" ]; then cat > \"$table\"; else cp \"$1\" \"$table\"; fi\n")
               .arg(dir));
    script(QStringLiteral("systemctl"), QStringLiteral("#!/bin/sh\necho 'Failed to connect to bus: No medium found' >&2\nexit 1\n"));
    return bin;
}

}  // namespace

TEST_CASE("A pipeline's page: its runs as a graph, history, gate, drift, Run Now and its schedule", "[pipelines]") {
    qputenv("KILN_NO_NOTIFY", "1");
    kiln::test::ScriptedSession s(QStringLiteral("pipelines"));
    s.addNames({"penguins", "penguins-weekly", "import", "monitor", "validate", "train", "gate", "export", "promote",
                "species", "island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex",
                "year", "yaml", "onnx", "csv", "mon", "test_accuracy", "crontab", "kiln", "models", "incoming", "linear"});
    const QString folder = s.files.path() + QStringLiteral("/penguins");
    QDir().mkpath(folder);
    const QString file = folder + QStringLiteral("/pipeline.yaml");
    REQUIRE(QFile::copy(kSource + QStringLiteral("/examples/pipelines/penguins/pipeline.yaml"), file));
    QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
    const QString ws = s.dir.path();
    auto run = [&] { return runKiln({QStringLiteral("--workspace"), ws, QStringLiteral("pipeline"), QStringLiteral("run"), file}); };

    // Three batches arrive: the first is trained and promoted, the next two monitored against it.
    writeBatch(folder, 1, {QStringLiteral("2007"), QStringLiteral("2008")});
    REQUIRE(run() == 0);
    writeBatch(folder, 2, {QStringLiteral("2007"), QStringLiteral("2008"), QStringLiteral("2009")});
    REQUIRE(run() == 0);
    writeBatch(folder, 3, {QStringLiteral("2007"), QStringLiteral("2008"), QStringLiteral("2009")}, 400);
    REQUIRE(run() == 0);
    // A new seed: the data is reused, the model trained again, and its export fails (the models
    // folder is now a file).
    replaceInFile(file, QStringLiteral("seed: 0"), QStringLiteral("seed: 1"));
    REQUIRE(QDir(folder + QStringLiteral("/models")).removeRecursively());
    {
        QFile blocker(folder + QStringLiteral("/models"));
        REQUIRE(blocker.open(QIODevice::WriteOnly));
    }
    REQUIRE(run() != 0);

    auto* navigator = s.window->navigator();
    navigator->reload();
    REQUIRE(waitUntil([&] { return !navigator->isLoading(); }));
    QTreeWidgetItem* section = pipelinesSection(navigator);
    REQUIRE(section);
    CHECK(section->text(0) == QStringLiteral("Pipelines (1)"));
    REQUIRE(section->childCount() == 1);
    CHECK(section->child(0)->text(0) == QStringLiteral("penguins-weekly · failed"));
    QMenu* menu = navigator->buildContextMenu(section->child(0));
    REQUIRE(menu);
    QStringList verbs;
    for (QAction* a : menu->actions())
        if (!a->isSeparator()) verbs << a->text();
    CHECK(verbs == QStringList{QStringLiteral("Open"), QStringLiteral("Run Now"), QStringLiteral("Show Pipeline File")});
    delete menu;

    // Opening it from the navigator.
    Q_EMIT navigator->tree()->itemActivated(section->child(0), 0);
    auto* page = qobject_cast<kiln::widgets::PipelinePage*>(s.window->tabs()->currentWidget());
    REQUIRE(page);
    REQUIRE(waitUntil([&] { return !page->isLoading() && !page->data().runs.empty(); }));
    CHECK(page->pipelineName() == QStringLiteral("penguins-weekly"));
    CHECK(page->history()->rowCount() == 4);
    CHECK(page->selectedRun() == 4);
    // The data reused; monitor and validate, which read the production model that run 3 promoted,
    // ran once more, as did train (a new seed) and gate; export failed; promote skipped.
    CHECK(statuses(page->graph()) == QVector<StepStatus>{StepStatus::Cached, StepStatus::Ran, StepStatus::Ran,
                                                         StepStatus::Ran, StepStatus::Ran, StepStatus::Failed,
                                                         StepStatus::Skipped});
    CHECK(page->selectedStep() == 5);  // the failed step is shown first
    CHECK(page->graph()->toolTipAt(page->graph()->boxRect(5).center()).contains(QStringLiteral("does not exist")));
    CHECK(page->graph()->toolTipAt(page->graph()->boxRect(0).center()).contains(QStringLiteral("unchanged since run 3")));
    CHECK(page->stepView()->toPlainText().contains(QStringLiteral("Error")));
    CHECK(page->stepView()->toPlainText().contains(QStringLiteral("export")));
    CHECK(page->gateView()->toPlainText().contains(QStringLiteral("Production (penguins@3)")));
    CHECK(page->gateView()->toPlainText().contains(QStringLiteral("the same")));
    CHECK(page->scheduleLabel()->text().contains(QStringLiteral("Not scheduled")));
    CHECK(page->history()->item(0, 2)->text() == QStringLiteral("failed"));
    CHECK(page->history()->item(3, 2)->text() == QStringLiteral("completed"));
    s.shoot(QStringLiteral("failed_run"));

    // The gate's comparison and the training step's log.
    page->selectStep(4);
    page->stepTabs()->setCurrentIndex(2);
    CHECK(page->gateView()->toPlainText().contains(QStringLiteral("Passed")));
    s.shoot(QStringLiteral("gate"));
    page->selectStep(3);
    page->stepTabs()->setCurrentIndex(1);
    CHECK(!page->logView()->toPlainText().isEmpty());
    CHECK(page->findChild<QPushButton*>(QStringLiteral("openTrainingRunButton"))->isVisibleTo(page));

    // An earlier run from the history: the third batch was a new file, so every step ran.
    page->history()->selectRow(1);
    CHECK(page->selectedRun() == 3);
    CHECK(statuses(page->graph()).count(StepStatus::Ran) == 7);
    page->stepTabs()->setCurrentIndex(0);
    s.shoot(QStringLiteral("history"));

    // Drift over the runs: runs 2, 3 and 4 monitored the model in production (run 1 had none).
    page->sections()->setCurrentIndex(1);
    auto* drift = page->driftChart();
    CHECK(drift->reportCount() == 3);
    CHECK(!drift->shownColumns().isEmpty());
    CHECK(drift->chart()->series().size() == drift->shownColumns().size() + 1);  // + the drifted marks
    CHECK(drift->summaryText().contains(QStringLiteral("3 drift reports of model penguins")));
    s.shoot(QStringLiteral("drift"));
    page->sections()->setCurrentIndex(0);

    // Run Now resumes from the failed export once the folder is back.
    REQUIRE(QFile::remove(folder + QStringLiteral("/models")));
    auto* pipelines = s.window->pipelines();
    bool finished = false, ok = false;
    QObject::connect(pipelines, &kiln::studio::PipelinesUi::runFinished, [&](bool success) { finished = true; ok = success; });
    page->runNowButton()->click();
    CHECK(pipelines->isRunning());
    CHECK(!page->runNowButton()->isEnabled());
    REQUIRE(waitUntil([&] { return finished; }, 180000));
    CHECK(ok);
    REQUIRE(waitUntil([&] { return !page->isLoading() && page->data().runs.size() == 5; }));
    CHECK(page->selectedRun() == 5);
    CHECK(statuses(page->graph())[5] == StepStatus::Ran);
    CHECK(statuses(page->graph())[3] == StepStatus::Cached);
    CHECK(page->runNowButton()->isEnabled());
    REQUIRE(waitUntil([&] { return pipelinesSection(navigator)->child(0)->text(0) == QStringLiteral("penguins-weekly · completed"); }));

    // Schedule and Unschedule: through the crontab where no systemd user manager answers.
    const QString bin = fakeSchedulers(s.files.path());
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", bin.toLocal8Bit() + ':' + path);
    bool scheduled = false, scheduleOk = false;
    QObject::connect(pipelines, &kiln::studio::PipelinesUi::scheduleFinished, [&](bool success, const QString&) {
        scheduled = true;
        scheduleOk = success;
    });
    REQUIRE(page->scheduleButton()->isEnabled());
    page->scheduleButton()->click();
    REQUIRE(waitUntil([&] { return scheduled; }, 60000));
    INFO(pipelines->lastScheduleMessage().toStdString());
    CHECK(scheduleOk);
    REQUIRE(waitUntil([&] { return !page->isLoading() && page->data().listing && page->data().listing->schedule; }));
    CHECK(page->scheduleLabel()->text().contains(QStringLiteral("crontab")));
    CHECK(page->scheduleLabel()->text().contains(QStringLiteral("Next run")));
    QFile table(s.files.path() + QStringLiteral("/crontab.txt"));
    REQUIRE(table.open(QIODevice::ReadOnly));
    CHECK(QString::fromUtf8(table.readAll()).contains(QStringLiteral("--scheduled")));
    table.close();
    CHECK(page->unscheduleButton()->isEnabled());
    if (auto* box = s.window->findChild<QMessageBox*>(QStringLiteral("scheduleResultBox"))) box->accept();
    s.shoot(QStringLiteral("scheduled"));
    scheduled = false;
    page->unscheduleButton()->click();
    REQUIRE(waitUntil([&] { return scheduled; }, 60000));
    CHECK(scheduleOk);
    REQUIRE(waitUntil([&] { return !page->isLoading() && !(page->data().listing && page->data().listing->schedule); }));
    CHECK(page->scheduleLabel()->text().contains(QStringLiteral("Not scheduled")));
    if (auto* box = s.window->findChild<QMessageBox*>(QStringLiteral("scheduleResultBox"))) box->accept();
    qputenv("PATH", path);
}

TEST_CASE("File ▸ Open Pipeline shows a pipeline that never ran with its steps to come", "[pipelines]") {
    kiln::test::ScriptedSession s(QStringLiteral("pipelines_new"));
    auto* pipelines = s.window->pipelines();
    bool offered = false;
    for (QAction* a : s.window->menuBar()->actions().front()->menu()->actions())
        offered = offered || a == pipelines->openAction();
    CHECK(offered);
    CHECK(pipelines->openAction()->isEnabled());
    const QString file = s.files.path() + QStringLiteral("/pipeline.yaml");
    REQUIRE(QFile::copy(kSource + QStringLiteral("/examples/pipelines/penguins/pipeline.yaml"), file));
    auto* page = pipelines->openPipeline(QString(), file);
    REQUIRE(waitUntil([&] { return !page->isLoading(); }));
    CHECK(page->pipelineName() == QStringLiteral("penguins-weekly"));
    CHECK(page->graph()->steps().size() == 7);
    CHECK(statuses(page->graph()).count(StepStatus::Pending) == 7);
    CHECK(page->history()->rowCount() == 0);
    CHECK(page->scheduleLabel()->text().contains(QStringLiteral("Mon *-*-* 03:00")));
    CHECK(page->runNowButton()->isEnabled());
    CHECK(page->driftChart()->reportCount() == 0);
    // The same file again shows the same tab.
    CHECK(pipelines->openPipeline(QString(), file) == page);

    // A file that is not a pipeline says why on the page.
    const QString bad = s.files.path() + QStringLiteral("/bad.yaml");
    {
        QFile f(bad);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("name: [broken\n");
    }
    auto* broken = pipelines->openPipeline(QString(), bad);
    REQUIRE(broken != page);
    REQUIRE(waitUntil([&] { return !broken->isLoading(); }));
    CHECK(broken->findChild<QLabel*>(QStringLiteral("pipelineState"))->text().contains(QStringLiteral("YAML")));
    CHECK(!broken->runNowButton()->isEnabled());
}
