// Remote training in Kiln Studio against a real OpenSSH server on loopback (no mocks): Settings ▸
// Hosts (add, test, an unknown host key trusted, remove), the Train panel's "Run on" list, and real
// runs on the host followed by run tabs: one completes, one is cancelled, one loses its connection
// and is reconnected, one is re-attached by a new controller.
#include <catch2/catch.hpp>

#include <signal.h>

#include <QAbstractItemView>
#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QComboBox>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTreeWidget>

#include <memory>

#include "app/studio/host_form_dialog.h"
#include "app/studio/hosts_page.h"
#include "app/studio/main_window.h"
#include "app/studio/run_controller.h"
#include "app/studio/run_on_box.h"
#include "app/studio/run_tab.h"
#include "app/studio/settings_dialog.h"
#include "app/studio/train_panel.h"
#include "core/base/build_info.h"
#include "core/remote/ssh_host.h"
#include "core/store/workspace.h"
#include "qt_test_helpers.h"
#include "sshd_server.h"
#include "training_test_fixture.h"
#include "widgets/confusion_matrix_view.h"
#include "widgets/evaluation_view.h"
#include "widgets/metric_plot.h"
#include "widgets/run_curves_view.h"

using kiln::studio::HostEntry;
using kiln::studio::HostsPage;
using kiln::studio::RunController;
using kiln::studio::RunOnBox;
using kiln::studio::RunTab;
using kiln::studio::TrainPanel;
using kiln::test::SshServer;
using kiln::test::TrainingFixture;
using kiln::test::pressTrain;
using kiln::test::runEnded;
using kiln::test::waitUntil;

namespace {

constexpr int kRunTimeoutMs = 240000;
const QString kHost = QStringLiteral("loopback");

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

// The host as a user would type it in the Add form: the test sshd, its key, this build's kiln.
HostEntry hostEntry(const SshServer& server, const QString& workspace) {
    HostEntry e;
    e.name = kHost;
    e.sshTarget = qs(server.target());
    e.identity = qs(server.identity().string());
    e.kilnPath = QStringLiteral(KILN_CLI_PATH);
    // Inside the test's folder (removed with it); the space exercises the quoting.
    e.workdir = workspace + QStringLiteral("/remote host");
    return e;
}

kiln::SshHost coreHost(const HostEntry& e) {
    kiln::SshHost h;
    h.name = e.name.toStdString();
    h.sshTarget = e.sshTarget.toStdString();
    h.identity = e.identity.toStdString();
    h.kilnPath = e.kilnPath.toStdString();
    h.workdir = e.workdir.toStdString();
    return h;
}

// Adds the host to the catalog and trusts its key, as the remote core tests do.
void addTrustedHost(const SshServer& server, const QString& workspace) {
    auto ws = kiln::Workspace::open(workspace.toStdString(), false);
    REQUIRE(ws.ok());
    const kiln::SshHost host = coreHost(hostEntry(server, workspace));
    REQUIRE(kiln::addHost((*ws)->catalog(), host).ok());
    kiln::SshConnection conn(host, (*ws)->root());
    REQUIRE(conn.trustHostKey(server.fingerprint()).ok());
}

// Clicks the Yes button of the message box named `name` once it is shown.
void answerYes(QWidget* parent, const QString& name) {
    QMessageBox* box = nullptr;
    REQUIRE(waitUntil([&] {
        box = parent->findChild<QMessageBox*>(name);
        return box && box->isVisible();
    }));
    box->button(QMessageBox::Yes)->click();
}

bool noMessageBoxShown() {
    for (QWidget* w : QApplication::topLevelWidgets())
        if (qobject_cast<QMessageBox*>(w) && w->isVisible()) return false;
    return true;
}

// The Train panel on `dataset`, ready, with the host probed and chosen.
// A Train panel for an MLP on `dataset`, run on the test host (these runs test epochs and
// re-attaching; auto would cross-validate four families first).
TrainPanel* panelOnHost(TrainingFixture& f, const QString& dataset) {
    TrainPanel* panel = kiln::test::openPanelWithTarget(f, dataset, kiln::test::fixtureTarget(dataset));
    auto* family = panel->findChild<QComboBox*>(QStringLiteral("familyBox"));
    REQUIRE(family);
    family->setCurrentIndex(family->findData(QStringLiteral("mlp")));
    REQUIRE(waitUntil([&] { return panel->isReady() && !panel->isBusy(); }, 20000));
    RunOnBox* where = panel->runOnBox();
    REQUIRE(waitUntil([&] { return where->hostNames().contains(kHost) && !where->isProbing(); },
                      60000));
    INFO(where->itemText(1).toStdString());
    REQUIRE(where->probe(kHost).usable());
    REQUIRE(panel->selectHost(kHost));
    REQUIRE(panel->isReady());
    return panel;
}


QString catalogStatus(const QString& workspace, const QString& runId) {
    auto ws = kiln::Workspace::open(workspace.toStdString(), false);
    if (!ws) return {};
    auto v =
        (*ws)->catalog().queryValue("SELECT status FROM runs WHERE id = ?", {runId.toStdString()});
    return v ? qs(std::get<std::string>(*v)) : QString();
}

}  // namespace

TEST_CASE("Settings > Hosts adds a host, tests it, trusts its key and removes it", "[remote]") {
    SshServer server;
    kiln::studio::initStudioResources();
    kiln::studio::LanguageManager::apply(QStringLiteral("en"));
    kiln::test::useBuiltKiln();
    QTemporaryDir dir;
    REQUIRE(kiln::test::importFixtures(dir.path(), {QStringLiteral("iris")}));
    auto window = std::make_unique<kiln::studio::MainWindow>(dir.path());
    window->resize(1280, 800);
    window->show();
    window->findChild<QAction*>(QStringLiteral("actionSettings"))->trigger();
    auto* dialog = window->findChild<kiln::studio::SettingsDialog*>();
    REQUIRE(dialog);
    dialog->pages()->setCurrentWidget(dialog->hostsPage());
    HostsPage* page = dialog->hostsPage();
    REQUIRE(waitUntil([&] { return !page->isBusy(); }));
    CHECK(page->hostNames().isEmpty());
    CHECK(page->resultText().contains(QStringLiteral("No hosts yet")));

    // Add…: the form refuses a bad target, then adds the host to the catalog.
    page->findChild<QPushButton*>(QStringLiteral("addHostButton"))->click();
    kiln::studio::HostFormDialog* form = nullptr;
    REQUIRE(waitUntil([&] { return (form = page->findChild<kiln::studio::HostFormDialog*>()); }));
    HostEntry entry = hostEntry(server, dir.path());
    HostEntry bad = entry;
    bad.sshTarget = QStringLiteral("me@box:99999");
    form->setEntry(bad);
    CHECK(form->problem().contains(QStringLiteral("port")));
    form->setEntry(entry);
    REQUIRE(form->problem().isEmpty());
    form->accept();
    REQUIRE(waitUntil([&] { return page->hostNames() == QStringList{kHost}; }));
    auto* list = page->findChild<QTreeWidget*>(QStringLiteral("hostsList"));
    CHECK(list->topLevelItem(0)->text(1) == entry.sshTarget);
    CHECK(list->topLevelItem(0)->text(2) == entry.kilnPath);
    CHECK(list->topLevelItem(0)->text(3) == entry.workdir);
    CHECK(page->currentHost() == kHost);

    // The Train panel lists the host at once; its key is not trusted yet, so it is greyed.
    TrainPanel* panel = window->training()->openTrainPanel(QStringLiteral("iris"));
    RunOnBox* where = panel->runOnBox();
    REQUIRE(waitUntil([&] { return where->count() == 2 && !where->isProbing(); }, 60000));
    CHECK(where->itemText(1).contains(QStringLiteral("not trusted")));
    CHECK_FALSE(where->probe(kHost).usable());

    // Test: the unknown key is shown with the fingerprint the server really has.
    page->testCurrentHost();
    REQUIRE(waitUntil([&] { return !page->isBusy(); }, 60000));
    INFO(page->resultText().toStdString());
    const QString fingerprint = qs(server.fingerprint());
    CHECK(page->resultText().contains(QStringLiteral("not known")));
    CHECK(page->resultText().contains(fingerprint));
    auto* trust = page->findChild<QPushButton*>(QStringLiteral("trustKeyButton"));
    REQUIRE(trust->isVisible());
    CHECK(kiln::test::saveScreenshot(dialog, QStringLiteral("settings_hosts_unknown_key.png")));

    // Trust This Key…, confirmed: the key is recorded and the host is tested again.
    QSignalSpy tested(page, &HostsPage::tested);
    trust->click();
    auto* confirm = page->findChild<QMessageBox*>(QStringLiteral("trustKeyConfirm"));
    REQUIRE(confirm);
    CHECK(confirm->text().contains(fingerprint));
    answerYes(page, QStringLiteral("trustKeyConfirm"));
    REQUIRE(waitUntil([&] { return tested.count() >= 1 && !page->isBusy(); }, 60000));
    const kiln::studio::HostTest result = page->lastTest(kHost);
    INFO(result.error.toStdString());
    REQUIRE(result.ok());
    CHECK(result.kilnVersion == QLatin1String(kiln::build::kKilnVersion));
    CHECK(result.compatible);
    REQUIRE(waitUntil([&] { return window->environmentProbe()->isReady(); }));
    const int cores = window->environmentProbe()->environment().cpuCores;
    CHECK(result.cpuCores == cores);
    const QString text = page->resultText();
    CHECK(text.contains(QLatin1String(kiln::build::kKilnVersion)));
    CHECK(text.contains(QStringLiteral("compatible")));
    CHECK(text.contains(QStringLiteral("%1 cores").arg(cores)));
    CHECK(text.contains(QStringLiteral("CUDA GPUs")));
    CHECK_FALSE(trust->isVisible());
    CHECK(kiln::test::saveScreenshot(dialog, QStringLiteral("settings_hosts_tested.png")));

    // The window has the Train panel probe the hosts again: now with its devices.
    REQUIRE(waitUntil([&] { return where->probe(kHost).usable() && !where->isProbing(); }, 60000));
    const kiln::Environment& env = window->environmentProbe()->environment();
    CHECK(where->itemText(1) ==
          QStringLiteral("loopback — ") +
              kiln::studio::devicesSummary(cores, env.cudaAvailable ? int(env.gpus.size()) : 0));
    CHECK(where->itemText(0).startsWith(QStringLiteral("This computer")));

    // In Korean the page, its result and the Run on list read in Korean.
    kiln::studio::LanguageManager::apply(QStringLiteral("ko"));
    REQUIRE(waitUntil([&] { return kiln::test::hasHangul(dialog->pages()->tabText(1)); }));
    CHECK(kiln::test::hasHangul(page->resultText()));
    CHECK(kiln::test::hasHangul(where->itemText(0)));
    CHECK(kiln::test::saveScreenshot(dialog, QStringLiteral("settings_hosts_tested_ko.png")));
    kiln::studio::LanguageManager::apply(QStringLiteral("en"));
    REQUIRE(waitUntil([&] { return !kiln::test::hasHangul(dialog->pages()->tabText(1)); }));

    // Remove…, confirmed: gone from the page and (through the window) from the Train panel.
    page->findChild<QPushButton*>(QStringLiteral("removeHostButton"))->click();
    answerYes(page, QStringLiteral("removeHostConfirm"));
    REQUIRE(waitUntil([&] { return page->hostNames().isEmpty() && !page->isBusy(); }));
    REQUIRE(waitUntil([&] { return where->count() == 1; }));
    dialog->reject();
    window.reset();
    QThreadPool::globalInstance()->waitForDone();
}

TEST_CASE("the Train panel's Run on lists this computer and the host with its devices",
          "[remote]") {
    SshServer server;
    TrainingFixture f;
    REQUIRE(f.imported);
    addTrustedHost(server, f.dir.path());
    {  // and a host nobody answers on
        auto ws = kiln::Workspace::open(f.dir.path().toStdString(), false);
        REQUIRE(ws.ok());
        kiln::SshHost offline = coreHost(hostEntry(server, f.dir.path()));
        offline.name = "offline";
        offline.sshTarget = server.user() + "@127.0.0.1:1";
        REQUIRE(kiln::addHost((*ws)->catalog(), offline).ok());
    }
    TrainPanel* panel = panelOnHost(f, QStringLiteral("iris"));
    RunOnBox* where = panel->runOnBox();
    REQUIRE(where->count() == 3);
    REQUIRE(where->itemData(2).toString() == QStringLiteral("offline"));
    CHECK(where->itemText(2).contains(QStringLiteral("cannot be used")));
    CHECK(where->itemData(2, Qt::ToolTipRole)
              .toString()
              .contains(QStringLiteral("Connection refused")));
    auto* items = qobject_cast<QStandardItemModel*>(where->model());
    REQUIRE(items);
    CHECK_FALSE(items->item(2)->isEnabled());
    CHECK(items->item(1)->isEnabled());
    REQUIRE(waitUntil([&] { return f.environment->isReady(); }));
    // The host is this machine: the same devices on both lines.
    const kiln::Environment& env = f.environment->environment();
    const int gpus = env.cudaAvailable ? int(env.gpus.size()) : 0;
    const QString devices = kiln::studio::devicesSummary(env.cpuCores, gpus);
    CHECK(where->itemText(1) == QStringLiteral("loopback — ") + devices);
    CHECK(where->itemData(1, Qt::ToolTipRole).toString() == qs(server.target()));
    CHECK(where->itemText(0) == QStringLiteral("This computer — ") + devices);
    CHECK(panel->host() == kHost);
    // The device reason speaks of the host now.
    auto* reason = panel->findChild<QLabel*>(QStringLiteral("deviceReason"));
    CHECK(reason->text().contains(kHost));
    CHECK(kiln::test::saveScreenshot(f.window.get(), QStringLiteral("train_run_on_host.png")));
    where->showPopup();
    QWidget* popup = where->view()->window();
    REQUIRE(waitUntil([&] { return popup->isVisible(); }));
    CHECK(kiln::test::saveScreenshot(popup, QStringLiteral("train_run_on_list.png")));
    where->hidePopup();

    // A host that stops answering is greyed with the reason and blocks Train.
    server.stop();
    panel->reloadHosts();
    REQUIRE(waitUntil([&] { return !where->isProbing() && where->count() == 3; }, 60000));
    CHECK(where->itemText(1).contains(QStringLiteral("cannot be used")));
    CHECK_FALSE(panel->isReady());
    CHECK(panel->problemsText().contains(kHost));
    server.start();
}

TEST_CASE("a run on the host started from the Train panel completes and names its host",
          "[remote][training]") {
    SshServer server;
    TrainingFixture f;
    REQUIRE(f.imported);
    addTrustedHost(server, f.dir.path());
    TrainPanel* panel = panelOnHost(f, QStringLiteral("iris"));
    panel->setEpochs(30);
    RunTab* tab = pressTrain(f, panel);
    // Named from the first read on, with how the host is reached.
    REQUIRE(waitUntil([&] { return tab->isLoaded(); }));
    const QString named = QStringLiteral("on loopback (%1)").arg(qs(server.target()));
    CHECK(tab->subtitleText().contains(named));
    REQUIRE(waitUntil([&] { return runEnded(tab); }, kRunTimeoutMs));
    INFO(tab->logText().toStdString());
    INFO(tab->errorText().toStdString());
    REQUIRE(tab->status() == QStringLiteral("completed"));
    CHECK(tab->record().host == kHost);
    CHECK(tab->subtitleText().contains(named));
    // Metrics and the evaluation as for a local run (report.json was copied back).
    auto* curves = tab->curves();
    CHECK(curves->lossPlot()->pointCount(QStringLiteral("train_loss")) == 30);
    CHECK(curves->lossPlot()->pointCount(QStringLiteral("val_loss")) == 30);
    CHECK(curves->metricPlot()->pointCount(QStringLiteral("val_accuracy")) == 30);
    REQUIRE(tab->evaluation()->shownTask() == QStringLiteral("classification"));
    CHECK(tab->evaluation()->confusionMatrix()->classCount() == 3);
    CHECK(tab->progressBar()->value() == tab->progressBar()->maximum());
    CHECK(tab->logText().contains(QStringLiteral("Worker: kiln")));
    CHECK(catalogStatus(f.dir.path(), tab->runId()) == QStringLiteral("completed"));
    CHECK(noMessageBoxShown());
}

TEST_CASE("a run on the host shows live curves, cancel stops it there and resume continues it",
          "[remote][training]") {
    SshServer server;
    TrainingFixture f;
    REQUIRE(f.imported);
    addTrustedHost(server, f.dir.path());
    TrainPanel* panel = panelOnHost(f, QStringLiteral("wine"));
    // Enough epochs that the cancel lands mid-run even when a burst of events arrives at once.
    panel->setEpochs(600);
    panel->setEarlyStopping(0);
    RunTab* tab = pressTrain(f, panel);
    auto* loss = tab->curves()->lossPlot();
    REQUIRE(waitUntil([&] { return loss->pointCount(QStringLiteral("val_loss")) >= 12; },
                      kRunTimeoutMs));
    CHECK(tab->status() == QStringLiteral("running"));
    CHECK(tab->progressText().contains(QStringLiteral("ETA")));
    // Events come in bursts from the host: the progress shown keeps up with the curves.
    CHECK(tab->record().epoch >= loss->pointCount(QStringLiteral("val_loss")));
    CHECK(tab->subtitleText().contains(QStringLiteral("on loopback (")));
    REQUIRE(tab->cancelButton()->isEnabled());
    QTest::qWait(2 * kiln::widgets::MetricPlot::kRedrawIntervalMs);
    CHECK(loss->drawnPointCount(QStringLiteral("val_loss")) > 0);
    CHECK(kiln::test::saveScreenshot(f.window.get(), QStringLiteral("remote_run_live.png")));

    tab->cancelButton()->click();
    REQUIRE(waitUntil([&] { return runEnded(tab); }, 90000));
    INFO(tab->logText().toStdString());
    CHECK(tab->status() == QStringLiteral("cancelled"));
    CHECK(tab->record().epoch < 600);
    CHECK(catalogStatus(f.dir.path(), tab->runId()) == QStringLiteral("cancelled"));
    CHECK(tab->logText().contains(QStringLiteral("cancel")));
    auto* resume = tab->findChild<QPushButton*>(QStringLiteral("resumeRunButton"));
    CHECK(resume->isVisible());
    CHECK_FALSE(f.training->controller()->isFollowing(tab->runId()));
    CHECK(noMessageBoxShown());

    // Resume continues on the host, from its checkpoint there, to the last epoch.
    resume->click();
    REQUIRE(waitUntil([&] { return tab->record().isActive(); }, 10000));
    REQUIRE(waitUntil([&] { return runEnded(tab); }, kRunTimeoutMs));
    INFO(tab->errorText().toStdString());
    CHECK(tab->status() == QStringLiteral("completed"));
    CHECK(tab->record().host == kHost);
    CHECK(tab->record().epoch == 600);
    CHECK(loss->pointCount(QStringLiteral("val_loss")) == 600);
    CHECK(tab->logText().contains(QStringLiteral("Resumed on")));
}

TEST_CASE("a lost connection shows in the run's tab, and Reconnect follows the worker again",
          "[remote][training]") {
    SshServer server;
    TrainingFixture f;
    REQUIRE(f.imported);
    addTrustedHost(server, f.dir.path());
    f.training->controller()->setReconnectSeconds(2);
    TrainPanel* panel = panelOnHost(f, QStringLiteral("iris"));
    panel->setEpochs(600);  // the host goes away long before the end
    panel->setEarlyStopping(0);
    RunTab* tab = pressTrain(f, panel);
    auto* loss = tab->curves()->lossPlot();
    REQUIRE(waitUntil([&] { return loss->pointCount(QStringLiteral("val_loss")) >= 3; },
                      kRunTimeoutMs));

    // The host goes away: no new connection, and the shared one is cut.
    server.stop();
    {
        auto ws = kiln::Workspace::open(f.dir.path().toStdString(), false);
        REQUIRE(ws.ok());
        kiln::SshConnection conn(coreHost(hostEntry(server, f.dir.path())), (*ws)->root());
        const pid_t master = conn.masterPid();
        if (master > 0) ::kill(master, SIGKILL);
    }
    REQUIRE(waitUntil([&] { return tab->status() == QLatin1String(RunController::kDisconnected); },
                      60000));
    CHECK(tab->reconnectButton()->isVisible());
    CHECK(tab->errorText().contains(QStringLiteral("Lost the connection to loopback")));
    CHECK(tab->progressText().contains(QStringLiteral("keeps training on loopback")));
    CHECK_FALSE(tab->cancelButton()->isVisible());
    // The catalog keeps the run running: the worker trains on over there.
    CHECK(catalogStatus(f.dir.path(), tab->runId()) == QStringLiteral("running"));
    CHECK(noMessageBoxShown());
    CHECK(kiln::test::saveScreenshot(f.window.get(), QStringLiteral("remote_run_lost.png")));

    // Back again: Reconnect replays what was missed, nothing twice, to the end.
    server.start();
    tab->reconnectButton()->click();
    CHECK(f.training->controller()->isFollowing(tab->runId()));
    REQUIRE(waitUntil([&] { return runEnded(tab); }, kRunTimeoutMs));
    INFO(tab->logText().toStdString());
    CHECK(tab->status() == QStringLiteral("completed"));
    CHECK(loss->pointCount(QStringLiteral("val_loss")) == 600);
    CHECK(tab->errorText().isEmpty());
}

TEST_CASE("a new controller re-attaches a run still training on the host", "[remote][training]") {
    SshServer server;
    TrainingFixture f;
    REQUIRE(f.imported);
    addTrustedHost(server, f.dir.path());
    TrainPanel* panel = panelOnHost(f, QStringLiteral("iris"));
    panel->setEpochs(600);  // still training when the first Studio goes away
    panel->setEarlyStopping(0);
    const kiln::RunSpec spec = panel->spec();
    const qint64 version = panel->datasetVersionId();

    // A Studio starts the run on the host and closes while it trains.
    QString runId;
    {
        RunController first;
        first.setWorkspace(f.dir.path());
        QSignalSpy created(&first, &RunController::runCreated);
        QSignalSpy events(&first, &RunController::runEvent);
        first.startRun(spec, version, kHost);
        REQUIRE(waitUntil([&] { return created.count() == 1; }, 30000));
        runId = created.at(0).at(1).toString();
        REQUIRE(waitUntil(
            [&] {
                for (const auto& e : events)
                    if (e.at(1).value<kiln::WorkerEvent>().is<kiln::event::Metric>()) return true;
                return false;
            },
            kRunTimeoutMs));
    }
    CHECK(catalogStatus(f.dir.path(), runId) == QStringLiteral("running"));

    // The next one follows it again at start, to its end.
    RunController second;
    second.setWorkspace(f.dir.path());
    QSignalSpy done(&second, &RunController::runFinished);
    second.reattach();
    REQUIRE(waitUntil([&] { return second.isFollowing(runId); }, 30000));
    REQUIRE(waitUntil([&] { return done.count() == 1; }, kRunTimeoutMs));
    CHECK(done.at(0).at(1).toString() == QStringLiteral("completed"));
    CHECK(catalogStatus(f.dir.path(), runId) == QStringLiteral("completed"));
    auto ws = kiln::Workspace::open(f.dir.path().toStdString(), false);
    REQUIRE(ws.ok());
    auto count = (*ws)->catalog().queryValue(
        "SELECT COUNT(*) FROM metrics WHERE run_id = ? AND key = 'val_loss'",
        {runId.toStdString()});
    REQUIRE(count.ok());
    CHECK(std::get<std::int64_t>(*count) == 600);
}
