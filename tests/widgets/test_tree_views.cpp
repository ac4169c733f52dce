// The views of report.json's tree-family parts, on hand-written reports in the format the trainer
// writes: feature importance, the cross-validation table, auto's choice and the drawn tree.
#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScrollArea>
#include <QTableView>
#include <QTest>

#include "qt_test_helpers.h"
#include "widgets/cv_table_model.h"
#include "widgets/decision_tree_view.h"
#include "widgets/importance_chart.h"
#include "widgets/model_insight_view.h"

using kiln::widgets::CvTableModel;
using kiln::widgets::DecisionTreeView;
using kiln::widgets::ImportanceChart;
using kiln::widgets::ModelInsightView;

namespace {

QJsonObject parse(const char* json) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json), &error);
    REQUIRE(error.error == QJsonParseError::NoError);
    return doc.object();
}

// A boosted-tree regression on air quality, chosen by auto.
const char* kBoostedReport = R"({
  "format": "kiln-report/1", "family": "boosted",
  "test": {"task": "regression", "rows": 17, "rmse": 18.2, "mae": 13.1, "r2": 0.71},
  "importance": {"metric": "r2",
    "gain": [{"feature": "Temp", "value": 5321.5}, {"feature": "Wind", "value": 1210.25},
             {"feature": "Solar.R", "value": 980.0}, {"feature": "Month", "value": 120.5},
             {"feature": "Day", "value": 75.0}],
    "permutation": [{"feature": "Wind", "mean": 0.21, "std": 0.04},
                    {"feature": "Temp", "mean": 0.48, "std": 0.06},
                    {"feature": "Solar.R", "mean": 0.09, "std": 0.02},
                    {"feature": "Month", "mean": 0.004, "std": 0.003},
                    {"feature": "Day", "mean": -0.012, "std": 0.008}]},
  "cv": {"folds": 5, "metrics": ["rmse", "mae", "r2"],
    "rows": [
      {"fold": 1, "train_rows": 78, "rows": 20, "metrics": {"rmse": 19.1, "mae": 14.0, "r2": 0.66}},
      {"fold": 2, "train_rows": 78, "rows": 20, "metrics": {"rmse": 17.4, "mae": 12.2, "r2": 0.71}},
      {"fold": 3, "train_rows": 79, "rows": 19, "metrics": {"rmse": 21.8, "mae": 15.9, "r2": 0.55}},
      {"fold": 4, "train_rows": 79, "rows": 19, "metrics": {"rmse": 16.0, "mae": 11.7, "r2": 0.74}},
      {"fold": 5, "train_rows": 78, "rows": 20, "metrics": {"rmse": 18.6, "mae": 13.3, "r2": 0.62}}],
    "mean": {"rmse": 18.58, "mae": 13.42, "r2": 0.656},
    "std": {"rmse": 2.13, "mae": 1.65, "r2": 0.073}},
  "model_choice": {"chosen": "boosted", "metric": "r2",
    "candidates": [{"family": "boosted", "mean": 0.656, "std": 0.073},
                   {"family": "forest", "mean": 0.631, "std": 0.061},
                   {"family": "mlp", "mean": 0.48, "std": 0.09},
                   {"family": "linear", "mean": 0.44, "std": 0.06}],
    "why": "boosted trees: CV R² 0.66 ± 0.07; random forest 0.63 ± 0.06; MLP 0.48 ± 0.09; linear 0.44 ± 0.06"}
})";

// A depth-3 decision tree on air quality (regression), missing values going both ways.
const char* kTreeReport = R"({
  "format": "kiln-report/1", "family": "tree", "target": "Ozone",
  "test": {"task": "regression", "rows": 17},
  "tree": {"trees": [{"class": null, "nodes": [
    {"id": 0, "depth": 0, "feature": "Temp", "threshold": 82.5, "missing": "left", "left": 1, "right": 2, "gain": 5321.5, "samples": 80},
    {"id": 1, "depth": 1, "feature": "Wind", "threshold": 7.15, "missing": "right", "left": 3, "right": 4, "gain": 810.1, "samples": 56},
    {"id": 2, "depth": 1, "feature": "Wind", "threshold": 10.6, "missing": "left", "left": 5, "right": 6, "gain": 400.2, "samples": 24},
    {"id": 3, "depth": 2, "feature": "Month=5", "threshold": 1, "missing": "left", "left": 7, "right": 8, "gain": 120.0, "samples": 10},
    {"id": 4, "depth": 2, "leaf": -0.61, "value": 22.4, "samples": 46},
    {"id": 5, "depth": 2, "leaf": 1.42, "value": 90.1, "samples": 19},
    {"id": 6, "depth": 2, "leaf": 0.52, "value": 48.3, "samples": 5},
    {"id": 7, "depth": 3, "leaf": -0.2, "value": 31.5, "samples": 3},
    {"id": 8, "depth": 3, "leaf": 0.4, "value": 55.0, "samples": 7}]}]}
})";

// A three-class tree model: one tree per class.
const char* kMultiClassTree = R"({
  "family": "tree",
  "test": {"task": "classification", "classes": ["setosa", "versicolor", "virginica"]},
  "tree": {"trees": [
    {"class": "setosa", "nodes": [
      {"id": 0, "depth": 0, "feature": "petal_length_cm", "threshold": 2.45, "missing": "left", "left": 1, "right": 2, "samples": 105},
      {"id": 1, "depth": 1, "leaf": 1.8, "value": 0.858, "samples": 35},
      {"id": 2, "depth": 1, "leaf": -1.9, "value": 0.130, "samples": 70}]},
    {"class": "versicolor", "nodes": [
      {"id": 0, "depth": 0, "feature": "petal_width_cm", "threshold": 1.75, "missing": "right", "left": 1, "right": 2, "samples": 105},
      {"id": 1, "depth": 1, "leaf": 0.9, "value": 0.711, "samples": 68},
      {"id": 2, "depth": 1, "leaf": -1.1, "value": 0.250, "samples": 37}]},
    {"class": "virginica", "nodes": [
      {"id": 0, "depth": 0, "feature": "petal_width_cm", "threshold": 1.65, "missing": "left", "left": 1, "right": 2, "samples": 105},
      {"id": 1, "depth": 1, "leaf": -1.5, "value": 0.182, "samples": 66},
      {"id": 2, "depth": 1, "leaf": 1.6, "value": 0.832, "samples": 39}]}]}
})";

}  // namespace

TEST_CASE("the importance chart shows permutation importance and total gain, largest first",
          "[tree_views]") {
    ImportanceChart chart;
    chart.resize(760, 420);
    chart.show();
    const QJsonObject report = parse(kBoostedReport);
    chart.setImportance(report.value(QStringLiteral("importance")).toObject());
    REQUIRE(chart.hasKind(ImportanceChart::Kind::Permutation));
    REQUIRE(chart.hasKind(ImportanceChart::Kind::Gain));
    // Permutation first, sorted even when the report is not; a negative drop stays negative.
    CHECK(chart.kind() == ImportanceChart::Kind::Permutation);
    REQUIRE(chart.barCount() == 5);
    CHECK(chart.barLabel(0) == QStringLiteral("Temp"));
    CHECK(chart.barLabel(1) == QStringLiteral("Wind"));
    CHECK(chart.barValue(4) == Approx(-0.012));
    CHECK(chart.caption().contains(QStringLiteral("Permutation")));
    CHECK(chart.kindBox()->isVisible());
    CHECK(chart.caption().contains(QStringLiteral("Permutation")));
    CHECK(kiln::test::saveScreenshot(&chart, QStringLiteral("importance_permutation.png")));
    chart.kindBox()->setCurrentIndex(chart.kindBox()->findData(int(ImportanceChart::Kind::Gain)));
    CHECK(chart.kind() == ImportanceChart::Kind::Gain);
    CHECK(chart.barLabel(0) == QStringLiteral("Temp"));
    CHECK(chart.barValue(0) == Approx(5321.5));
    CHECK(chart.caption().contains(QStringLiteral("gain")));

    // The same report read again keeps the kind picked; a report without importance, then one
    // with it (a run tab before and after its run ends) starts at permutation.
    chart.setImportance(report.value(QStringLiteral("importance")).toObject());
    CHECK(chart.kind() == ImportanceChart::Kind::Gain);
    chart.setImportance({});
    chart.setImportance(report.value(QStringLiteral("importance")).toObject());
    CHECK(chart.kind() == ImportanceChart::Kind::Permutation);

    // Only permutation (an MLP): no toggle.
    QJsonObject mlp = report.value(QStringLiteral("importance")).toObject();
    mlp.remove(QStringLiteral("gain"));
    chart.setImportance(mlp);
    CHECK(chart.kind() == ImportanceChart::Kind::Permutation);
    CHECK_FALSE(chart.kindBox()->isVisible());

    // Many columns: the most important are drawn, and the caption says how many there are.
    QJsonArray many;
    for (int i = 0; i < 57; ++i)
        many.append(QJsonObject{{QStringLiteral("feature"), QStringLiteral("f%1").arg(i)},
                                {QStringLiteral("mean"), 0.001 * i},
                                {QStringLiteral("std"), 0.0}});
    chart.setImportance(QJsonObject{{QStringLiteral("metric"), QStringLiteral("accuracy")},
                                    {QStringLiteral("permutation"), many}});
    CHECK(chart.barCount() == ImportanceChart::kImportanceBars);
    CHECK(chart.barLabel(0) == QStringLiteral("f56"));
    CHECK(chart.caption().contains(QStringLiteral("57")));
}

TEST_CASE("the cross-validation table has a row per fold and a mean ± std row", "[tree_views]") {
    CvTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const QJsonObject report = parse(kBoostedReport);
    model.setCv(report.value(QStringLiteral("cv")).toObject());
    REQUIRE(model.folds() == 5);
    CHECK(model.rowCount() == 6);
    CHECK(model.columnCount() == CvTableModel::kFixedColumns + 3);
    CHECK(model.headerData(5, Qt::Horizontal).toString() == QStringLiteral("R²"));
    CHECK(model.index(2, 0).data().toString() == QStringLiteral("3"));
    CHECK(model.index(2, 1).data().toString() == QStringLiteral("79"));
    CHECK(model.index(2, 5).data().toString() == QStringLiteral("0.550"));
    CHECK(model.index(5, 0).data().toString() == QStringLiteral("Mean ± std"));
    CHECK(model.index(5, 3).data().toString() == QStringLiteral("18.580 ± 2.130"));
    CHECK(model.index(5, 5).data().toString() == QStringLiteral("0.656 ± 0.073"));
    CHECK(model.mean(QStringLiteral("r2")) == Approx(0.656));
    model.setCv({});
    CHECK(model.rowCount() == 0);
}

TEST_CASE("the model insight view says what auto chose and why", "[tree_views]") {
    ModelInsightView view;
    view.resize(1200, 560);
    view.show();
    view.setReport(parse(kBoostedReport));
    CHECK(view.hasContent());
    const QString choice = view.choiceText();
    CHECK(choice.contains(QStringLiteral("<b>boosted trees</b>")));
    CHECK(choice.contains(QStringLiteral("R² 0.656 ± 0.073")));
    CHECK(choice.contains(QStringLiteral("random forest 0.631 ± 0.061")));
    CHECK(choice.contains(QStringLiteral("linear 0.440 ± 0.060")));
    CHECK(view.cvTable()->isVisible());
    CHECK(kiln::test::saveScreenshot(&view, QStringLiteral("model_insight_handmade.png")));
    // A run with neither: nothing to show.
    view.setReport(parse(R"({"test": {"task": "regression"}})"));
    CHECK_FALSE(view.hasContent());
    CHECK(view.choiceText().isEmpty());
}

TEST_CASE("a decision tree is drawn with its splits, leaves, rows and missing branches",
          "[tree_views]") {
    DecisionTreeView view;
    view.resize(1100, 560);
    view.show();
    view.setReport(parse(kTreeReport));
    REQUIRE(view.hasTree());
    CHECK(view.treeCount() == 1);
    CHECK_FALSE(view.classBox()->isVisible());
    CHECK(view.nodeCount() == 9);
    CHECK(view.nodeText(0) == QStringLiteral("Temp < 82.5\n80 rows"));
    CHECK(view.nodeText(1) == QStringLiteral("Wind < 7.15\n56 rows"));
    CHECK(view.nodeText(4) == QStringLiteral("value = 22.4\n46 rows"));
    CHECK(view.nodeText(3) == QStringLiteral("Month ≠ 5\n10 rows"));  // one-hot: not May
    CHECK(view.edgeText(0, true) == QStringLiteral("yes, or missing"));
    CHECK(view.edgeText(0, false) == QStringLiteral("no"));
    CHECK(view.edgeText(1, false) == QStringLiteral("no, or missing"));
    // Readable: no two boxes overlap, children sit below their parent, yes on the left.
    CHECK(view.overlappingBoxes() == 0);
    CHECK(view.nodeRect(1).top() > view.nodeRect(0).bottom());
    CHECK(view.nodeRect(1).center().x() < view.nodeRect(2).center().x());
    CHECK(view.nodeRect(7).center().x() < view.nodeRect(8).center().x());
    CHECK(view.nodeRect(0).center().x() > view.nodeRect(1).center().x());
    CHECK(view.nodeRect(0).center().x() < view.nodeRect(2).center().x());
    CHECK(view.findChild<QWidget*>(QStringLiteral("treeCaption"))->isVisible());
    CHECK(kiln::test::saveScreenshot(&view, QStringLiteral("decision_tree_handmade.png")));

    // Several classes: one tree each, a selector, leaves as that class's probability.
    view.setReport(parse(kMultiClassTree));
    CHECK(view.treeCount() == 3);
    CHECK(view.classBox()->isVisible());
    CHECK(view.classBox()->itemText(1) == QStringLiteral("versicolor"));
    CHECK(view.nodeText(1) == QStringLiteral("P(setosa) = 0.858\n35 rows"));
    view.setCurrentTree(2);
    CHECK(view.nodeText(0) == QStringLiteral("petal_width_cm < 1.65\n105 rows"));
    CHECK(view.nodeText(2) == QStringLiteral("P(virginica) = 0.832\n39 rows"));
    CHECK(view.overlappingBoxes() == 0);

    // A wide tree scrolls instead of squeezing its boxes.
    QJsonArray nodes;
    const int depth = 6, internal = (1 << depth) - 1;
    for (int id = 0; id < 2 * internal + 1; ++id) {
        int d = 0;
        for (int k = id + 1; k > 1; k >>= 1) ++d;
        QJsonObject node{{QStringLiteral("id"), id},
                         {QStringLiteral("depth"), d},
                         {QStringLiteral("samples"), 1000 >> d}};
        if (id < internal) {
            node[QStringLiteral("feature")] = QStringLiteral("alcalinity_of_ash");
            node[QStringLiteral("threshold")] = 18.75 + id;
            node[QStringLiteral("missing")] = QStringLiteral("left");
            node[QStringLiteral("left")] = 2 * id + 1;
            node[QStringLiteral("right")] = 2 * id + 2;
        } else {
            node[QStringLiteral("leaf")] = 0.1;
            node[QStringLiteral("value")] = double(id % 7) / 7.0;
        }
        nodes.append(node);
    }
    QJsonObject wide{{QStringLiteral("test"),
                      QJsonObject{{QStringLiteral("task"), QStringLiteral("classification")},
                                  {QStringLiteral("classes"),
                                   QJsonArray{QStringLiteral("no"), QStringLiteral("yes")}}}},
                     {QStringLiteral("tree"),
                      QJsonObject{{QStringLiteral("trees"),
                                   QJsonArray{QJsonObject{{QStringLiteral("class"), QJsonValue()},
                                                          {QStringLiteral("nodes"), nodes}}}}}}};
    view.setReport(wide);
    CHECK(view.nodeCount() == 2 * internal + 1);
    CHECK(view.overlappingBoxes() == 0);
    CHECK(view.nodeText(internal) == QStringLiteral("P(yes) = 0.000\n15 rows"));
    CHECK(view.canvas()->width() > view.scrollArea()->viewport()->width());
}
