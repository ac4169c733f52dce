#pragma once

#include <QPair>
#include <QString>
#include <QVector>

#include <memory>

#include "widgets/chart_panel.h"

class QChartView;

namespace kiln {
class Table;
struct TableProfile;
}  // namespace kiln

namespace kiln {
namespace widgets {

class ColumnComboBox;

// Horizontal bars of counts: the most frequent values of a categorical, boolean or text column
// (from the profile), or any labelled counts given directly (class balance).
class BarChartView : public ChartPanel {
    Q_OBJECT
public:
    using Counts = QVector<QPair<QString, quint64>>;

    explicit BarChartView(QWidget* parent = nullptr);

    // Offers the table's categorical, boolean and text columns; draws their profile's top values.
    void setProfile(std::shared_ptr<const kiln::Table> table,
                    std::shared_ptr<const kiln::TableProfile> profile);
    bool setColumn(int column);
    // Draws `counts` (largest first is the caller's choice) under `title`; hides the picker.
    void setCounts(const QString& title, const QString& axisTitle, const Counts& counts);
    const Counts& counts() const { return m_counts; }

protected:
    void retranslateUi() override;

private:
    void showColumn();
    void draw();

    std::shared_ptr<const kiln::Table> m_table;
    std::shared_ptr<const kiln::TableProfile> m_profile;
    ColumnComboBox* m_column;
    QChartView* m_view = nullptr;
    Counts m_counts;
    QString m_title, m_axisTitle;
};

}  // namespace widgets
}  // namespace kiln
