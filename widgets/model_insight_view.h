#pragma once

#include <QJsonObject>
#include <QWidget>

class QGroupBox;
class QLabel;
class QTableView;

namespace kiln {
namespace widgets {

class CvTableModel;
class ImportanceChart;

// What a finished table run's report.json says about its model beyond the test scores: which
// family auto chose and why (model_choice: every candidate's cross-validated score), the feature
// importance chart (ImportanceChart) and the cross-validation table (CvTableModel: fold × metric,
// mean ± std). Parts the report lacks are hidden; hasContent() says whether any is there.
class ModelInsightView : public QWidget {
    Q_OBJECT
public:
    explicit ModelInsightView(QWidget* parent = nullptr);

    void setReport(const QJsonObject& report);
    bool hasContent() const;
    // The sentence about auto's choice (empty when the family was not chosen by auto).
    QString choiceText() const;
    QString finalFitText(const QJsonObject& fit) const;
    ImportanceChart* importance() const { return m_importance; }
    CvTableModel* cvModel() const { return m_cv; }
    QTableView* cvTable() const { return m_cvTable; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showCv();
    QString cvCaption() const;

    QJsonObject m_report;
    QLabel* m_choice;
    ImportanceChart* m_importance;
    QGroupBox* m_cvGroup;
    QLabel* m_cvCaption;
    QTableView* m_cvTable;
    CvTableModel* m_cv;
};

}  // namespace widgets
}  // namespace kiln
