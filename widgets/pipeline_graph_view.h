#pragma once

#include <QColor>
#include <QRectF>
#include <QString>
#include <QVector>
#include <QWidget>

#include "core/pipeline/pipeline_store.h"

namespace kiln {
namespace widgets {

// One box of the graph: a step of the pipeline file and what became of it in the run shown.
struct GraphStep {
    QString name, kind;
    kiln::StepStatus status = kiln::StepStatus::Pending;
    QString note;  // one short line under the status: the reason, elided to fit
};

// The colour a step status is drawn in (ran green, cached blue, skipped grey, failed red, …).
QColor stepStatusColour(kiln::StepStatus status);
// The status as a person reads it ("ran", "reused", …), translated.
QString stepStatusText(kiln::StepStatus status);

// A pipeline's steps as a graph: one box per step in the file's order, joined by arrows (each
// step reads what the ones before it made), coloured by status, wrapped onto more rows when the
// page is narrow, with a legend of the colours below. Clicking a box selects it (stepClicked).
class PipelineGraphView : public QWidget {
    Q_OBJECT
public:
    explicit PipelineGraphView(QWidget* parent = nullptr);

    void setSteps(const QVector<GraphStep>& steps);
    const QVector<GraphStep>& steps() const { return m_steps; }
    void setSelected(int index);
    int selected() const { return m_selected; }
    // Where box `index` is drawn (for tests and clicks); empty when there is no such box.
    QRectF boxRect(int index) const;
    // What hovering `at` shows: the step, its status and its whole note; empty off the boxes.
    QString toolTipAt(const QPointF& at) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

Q_SIGNALS:
    void stepClicked(int index);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    int columnsFor(int width) const;
    QRectF boxRectFor(int index, int width) const;
    void paintBox(class QPainter& p, int index, const QRectF& box) const;
    void paintArrow(class QPainter& p, const QRectF& from, const QRectF& to) const;
    void paintLegend(class QPainter& p, qreal top) const;

    QVector<GraphStep> m_steps;
    int m_selected = -1;
};

}  // namespace widgets
}  // namespace kiln
