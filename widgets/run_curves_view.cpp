#include "widgets/run_curves_view.h"

#include <QChart>
#include <QEvent>
#include <QGridLayout>
#include <QLegend>

#include <utility>

#include "widgets/metric_plot.h"

namespace kiln {
namespace widgets {
namespace {

const QString kTrainLoss = QStringLiteral("train_loss");
const QString kTrainLossStep = QStringLiteral("train_loss_step");  // core's kTrainLossStep
const QString kValLoss = QStringLiteral("val_loss");
const QString kLr = QStringLiteral("lr");

bool isClassification(const QString& task) {
    return task == QLatin1String("classification");
}

}  // namespace

RunCurvesView::RunCurvesView(QWidget* parent)
    : QWidget(parent),
      m_loss(new MetricPlot(this)),
      m_metric(new MetricPlot(this)),
      m_secondary(new MetricPlot(this)),
      m_lr(new MetricPlot(this)) {
    m_loss->setObjectName(QStringLiteral("lossPlot"));
    m_metric->setObjectName(QStringLiteral("metricPlot"));
    m_secondary->setObjectName(QStringLiteral("secondaryPlot"));
    m_lr->setObjectName(QStringLiteral("learningRatePlot"));
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(4, 4, 4, 4);
    grid->setSpacing(6);
    grid->addWidget(m_loss, 0, 0);
    grid->addWidget(m_metric, 0, 1);
    grid->addWidget(m_secondary, 1, 0);
    grid->addWidget(m_lr, 1, 1);
    for (MetricPlot* plot : {m_loss, m_metric, m_secondary, m_lr}) plot->setIntegerX(true);
    // The loss as it comes, drawn light under the epochs' means.
    m_loss->addSeries(kTrainLossStep, QString(), SeriesStyle::Line, MetricPlot::paletteColour(0).lighter(160));
    m_loss->addSeries(kTrainLoss, QString(), SeriesStyle::Line, MetricPlot::paletteColour(0));
    m_loss->addSeries(kValLoss, QString(), SeriesStyle::Line, MetricPlot::paletteColour(1));
    m_lr->addSeries(kLr, QString(), SeriesStyle::Line, MetricPlot::paletteColour(4));
    m_lr->chart()->legend()->hide();
    retranslateUi();
}

void RunCurvesView::setTask(const QString& task) {
    if (task.isEmpty() || task == m_task) return;
    m_task = task;
    m_metric->removeAllSeries();
    m_secondary->removeAllSeries();
    declareSeries();
    retranslateUi();
    const QVector<Point> pending = std::exchange(m_pending, {});
    for (const Point& p : pending) addMetric(p.key, p.epoch, p.value);
}

void RunCurvesView::declareSeries() {
    if (isClassification(m_task)) {
        m_metric->addSeries(QStringLiteral("val_accuracy"), QString(), SeriesStyle::Line,
                            MetricPlot::paletteColour(2));
        m_metric->addSeries(QStringLiteral("val_macro_f1"), QString(), SeriesStyle::Dashed,
                            MetricPlot::paletteColour(3));
        m_secondary->addSeries(QStringLiteral("val_roc_auc"), QString(), SeriesStyle::Line,
                               MetricPlot::paletteColour(9));
        m_metric->setYRange(0, 1.02);
        m_secondary->setYRange(0, 1.02);
    } else {
        m_metric->addSeries(QStringLiteral("val_rmse"), QString(), SeriesStyle::Line,
                            MetricPlot::paletteColour(2));
        m_metric->addSeries(QStringLiteral("val_mae"), QString(), SeriesStyle::Dashed,
                            MetricPlot::paletteColour(3));
        m_secondary->addSeries(QStringLiteral("val_r2"), QString(), SeriesStyle::Line,
                               MetricPlot::paletteColour(9));
    }
    m_secondary->chart()->legend()->hide();
}

MetricPlot* RunCurvesView::plotFor(const QString& key) const {
    if (key == kTrainLoss || key == kValLoss) return m_loss;
    if (key == kLr) return m_lr;
    if (key == QLatin1String("val_accuracy") || key == QLatin1String("val_macro_f1") ||
        key == QLatin1String("val_rmse") || key == QLatin1String("val_mae"))
        return m_metric;
    if (key == QLatin1String("val_roc_auc") || key == QLatin1String("val_r2")) return m_secondary;
    return nullptr;
}

void RunCurvesView::addMetric(const QString& key, int epoch, double value, qint64 step,
                              int stepsPerEpoch) {
    if (key.startsWith(QLatin1String("test_"))) return;
    if (key == kTrainLossStep) {
        // At its place in epochs: batch 250 of 1,000 is at 0.25, the end of epoch 1 at 1.
        if (stepsPerEpoch > 0) m_loss->addPoint(key, double(step) / stepsPerEpoch, value);
        return;
    }
    if (m_task.isEmpty()) {
        if (key.endsWith(QLatin1String("accuracy")))
            setTask(QStringLiteral("classification"));
        else if (key.endsWith(QLatin1String("rmse")))
            setTask(QStringLiteral("regression"));
    }
    MetricPlot* plot = plotFor(key);
    if (!plot) return;
    if (plot != m_loss && plot != m_lr && m_task.isEmpty()) {
        m_pending.push_back({key, epoch, value});
        return;
    }
    plot->addPoint(key, epoch, value);
}

void RunCurvesView::setRounds(bool rounds) {
    if (rounds == m_rounds) return;
    m_rounds = rounds;
    retranslateUi();
}

void RunCurvesView::clear() {
    m_pending.clear();
    for (MetricPlot* plot : {m_loss, m_metric, m_secondary, m_lr}) plot->clearPoints();
}

int RunCurvesView::pointCount() const {
    int n = 0;
    for (const QString& key :
         {kTrainLoss, kValLoss, kLr, QStringLiteral("val_accuracy"), QStringLiteral("val_macro_f1"),
          QStringLiteral("val_roc_auc"), QStringLiteral("val_rmse"), QStringLiteral("val_mae"),
          QStringLiteral("val_r2")}) {
        if (MetricPlot* plot = plotFor(key)) n += plot->pointCount(key);
    }
    return n;
}

void RunCurvesView::retranslateUi() {
    const QString epoch = m_rounds ? tr("Round") : tr("Epoch");
    m_loss->setTitle(tr("Loss"));
    m_loss->setAxisTitles(epoch, tr("Loss"));
    m_loss->setSeriesLabel(kTrainLossStep, tr("Training, as it comes"));
    m_loss->setSeriesLabel(kTrainLoss, tr("Training"));
    m_loss->setSeriesLabel(kValLoss, tr("Validation"));
    m_lr->setTitle(tr("Learning rate"));
    m_lr->setAxisTitles(epoch, tr("Learning rate"));
    if (isClassification(m_task)) {
        m_metric->setTitle(tr("Validation accuracy and macro F1"));
        m_metric->setAxisTitles(epoch, tr("Score"));
        m_metric->setSeriesLabel(QStringLiteral("val_accuracy"), tr("Accuracy"));
        m_metric->setSeriesLabel(QStringLiteral("val_macro_f1"), tr("Macro F1"));
        m_secondary->setTitle(tr("Validation ROC AUC"));
        m_secondary->setAxisTitles(epoch, tr("ROC AUC"));
    } else if (!m_task.isEmpty()) {
        m_metric->setTitle(tr("Validation RMSE and MAE"));
        m_metric->setAxisTitles(epoch, tr("Error (target units)"));
        m_metric->setSeriesLabel(QStringLiteral("val_rmse"), tr("RMSE"));
        m_metric->setSeriesLabel(QStringLiteral("val_mae"), tr("MAE"));
        m_secondary->setTitle(tr("Validation R²"));
        m_secondary->setAxisTitles(epoch, tr("R²"));
    } else {
        m_metric->setTitle(tr("Validation metrics"));
        m_metric->setAxisTitles(epoch, QString());
        m_secondary->setTitle(QString());
        m_secondary->setAxisTitles(epoch, QString());
    }
}

void RunCurvesView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace widgets
}  // namespace kiln
