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
#include "training_test_fixture.h"
#include "widgets/box_plot_view.h"
#include "widgets/dataset_page.h"
#include "widgets/job_manager.h"
#include "widgets/navigator_view.h"
#include "widgets/validation_view.h"

using kiln::studio::LanguageManager;
using kiln::studio::MainWindow;
using kiln::test::waitUntil;

namespace {

// Words a Korean screen may show in Latin letters: names of things, units, abbreviations.
const std::set<QString> kKeptInLatin = {
    QStringLiteral("kiln"),    QStringLiteral("studio"),  QStringLiteral("onnx"),   QStringLiteral("cpu"),
    QStringLiteral("gpu"),     QStringLiteral("cuda"),    QStringLiteral("mlp"),    QStringLiteral("relu"),
    QStringLiteral("gelu"),    QStringLiteral("tanh"),    QStringLiteral("adam"),   QStringLiteral("adamw"),
    QStringLiteral("sgd"),     QStringLiteral("roc"),     QStringLiteral("auc"),    QStringLiteral("xgboost"),
    QStringLiteral("csv"),     QStringLiteral("tsv"),     QStringLiteral("utf"),    QStringLiteral("png"),
    QStringLiteral("svg"),     QStringLiteral("json"),    QStringLiteral("ssh"),    QStringLiteral("sha"),
    QStringLiteral("iqr"),     QStringLiteral("rmse"),    QStringLiteral("mae"),    QStringLiteral("pca"),
    QStringLiteral("lbfgs"),   QStringLiteral("ctrl"),    QStringLiteral("shift"),  QStringLiteral("del"),
    QStringLiteral("esc"),     QStringLiteral("runtime"), QStringLiteral("pytorch"), QStringLiteral("libtorch"),
    QStringLiteral("opencv"),  QStringLiteral("openblas"), QStringLiteral("cc0"),   QStringLiteral("bsd"),
    QStringLiteral("scikit-learn"), QStringLiteral("uci"), QStringLiteral("palmer"), QStringLiteral("penguins"),
    QStringLiteral("kib"),     QStringLiteral("mib"),     QStringLiteral("gib"),     QStringLiteral("cnn"),
    QStringLiteral("debian"),  QStringLiteral("cmake_prefix_path"),
};

// Every text a person reads in the visible widgets under `root`: labels, buttons, tabs, group
// titles, combo boxes, line edits, item views (headers and the first rows), charts, menus.
QStringList visibleTexts(QWidget* root) {
    QStringList texts;
    auto plain = [](const QString& text) {
        if (!Qt::mightBeRichText(text)) return text;
        QTextDocument doc;
        doc.setHtml(text);
        return doc.toPlainText();
    };
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (QWidget* w : widgets) {
        if (!w->isVisibleTo(root) && w != root) continue;
        if (auto* l = qobject_cast<QLabel*>(w)) texts << plain(l->text());
        if (auto* b = qobject_cast<QAbstractButton*>(w)) texts << b->text();
        if (auto* g = qobject_cast<QGroupBox*>(w)) texts << g->title();
        if (auto* c = qobject_cast<QComboBox*>(w)) texts << c->currentText();
        // The row filter's example is written in its syntax, which stays English (and, contains).
        if (auto* e = qobject_cast<QLineEdit*>(w); e && e->text().isEmpty() && e->objectName() != QLatin1String("rowFilter"))
            texts << e->placeholderText();
        if (auto* t = qobject_cast<QTabBar*>(w))
            for (int i = 0; i < t->count(); ++i) texts << t->tabText(i);
        if (auto* v = qobject_cast<QAbstractItemView*>(w); v && v->model()) {
            QAbstractItemModel* m = v->model();
            for (int c = 0; c < m->columnCount(); ++c) texts << m->headerData(c, Qt::Horizontal).toString();
            for (int r = 0; r < std::min(m->rowCount(), 12); ++r)
                for (int c = 0; c < m->columnCount(); ++c) texts << m->index(r, c).data().toString();
        }
        if (auto* tree = qobject_cast<QTreeWidget*>(w)) {
            QTreeWidgetItemIterator it(tree);
            for (; *it; ++it)
                if (!(*it)->isHidden()) texts << (*it)->text(0);
        }
        if (auto* chart = qobject_cast<QChartView*>(w)) {
            texts << chart->chart()->title();
            for (QAbstractAxis* axis : chart->chart()->axes()) texts << axis->titleText();
        }
        if (auto* bar = qobject_cast<QMenuBar*>(w))
            for (QAction* a : bar->actions()) texts << a->text();
    }
    return texts;
}

// The words of `texts` in Latin letters that are neither a name the session used nor kept in
// Latin on purpose: what a Korean reader would meet in English.
QStringList englishWords(const QStringList& texts, const std::set<QString>& names) {
    QStringList found;
    static const QRegularExpression pathLike(QStringLiteral("[^\\s]*[/@][^\\s]*"));
    // A word starts where no letter or digit comes before it ("7dbb" of a run id is no word).
    static const QRegularExpression word(QStringLiteral("(?<![A-Za-z0-9_])[A-Za-z][A-Za-z_.0-9-]*"));
    for (QString text : texts) {
        text.remove(pathLike);  // file paths, NAME@VERSION
        auto it = word.globalMatch(text);
        while (it.hasNext()) {
            const QString w = it.next().captured();
            const QString lower = w.toLower();
            const bool identifier = w.contains(QLatin1Char('_')) || w.contains(QLatin1Char('.')) ||
                                    w.contains(QRegularExpression(QStringLiteral("[0-9]")));
            if (w.size() < 3 || identifier || kKeptInLatin.count(lower) || names.count(lower)) continue;
            if (!found.contains(w + QStringLiteral(" «") + text.left(80) + QStringLiteral("»")))
                found << w + QStringLiteral(" «") + text.left(80) + QStringLiteral("»");
        }
    }
    return found;
}

struct Session {
    QTemporaryDir dir;
    QTemporaryDir files;
    std::unique_ptr<MainWindow> window;
    std::set<QString> names;  // datasets, columns, values and runs the session made
    int step = 0;

    Session() {
        kiln::studio::initStudioResources();
        kiln::test::useBuiltKiln();
        LanguageManager::apply(QStringLiteral("en"));
        window = std::make_unique<MainWindow>(dir.path());
        window->resize(1280, 800);
        window->show();
        window->edits()->setUndoMilliseconds(2500);  // long enough to be seen in the screenshots
        window->edits()->setConfirmer([](const QString&, const QString&) { return true; });
        for (const char* n : {"iris", "species", "setosa", "versicolor", "virginica", "sepal_length",
                              "sepal_width_cm", "petal_length_cm", "petal_width_cm", "lr", "val_loss", "progression",
                              "auto"})  // "auto": the family in a run's name (iris/species auto)
            names.insert(QString::fromLatin1(n));
    }
    ~Session() {
        window.reset();
        QThreadPool::globalInstance()->waitForDone();
    }

    // Saves the window (and `dialog` over it) in English and in Korean, and says what the Korean
    // screens still show in English.
    void shoot(const QString& what, QWidget* dialog = nullptr) {
        ++step;
        const QString base = QStringLiteral("newcomer_%1_%2").arg(step, 2, 10, QLatin1Char('0')).arg(what);
        auto save = [&](const QString& language) {
            CHECK(kiln::test::saveScreenshot(window.get(), base + QStringLiteral("_") + language + QStringLiteral(".png")));
            if (dialog)
                CHECK(kiln::test::saveScreenshot(dialog, base + QStringLiteral("_dialog_") + language + QStringLiteral(".png")));
        };
        save(QStringLiteral("en"));
        LanguageManager::apply(QStringLiteral("ko"));
        QTest::qWait(150);
        save(QStringLiteral("ko"));
        QStringList texts = visibleTexts(window.get());
        if (dialog) texts += visibleTexts(dialog);
        for (QString& text : texts)  // the session's own folders are names, whatever their letters
            text.remove(QDir::toNativeSeparators(dir.path())).remove(files.path()).remove(QDir(dir.path()).dirName());
        const QStringList english = englishWords(texts, names);
        INFO(base.toStdString() << ": left in English:\n  " << english.join(QStringLiteral("\n  ")).toStdString());
        CHECK(english.isEmpty());
        LanguageManager::apply(QStringLiteral("en"));
        QTest::qWait(50);
    }

    kiln::widgets::DatasetPage* datasetTab() const {
        for (int i = 0; i < window->tabs()->count(); ++i)
            if (auto* p = qobject_cast<kiln::widgets::DatasetPage*>(window->tabs()->widget(i))) return p;
        return nullptr;
    }
};

}  // namespace

TEST_CASE("a newcomer's first session reads whole in English and in Korean", "[app][newcomer]") {
    Session s;
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
    const int before = s.window->tabs()->count();
    panel->findChild<QPushButton*>(QStringLiteral("trainButton"))->click();
    REQUIRE(waitUntil([&] { return s.window->tabs()->count() > before; }, 30000));
    auto* run = qobject_cast<kiln::studio::RunTab*>(s.window->tabs()->currentWidget());
    REQUIRE(run);
    REQUIRE(waitUntil([&] { return kiln::test::runEnded(run); }, 180000));
    REQUIRE(run->status() == QStringLiteral("completed"));
    const QString runId = run->runId();
    s.names.insert(runId.toLower());
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
    for (const auto& trial : controller->trials()) s.names.insert(trial.runId.toLower());
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
