#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QTableView;

namespace kiln {
struct TableProfile;
struct ColumnProfile;
}

namespace kiln {
namespace widgets {

class ColumnProfileModel;

// The column profile beside a dataset's table: every column's type, missing, distinct,
// mean/std/min/max and a histogram sparkline; below it the selected column's quantiles,
// outliers and most frequent values. Shows a status line until the profile arrives. A narrow
// panel (a laptop window) leaves out the type, std, the sparkline, distinct and mean, in that
// order, so that the columns that stay are never cut (each is also below the list).
class ColumnProfilePanel : public QWidget {
    Q_OBJECT
public:
    explicit ColumnProfilePanel(QWidget* parent = nullptr);

    void setProfile(std::shared_ptr<const kiln::TableProfile> profile);
    // A line shown above the list ("Profiling…", an error, or how long the profile took).
    void setStatus(const QString& text);
    void selectColumn(int index);
    QTableView* view() const { return m_view; }
    ColumnProfileModel* model() const { return m_model; }
    QString detailsText() const;

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void showDetails();
    void fitColumns();
    QString numericDetails(int row) const;
    QString categoryDetails(int row) const;
    QString infiniteDetails(const kiln::ColumnProfile& column) const;  // a row when it has ±inf

    ColumnProfileModel* m_model;
    QTableView* m_view;
    QLabel* m_status;
    QLabel* m_details;
};

}  // namespace widgets
}  // namespace kiln
