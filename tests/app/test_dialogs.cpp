#include <catch2/catch.hpp>

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QMenu>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QTreeWidget>

#include "app/studio/about_dialog.h"
#include "app/studio/language_manager.h"
#include "app/studio/main_window.h"
#include "app/studio/settings_dialog.h"
#include "app/studio/studio_resources.h"
#include "app/studio/studio_settings.h"
#include "qt_test_helpers.h"
#include "widgets/environment_probe.h"
#include "widgets/recent_folder.h"
#include "widgets/navigator_view.h"

using kiln::studio::LanguageManager;
using kiln::test::waitUntil;

namespace {

QStringList allTexts(const QTreeWidget* tree) {
    QStringList texts;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* group = tree->topLevelItem(i);
        texts << group->text(0);
        for (int j = 0; j < group->childCount(); ++j)
            texts << group->child(j)->text(0) + QStringLiteral(": ") + group->child(j)->text(1);
    }
    return texts;
}

}  // namespace

TEST_CASE("About shows the version and the environment, CUDA reason included", "[app][about]") {
    kiln::studio::initStudioResources();
    LanguageManager::apply(QStringLiteral("en"));
    kiln::widgets::EnvironmentProbe probe;
    kiln::studio::AboutDialog dialog(&probe);
    dialog.show();
    REQUIRE(waitUntil([&] { return probe.isReady(); }));
    const kiln::Environment& env = probe.environment();
    REQUIRE_FALSE(env.cudaReason.empty());
    const QStringList texts = allTexts(dialog.tree());
    const QString reason = QString::fromStdString(env.cudaReason);
    CHECK(texts.contains(QStringLiteral("Why: ") + reason));
    CHECK(texts.contains(QStringLiteral("CUDA available: ") +
                         (env.cudaAvailable ? QStringLiteral("Yes") : QStringLiteral("No"))));
    CHECK(texts.contains(QStringLiteral("Cores: ") + QString::number(env.cpuCores)));
    CHECK(texts.contains(QStringLiteral("OpenCV: ") + QString::fromStdString(env.opencvVersion)));
    CHECK(dialog.reportText().contains(reason));
    CHECK(dialog.reportText().startsWith(QStringLiteral("Kiln Studio ")));
    CHECK(kiln::test::saveScreenshot(&dialog, QStringLiteral("about_en.png")));
}

TEST_CASE("Settings stores the language, and the window switches at once", "[app][settings]") {
    kiln::studio::initStudioResources();
    LanguageManager::apply(QStringLiteral("en"));
    QTemporaryDir dir;
    kiln::studio::MainWindow window(dir.path());
    window.resize(1280, 800);
    window.show();
    window.findChild<QAction*>(QStringLiteral("actionSettings"))->trigger();
    auto* dialog = window.findChild<kiln::studio::SettingsDialog*>();
    REQUIRE(dialog);
    REQUIRE(dialog->isVisible());
    REQUIRE(waitUntil([&] { return window.environmentProbe()->isReady(); }));
    const kiln::Environment& env = window.environmentProbe()->environment();
    CHECK(dialog->isCudaSelectable() == env.cudaAvailable);
    CHECK(dialog->cudaReasonText().contains(QString::fromStdString(env.cudaReason)));

    dialog->setLanguage(QStringLiteral("ko"));
    dialog->setDevice(QStringLiteral("cpu"));
    dialog->accept();
    CHECK(kiln::studio::StudioSettings::language() == QStringLiteral("ko"));
    CHECK(kiln::studio::StudioSettings::defaultDevice() == QStringLiteral("cpu"));
    CHECK(LanguageManager::current() == QStringLiteral("ko"));
    auto* file = window.findChild<QMenu*>(QStringLiteral("menuFile"));
    CHECK(waitUntil([&] { return kiln::test::hasHangul(file->title()); }));
    CHECK(waitUntil([&] { return !window.navigator()->isLoading(); }));
    CHECK(kiln::test::saveScreenshot(&window, QStringLiteral("main_window_empty_ko.png")));
    CHECK(kiln::test::hasHangul(window.deviceText()));

    // A new dialog reads the stored choices back, in Korean.
    kiln::studio::SettingsDialog again(window.environmentProbe(), &window);
    CHECK(again.language() == QStringLiteral("ko"));
    CHECK(again.device() == QStringLiteral("cpu"));
    CHECK(kiln::test::hasHangul(again.windowTitle()));
    again.show();
    CHECK(kiln::test::saveScreenshot(&again, QStringLiteral("settings_ko.png")));

    kiln::studio::StudioSettings::setLanguage(QString());
    kiln::studio::StudioSettings::setDefaultDevice(QStringLiteral("auto"));
    LanguageManager::apply(QStringLiteral("en"));
    QThreadPool::globalInstance()->waitForDone();
}

TEST_CASE("Settings shows the workspace open now and can make it the one opened at start", "[app][settings]") {
    kiln::studio::initStudioResources();
    LanguageManager::apply(QStringLiteral("en"));
    kiln::studio::StudioSettings::setWorkspaceFolder(QString());
    QTemporaryDir dir;
    kiln::studio::MainWindow window(dir.path());
    window.resize(1280, 800);
    window.show();
    window.findChild<QAction*>(QStringLiteral("actionSettings"))->trigger();
    auto* dialog = window.findChild<kiln::studio::SettingsDialog*>();
    REQUIRE(dialog);
    auto* open = dialog->findChild<QLabel*>(QStringLiteral("openWorkspacePath"));
    auto* use = dialog->findChild<QPushButton*>(QStringLiteral("useOpenWorkspace"));
    REQUIRE((open && use));
    CHECK(open->text() == QDir::cleanPath(dir.path()));
    CHECK(dialog->workspaceFolder().isEmpty());
    use->click();
    CHECK(dialog->workspaceFolder() == QDir::cleanPath(dir.path()));
    CHECK(kiln::test::saveScreenshot(dialog, QStringLiteral("settings_open_workspace.png")));
    dialog->accept();
    CHECK(kiln::studio::StudioSettings::workspaceFolder() == QDir::cleanPath(dir.path()));
    kiln::studio::StudioSettings::setWorkspaceFolder(QString());
    QThreadPool::globalInstance()->waitForDone();
}

TEST_CASE("file dialogs open where the last one of their kind chose", "[app][settings]") {
    QTemporaryDir dir;
    const QString folder = QDir::cleanPath(dir.path());
    CHECK(kiln::widgets::recentFolder(QStringLiteral("test-never-chosen")) == QDir::homePath());
    kiln::widgets::rememberFolder(QStringLiteral("test-import"), folder + QStringLiteral("/data.csv"));
    CHECK(kiln::widgets::recentFolder(QStringLiteral("test-import")) == folder);
    kiln::widgets::rememberFolder(QStringLiteral("test-folder"), folder);
    CHECK(kiln::widgets::recentFolder(QStringLiteral("test-folder")) == folder);
    // A folder since removed is not offered.
    kiln::widgets::rememberFolder(QStringLiteral("test-gone"), folder + QStringLiteral("/gone/x.csv"));
    CHECK(kiln::widgets::recentFolder(QStringLiteral("test-gone")) == QDir::homePath());
}
