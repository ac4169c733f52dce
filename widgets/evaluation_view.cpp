#include "widgets/evaluation_view.h"

#include <QChart>
#include <QEvent>
#include <QCheckBox>
#include <QGridLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLegend>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

#include "widgets/confusion_matrix_view.h"
#include "widgets/metric_plot.h"
#include "widgets/per_class_model.h"
#include "widgets/scroll_page.h"

namespace kiln {
namespace widgets {
namespace {

QString number(const QJsonValue& value, int decimals = 3) {
    return value.isDouble() ? QString::number(value.toDouble(), 'f', decimals)
                            : QStringLiteral("–");
}

QVector<QPointF> pairs(const QJsonArray& array) {
    QVector<QPointF> points;
    points.reserve(array.size());
    for (const QJsonValue& v : array) {
        const QJsonArray p = v.toArray();
        if (p.size() == 2) points.push_back(QPointF(p[0].toDouble(), p[1].toDouble()));
    }
    return points;
}

}  // namespace

EvaluationView::EvaluationView(QWidget* parent)
    : QWidget(parent),
      m_summary(new QLabel(this)),
      m_pages(new QStackedWidget(this)),
      m_emptyNote(new QLabel(this)) {
    m_summary->setObjectName(QStringLiteral("evaluationSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_emptyNote->setAlignment(Qt::AlignCenter);
    m_emptyNote->setWordWrap(true);
    m_emptyNote->setEnabled(false);
    m_pages->addWidget(m_emptyNote);
    m_pages->addWidget(createClassificationPage());
    m_pages->addWidget(createRegressionPage());
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_summary);
    layout->addWidget(m_pages, 1);
    showScrolling(this, content);  // a short window scrolls the page, never grows past the screen
    retranslateUi();
}

QWidget* EvaluationView::createClassificationPage() {
    auto* page = new QWidget(this);
    m_confusion = new ConfusionMatrixView(page);
    m_confusion->setObjectName(QStringLiteral("confusionMatrix"));
    m_sharesFirst = new QCheckBox(page);
    m_sharesFirst->setObjectName(QStringLiteral("confusionSharesFirst"));
    connect(m_sharesFirst, &QCheckBox::toggled, m_confusion, &ConfusionMatrixView::setSharesFirst);
    auto* matrixColumn = new QVBoxLayout;
    matrixColumn->setSpacing(2);
    matrixColumn->addWidget(m_confusion, 1);
    matrixColumn->addWidget(m_sharesFirst, 0, Qt::AlignHCenter);
    m_roc = new MetricPlot(page);
    m_roc->setObjectName(QStringLiteral("rocPlot"));
    m_pr = new MetricPlot(page);
    m_pr->setObjectName(QStringLiteral("prPlot"));
    for (MetricPlot* plot : {m_roc, m_pr}) {
        plot->setXRange(0, 1);
        plot->setYRange(0, 1.02);
    }
    m_perClass = new PerClassModel(page);
    m_table = new QTableView(page);
    m_table->setObjectName(QStringLiteral("perClassTable"));
    m_table->setModel(m_perClass);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    // Compact rows: ten classes and the macro average fit beside the matrix.
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    // The table is as tall as its rows; the space under it stays empty.
    m_table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_table->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Maximum);
    auto* tableColumn = new QVBoxLayout;
    tableColumn->addWidget(m_table);
    tableColumn->addStretch(1);
    auto* grid = new QGridLayout(page);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addLayout(matrixColumn, 0, 0);
    grid->addLayout(tableColumn, 0, 1);
    grid->addWidget(m_roc, 1, 0);
    grid->addWidget(m_pr, 1, 1);
    grid->setRowStretch(0, 1);
    grid->setRowStretch(1, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    return page;
}

QWidget* EvaluationView::createRegressionPage() {
    auto* page = new QWidget(this);
    m_scatter = new MetricPlot(page);
    m_scatter->setObjectName(QStringLiteral("predictedActualPlot"));
    m_scatter->addSeries(QStringLiteral("ideal"), QString(), SeriesStyle::Dashed,
                         QColor(0x9a, 0xa0, 0xa6));
    m_scatter->addSeries(QStringLiteral("rows"), QString(), SeriesStyle::Scatter);
    m_residuals = new MetricPlot(page);
    m_residuals->setObjectName(QStringLiteral("residualPlot"));
    m_residuals->addSeries(QStringLiteral("residuals"), QString(), SeriesStyle::Bars,
                           MetricPlot::paletteColour(2));
    m_residuals->chart()->legend()->hide();
    auto* grid = new QGridLayout(page);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_scatter, 0, 0);
    grid->addWidget(m_residuals, 0, 1);
    return page;
}

void EvaluationView::setReport(const QJsonObject& report) {
    m_report = report;
    const QJsonObject test = report.value(QLatin1String("test")).toObject();
    m_task = test.value(QLatin1String("task")).toString();
    if (m_task == QLatin1String("classification"))
        showClassification(test);
    else if (m_task == QLatin1String("regression"))
        showRegression(test);
    else
        m_task.clear();
    m_pages->setCurrentIndex(m_task.isEmpty() ? 0 : m_task == QLatin1String("regression") ? 2 : 1);
    retranslateUi();
}

void EvaluationView::showClassification(const QJsonObject& test) {
    QStringList classes;
    for (const QJsonValue& c : test.value(QLatin1String("classes")).toArray())
        classes << c.toVariant().toString();
    QVector<qint64> counts;
    for (const QJsonValue& row : test.value(QLatin1String("confusion_matrix")).toArray())
        for (const QJsonValue& cell : row.toArray()) counts << qint64(cell.toDouble());
    m_confusion->setMatrix(classes, counts);
    // Many classes: the curves' names listed beside the plots, where each has room for its AUC.
    const Qt::Alignment legend = classes.size() > 2 ? Qt::AlignRight : Qt::AlignBottom;
    // A few classes: the matrix takes more of the height, so its cells keep both numbers and
    // its names (the curves' legends have room for a few entries); many: the legends need it.
    if (auto* grid = qobject_cast<QGridLayout*>(m_confusion->parentWidget()->layout())) {
        grid->setRowStretch(0, classes.size() <= 6 ? 3 : 1);
        grid->setRowStretch(1, classes.size() <= 6 ? 2 : 1);
    }
    for (MetricPlot* plot : {m_roc, m_pr}) {
        QLegend* names = plot->chart()->legend();
        names->setAlignment(legend);
        QFont font;  // as MetricPlot sets it, a point smaller for eleven names in the plot's height
        font.setPointSizeF(std::max(7.0, font.pointSizeF() - (classes.size() > 6 ? 2 : 1)));
        names->setFont(font);
    }
    m_perClass->setReport(test.value(QLatin1String("per_class")).toArray());
    fillCurves(test.value(QLatin1String("curves")).toArray());
}

void EvaluationView::fillCurves(const QJsonArray& curves) {
    m_roc->removeAllSeries();
    m_pr->removeAllSeries();
    m_roc->addSeries(QStringLiteral("chance"), tr("Chance"), SeriesStyle::Dashed,
                     QColor(0x9a, 0xa0, 0xa6));
    m_roc->setPoints(QStringLiteral("chance"), {QPointF(0, 0), QPointF(1, 1)});
    int index = 0;
    for (const QJsonValue& value : curves) {
        const QJsonObject curve = value.toObject();
        const QString name = curve.value(QLatin1String("class")).toVariant().toString();
        const QString key = QStringLiteral("class:") + QString::number(index);
        const QString auc = number(curve.value(QLatin1String("auc")));
        const QColor colour = MetricPlot::paletteColour(index);
        m_roc->addSeries(key, tr("%1 (AUC %2)").arg(name, auc), SeriesStyle::Line, colour);
        m_roc->setPoints(key, pairs(curve.value(QLatin1String("roc")).toArray()));
        // PR points are in threshold order; recall never decreases, so x order is kept.
        m_pr->addSeries(key, name, SeriesStyle::Line, colour);
        m_pr->setPoints(key, pairs(curve.value(QLatin1String("pr")).toArray()));
        ++index;
    }
}

void EvaluationView::showRegression(const QJsonObject& test) {
    const QVector<QPointF> points =
        pairs(test.value(QLatin1String("predicted_vs_actual")).toArray());
    // x: actual, y: predicted (the report stores [predicted, actual]).
    QVector<QPointF> swapped;
    double lo = INFINITY, hi = -INFINITY;
    for (const QPointF& p : points) {
        swapped.push_back(QPointF(p.y(), p.x()));
        lo = std::min({lo, p.x(), p.y()});
        hi = std::max({hi, p.x(), p.y()});
    }
    m_scatter->setPoints(QStringLiteral("rows"), swapped);
    if (std::isfinite(lo))
        m_scatter->setPoints(QStringLiteral("ideal"), {QPointF(lo, lo), QPointF(hi, hi)});
    const QJsonObject hist = test.value(QLatin1String("residual_histogram")).toObject();
    const QJsonArray counts = hist.value(QLatin1String("counts")).toArray();
    const double min = hist.value(QLatin1String("min")).toDouble();
    const double max = hist.value(QLatin1String("max")).toDouble();
    QVector<QPointF> bins;
    const double width = counts.isEmpty() ? 1 : (max - min) / counts.size();
    for (int i = 0; i < counts.size(); ++i)
        bins.push_back(QPointF(min + (i + 0.5) * (width > 0 ? width : 1), counts[i].toDouble()));
    m_residuals->setPoints(QStringLiteral("residuals"), bins);
}

QString EvaluationView::summaryText() const {
    const QJsonObject test = m_report.value(QLatin1String("test")).toObject();
    const int rows = test.value(QLatin1String("rows")).toInt();
    if (m_task == QLatin1String("classification"))
        return tr("<b>Test set</b> · %1 rows · accuracy <b>%2</b> · macro F1 <b>%3</b> · "
                  "ROC AUC <b>%4</b>")
                   .arg(QString::number(rows), number(test.value(QLatin1String("accuracy"))),
                        number(test.value(QLatin1String("macro_f1"))),
                        number(test.value(QLatin1String("roc_auc")))) +
               bestStepText();
    if (m_task == QLatin1String("regression"))
        return tr("<b>Test set</b> · %1 rows · RMSE <b>%2</b> · MAE <b>%3</b> · R² <b>%4</b>")
                   .arg(QString::number(rows), number(test.value(QLatin1String("rmse")), 4),
                        number(test.value(QLatin1String("mae")), 4),
                        number(test.value(QLatin1String("r2")))) +
               bestStepText();
    return {};
}

// Which step the evaluated model is from: a network's best epoch, a boosted model's best round;
// a forest or a single tree grows in one round, so nothing.
QString EvaluationView::bestStepText() const {
    const QString family = m_report.value(QLatin1String("family")).toString();
    const int best = m_report.value(QLatin1String("best_epoch")).toInt();
    if (family == QLatin1String("forest") || family == QLatin1String("tree")) return {};
    if (family == QLatin1String("boosted")) return tr(" · best round %1").arg(best);
    return tr(" · best epoch %1").arg(best);
}

void EvaluationView::retranslateUi() {
    m_emptyNote->setText(
        tr("The evaluation on the test rows appears here when the run completes."));
    m_summary->setText(summaryText());
    m_summary->setVisible(!m_task.isEmpty());
    m_confusion->setTitle(tr("Confusion matrix"));
    m_sharesFirst->setText(tr("Show each cell as a share of its actual class"));
    m_sharesFirst->setToolTip(tr("Hover a cell for its count and share"));
    m_roc->setTitle(tr("ROC curve"));
    m_roc->setAxisTitles(tr("False positive rate"), tr("True positive rate"));
    m_roc->setSeriesLabel(QStringLiteral("chance"), tr("Chance"));
    m_pr->setTitle(tr("Precision–recall curve"));
    m_pr->setAxisTitles(tr("Recall"), tr("Precision"));
    m_scatter->setTitle(tr("Predicted vs actual"));
    m_scatter->setAxisTitles(tr("Actual value"), tr("Predicted value"));
    m_scatter->setSeriesLabel(QStringLiteral("ideal"), tr("Perfect prediction"));
    m_scatter->setSeriesLabel(QStringLiteral("rows"), tr("Test rows"));
    m_residuals->setTitle(tr("Residuals (actual − predicted)"));
    m_residuals->setAxisTitles(tr("Residual"), tr("Rows"));
}

void EvaluationView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        if (m_task == QLatin1String("classification")) {
            const QJsonObject test = m_report.value(QLatin1String("test")).toObject();
            m_perClass->setReport(test.value(QLatin1String("per_class")).toArray());
            fillCurves(test.value(QLatin1String("curves")).toArray());
        }
    }
    QWidget::changeEvent(event);
}

}  // namespace widgets
}  // namespace kiln
