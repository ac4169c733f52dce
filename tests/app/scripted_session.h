// A scripted Studio session at 1280×800 on a fresh workspace: each step's window is saved in
// English and in Korean (`PREFIX_NN_WHAT_en.png`, `…_ko.png` in the screenshots), and the Korean
// screen is read for words left in English (language_check.h).
#pragma once

#include <QDir>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <set>

#include <catch2/catch.hpp>

#include "app/studio/language_manager.h"
#include "app/studio/main_window.h"
#include "app/studio/run_tab.h"
#include "app/studio/studio_resources.h"
#include "app/studio/train_panel.h"
#include "app/studio/workspace_edits_ui.h"
#include "language_check.h"
#include "qt_test_helpers.h"
#include "training_test_fixture.h"
#include "widgets/dataset_page.h"

namespace kiln::test {

struct ScriptedSession {
    QTemporaryDir dir;
    QTemporaryDir files;
    std::unique_ptr<kiln::studio::MainWindow> window;
    std::set<QString> names;  // datasets, columns, values and runs the session made (lower case)
    QString prefix;
    int step = 0;

    explicit ScriptedSession(QString screenshotPrefix) : prefix(std::move(screenshotPrefix)) {
        kiln::studio::initStudioResources();
        useBuiltKiln();
        kiln::studio::LanguageManager::apply(QStringLiteral("en"));
        window = std::make_unique<kiln::studio::MainWindow>(dir.path());
        window->resize(1280, 800);
        window->show();
        window->edits()->setUndoMilliseconds(2500);  // long enough to be seen in the screenshots
        window->edits()->setConfirmer([](const QString&, const QString&) { return true; });
    }
    ~ScriptedSession() {
        window.reset();
        QThreadPool::globalInstance()->waitForDone();
    }

    void addNames(std::initializer_list<const char*> words) {
        for (const char* w : words) names.insert(QString::fromUtf8(w).toLower());
    }
    // A run id and each of its parts: "20261203-125504-bcba" ends in a word of letters one run
    // in a few (its hex suffix), which is a name, not English.
    void addRunId(const QString& id) {
        names.insert(id.toLower());
        for (const QString& part : id.toLower().split(QLatin1Char('-'))) names.insert(part);
    }

    // Saves the window (and `dialog` over it) in English and in Korean, and says what the Korean
    // screens still show in English; `more` gives texts a screenshot cannot hold (tooltips), read
    // while Korean is on.
    void shoot(const QString& what, QWidget* dialog = nullptr, const std::function<QStringList()>& more = {}) {
        ++step;
        // Nothing on the screen may need more room than 1280×800 (the window grew to 868 px once a
        // run tab opened).
        CHECK(window->size() == QSize(1280, 800));
        const QString base = QStringLiteral("%1_%2_%3").arg(prefix).arg(step, 2, 10, QLatin1Char('0')).arg(what);
        auto save = [&](const QString& language) {
            CHECK(saveScreenshot(window.get(), base + QStringLiteral("_") + language + QStringLiteral(".png")));
            if (dialog) CHECK(saveScreenshot(dialog, base + QStringLiteral("_dialog_") + language + QStringLiteral(".png")));
        };
        save(QStringLiteral("en"));
        kiln::studio::LanguageManager::apply(QStringLiteral("ko"));
        QTest::qWait(150);
        save(QStringLiteral("ko"));
        QStringList texts = visibleTexts(window.get());
        if (dialog) texts += visibleTexts(dialog);
        if (more) texts += more();
        for (QString& text : texts)  // the session's own folders are names, whatever their letters
            text.remove(QDir::toNativeSeparators(dir.path())).remove(files.path()).remove(QDir(dir.path()).dirName());
        const QStringList english = englishWords(texts, names);
        INFO(base.toStdString() << ": left in English:\n  " << english.join(QStringLiteral("\n  ")).toStdString());
        CHECK(english.isEmpty());
        kiln::studio::LanguageManager::apply(QStringLiteral("en"));
        QTest::qWait(50);
    }

    // Presses the panel's Train, waits for the run's tab and for the run to complete; its id is a
    // name from then on.
    kiln::studio::RunTab* trainAndWait(kiln::studio::TrainPanel* panel) {
        const int before = window->tabs()->count();
        panel->findChild<QPushButton*>(QStringLiteral("trainButton"))->click();
        REQUIRE(waitUntil([&] { return window->tabs()->count() > before; }, 30000));
        auto* run = qobject_cast<kiln::studio::RunTab*>(window->tabs()->currentWidget());
        REQUIRE(run);
        REQUIRE(waitUntil([&] { return runEnded(run); }, 180000));
        REQUIRE(run->status() == QStringLiteral("completed"));
        addRunId(run->runId());
        return run;
    }

    kiln::widgets::DatasetPage* datasetTab(const QString& name = {}) const {
        for (int i = 0; i < window->tabs()->count(); ++i)
            if (auto* p = qobject_cast<kiln::widgets::DatasetPage*>(window->tabs()->widget(i)))
                if (name.isEmpty() || QString::fromStdString(p->dataset().version.dataset) == name) return p;
        return nullptr;
    }
};

}  // namespace kiln::test
