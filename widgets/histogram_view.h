#pragma once

#include <memory>
#include <vector>

#include "core/data/histogram.h"
#include "widgets/chart_panel.h"

class QChartView;
class QSpinBox;

namespace kiln {
class Table;
}

namespace kiln {
namespace widgets {

class ColumnComboBox;

// The distribution of one numeric or date column: a histogram with a column picker and a bins
// control (0: numpy's automatic choice). Counting runs in the pool (summariseNumeric).
class HistogramView : public ChartPanel {
    Q_OBJECT
public:
    explicit HistogramView(QWidget* parent = nullptr);

    void setTable(std::shared_ptr<const kiln::Table> table);
    // Chooses the column by index; false when it cannot be drawn as a histogram.
    bool setColumn(int column);
    int column() const;
    void setBins(int bins);
    int bins() const;
    // The histogram drawn now (empty before the first result).
    const kiln::Histogram& histogram() const { return m_histogram; }

protected:
    void retranslateUi() override;

public:
    struct Result;  // one computation's outcome (defined in the .cpp)

private:
    void recompute();
    void showResult(const Result& result);
    void draw();
    // The bin under `value` (in the column's units): its range, count and share.
    QString binTip(double value, bool dates) const;

    std::shared_ptr<const kiln::Table> m_table;
    ColumnComboBox* m_column;
    QSpinBox* m_bins;
    QChartView* m_view = nullptr;
    kiln::Histogram m_histogram;
    int m_shownColumn = -1;
    int m_generation = 0;
};

}  // namespace widgets
}  // namespace kiln
