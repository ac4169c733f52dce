#pragma once

#include <QString>
#include <QWidget>

class QHeaderView;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace kiln {
namespace widgets {

class DatasetTableModel;

// The bar above a dataset's table that filters and sorts its rows: a filter written as
// "Ozone > 50 and Month = 5" (or any text, searched in every cell; core/data/row_query.h), the
// sort a click on a column header sets (ascending, descending, none), how many rows show, and
// Clear. The rows are chosen in the pool on the mapped columns and handed to the model as a row
// list, so a million rows are never loaded into the view.
class TableQueryBar : public QWidget {
    Q_OBJECT
public:
    TableQueryBar(DatasetTableModel* model, QHeaderView* header, QWidget* parent = nullptr);

    // The table changed: no filter, no sort.
    void reset();
    // What typing and clicking do, for scripts and tests (each runs the query at once).
    void setFilterText(const QString& text);
    void sortBy(int column, Qt::SortOrder order);  // column -1: table order
    void clear();

    bool isBusy() const { return m_busy; }
    QString statusText() const;
    QString errorText() const { return m_error; }
    QLineEdit* filterEdit() const { return m_filter; }

Q_SIGNALS:
    // The rows shown changed (or the filter could not be read: errorText()).
    void applied();

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void run();
    void forgetQuery();  // no filter, no sort (nothing run)
    void showStatus();
    void setStatusText(const QString& text);  // shown elided to the label's width
    void retranslateUi();
    QString exampleFilter() const;

    DatasetTableModel* m_model;
    QHeaderView* m_header;
    QLabel* m_label = nullptr;
    QLineEdit* m_filter = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_clear = nullptr;
    QTimer* m_typing = nullptr;
    QString m_error;
    QString m_statusText;
    int m_sortColumn = -1;
    bool m_descending = false;
    bool m_busy = false;
    int m_generation = 0;
};

}  // namespace widgets
}  // namespace kiln
