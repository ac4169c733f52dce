#pragma once

// Internal to ParallelCoordinatesView: the plot it paints.
#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>

#include "widgets/parallel_coordinates_view.h"

class QPaintEvent;

namespace kiln {
namespace widgets {

// The painted plot (a plain widget, so ChartPanel's PNG and SVG saving render it as drawn).
class ParallelCoordinatesCanvas : public QWidget {
public:
    explicit ParallelCoordinatesCanvas(QWidget* parent) : QWidget(parent) {
        setMinimumSize(480, 300);
        setAttribute(Qt::WA_OpaquePaintEvent);
    }

    QStringList params;
    QStringList categorical;  // parameters drawn as categories whatever their values (a choice of 4|8|16)
    QString metric;
    bool maximize = false;
    QVector<ParallelLine> lines;
    QString emptyText;

protected:
    void paintEvent(QPaintEvent*) override;
};

}  // namespace widgets
}  // namespace kiln
