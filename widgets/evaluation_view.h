#pragma once

#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QLabel;
class QStackedWidget;
class QTableView;

namespace kiln {
namespace widgets {

class ConfusionMatrixView;
class MetricPlot;
class PerClassModel;

// A finished run's evaluation on its test rows, from report.json: for classification the
// confusion matrix, ROC and precision-recall curves and the per-class table; for regression a
// predicted-vs-actual scatter and the residual histogram. A summary line gives the test metrics.
class EvaluationView : public QWidget {
    Q_OBJECT
public:
    explicit EvaluationView(QWidget* parent = nullptr);

    // `report` is report.json as an object ({"format":"kiln-report/1", "test": {...}, ...});
    // an empty object shows the empty note.
    void setReport(const QJsonObject& report);
    const QJsonObject& report() const { return m_report; }
    // Which page shows: "classification", "regression" or empty (the empty note).
    QString shownTask() const { return m_task; }

    ConfusionMatrixView* confusionMatrix() const { return m_confusion; }
    MetricPlot* rocPlot() const { return m_roc; }
    MetricPlot* prPlot() const { return m_pr; }
    QTableView* perClassTable() const { return m_table; }
    PerClassModel* perClassModel() const { return m_perClass; }
    MetricPlot* scatterPlot() const { return m_scatter; }
    MetricPlot* residualPlot() const { return m_residuals; }
    QString summaryText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    QString bestStepText() const;
    QWidget* createClassificationPage();
    QWidget* createRegressionPage();
    void showClassification(const QJsonObject& test);
    void showRegression(const QJsonObject& test);
    void fillCurves(const QJsonArray& curves);
    void retranslateUi();

    QJsonObject m_report;
    QString m_task;
    QLabel* m_summary;
    QStackedWidget* m_pages;
    QLabel* m_emptyNote;
    ConfusionMatrixView* m_confusion = nullptr;
    QCheckBox* m_sharesFirst = nullptr;
    MetricPlot* m_roc = nullptr;
    MetricPlot* m_pr = nullptr;
    QTableView* m_table = nullptr;
    PerClassModel* m_perClass = nullptr;
    MetricPlot* m_scatter = nullptr;
    MetricPlot* m_residuals = nullptr;
};

}  // namespace widgets
}  // namespace kiln
