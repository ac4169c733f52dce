#pragma once

#include <QString>
#include <QVector>

#include <memory>

#include "widgets/chart_panel.h"

class QChartView;

namespace kiln {
class Table;
}

namespace kiln {
namespace widgets {

class ColumnComboBox;

// One box of a box plot: quartiles, whiskers at the furthest values within 1.5 IQR of the box,
// and how many values lie beyond them.
struct BoxStats {
    QString group;
    double lowWhisker = 0, q1 = 0, median = 0, q3 = 0, highWhisker = 0;
    quint64 count = 0, outliers = 0;
    QVector<double> outlierValues;  // drawn as points: all of them, or kMaxOutlierPoints spread evenly
};

// Box plots of a numeric column, optionally one box per value of a categorical or boolean
// column (the twelve most frequent). Quartiles are exact (numpy's linear interpolation),
// computed in the pool.
class BoxPlotView : public ChartPanel {
    Q_OBJECT
public:
    explicit BoxPlotView(QWidget* parent = nullptr);

    void setTable(std::shared_ptr<const kiln::Table> table);
    bool setColumn(int column);
    // -1: no split.
    bool setSplitColumn(int column);
    const QVector<BoxStats>& boxes() const { return m_boxes; }
    QChartView* chartView() const { return m_view; }

protected:
    void retranslateUi() override;

public:
    struct Result;  // one computation's outcome (defined in the .cpp)

private:
    void recompute();
    void showResult(const Result& result);
    void draw();
    void showCaption();  // what the boxes show, in the language chosen now

    std::shared_ptr<const kiln::Table> m_table;
    ColumnComboBox* m_column;
    ColumnComboBox* m_split;
    QChartView* m_view = nullptr;
    QVector<BoxStats> m_boxes;
    QString m_error;
    QString m_valueName, m_splitName;
    int m_generation = 0;
};

}  // namespace widgets
}  // namespace kiln
