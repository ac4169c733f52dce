#pragma once

#include <QDockWidget>
#include <QPushButton>
#include <QMainWindow>
#include <QString>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QThreadPool>

#include <memory>

#include <catch2/catch.hpp>

#include "app/studio/language_manager.h"
#include "app/studio/run_controller.h"
#include "app/studio/run_tab.h"
#include "app/studio/studio_resources.h"
#include "app/studio/train_panel.h"
#include "app/studio/training_ui.h"
#include "core/data/csv_import.h"
#include "core/jobs/job_context.h"
#include "core/store/workspace.h"
#include "widgets/environment_probe.h"
#include "widgets/evaluation_view.h"
#include "widgets/navigator_view.h"
#include "qt_test_helpers.h"

namespace kiln::test {

// The committed fixture `name` (tests/fixtures/data/<name>.csv).
inline QString fixtureCsv(const QString& name) {
    return QStringLiteral(KILN_FIXTURE_DIR "/") + name + QStringLiteral(".csv");
}

// Imports fixtures into a fresh workspace at `dir`; true when all were imported.
inline bool importFixtures(const QString& dir, const QStringList& names) {
    auto ws = kiln::Workspace::open(dir.toStdString(), true);
    if (!ws) return false;
    for (const QString& name : names) {
        kiln::NullJobContext job;
        auto imported = kiln::importCsvDataset(**ws, fixtureCsv(name).toStdString(),
                                               name.toStdString(), kiln::ImportOptions{}, job);
        if (!imported) return false;
    }
    return true;
}

// Workers come from the `kiln` of this build tree unless $KILN_CLI says otherwise.
inline void useBuiltKiln() {
    if (qEnvironmentVariableIsEmpty("KILN_CLI")) qputenv("KILN_CLI", KILN_CLI_PATH);
}

// A window with central tabs, a navigator and the training UI on a workspace holding the iris
// and wine fixtures.
struct TrainingFixture {
    QTemporaryDir dir;
    bool imported = false;
    std::unique_ptr<QMainWindow> window;
    QTabWidget* tabs = nullptr;
    kiln::widgets::NavigatorView* navigator = nullptr;
    kiln::widgets::EnvironmentProbe* environment = nullptr;
    kiln::studio::TrainingUi* training = nullptr;

    TrainingFixture() {
        kiln::studio::initStudioResources();
        kiln::studio::LanguageManager::apply(QStringLiteral("en"));
        useBuiltKiln();
        imported = importFixtures(dir.path(), {QStringLiteral("iris"), QStringLiteral("wine")});
        window = std::make_unique<QMainWindow>();
        tabs = new QTabWidget(window.get());
        tabs->setDocumentMode(true);
        window->setCentralWidget(tabs);
        navigator = new kiln::widgets::NavigatorView(window.get());
        auto* dock = new QDockWidget(QStringLiteral("Navigator"), window.get());
        dock->setWidget(navigator);
        window->addDockWidget(Qt::LeftDockWidgetArea, dock);
        navigator->setWorkspace(dir.path());
        environment = new kiln::widgets::EnvironmentProbe(window.get());
        training = new kiln::studio::TrainingUi(tabs, navigator, environment, window.get());
        training->setWorkspace(dir.path());
        window->resize(1360, 820);
        window->resizeDocks({dock}, {240}, Qt::Horizontal);
        window->show();
    }

    ~TrainingFixture() {
        window.reset();
        QThreadPool::globalInstance()->waitForDone();
    }
};

// Presses the panel's Train and returns the run tab that opens.
// The Train panel on `dataset` with its columns read and `target` chosen (iris and wine name no
// column like a target, so the panel asks for one), resolved and ready.
inline kiln::studio::TrainPanel* openPanelWithTarget(TrainingFixture& f, const QString& dataset,
                                                     const QString& target) {
    kiln::studio::TrainPanel* panel = f.training->openTrainPanel(dataset);
    REQUIRE(kiln::test::waitUntil(
        [&] { return !panel->isBusy() && !panel->resolution().columns.isEmpty(); }, 20000));
    REQUIRE(panel->selectTarget(target));
    REQUIRE(kiln::test::waitUntil(
        [&] { return !panel->isBusy() && panel->isReady() && panel->spec().target == target.toStdString(); },
        20000));
    return panel;
}

// The target iris and wine are trained on in these tests.
inline QString fixtureTarget(const QString& dataset) {
    return dataset == QLatin1String("wine") ? QStringLiteral("cultivar") : QStringLiteral("species");
}

inline kiln::studio::RunTab* pressTrain(TrainingFixture& f, QWidget* panel) {
    const int before = f.tabs->count();
    panel->findChild<QPushButton*>(QStringLiteral("trainButton"))->click();
    REQUIRE(waitUntil([&] { return f.tabs->count() > before; }, 30000));
    auto* tab = qobject_cast<kiln::studio::RunTab*>(f.tabs->currentWidget());
    REQUIRE(tab != nullptr);
    return tab;
}

// Whether the tab shows a run that has ended (a completed one once its evaluation is shown; a
// lost connection is not an end).
inline bool runEnded(kiln::studio::RunTab* tab) {
    return tab->isLoaded() && !tab->record().isActive() && !tab->status().isEmpty() &&
           tab->status() != QLatin1String(kiln::studio::RunController::kDisconnected) &&
           !(tab->status() == QLatin1String("completed") &&
             tab->evaluation()->shownTask().isEmpty());
}

}  // namespace kiln::test
