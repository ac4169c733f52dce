#pragma once

#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>

#include <optional>

#include "widgets/chart_panel.h"

namespace kiln {
namespace widgets {

// One line of a parallel-coordinates plot: a trial's parameter values (text, by axis name) and
// its metric value, if it has one yet.
struct ParallelLine {
    int id = 0;  // the trial number
    QVector<QPair<QString, QString>> values;
    std::optional<double> metric;
};

class ParallelCoordinatesCanvas;

// Parallel coordinates for a sweep: one vertical axis per swept parameter plus the metric, one
// polyline per trial coloured by its metric (a blue-to-yellow scale; the best trial drawn thick
// and the lines without a value yet grey and dashed). Numeric axes are linear, or logarithmic when
// every value is positive and they span more than a factor of 50; text values are categories.
// Lines can be added or updated live (setLine). Saves PNG/SVG through ChartPanel.
class ParallelCoordinatesView : public ChartPanel {
    Q_OBJECT
public:
    explicit ParallelCoordinatesView(QWidget* parent = nullptr);

    // The axes (parameters in order) and the metric; clears the lines.
    // `categorical`: the parameters drawn as categories (a sweep's choices), even of numbers.
    void setAxes(const QStringList& params, const QString& metric, bool maximize,
                 const QStringList& categorical = {});
    // Whether parameter `name`'s axis is drawn as categories.
    bool isCategoryAxis(const QString& name) const;
    // Adds the line `line.id` or replaces it.
    void setLine(const ParallelLine& line);
    void clear();
    int lineCount() const;
    QStringList axes() const;

protected:
    void retranslateUi() override;

private:
    void refresh();
    ParallelCoordinatesCanvas* m_canvas;
};

}  // namespace widgets
}  // namespace kiln
