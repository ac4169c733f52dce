#include "widgets/parallel_coordinates_view.h"

#include <QHBoxLayout>

#include "widgets/parallel_coordinates_canvas.h"

namespace kiln {
namespace widgets {

ParallelCoordinatesView::ParallelCoordinatesView(QWidget* parent)
    : ChartPanel(parent), m_canvas(new ParallelCoordinatesCanvas(this)) {
    setObjectName(QStringLiteral("parallelCoordinates"));
    controls()->addStretch(1);
    setCanvas(m_canvas);
    retranslateUi();
}

void ParallelCoordinatesView::setAxes(const QStringList& params, const QString& metric,
                                      bool maximize, const QStringList& categorical) {
    m_canvas->params = params;
    m_canvas->categorical = categorical;
    m_canvas->metric = metric;
    m_canvas->maximize = maximize;
    m_canvas->lines.clear();
    refresh();
}

void ParallelCoordinatesView::setLine(const ParallelLine& line) {
    for (ParallelLine& l : m_canvas->lines)
        if (l.id == line.id) {
            l = line;
            refresh();
            return;
        }
    m_canvas->lines.push_back(line);
    refresh();
}

void ParallelCoordinatesView::clear() {
    m_canvas->lines.clear();
    refresh();
}

bool ParallelCoordinatesView::isCategoryAxis(const QString& name) const {
    return m_canvas->categorical.contains(name);
}

int ParallelCoordinatesView::lineCount() const { return int(m_canvas->lines.size()); }
QStringList ParallelCoordinatesView::axes() const {
    return m_canvas->params + QStringList{m_canvas->metric};
}

void ParallelCoordinatesView::refresh() {
    int withValue = 0;
    for (const ParallelLine& l : m_canvas->lines)
        if (l.metric) ++withValue;
    const int total = lineCount();
    setCaption(total == 0 ? QString()
                          : tr("%1 of %2 trials have a %3 value; colour: %3 (%4 is better)")
                                .arg(withValue)
                                .arg(total)
                                .arg(m_canvas->metric,
                                     m_canvas->maximize ? tr("higher") : tr("lower")));
    m_canvas->update();
    Q_EMIT updated();
}

void ParallelCoordinatesView::retranslateUi() {
    ChartPanel::retranslateUi();
    m_canvas->emptyText = tr("Trials appear here as they start");
    refresh();  // the caption in the language chosen now
}

}  // namespace widgets
}  // namespace kiln
