// The data sources besides CSV in Kiln Studio: the import preview of a Parquet file (nested
// columns left out, named), of an Excel workbook with its sheet chosen, and File ▸ Import from
// Database… against a real PostgreSQL server started by the test (fields, Test Connection, a table
// previewed, imported as a job, refreshed from its source). English and Korean screenshots, and
// the Korean screens read for words left in English.
#include <catch2/catch.hpp>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QRegularExpression>
#include <QTest>
#include <QTemporaryDir>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QTabWidget>

#include "app/studio/database_import_dialog.h"
#include "app/studio/import_controller.h"
#include "app/studio/import_preview_dialog.h"
#include "app/studio/language_manager.h"
#include "app/studio/main_window.h"
#include "app/studio/studio_resources.h"
#include "core/data/dataset_catalog.h"
#include "core/store/workspace.h"
#include "database_server.h"
#include "language_check.h"
#include "qt_test_helpers.h"
#include "widgets/dataset_page.h"
#include "widgets/job_manager.h"

using kiln::studio::LanguageManager;
using kiln::studio::MainWindow;
using kiln::test::saveScreenshot;
using kiln::test::waitUntil;

namespace {

const QString kFixtures = QStringLiteral(KILN_SOURCE_DIR "/tests");

// Saves `widget` in English and Korean as NAME_en.png / NAME_ko.png and returns the Korean
// screen's words left in English.
QStringList shootBothLanguages(QWidget* widget, const QString& name, const std::set<QString>& names) {
    LanguageManager::apply(QStringLiteral("en"));
    QTest::qWait(100);
    CHECK(saveScreenshot(widget, name + QStringLiteral("_en.png")));
    LanguageManager::apply(QStringLiteral("ko"));
    QTest::qWait(150);
    CHECK(saveScreenshot(widget, name + QStringLiteral("_ko.png")));
    const QStringList english = kiln::test::englishWords(kiln::test::visibleTexts(widget), names);
    LanguageManager::apply(QStringLiteral("en"));
    QTest::qWait(50);
    return english;
}

// The words of a preview's data (column, sheet and left-out column names, cells), lower case as
// englishWords compares them: names, not English to translate.
std::set<QString> columnNames(const kiln::TablePreview& preview) {
    std::set<QString> names;
    auto addWords = [&](const std::string& text) {
        for (const QString& part : QString::fromStdString(text).toLower().split(
                 QRegularExpression(QStringLiteral("[^a-z]+")), Qt::SkipEmptyParts))
            names.insert(part);
    };
    for (const auto& note : preview.notes) {
        static const QRegularExpression quoted(QStringLiteral("'([^']+)'"));
        auto it = quoted.globalMatch(QString::fromStdString(note));
        while (it.hasNext()) addWords(it.next().captured(1).toStdString());
    }
    for (const auto& c : preview.columns) addWords(c.name);
    for (const auto& sheet : preview.sheets) addWords(sheet);
    for (const auto& row : preview.rows)
        for (const auto& cell : row) addWords(cell);
    return names;
}

}  // namespace

TEST_CASE("The import preview reads Parquet and Excel files in their own format", "[sources]") {
    kiln::studio::initStudioResources();
    LanguageManager::apply(QStringLiteral("en"));
    QTemporaryDir dir;
    auto window = std::make_unique<MainWindow>(dir.path());
    window->resize(1280, 800);
    window->show();

    SECTION("Parquet: types from the schema, nested columns named and left out") {
        window->imports()->importPaths({kFixtures + QStringLiteral("/fixtures/data/sales.parquet")});
        auto* dialog = window->imports()->currentPreview();
        REQUIRE(dialog);
        REQUIRE(waitUntil([&] { return !dialog->isBusy(); }));
        INFO(dialog->errorText().toStdString());
        REQUIRE(dialog->errorText().isEmpty());
        CHECK(dialog->preview().format == kiln::TableFormat::Parquet);
        CHECK(dialog->findChild<QLabel*>(QStringLiteral("detectedFormat"))->text() == QStringLiteral("Parquet"));
        auto* notes = dialog->findChild<QLabel*>(QStringLiteral("previewNotes"));
        CHECK(notes->isVisible());
        CHECK(notes->text().contains(QStringLiteral("tags")));
        CHECK_FALSE(dialog->findChild<QComboBox*>(QStringLiteral("delimiter"))->isVisible());
        const QStringList english = shootBothLanguages(dialog, QStringLiteral("sources_parquet_preview"),
                                                       columnNames(dialog->preview()));
        INFO("left in English:\n  " << english.join(QStringLiteral("\n  ")).toStdString());
        CHECK(english.isEmpty());
        dialog->reject();
    }

    SECTION("Excel: the sheet chosen in the preview is the one imported") {
        const QString workbook = kFixtures + QStringLiteral("/cli/fixtures/xlsx/several_sheets.xlsx");
        window->imports()->importPaths({workbook});
        auto* dialog = window->imports()->currentPreview();
        REQUIRE(dialog);
        REQUIRE(waitUntil([&] { return !dialog->isBusy(); }));
        INFO(dialog->errorText().toStdString());
        REQUIRE(dialog->errorText().isEmpty());
        auto* sheets = dialog->findChild<QComboBox*>(QStringLiteral("sheet"));
        REQUIRE(sheets->isVisible());
        REQUIRE(sheets->count() >= 2);
        const QString second = sheets->itemText(1);
        const auto firstColumns = dialog->preview().columns.size();
        dialog->setSheet(second);
        REQUIRE(waitUntil([&] { return !dialog->isBusy() && dialog->preview().sheet == second.toStdString(); }));
        CHECK(dialog->options().sheet == second.toStdString());
        (void)firstColumns;
        const QStringList english = shootBothLanguages(dialog, QStringLiteral("sources_excel_sheet"),
                                                       columnNames(dialog->preview()));
        INFO("left in English:\n  " << english.join(QStringLiteral("\n  ")).toStdString());
        CHECK(english.isEmpty());
        dialog->accept();
        REQUIRE(waitUntil([&] { return window->findChild<kiln::widgets::DatasetPage*>() != nullptr; }, 20000));
        auto workspace = kiln::Workspace::open(dir.path().toStdString(), false);
        REQUIRE(workspace);
        auto version = kiln::DatasetCatalog((*workspace)->catalog()).resolve("several_sheets");
        REQUIRE(version);
        CHECK(version->manifest.find(second.toStdString()) != std::string::npos);
    }
}

TEST_CASE("Import from Database… previews a PostgreSQL table, imports it as a job and refreshes it",
          "[sources][database]") {
    kiln::studio::initStudioResources();
    LanguageManager::apply(QStringLiteral("en"));
    auto& server = PostgresTestServer::instance();
    server.exec("DROP TABLE IF EXISTS customers; DROP TYPE IF EXISTS tier;"
                "CREATE TYPE tier AS ENUM ('bronze', 'silver', 'gold');"
                "CREATE TABLE customers (id integer PRIMARY KEY, zip text, joined date, spend numeric(10,2),"
                " active boolean, level tier);"
                "INSERT INTO customers SELECT i, lpad((i * 37 % 99999)::text, 5, '0'), date '2024-01-01' + i,"
                " (i * 13 % 1000) / 7.0, i % 3 <> 0, (ARRAY['bronze','silver','gold'])[1 + i % 3]::tier"
                " FROM generate_series(1, 500) i;");
    QTemporaryDir dir;
    auto window = std::make_unique<MainWindow>(dir.path());
    window->resize(1280, 800);
    window->show();
    window->imports()->importFromDatabase();
    auto* dialog = window->imports()->databaseDialog();
    REQUIRE(dialog);
    dialog->setFields(QStringLiteral("127.0.0.1"), server.port(), QStringLiteral("postgres"), QStringLiteral("postgres"));
    dialog->testConnection();
    REQUIRE(waitUntil([&] { return !dialog->isBusy(); }, 20000));
    INFO(dialog->errorText().toStdString());
    REQUIRE(dialog->errorText().isEmpty());
    REQUIRE(dialog->tables().contains(QStringLiteral("customers")));
    dialog->chooseTable(QStringLiteral("customers"));
    REQUIRE(waitUntil([&] { return !dialog->isBusy() && !dialog->preview().columns.empty(); }, 20000));
    REQUIRE(dialog->errorText().isEmpty());
    CHECK(dialog->datasetName() == QStringLiteral("customers"));
    CHECK(dialog->preview().rows.size() == 100);
    const auto& columns = dialog->preview().columns;
    REQUIRE(columns.size() == 6);
    CHECK(columns[1].type != kiln::ColumnType::Integer);  // zip codes keep their zeros
    CHECK(columns[5].type == kiln::ColumnType::Categorical);
    auto names = columnNames(dialog->preview());
    names.insert(QStringLiteral("postgres"));
    names.insert(QStringLiteral("postgresql"));
    names.insert(QStringLiteral("customers"));  // the table's name
    const QStringList english = shootBothLanguages(dialog, QStringLiteral("sources_database_dialog"), names);
    INFO("left in English:\n  " << english.join(QStringLiteral("\n  ")).toStdString());
    CHECK(english.isEmpty());

    dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    REQUIRE(waitUntil([&] { return window->findChild<kiln::widgets::DatasetPage*>() != nullptr; }, 30000));
    auto* page = window->findChild<kiln::widgets::DatasetPage*>();
    REQUIRE(waitUntil([&] { return page->isLoaded(); }, 20000));
    CHECK(page->dataset().table->rows() == 500);
    REQUIRE(page->refreshButton()->isVisible());
    CHECK(saveScreenshot(window.get(), QStringLiteral("sources_database_dataset_en.png")));

    // Refresh: unchanged first (no new version), then rows added make version 2.
    auto* jobs = window->jobManager();
    const int id = window->imports()->startRefresh(QStringLiteral("customers"));
    REQUIRE(waitUntil([&] { return jobs->job(id) && jobs->job(id)->state != kiln::widgets::JobState::Running; }, 30000));
    INFO(jobs->job(id)->message.toStdString());
    CHECK(jobs->job(id)->state == kiln::widgets::JobState::Completed);
    CHECK(jobs->job(id)->message.startsWith(QStringLiteral("Unchanged")));
    auto workspace = kiln::Workspace::open(dir.path().toStdString(), false);
    REQUIRE(workspace);
    kiln::DatasetCatalog catalog((*workspace)->catalog());
    CHECK(catalog.versions("customers")->size() == 1);
    server.exec("INSERT INTO customers VALUES (501, '00501', date '2025-06-01', 1.5, true, 'gold');");
    page->refreshButton()->click();
    REQUIRE(waitUntil([&] { return catalog.versions("customers")->size() == 2; }, 30000));
    CHECK(catalog.resolve("customers")->rows == 501);
}
