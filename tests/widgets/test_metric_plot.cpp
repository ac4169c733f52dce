// Kiln's plot and evaluation widgets: downsampling, coalesced redraws, the confusion matrix and
// the per-class table.
#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QXYSeries>
#include <QChart>

#include <cmath>

#include "widgets/confusion_matrix_view.h"
#include "widgets/metric_plot.h"
#include "widgets/per_class_model.h"
#include "widgets/run_curves_view.h"

using kiln::widgets::ConfusionMatrixView;
using kiln::widgets::MetricPlot;
using kiln::widgets::PerClassModel;
using kiln::widgets::RunCurvesView;

TEST_CASE("downsampling keeps the extremes, the ends and at most two points a bucket",
          "[metric_plot]") {
    QVector<QPointF> points;
    for (int i = 0; i < 10000; ++i) points.push_back(QPointF(i, std::sin(i * 0.01)));
    points[5000].setY(7.0);  // a spike must survive
    points[7000].setY(-9.0);
    const QVector<QPointF> out = MetricPlot::downsample(points, 200);
    CHECK(out.size() <= 2 * 200 + 2);
    CHECK(out.front() == points.front());
    CHECK(out.back() == points.back());
    CHECK(out.contains(QPointF(5000, 7.0)));
    CHECK(out.contains(QPointF(7000, -9.0)));
    for (int i = 1; i < out.size(); ++i) CHECK(out[i].x() > out[i - 1].x());
    // Few points are left alone.
    const QVector<QPointF> few = {QPointF(0, 1), QPointF(1, 2), QPointF(2, 0)};
    CHECK(MetricPlot::downsample(few, 200) == few);
}

TEST_CASE("a metric plot coalesces redraws and draws no more points than pixels", "[metric_plot]") {
    MetricPlot plot;
    plot.resize(500, 300);
    plot.show();
    plot.addSeries(QStringLiteral("loss"), QStringLiteral("Loss"));
    REQUIRE(QTest::qWaitForWindowExposed(&plot));
    const int before = plot.redrawCount();
    for (int i = 0; i < 20000; ++i) plot.addPoint(QStringLiteral("loss"), i, 1.0 / (1 + i));
    plot.addPoint(QStringLiteral("unknown"), 1, 1);     // ignored
    plot.addPoint(QStringLiteral("loss"), 20001, NAN);  // ignored
    QTest::qWait(3 * MetricPlot::kRedrawIntervalMs);
    CHECK(plot.redrawCount() - before == 1);
    CHECK(plot.pointCount(QStringLiteral("loss")) == 20000);
    CHECK(plot.drawnPointCount(QStringLiteral("loss")) > 0);
    CHECK(plot.drawnPointCount(QStringLiteral("loss")) <= 2 * 500 + 2);
    // The same x replaces its point (an epoch recorded twice).
    plot.addPoint(QStringLiteral("loss"), 5, 42);
    CHECK(plot.pointCount(QStringLiteral("loss")) == 20000);
}

TEST_CASE("an epoch axis steps by whole epochs from 1, and a short curve shows its points", "[metric_plot]") {
    MetricPlot plot;
    plot.resize(500, 300);
    plot.show();
    plot.addSeries(QStringLiteral("loss"), QStringLiteral("Loss"));
    plot.setIntegerX(true);
    REQUIRE(QTest::qWaitForWindowExposed(&plot));
    // Nothing yet: epochs 1 to 5 in steps of 1 (not a 0..1 range labelled 0, 0, 0, 0, 1).
    CHECK(plot.xMin() == 1);
    CHECK(plot.xMax() == 5);
    CHECK(plot.xTickInterval() == 1);
    // One epoch: its point is drawn as a marker, since a single point makes no line.
    plot.addPoint(QStringLiteral("loss"), 1, 0.04);
    QTest::qWait(3 * MetricPlot::kRedrawIntervalMs);
    CHECK(plot.marksPoints(QStringLiteral("loss")));
    CHECK(plot.xTickInterval() == 1);
    for (int epoch = 2; epoch <= 200; ++epoch) plot.addPoint(QStringLiteral("loss"), epoch, 1.0 / epoch);
    QTest::qWait(3 * MetricPlot::kRedrawIntervalMs);
    CHECK_FALSE(plot.marksPoints(QStringLiteral("loss")));
}

TEST_CASE("run curves route metrics to their plots and guess the task", "[metric_plot]") {
    RunCurvesView view;
    view.addMetric(QStringLiteral("train_loss"), 1, 0.9);
    view.addMetric(QStringLiteral("val_loss"), 1, 1.0);
    CHECK(view.task().isEmpty());
    view.addMetric(QStringLiteral("val_rmse"), 1, 3.0);
    CHECK(view.task() == QStringLiteral("regression"));
    view.addMetric(QStringLiteral("val_r2"), 1, 0.5);
    view.addMetric(QStringLiteral("test_rmse"), 1, 2.0);  // not a curve
    view.addMetric(QStringLiteral("lr"), 1, 0.001);
    CHECK(view.lossPlot()->pointCount(QStringLiteral("val_loss")) == 1);
    CHECK(view.metricPlot()->pointCount(QStringLiteral("val_rmse")) == 1);
    CHECK(view.secondaryPlot()->pointCount(QStringLiteral("val_r2")) == 1);
    CHECK(view.learningRatePlot()->pointCount(QStringLiteral("lr")) == 1);
    CHECK(view.pointCount() == 5);
}

TEST_CASE("the training loss is drawn as it comes, before the first epoch ends", "[metric_plot]") {
    RunCurvesView view;
    // Batch 250 and 500 of 1,000 in epoch 1: points at 0.25 and 0.5 epochs.
    view.addMetric(QStringLiteral("train_loss_step"), 1, 1.2, 250, 1000);
    view.addMetric(QStringLiteral("train_loss_step"), 1, 0.9, 500, 1000);
    view.addMetric(QStringLiteral("train_loss_step"), 1, 0.8, 600, 0);  // steps per epoch not known yet
    CHECK(view.lossPlot()->pointCount(QStringLiteral("train_loss_step")) == 2);
    CHECK(view.lossPlot()->pointCount(QStringLiteral("train_loss")) == 0);
    CHECK(view.lossPlot()->hasPoints());
    view.addMetric(QStringLiteral("train_loss"), 1, 0.95);
    CHECK(view.lossPlot()->pointCount(QStringLiteral("train_loss")) == 1);
}

TEST_CASE("the confusion matrix shares rows and colours by share", "[metric_plot]") {
    ConfusionMatrixView view;
    view.setMatrix({QStringLiteral("a"), QStringLiteral("b")}, {8, 2, 0, 10});
    CHECK(view.classCount() == 2);
    CHECK(view.count(0, 1) == 2);
    CHECK(view.rowShare(0, 0) == Approx(0.8));
    CHECK(view.rowShare(1, 1) == Approx(1.0));
    CHECK(view.count(5, 0) == 0);
    CHECK(ConfusionMatrixView::colourFor(1.0).lightness() <
          ConfusionMatrixView::colourFor(0.0).lightness());
}

TEST_CASE("the per-class model lists classes and their macro average", "[metric_plot]") {
    PerClassModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QJsonArray rows;
    rows.append(QJsonObject{{QStringLiteral("class"), QStringLiteral("cat")},
                            {QStringLiteral("precision"), 1.0},
                            {QStringLiteral("recall"), 0.5},
                            {QStringLiteral("f1"), 2.0 / 3},
                            {QStringLiteral("support"), 4}});
    rows.append(QJsonObject{{QStringLiteral("class"), QStringLiteral("dog")},
                            {QStringLiteral("precision"), 0.5},
                            {QStringLiteral("recall"), 1.0},
                            {QStringLiteral("f1"), 2.0 / 3},
                            {QStringLiteral("support"), 2}});
    model.setReport(rows);
    REQUIRE(model.rowCount() == 3);
    CHECK(model.index(0, PerClassModel::ClassColumn).data().toString() == QStringLiteral("cat"));
    CHECK(model.index(2, PerClassModel::PrecisionColumn).data(Qt::UserRole).toDouble() ==
          Approx(0.75));
    CHECK(model.index(2, PerClassModel::SupportColumn).data(Qt::UserRole).toLongLong() == 6);
}

TEST_CASE("hovering a curve shows its name, the epoch and the value", "[metric_plot]") {
    MetricPlot plot;
    plot.resize(500, 300);
    plot.show();
    plot.addSeries(QStringLiteral("val_loss"), QStringLiteral("Validation loss"));
    plot.setIntegerX(true);
    plot.setAxisTitles(QStringLiteral("epoch"), QStringLiteral("loss"));
    for (int epoch = 1; epoch <= 10; ++epoch) plot.addPoint(QStringLiteral("val_loss"), epoch, 1.0 / epoch);
    QTest::qWait(3 * MetricPlot::kRedrawIntervalMs);
    QXYSeries* line = nullptr;
    for (QAbstractSeries* s : plot.chart()->series())
        if (auto* xy = qobject_cast<QXYSeries*>(s)) line = xy;
    REQUIRE(line);
    Q_EMIT line->hovered(QPointF(3.9, 0.25), true);
    CHECK(plot.tipText() == QStringLiteral("Validation loss\nepoch 4: 0.25"));
    Q_EMIT line->hovered(QPointF(3.9, 0.25), false);
    CHECK(plot.tipText().isEmpty());
}
