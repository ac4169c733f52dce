#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTreeWidget;
class QTreeWidgetItem;

namespace kiln {
namespace widgets {

class JobManager;
class JobsModel;

// The jobs dock's contents: every job with its stage and a progress bar, a Cancel button that
// stops the selected running job, and the issues (warnings) jobs reported, beside it.
class JobsView : public QWidget {
    Q_OBJECT
public:
    explicit JobsView(JobManager* manager, QWidget* parent = nullptr);

    JobsModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QTreeWidget* issues() const { return m_issues; }
    QPushButton* cancelButton() const { return m_cancel; }
    // Selects the row of a job (a new job is selected so Cancel acts on it at once).
    void selectJob(int id);
    // Cancels the selected job; false when it is not running.
    bool cancelSelected();

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildUi();
    void retranslateUi();
    void updateButtons();
    void addIssue(int id, int severity, const QString& text, const QString& where);
    void showIssue(QTreeWidgetItem* item);
    int selectedJob() const;

    JobManager* m_manager;
    JobsModel* m_model;
    QTableView* m_table = nullptr;
    QTreeWidget* m_issues = nullptr;
    QLabel* m_issuesTitle = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_clear = nullptr;
};

}  // namespace widgets
}  // namespace kiln
