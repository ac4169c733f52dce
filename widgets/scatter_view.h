#pragma once

#include <QPointF>
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

// One coloured group of scatter points.
struct ScatterGroup {
    QString name;
    QVector<QPointF> points;
};

// A scatter plot of two numeric columns, coloured by a third (categories, booleans, or five
// equal-width ranges of a number). Big tables are downsampled deterministically to every k-th
// row (at most kMaxPoints points) in the pool, so the same data always draws the same picture.
class ScatterView : public ChartPanel {
    Q_OBJECT
public:
    static constexpr int kMaxPoints = 4000;

    explicit ScatterView(QWidget* parent = nullptr);

    void setTable(std::shared_ptr<const kiln::Table> table);
    // Chooses the columns by index (colour -1: one colour); false when one cannot be used.
    bool setColumns(int x, int y, int colour = -1);
    const QVector<ScatterGroup>& groups() const { return m_groups; }
    int pointCount() const;
    QChartView* chartView() const { return m_view; }

protected:
    void retranslateUi() override;

public:
    struct Result;  // one computation's outcome (defined in the .cpp)

private:
    void recompute();
    void showResult(const Result& result);
    void draw();

    std::shared_ptr<const kiln::Table> m_table;
    ColumnComboBox* m_x;
    ColumnComboBox* m_y;
    ColumnComboBox* m_colour;
    QChartView* m_view = nullptr;
    QVector<ScatterGroup> m_groups;
    QString m_xName, m_yName, m_colourName;
    int m_generation = 0;
};

}  // namespace widgets
}  // namespace kiln
