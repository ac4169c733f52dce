// The import preview in Studio: the dialect and types detected, and what a person chooses for the
// columns (left out, renamed, read as another type, categories put in an order) previewed at once
// and imported as shown.
#include <catch2/catch.hpp>

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QTimer>

#include <memory>

#include "app/studio/category_order_dialog.h"
#include "app/studio/column_choices_table.h"
#include "app/studio/import_controller.h"
#include "app/studio/import_preview_dialog.h"
#include "app/studio/language_manager.h"
#include "app/studio/main_window.h"
#include "app/studio/studio_resources.h"
#include "core/data/dataset_catalog.h"
#include "core/data/table.h"
#include "core/store/workspace.h"
#include "qt_test_helpers.h"
#include "widgets/bar_chart_view.h"
#include "widgets/table_preview_model.h"
#include "widgets/dataset_page.h"
#include "widgets/dataset_table_model.h"
#include "widgets/table_query_bar.h"
#include "widgets/job_manager.h"

using kiln::studio::ColumnChoicesTable;
using kiln::test::waitUntil;

namespace {

const QStringList kAgeGroups = {QStringLiteral("25-34"), QStringLiteral("35-44"), QStringLiteral("45-54"),
                                QStringLiteral("55-64"), QStringLiteral("65-74"), QStringLiteral("75+")};

// esoph-like rows: an id, age groups met out of order, an unnamed measure (V4), a yes/no flag.
QString writeEsoph(const QTemporaryDir& dir) {
    const QString path = dir.filePath(QStringLiteral("esoph.csv"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return {};
    file.write("id,agegp,smoker,V4,ncases\n");
    for (int i = 0; i < 60; ++i)
        file.write(QStringLiteral("%1,%2,%3,%4,%5\n")
                       .arg(i + 1)
                       .arg(kAgeGroups[(i * 7 + 3) % 6])
                       .arg(i % 3 ? QStringLiteral("no") : QStringLiteral("yes"))
                       .arg(i % 11 == 4 ? QStringLiteral("NA") : QString::number(i * 0.25))
                       .arg(i % 4)
                       .toUtf8());
    return path;
}

QString header(kiln::studio::ImportPreviewDialog& dialog, int column) {
    return dialog.previewModel()->headerData(column, Qt::Horizontal).toString();
}

bool settle(kiln::studio::ImportPreviewDialog& dialog) {
    return waitUntil([&] { return !dialog.isBusy(); });
}

}  // namespace

TEST_CASE("the import preview reads a semicolon file with decimal commas", "[app][import]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("measurements.csv"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("station;date;temperature;rain;status\n"
               "Nord;2024-01-03;3,5;12;ok\nSud;2024-01-04;-1,25;NA;ok\nEst;2024-01-05;7,0;3;fault\n"
               "Ouest;2024-01-06;4,75;0;ok\nNord;2024-01-07;2,5;8;ok\nSud;2024-01-08;5,5;1;ok\n");
    file.close();
    kiln::studio::ImportPreviewDialog dialog(path);
    dialog.show();
    REQUIRE(settle(dialog));
    const kiln::TablePreview& p = dialog.preview();
    CHECK(p.dialect.delimiter == ';');
    CHECK(p.dialect.header);
    CHECK(p.dialect.decimalComma);
    REQUIRE(p.columns.size() == 5);
    CHECK(p.columns[1].type == kiln::ColumnType::Date);
    CHECK(p.columns[2].type == kiln::ColumnType::Float);
    CHECK(p.columns[3].type == kiln::ColumnType::Integer);
    CHECK(p.rows.size() == 6);
    CHECK(header(dialog, 2) == QStringLiteral("temperature\nfloat"));
    auto* decimal = dialog.findChild<QComboBox*>(QStringLiteral("decimalComma"));
    REQUIRE(decimal);
    CHECK(decimal->currentText() == QStringLiteral("Detect (yes)"));

    // Overriding a type and the delimiter previews again.
    dialog.setColumnType(QStringLiteral("rain"), QStringLiteral("float"));
    REQUIRE(settle(dialog));
    CHECK(dialog.preview().columns[3].type == kiln::ColumnType::Float);
    CHECK(dialog.preview().columns[3].overridden);
    CHECK(dialog.options().typeOverrides == std::vector<std::string>{"rain=float"});
    CHECK(kiln::test::saveScreenshot(&dialog, QStringLiteral("import_preview.png")));
    dialog.setDelimiter(',');
    REQUIRE(settle(dialog));
    CHECK(dialog.preview().columns.size() == 1);
    CHECK(dialog.options().typeOverrides.empty());
    QThreadPool::globalInstance()->waitForDone();
}

TEST_CASE("values are put in order as a person reads them, and moved by hand", "[app][import]") {
    using kiln::studio::CategoryOrderDialog;
    CHECK(CategoryOrderDialog::naturallySorted({QStringLiteral("75+"), QStringLiteral("25-34"),
                                                QStringLiteral("b10"), QStringLiteral("B2"),
                                                QStringLiteral("45-54")}) ==
          QStringList{QStringLiteral("25-34"), QStringLiteral("45-54"), QStringLiteral("75+"),
                      QStringLiteral("B2"), QStringLiteral("b10")});
    const QStringList met = {QStringLiteral("55-64"), QStringLiteral("25-34"), QStringLiteral("75+")};
    CategoryOrderDialog dialog(QStringLiteral("agegp"), met, {});
    CHECK(dialog.levels() == QStringList{QStringLiteral("25-34"), QStringLiteral("55-64"), QStringLiteral("75+")});
    dialog.list()->setCurrentRow(2);
    dialog.moveSelected(-1);
    CHECK(dialog.levels() == QStringList{QStringLiteral("25-34"), QStringLiteral("75+"), QStringLiteral("55-64")});
    dialog.moveSelected(-1);
    dialog.moveSelected(-1);  // already first: stays
    CHECK(dialog.levels().first() == QStringLiteral("75+"));
    dialog.reverse();
    CHECK(dialog.levels() == QStringList{QStringLiteral("55-64"), QStringLiteral("25-34"), QStringLiteral("75+")});
    dialog.sortNaturally();
    CHECK(dialog.levels() == QStringList{QStringLiteral("25-34"), QStringLiteral("55-64"), QStringLiteral("75+")});

    // An order chosen before comes back as it was; "No order" ends it.
    CategoryOrderDialog again(QStringLiteral("agegp"), met, {QStringLiteral("75+"), QStringLiteral("55-64")});
    CHECK(again.levels() == QStringList{QStringLiteral("75+"), QStringLiteral("55-64"), QStringLiteral("25-34")});
    auto* none = again.findChild<QPushButton*>(QStringLiteral("noOrder"));
    REQUIRE(none);
    REQUIRE(none->isEnabled());
    none->click();
    CHECK(again.result() == QDialog::Accepted);
    CHECK(again.levels().isEmpty());
}

TEST_CASE("columns left out, renamed and ordered in the preview are imported as shown",
          "[app][import]") {
    kiln::studio::initStudioResources();
    kiln::studio::LanguageManager::apply(QStringLiteral("en"));
    QTemporaryDir dir;
    QTemporaryDir workspaceDir;
    const QString path = writeEsoph(dir);
    REQUIRE_FALSE(path.isEmpty());
    kiln::studio::ImportPreviewDialog dialog(path);
    dialog.resize(1280, 800);
    dialog.show();
    REQUIRE(settle(dialog));
    REQUIRE(dialog.preview().columns.size() == 5);
    CHECK(dialog.preview().columns[2].type == kiln::ColumnType::Boolean);
    ColumnChoicesTable* table = dialog.columnTypes();
    REQUIRE(table->rowCount() == 5);

    // A name edited in place is the column's name: the preview's header follows it.
    table->item(3, ColumnChoicesTable::NameColumn)->setText(QStringLiteral("dose"));
    REQUIRE(settle(dialog));
    CHECK(header(dialog, 3) == QStringLiteral("dose\nfloat"));
    CHECK(dialog.options().renames == std::vector<std::pair<std::string, std::string>>{{"V4", "dose"}});
    CHECK(table->item(3, ColumnChoicesTable::NameColumn)->toolTip().contains(QStringLiteral("'V4'")));

    // A column unticked is left out, shown greyed as skipped.
    table->item(0, ColumnChoicesTable::ImportColumn)->setCheckState(Qt::Unchecked);
    REQUIRE(settle(dialog));
    CHECK(header(dialog, 0) == QStringLiteral("id\n(skipped)"));
    CHECK(dialog.options().skipColumns == std::vector<std::string>{"id"});

    // Two columns of one name cannot be imported: said, and Import stays off until mended.
    table->item(4, ColumnChoicesTable::NameColumn)->setText(QStringLiteral("dose"));
    REQUIRE(settle(dialog));
    CHECK(dialog.errorText().contains(QStringLiteral("two columns would be named 'dose'")));
    auto* buttons = dialog.findChild<QDialogButtonBox*>();
    REQUIRE(buttons);
    CHECK_FALSE(buttons->button(QDialogButtonBox::Ok)->isEnabled());
    table->item(4, ColumnChoicesTable::NameColumn)->setText(QStringLiteral("ncases"));
    REQUIRE(settle(dialog));
    CHECK(dialog.errorText().isEmpty());
    CHECK(dialog.options().renames.size() == 1);
    CHECK(buttons->button(QDialogButtonBox::Ok)->isEnabled());

    // The age groups, met out of order, are given theirs through the order editor's values.
    auto* orderButton = table->findChild<QPushButton*>(QStringLiteral("order_agegp"));
    REQUIRE(orderButton);
    CHECK(orderButton->isEnabled());
    auto* smokerOrder = table->findChild<QPushButton*>(QStringLiteral("order_smoker"));
    REQUIRE(smokerOrder);
    CHECK_FALSE(smokerOrder->isEnabled());  // yes/no is boolean, not categories
    QStringList met;
    for (const std::string& value : dialog.preview().values[1]) met << QString::fromStdString(value);
    CHECK(met.size() == 6);
    CHECK(met != kAgeGroups);
    CHECK(kiln::studio::CategoryOrderDialog::naturallySorted(met) == kAgeGroups);
    // The button opens the editor on the values met, offered sorted; OK keeps that order.
    bool edited = false;
    QTimer::singleShot(300, [&] {
        auto* editor = qobject_cast<kiln::studio::CategoryOrderDialog*>(QApplication::activeModalWidget());
        if (!editor) return;
        edited = editor->levels() == kAgeGroups;
        kiln::test::saveScreenshot(editor, QStringLiteral("import_category_order.png"));
        editor->accept();
    });
    orderButton->click();
    CHECK(edited);
    REQUIRE(settle(dialog));
    CHECK(header(dialog, 1) == QStringLiteral("agegp\ncategorical, ordered *"));
    orderButton = table->findChild<QPushButton*>(QStringLiteral("order_agegp"));
    REQUIRE(orderButton);
    CHECK(orderButton->text() == QStringLiteral("25-34 < 35-44 < 45-54 < …"));
    REQUIRE(dialog.options().categoryOrders.size() == 1);
    CHECK(dialog.options().categoryOrders[0].levels.size() == 6);
    CHECK(kiln::test::saveScreenshot(&dialog, QStringLiteral("import_preview_choices.png")));

    // Imported through the window as the dialog would start it.
    {
        kiln::studio::MainWindow window(workspaceDir.path());
        window.resize(1280, 800);
        window.show();
        window.imports()->startFileImport(path, QStringLiteral("esoph"), dialog.options());
        REQUIRE(waitUntil([&] { return window.jobManager()->runningCount() == 0 && window.tabs()->count() == 2; },
                          30000));
        auto* page = qobject_cast<kiln::widgets::DatasetPage*>(window.tabs()->widget(1));
        REQUIRE(page);
        window.tabs()->setCurrentWidget(page);
        REQUIRE(waitUntil([&] { return page->hasProfile(); }));
        const kiln::Table& t = *page->dataset().table;
        REQUIRE(t.columnCount() == 4);
        CHECK(t.column(0).info().name == "agegp");
        CHECK(t.column(0).info().ordered);
        CHECK(t.column(0).info().categories ==
              std::vector<std::string>{"25-34", "35-44", "45-54", "55-64", "65-74", "75+"});
        CHECK(t.column(1).info().name == "smoker");
        CHECK(t.column(1).info().labels == std::vector<std::string>{"no", "yes"});
        CHECK(t.column(1).text(0) == "yes");  // as written, not true/false
        CHECK(t.column(2).info().name == "dose");
        CHECK(t.column(3).info().name == "ncases");
        // The chart of an ordered column reads low to high, not by frequency.
        REQUIRE(page->barChart()->setColumn(0));
        QStringList drawn;
        for (const auto& count : page->barChart()->counts()) drawn << count.first;
        CHECK(drawn == kAgeGroups);
        CHECK(page->tableModel()->headerData(0, Qt::Horizontal).toString() == QStringLiteral("agegp\ncategorical, ordered"));
        page->sections()->setCurrentIndex(1);
        page->chartTabs()->setCurrentWidget(page->barChart());
        CHECK(kiln::test::saveScreenshot(&window, QStringLiteral("import_ordered_chart.png")));

        // The table filters and sorts on the stored columns; each row keeps its number.
        page->sections()->setCurrentIndex(0);
        kiln::widgets::TableQueryBar* query = page->queryBar();
        kiln::widgets::DatasetTableModel* model = page->tableModel();
        auto applied = [&] { return waitUntil([&] { return !query->isBusy(); }); };
        // The filter's example is written for this table, and it is a filter that works.
        const QString example = query->filterEdit()->placeholderText().section(QStringLiteral(", or any"), 0, 0);
        CHECK(example.contains(QStringLiteral("agegp = 25-34")));
        query->setFilterText(example);
        REQUIRE(applied());
        CHECK(query->errorText().isEmpty());
        CHECK(model->rowCount() > 0);
        CHECK_FALSE(model->showsEveryRow());
        query->setFilterText(QStringLiteral("agegp >= 55-64 and smoker = yes"));
        REQUIRE(applied());
        CHECK(query->errorText().isEmpty());
        REQUIRE(model->rowCount() > 0);
        CHECK(model->rowCount() < 60);
        for (int r = 0; r < model->rowCount(); ++r) {
            const QString age = model->index(r, 0).data().toString();
            CHECK((age == QStringLiteral("55-64") || age == QStringLiteral("65-74") || age == QStringLiteral("75+")));
            CHECK(model->index(r, 1).data().toString() == QStringLiteral("yes"));
        }
        CHECK(model->headerData(0, Qt::Vertical).toString() == QStringLiteral("1"));  // row 1 is 55-64, yes
        query->sortBy(2, Qt::DescendingOrder);
        REQUIRE(applied());
        CHECK(page->tableView()->horizontalHeader()->sortIndicatorSection() == 2);
        double previous = 1e300;
        for (int r = 0; r < model->rowCount(); ++r) {
            const QVariant dose = model->index(r, 2).data(kiln::widgets::DatasetTableModel::NumberRole);
            if (model->index(r, 2).data(kiln::widgets::DatasetTableModel::MissingRole).toBool()) continue;
            CHECK(dose.toDouble() <= previous);
            previous = dose.toDouble();
        }
        CHECK(query->statusText().contains(QStringLiteral("of 60 rows · sorted by dose, highest first")));
        CHECK(kiln::test::saveScreenshot(&window, QStringLiteral("dataset_table_filtered.png")));
        const int shown = model->rowCount();
        query->setFilterText(QStringLiteral("dose > plenty"));  // says why; the rows stay as they were
        REQUIRE(applied());
        CHECK(query->errorText().contains(QStringLiteral("'plenty' is not a number")));
        CHECK(model->rowCount() == shown);
        query->clear();
        REQUIRE(applied());
        CHECK(model->rowCount() == 60);
        CHECK(model->showsEveryRow());
        CHECK(page->tableView()->horizontalHeader()->sortIndicatorSection() == -1);
    }
    QThreadPool::globalInstance()->waitForDone();
}
