// A working session past the first hour, scripted at 1280×800: a table with missing values and
// categories profiled, a newer file compared with it for drift, a model trained with its
// missing-value notes and feature reasons, its environment and spec read, registered, used to
// predict, and an export that fails. Every screen is saved in English and in Korean and the Korean
// one read for words left in English (`daily_*_en.png`, `daily_*_ko.png` in the screenshots).
#include <catch2/catch.hpp>

#include <QFile>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QRegularExpression>
#include <QTextStream>
#include <QTreeWidget>

#include "app/studio/export_dialog.h"
#include "app/studio/export_ui.h"
#include "app/studio/feature_list.h"
#include "app/studio/import_controller.h"
#include "app/studio/import_preview_dialog.h"
#include "app/studio/models_page.h"
#include "app/studio/run_on_box.h"
#include "app/studio/run_tab.h"
#include "app/studio/train_panel.h"
#include "app/studio/training_ui.h"
#include "core/remote/ssh_host.h"
#include "core/store/workspace.h"
#include "scripted_session.h"
#include "widgets/catalog_events.h"
#include "widgets/column_profile_panel.h"
#include "widgets/drift_view.h"
#include "widgets/environment_probe.h"

using kiln::test::waitUntil;

namespace {

const QString kPenguins = QStringLiteral(KILN_SOURCE_DIR "/resources/samples/penguins.csv");

// Penguins measured again: the rows of 2009, a few hundred grams heavier (drift), one per line.
QString writeHeavierPenguins(const QString& file) {
    QFile in(kPenguins), out(file);
    REQUIRE(in.open(QIODevice::ReadOnly | QIODevice::Text));
    REQUIRE(out.open(QIODevice::WriteOnly | QIODevice::Text));
    QTextStream read(&in), write(&out);
    write << read.readLine() << '\n';
    while (!read.atEnd()) {
        QStringList cells = read.readLine().split(QLatin1Char(','));
        if (cells.size() != 8 || cells[7] != QLatin1String("2009")) continue;
        bool ok = false;
        const int mass = cells[5].toInt(&ok);
        if (ok) cells[5] = QString::number(mass + 600);
        write << cells.join(QLatin1Char(',')) << '\n';
    }
    return file;
}

// Imports `file` through the preview, as a person does, and waits for its tab's profile.
kiln::widgets::DatasetPage* importThroughPreview(kiln::test::ScriptedSession& s, const QString& file,
                                                 const QString& name) {
    s.window->imports()->importPaths({file});
    kiln::studio::ImportPreviewDialog* preview = nullptr;
    REQUIRE(waitUntil([&] {
        preview = s.window->imports()->currentPreview();
        return preview && !preview->isBusy();
    }));
    preview->accept();
    REQUIRE(waitUntil([&] { return s.datasetTab(name) && s.datasetTab(name)->hasProfile(); }, 30000));
    return s.datasetTab(name);
}

}  // namespace

TEST_CASE("a day's work past the first session reads whole in Korean", "[app][daily]") {
    kiln::test::ScriptedSession s(QStringLiteral("daily"));
    s.addNames({"penguins", "penguins_2009", "species", "island", "bill_length_mm", "bill_depth_mm",
                "flipper_length_mm", "body_mass_g", "sex", "year", "adelie", "gentoo", "chinstrap", "torgersen",
                "biscoe", "dream", "male", "female", "auto", "penguins_species"});
    REQUIRE(waitUntil([&] { return s.window->environmentProbe()->isReady(); }, 30000));

    // Profile: a column with missing values, its notes in the column panel.
    const QString local = s.files.filePath(QStringLiteral("penguins.csv"));
    REQUIRE(QFile::copy(kPenguins, local));
    kiln::widgets::DatasetPage* page = importThroughPreview(s, local, QStringLiteral("penguins"));
    s.window->tabs()->setCurrentWidget(page);
    page->sections()->setCurrentIndex(0);
    page->profilePanel()->selectColumn(6);  // sex: categories, 11 missing
    s.shoot(QStringLiteral("profile"));

    // Drift: the heavier 2009 file against the first import.
    const QString heavier = writeHeavierPenguins(s.files.filePath(QStringLiteral("penguins_2009.csv")));
    kiln::widgets::DatasetPage* later = importThroughPreview(s, heavier, QStringLiteral("penguins_2009"));
    s.window->tabs()->setCurrentWidget(later);
    later->sections()->setCurrentIndex(3);
    kiln::widgets::DriftView* drift = later->drift();
    REQUIRE(waitUntil([&] { return !drift->isBusy() && drift->setReference(QStringLiteral("penguins@1")); }, 30000));
    REQUIRE(waitUntil([&] { return !drift->isBusy() && drift->driftTable()->rowCount() > 0; }, 30000));
    REQUIRE(waitUntil([&] { return !drift->overlaidColumn().isEmpty(); }, 30000));
    const QString overlaid = drift->overlaidColumn();
    s.shoot(QStringLiteral("drift"));
    // Both languages keep the column drawn (a language switch once cleared the overlay).
    CHECK(drift->overlaidColumn() == overlaid);
    CHECK(drift->findChild<QWidget*>(QStringLiteral("driftOverlay"))->isVisible());

    // Train: species from the table with missing values; the features' reasons as tooltips, and
    // a host nobody answers on among the places to run, with its reason.
    {
        auto ws = kiln::Workspace::open(s.dir.path().toStdString(), false);
        REQUIRE(ws.ok());
        kiln::SshHost offline;
        offline.name = "offline";
        offline.sshTarget = "kiln@127.0.0.1:1";
        REQUIRE(kiln::addHost((*ws)->catalog(), offline).ok());
        s.window->catalogEvents()->notify();
    }
    s.addNames({"offline"});
    kiln::studio::TrainPanel* panel = s.window->training()->openTrainPanel(QStringLiteral("penguins"));
    REQUIRE(waitUntil([&] { return !panel->isBusy() && !panel->resolution().columns.isEmpty(); }, 20000));
    REQUIRE(panel->selectTarget(QStringLiteral("species")));
    REQUIRE(waitUntil([&] { return !panel->isBusy() && panel->isReady(); }, 20000));
    panel->findChild<QSpinBox*>(QStringLiteral("epochsBox"))->setValue(4);
    QListWidget* features = panel->featureList();
    kiln::studio::RunOnBox* where = panel->runOnBox();
    REQUIRE(waitUntil([&] { return where->count() == 2 && !where->itemData(1, Qt::ToolTipRole).toString().isEmpty(); },
                      30000));
    auto tooltips = [features, where] {
        QStringList tips;
        for (int i = 0; i < features->count(); ++i) tips << features->item(i)->toolTip();
        for (int i = 0; i < where->count(); ++i) tips << where->itemText(i) << where->itemData(i, Qt::ToolTipRole).toString();
        return tips;
    };
    s.shoot(QStringLiteral("train_panel"), nullptr, tooltips);
    kiln::studio::RunTab* run = s.trainAndWait(panel);
    const QString runId = run->runId();
    run->pages()->setCurrentIndex(run->pages()->count() - 1);  // Environment and spec
    // What this machine is called (its processor, system, libraries' builds) is a name.
    const QStringList machineRows = {QStringLiteral("Processor"), QStringLiteral("Compiler"), QStringLiteral("BLAS"),
                                     QStringLiteral("Kernel"), QStringLiteral("Operating system"),
                                     QStringLiteral("Host name")};
    for (QTreeWidget* tree : run->findChildren<QTreeWidget*>())
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            if (machineRows.contains(tree->topLevelItem(i)->text(0)))
                for (const QString& word : tree->topLevelItem(i)->text(1).split(QRegularExpression(QStringLiteral("[^A-Za-z]+")),
                                                                               Qt::SkipEmptyParts))
                    s.names.insert(word.toLower());
    s.shoot(QStringLiteral("run_environment"));

    // Register the model; the Models tab shows its lineage and evaluation.
    kiln::studio::ExportUi* ui = s.window->exportUi();
    bool registered = false, finished = false;
    QString reference;
    QObject::connect(ui, &kiln::studio::ExportUi::registerFinished, [&](bool ok, const QString& ref, const QString&) {
        finished = true;
        registered = ok;
        reference = ref;
    });
    REQUIRE(ui->registerRun(runId, QStringLiteral("penguins_species")) > 0);
    REQUIRE(waitUntil([&] { return finished; }, 180000));
    REQUIRE(registered);
    kiln::studio::ModelsPage* models = ui->modelsPage();
    REQUIRE(waitUntil([&] { return !models->isLoading() && models->versions().size() == 1; }, 20000));
    s.shoot(QStringLiteral("models"));

    // Predict on the heavier file.
    bool predicted = false;
    finished = false;
    QObject::connect(ui, &kiln::studio::ExportUi::predictFinished, [&](bool ok, const QString&) {
        predicted = ok;
        finished = true;
    });
    ui->predict(reference, models->currentVersion().value(QLatin1String("onnx_path")).toString(), heavier);
    REQUIRE(waitUntil([&] { return finished; }, 60000));
    REQUIRE(predicted);
    s.shoot(QStringLiteral("predictions"));

    // An export that cannot be written says why.
    bool exported = false;
    QObject::connect(ui, &kiln::studio::ExportUi::exportFinished, [&](bool) { exported = true; });
    ui->exportRun(runId, QStringLiteral("/proc/no-such-dir/penguins.onnx"));
    REQUIRE(waitUntil([&] { return exported; }, 120000));
    REQUIRE(ui->lastResult());
    CHECK_FALSE(ui->lastResult()->outcome().error.isEmpty());
    s.shoot(QStringLiteral("export_failed"), ui->lastResult());
}
