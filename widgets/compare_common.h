#pragma once

// Internal to the Compare tab's files (compare_view, compare_curves_panel, param_metric_scatter,
// compare_reader): small helpers they share.
#include <QChart>
#include <QList>
#include <QPointF>
#include <QString>

#include <algorithm>
#include <string>

namespace kiln {
namespace widgets {

inline QString q(const std::string& s) {
    return QString::fromStdString(s);
}

// Removes every series and axis of `chart` (the axes are deleted).
inline void clearChart(QChart* chart) {
    chart->removeAllSeries();
    for (QAbstractAxis* a : chart->axes()) {
        chart->removeAxis(a);
        delete a;
    }
}

// The extent of the points drawn (empty while xmin > xmax).
struct PlotBounds {
    double xmin = 1e300, xmax = -1e300, ymin = 1e300, ymax = -1e300;

    void include(double x, double y) {
        xmin = std::min(xmin, x);
        xmax = std::max(xmax, x);
        ymin = std::min(ymin, y);
        ymax = std::max(ymax, y);
    }
    void include(const QList<QPointF>& points) {
        for (const QPointF& p : points) include(p.x(), p.y());
    }
};

}  // namespace widgets
}  // namespace kiln
