// A run's evaluation at the size it gets in a 1280×800 window: nothing clipped or dropped, even
// with ten classes (the digits).
#include <catch2/catch.hpp>

#include <QChart>
#include <QCheckBox>
#include <QScrollBar>
#include <QJsonArray>
#include <QJsonObject>
#include <QLegend>
#include <QTableView>
#include <QTest>

#include "qt_test_helpers.h"
#include "widgets/confusion_matrix_view.h"
#include "widgets/evaluation_view.h"
#include "widgets/metric_plot.h"

using kiln::widgets::EvaluationView;

namespace {

// Ten digits, mostly right: each row of 30 has 24 to 28 on the diagonal.
QJsonObject tenClassReport() {
    QJsonArray classes, matrix, perClass, curves;
    for (int c = 0; c < 10; ++c) {
        classes.append(QString::number(c));
        QJsonArray row;
        const int right = 24 + c % 5;
        for (int p = 0; p < 10; ++p) row.append(p == c ? right : (p == (c + 1) % 10 ? 30 - right : 0));
        matrix.append(row);
        perClass.append(QJsonObject{{QStringLiteral("class"), QString::number(c)},
                                    {QStringLiteral("precision"), right / 30.0},
                                    {QStringLiteral("recall"), right / 30.0},
                                    {QStringLiteral("f1"), right / 30.0},
                                    {QStringLiteral("support"), 30}});
        curves.append(QJsonObject{
            {QStringLiteral("class"), QString::number(c)},
            {QStringLiteral("auc"), 0.95 + c * 0.004},
            {QStringLiteral("roc"), QJsonArray{QJsonArray{0, 0}, QJsonArray{0.05, 0.8}, QJsonArray{1, 1}}},
            {QStringLiteral("pr"), QJsonArray{QJsonArray{0, 1}, QJsonArray{0.8, 0.9}, QJsonArray{1, 0.1}}}});
    }
    QJsonObject test{{QStringLiteral("task"), QStringLiteral("classification")},
                     {QStringLiteral("rows"), 300},
                     {QStringLiteral("classes"), classes},
                     {QStringLiteral("accuracy"), 0.87},
                     {QStringLiteral("macro_f1"), 0.87},
                     {QStringLiteral("roc_auc"), 0.97},
                     {QStringLiteral("confusion_matrix"), matrix},
                     {QStringLiteral("per_class"), perClass},
                     {QStringLiteral("curves"), curves}};
    return QJsonObject{{QStringLiteral("format"), QStringLiteral("kiln-report/1")}, {QStringLiteral("test"), test}};
}

}  // namespace

TEST_CASE("a ten-class evaluation fits the run tab of a 1280x800 window", "[widgets][evaluation]") {
    EvaluationView view;
    view.resize(1030, 640);  // what the run tab's Evaluation page gets at 1280×800
    view.setReport(tenClassReport());
    view.show();
    REQUIRE(QTest::qWaitForWindowExposed(&view));
    QTest::qWait(200);
    CHECK(kiln::test::saveScreenshot(&view, QStringLiteral("evaluation_ten_classes.png")));

    // Each curve's name and AUC listed beside the plot (at the bottom they were cut to "0 (…").
    for (kiln::widgets::MetricPlot* plot : {view.rocPlot(), view.prPlot()})
        CHECK(plot->chart()->legend()->alignment() == Qt::AlignRight);
    // Every class and the macro average fit beside the matrix, no scrolling.
    QTableView* table = view.perClassTable();
    CHECK(table->model()->rowCount() == 11);
    CHECK_FALSE(table->verticalScrollBar()->isVisible());
    // Cells too small for two numbers show one, the share when asked, and say both on hover.
    kiln::widgets::ConfusionMatrixView* matrix = view.confusionMatrix();
    CHECK_FALSE(matrix->showsBothNumbers());
    const QString tip = matrix->cellTip(3, 4);
    CHECK(tip.startsWith(QStringLiteral("Actual 3, predicted 4: 3 row")));
    CHECK(tip.endsWith(QStringLiteral("(10% of actual 3)")));
    const QPoint below = matrix->cellAt(QPoint(matrix->width() / 2, matrix->height() / 2));
    CHECK(below.x() >= 0);
    CHECK(below.y() >= 0);
    auto* shares = view.findChild<QCheckBox*>(QStringLiteral("confusionSharesFirst"));
    REQUIRE(shares);
    shares->setChecked(true);
    CHECK(matrix->sharesFirst());
    CHECK(kiln::test::saveScreenshot(&view, QStringLiteral("evaluation_ten_classes_shares.png")));
    // Two classes keep their legend under the plot and both numbers in each cell.
    EvaluationView few;
    QJsonObject report = tenClassReport();
    QJsonObject test = report.value(QStringLiteral("test")).toObject();
    test.insert(QStringLiteral("classes"), QJsonArray{QStringLiteral("no"), QStringLiteral("yes")});
    test.insert(QStringLiteral("confusion_matrix"), QJsonArray{QJsonArray{5, 1}, QJsonArray{2, 6}});
    test.insert(QStringLiteral("curves"), QJsonArray{test.value(QStringLiteral("curves")).toArray().at(1)});
    report.insert(QStringLiteral("test"), test);
    few.resize(1030, 640);
    few.setReport(report);
    few.show();
    REQUIRE(QTest::qWaitForWindowExposed(&few));
    CHECK(few.rocPlot()->chart()->legend()->alignment() == Qt::AlignBottom);
    CHECK(few.confusionMatrix()->showsBothNumbers());
    CHECK_FALSE(few.confusionMatrix()->turnsColumnNames());
    // Names wider than their cells read upwards under the grid instead of being cut short.
    kiln::widgets::ConfusionMatrixView iris;
    iris.setMatrix({QStringLiteral("setosa"), QStringLiteral("versicolor"), QStringLiteral("virginica")},
                   {7, 0, 0, 0, 6, 1, 0, 1, 6});
    iris.resize(320, 240);
    iris.show();
    REQUIRE(QTest::qWaitForWindowExposed(&iris));
    CHECK(iris.turnsColumnNames());
    CHECK(kiln::test::saveScreenshot(&iris, QStringLiteral("confusion_turned_names.png")));
}
