// The sample datasets in Studio: offered on the welcome page and in File ▸ Open Sample; opening
// one imports it with its source and licence, shows it, and leaves the Train panel ready with
// its target, and a first model trains from there (a real `kiln worker` of this build).
#include <catch2/catch.hpp>

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QThreadPool>

#include "app/studio/language_manager.h"
#include "app/studio/main_window.h"
#include "app/studio/run_tab.h"
#include "app/studio/samples_ui.h"
#include "app/studio/studio_resources.h"
#include "app/studio/train_panel.h"
#include "app/studio/welcome_page.h"
#include "core/data/dataset_catalog.h"
#include "core/store/workspace.h"
#include "qt_test_helpers.h"
#include "training_test_fixture.h"
#include "widgets/dataset_page.h"
#include "widgets/environment_probe.h"
#include "widgets/image_dataset_page.h"
#include "widgets/job_manager.h"
#include "widgets/navigator_view.h"

using kiln::studio::LanguageManager;
using kiln::studio::MainWindow;
using kiln::test::waitUntil;

namespace {

struct SampleWindow {
    QTemporaryDir dir;
    std::unique_ptr<MainWindow> window;

    SampleWindow() {
        kiln::studio::initStudioResources();
        kiln::test::useBuiltKiln();
        LanguageManager::apply(QStringLiteral("en"));
        window = std::make_unique<MainWindow>(dir.path());
        window->resize(1280, 800);
        window->show();
    }
    ~SampleWindow() {
        window.reset();
        QThreadPool::globalInstance()->waitForDone();
    }

    kiln::studio::TrainPanel* trainPanel() const {
        for (int i = 0; i < window->tabs()->count(); ++i)
            if (auto* p = qobject_cast<kiln::studio::TrainPanel*>(window->tabs()->widget(i))) return p;
        return nullptr;
    }

    // Clicks the welcome page's Open for `name`; waits until its dataset's tab is in front.
    void openFromWelcome(const QString& name) {
        window->tabs()->setCurrentWidget(window->welcomePage());
        auto* open = window->welcomePage()->findChild<QPushButton*>(QStringLiteral("openSample_") + name);
        REQUIRE(open);
        open->click();
        REQUIRE(waitUntil([&] {
            QWidget* current = window->tabs()->currentWidget();
            QString reference;
            if (auto* table = qobject_cast<kiln::widgets::DatasetPage*>(current)) reference = table->reference();
            if (auto* images = qobject_cast<kiln::widgets::ImageDatasetPage*>(current)) reference = images->reference();
            return window->jobManager()->runningCount() == 0 && reference.startsWith(name);
        }, 60000));
    }

    kiln::DatasetVersion version(const std::string& reference) const {
        auto ws = kiln::Workspace::open(dir.path().toStdString(), false);
        REQUIRE(ws);
        kiln::DatasetCatalog catalog((*ws)->catalog());
        auto v = catalog.resolve(reference);
        REQUIRE(v);
        return *v;
    }
};

}  // namespace

TEST_CASE("the welcome page and File > Open Sample offer the samples with their licences", "[app][samples]") {
    SampleWindow f;
    REQUIRE(waitUntil([&] { return f.window->environmentProbe()->isReady(); }, 30000));
    const auto& samples = f.window->samples()->samples();
    REQUIRE(samples.size() == 3);
    auto* menu = f.window->findChild<QMenu*>(QStringLiteral("menuOpenSample"));
    REQUIRE(menu);
    QStringList actions;
    for (QAction* a : menu->actions()) actions << a->objectName();
    CHECK(actions == QStringList{QStringLiteral("actionSample_penguins"), QStringLiteral("actionSample_diabetes"),
                                 QStringLiteral("actionSample_digits")});
    for (const char* name : {"penguins", "diabetes", "digits"}) {
        auto* text = f.window->welcomePage()->findChild<QLabel*>(QStringLiteral("sampleText_") + QLatin1String(name));
        auto* open = f.window->welcomePage()->findChild<QPushButton*>(QStringLiteral("openSample_") + QLatin1String(name));
        REQUIRE((text && open));
        CHECK(open->isVisible());
        CHECK(text->text().contains(QStringLiteral("licence")));
    }
    auto* penguins = f.window->welcomePage()->findChild<QLabel*>(QStringLiteral("sampleText_penguins"));
    CHECK(penguins->text().contains(QStringLiteral("Palmer penguins")));
    CHECK(penguins->text().contains(QStringLiteral("CC0 1.0")));
    CHECK(kiln::test::saveScreenshot(f.window.get(), QStringLiteral("welcome_samples.png")));

    LanguageManager::apply(QStringLiteral("ko"));
    QCoreApplication::processEvents();
    CHECK(kiln::test::hasHangul(penguins->text()));
    CHECK(kiln::test::hasHangul(menu->title()));
    CHECK(kiln::test::hasHangul(f.window->welcomePage()->findChild<QPushButton*>(QStringLiteral("openSample_digits"))->text()));
    CHECK(kiln::test::saveScreenshot(f.window.get(), QStringLiteral("welcome_samples_ko.png")));
    LanguageManager::apply(QStringLiteral("en"));
}

TEST_CASE("a sample opens ready to train, a first model trains, and opening it again adds nothing", "[app][samples]") {
    SampleWindow f;
    REQUIRE(waitUntil([&] { return f.window->environmentProbe()->isReady(); }, 30000));

    f.openFromWelcome(QStringLiteral("penguins"));
    auto* page = qobject_cast<kiln::widgets::DatasetPage*>(f.window->tabs()->currentWidget());
    REQUIRE(page);
    CHECK(page->reference() == QStringLiteral("penguins@1"));
    const kiln::DatasetVersion penguins = f.version("penguins");
    CHECK(penguins.rows == 344);
    {
        auto ws = kiln::Workspace::open(f.dir.path().toStdString(), false);
        REQUIRE(ws);
        auto about = kiln::DatasetCatalog((*ws)->catalog()).description("penguins");
        REQUIRE(about);
        CHECK(about->find("Licence: CC0 1.0.") != std::string::npos);
    }
    kiln::studio::TrainPanel* panel = f.trainPanel();
    REQUIRE(panel);
    REQUIRE(waitUntil([&] { return !panel->isBusy() && panel->isReady() && panel->spec().target == "species"; }, 30000));
    REQUIRE(waitUntil([&] { return page->hasProfile(); }, 30000));
    // The header says where the sample came from and under which licence.
    auto* header = page->findChild<QLabel*>(QStringLiteral("datasetHeader"));
    REQUIRE(header);
    CHECK(header->text().contains(QStringLiteral("Licence: CC0 1.0.")));
    CHECK(kiln::test::saveScreenshot(f.window.get(), QStringLiteral("sample_penguins_opened.png")));

    // The first model: the Train tab as the sample left it, a few epochs.
    f.window->tabs()->setCurrentWidget(panel);
    panel->setEpochs(5);
    const int before = f.window->tabs()->count();
    panel->findChild<QPushButton*>(QStringLiteral("trainButton"))->click();
    REQUIRE(waitUntil([&] { return f.window->tabs()->count() > before; }, 30000));
    auto* run = qobject_cast<kiln::studio::RunTab*>(f.window->tabs()->currentWidget());
    REQUIRE(run);
    REQUIRE(waitUntil([&] { return kiln::test::runEnded(run); }, 120000));
    CHECK(run->status() == QStringLiteral("completed"));
    CHECK(kiln::test::saveScreenshot(f.window.get(), QStringLiteral("sample_penguins_trained.png")));

    // The image folder: its gallery in front, the Train panel on its class.
    f.openFromWelcome(QStringLiteral("digits"));
    auto* images = qobject_cast<kiln::widgets::ImageDatasetPage*>(f.window->tabs()->currentWidget());
    REQUIRE(images);
    CHECK(f.version("digits").rows == 300);
    REQUIRE(waitUntil([&] { return images->findChild<QLabel*>() && images->isLoaded(); }, 30000));
    CHECK(kiln::test::saveScreenshot(f.window.get(), QStringLiteral("sample_digits_opened.png")));
    REQUIRE(waitUntil([&] { return !panel->isBusy() && panel->spec().dataset == "digits"; }, 30000));
    CHECK(panel->spec().target == "class");
    // The model reads the pictures: the listing's internal sha256 column is not named a feature.
    auto* resolution = panel->findChild<QLabel*>(QStringLiteral("resolutionLabel"));
    REQUIRE(resolution);
    REQUIRE(waitUntil([&] { return resolution->text().contains(QStringLiteral("pixels")); }, 30000));
    CHECK_FALSE(resolution->text().contains(QStringLiteral("sha256")));

    // Opening penguins again finds the same content: no new version, no second dataset.
    f.openFromWelcome(QStringLiteral("penguins"));
    CHECK(f.version("penguins").version == 1);
    CHECK(f.version("penguins").contentHash == penguins.contentHash);
    REQUIRE(waitUntil([&] { return f.window->navigator()->snapshot().counts.datasets == 2; }));
}

TEST_CASE("a sample never adds a version to a person's own dataset of the same name", "[app][samples]") {
    SampleWindow f;
    REQUIRE(kiln::test::importFixtures(f.dir.path(), {QStringLiteral("iris")}));
    {
        auto ws = kiln::Workspace::open(f.dir.path().toStdString(), false);
        REQUIRE(ws);
        // A dataset of the person's own called "penguins" (the iris fixture under that name).
        kiln::NullJobContext job;
        REQUIRE(kiln::importCsvDataset(**ws, kiln::test::fixtureCsv(QStringLiteral("iris")).toStdString(),
                                       "penguins", kiln::ImportOptions{}, job));
    }
    f.window->navigator()->reload();
    f.openFromWelcome(QStringLiteral("penguins"));
    CHECK(f.version("penguins").rows == 150);
    CHECK(f.version("penguins").version == 1);
    CHECK(f.version("penguins_sample").rows == 344);
}
