#pragma once

#include <QMap>
#include <QString>
#include <QVector>
#include <QWidget>

namespace kiln {
namespace widgets {

class MetricPlot;

// A run's live training curves: the loss (training and validation), the task's validation
// metrics (accuracy and macro F1, ROC AUC; or RMSE and MAE, R²) and the learning rate, per
// epoch. Values arrive one by one from the worker's metric events (or all at once from the
// catalog); the plots redraw on their coalescing timers. Test metrics are not curves: ignored.
class RunCurvesView : public QWidget {
    Q_OBJECT
public:
    explicit RunCurvesView(QWidget* parent = nullptr);

    // "classification" or "regression"; guessed from the first metric when never set.
    void setTask(const QString& task);
    QString task() const { return m_task; }
    // True for boosted trees: a step is a boosting round, and the x axes say "Round".
    void setRounds(bool rounds);
    // One value of `key` ("train_loss", "val_accuracy", …) at the end of `epoch`.
    // One metric point. train_loss_step needs its step and the steps per epoch to be placed.
    void addMetric(const QString& key, int epoch, double value, qint64 step = 0, int stepsPerEpoch = 0);
    void clear();

    MetricPlot* lossPlot() const { return m_loss; }
    MetricPlot* metricPlot() const { return m_metric; }
    MetricPlot* secondaryPlot() const { return m_secondary; }
    MetricPlot* learningRatePlot() const { return m_lr; }
    // Points of all curves together.
    int pointCount() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Point {
        QString key;
        int epoch;
        double value;
    };
    MetricPlot* plotFor(const QString& key) const;
    void declareSeries();
    void retranslateUi();

    QString m_task;
    bool m_rounds = false;
    MetricPlot* m_loss;
    MetricPlot* m_metric;
    MetricPlot* m_secondary;
    MetricPlot* m_lr;
    QVector<Point> m_pending;  // before the task is known
};

}  // namespace widgets
}  // namespace kiln
