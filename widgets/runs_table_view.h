#pragma once

#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QToolButton;

namespace kiln {
namespace widgets {

class RunsFilterProxy;
class RunsTableModel;

// The Runs tab: every run of the workspace as a sortable, filterable table (a filter line with
// status, dataset and text), columns chosen from a menu (params and final metrics), and Compare
// for the selected runs. The runs are read in the pool; thousands of rows stay smooth (uniform
// row heights, no per-row widgets).
class RunsTableView : public QWidget {
    Q_OBJECT
public:
    explicit RunsTableView(QWidget* parent = nullptr);

    // Reads the runs of the workspace at `dir` (in the pool); loaded() when shown.
    void setWorkspace(const QString& dir);
    void reload();

    RunsTableModel* model() const { return m_model; }
    RunsFilterProxy* proxy() const { return m_proxy; }
    QTableView* table() const { return m_table; }
    QLineEdit* filterEdit() const { return m_text; }
    QComboBox* statusFilter() const { return m_status; }
    QComboBox* datasetFilter() const { return m_dataset; }
    // The selected runs' ids, in the table's order.
    QStringList selectedRunIds() const;
    // Selects the runs of `ids` (those shown).
    void selectRuns(const QStringList& ids);
    bool isLoading() const { return m_loading; }

Q_SIGNALS:
    void loaded(int runs);
    // Compare was asked for these runs.
    void compareRequested(const QStringList& runIds);
    void runActivated(const QString& runId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateFilterChoices();
    void updateCount();
    void showColumnMenu();

    QString m_dir;
    RunsTableModel* m_model;
    RunsFilterProxy* m_proxy;
    QTableView* m_table;
    QLineEdit* m_text;
    QComboBox* m_status;
    QComboBox* m_dataset;
    QToolButton* m_columns;
    QToolButton* m_refresh;
    QPushButton* m_compare;
    QLabel* m_count;
    bool m_loading = false;
    int m_request = 0;
};

}  // namespace widgets
}  // namespace kiln
