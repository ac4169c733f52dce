#include "widgets/pipeline_graph_view.h"

#include <QEvent>
#include <QHelpEvent>
#include <QToolTip>
#include <QFontMetricsF>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace kiln {
namespace widgets {
namespace {

constexpr qreal kMargin = 12;
constexpr qreal kBoxMinWidth = 96;
constexpr qreal kBoxMaxWidth = 170;
constexpr qreal kBoxHeight = 74;
constexpr qreal kGap = 24;      // between boxes in a row: room for the arrow
constexpr qreal kRowGap = 28;   // between rows
constexpr qreal kLegendHeight = 26;

const kiln::StepStatus kLegendOrder[] = {kiln::StepStatus::Ran, kiln::StepStatus::Cached, kiln::StepStatus::Skipped,
                                         kiln::StepStatus::Failed, kiln::StepStatus::Pending};

}  // namespace

QColor stepStatusColour(kiln::StepStatus status) {
    switch (status) {
    case kiln::StepStatus::Ran: return QColor(0x2e, 0x7d, 0x32);
    case kiln::StepStatus::Cached: return QColor(0x1a, 0x73, 0xe8);
    case kiln::StepStatus::Skipped: return QColor(0x80, 0x86, 0x8b);
    case kiln::StepStatus::Failed: return QColor(0xc5, 0x22, 0x1f);
    case kiln::StepStatus::Running: return QColor(0xb0, 0x60, 0x00);
    case kiln::StepStatus::Pending: break;
    }
    return QColor(0xb0, 0xb4, 0xba);
}

QString stepStatusText(kiln::StepStatus status) {
    switch (status) {
    case kiln::StepStatus::Ran: return PipelineGraphView::tr("ran");
    case kiln::StepStatus::Cached: return PipelineGraphView::tr("reused");
    case kiln::StepStatus::Skipped: return PipelineGraphView::tr("skipped");
    case kiln::StepStatus::Failed: return PipelineGraphView::tr("failed");
    case kiln::StepStatus::Running: return PipelineGraphView::tr("running");
    case kiln::StepStatus::Pending: break;
    }
    return PipelineGraphView::tr("not run");
}

PipelineGraphView::PipelineGraphView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("pipelineGraph"));
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setMouseTracking(true);
}

void PipelineGraphView::setSteps(const QVector<GraphStep>& steps) {
    m_steps = steps;
    if (m_selected >= m_steps.size()) m_selected = -1;
    updateGeometry();
    update();
}

void PipelineGraphView::setSelected(int index) {
    m_selected = index >= 0 && index < m_steps.size() ? index : -1;
    update();
}

int PipelineGraphView::columnsFor(int width) const {
    const int n = std::max(1, int(m_steps.size()));
    const qreal available = width - 2 * kMargin;
    const int fit = int((available + kGap) / (kBoxMinWidth + kGap));
    return std::clamp(fit, 1, n);
}

QRectF PipelineGraphView::boxRectFor(int index, int width) const {
    if (index < 0 || index >= m_steps.size()) return {};
    const int columns = columnsFor(width);
    const qreal available = width - 2 * kMargin;
    const qreal boxWidth = std::clamp((available - (columns - 1) * kGap) / columns, kBoxMinWidth, kBoxMaxWidth);
    const int row = index / columns, column = index % columns;
    return {kMargin + column * (boxWidth + kGap), kMargin + row * (kBoxHeight + kRowGap), boxWidth, kBoxHeight};
}

QRectF PipelineGraphView::boxRect(int index) const {
    return boxRectFor(index, width());
}

int PipelineGraphView::heightForWidth(int width) const {
    const int n = std::max(1, int(m_steps.size()));
    const int columns = columnsFor(width);
    const int rows = (n + columns - 1) / columns;
    return int(2 * kMargin + rows * kBoxHeight + (rows - 1) * kRowGap + kLegendHeight);
}

QSize PipelineGraphView::sizeHint() const {
    const int n = std::max(1, int(m_steps.size()));
    const int width = int(2 * kMargin + n * 140 + (n - 1) * kGap);
    return {width, heightForWidth(width)};
}

QSize PipelineGraphView::minimumSizeHint() const {  // one row; resizeEvent asks for the rows it needs
    return {int(2 * kMargin + kBoxMinWidth), int(2 * kMargin + kBoxHeight + kLegendHeight)};
}

void PipelineGraphView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    // Layouts inside tab pages do not all ask for the height of a width: say it as a minimum.
    const int needed = heightForWidth(width());
    if (minimumHeight() != needed) setMinimumHeight(needed);
}

void PipelineGraphView::paintArrow(QPainter& p, const QRectF& from, const QRectF& to) const {
    QPainterPath path;
    QPointF end;
    QPointF direction;
    if (qFuzzyCompare(from.top(), to.top())) {  // the same row: straight across
        path.moveTo(from.right() + 2, from.center().y());
        end = QPointF(to.left() - 2, to.center().y());
        path.lineTo(end);
        direction = QPointF(1, 0);
    } else {  // the next row: down, across and down again
        const qreal middle = from.bottom() + kRowGap / 2;
        path.moveTo(from.center().x(), from.bottom() + 2);
        path.lineTo(from.center().x(), middle);
        path.lineTo(to.center().x(), middle);
        end = QPointF(to.center().x(), to.top() - 2);
        path.lineTo(end);
        direction = QPointF(0, 1);
    }
    const QColor colour = palette().color(QPalette::Mid);
    p.setPen(QPen(colour, 1.6));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
    const QPointF side(-direction.y(), direction.x());
    QPolygonF head;
    head << end << end - direction * 8 + side * 4.5 << end - direction * 8 - side * 4.5;
    p.setBrush(colour);
    p.setPen(Qt::NoPen);
    p.drawPolygon(head);
}

void PipelineGraphView::paintBox(QPainter& p, int index, const QRectF& box) const {
    const GraphStep& step = m_steps[index];
    const QColor colour = stepStatusColour(step.status);
    QColor fill = colour;
    fill.setAlpha(30);
    const bool selected = index == m_selected;
    p.setPen(QPen(selected ? palette().color(QPalette::Highlight) : colour, selected ? 3.0 : 1.6));
    p.setBrush(palette().color(QPalette::Base));
    p.drawRoundedRect(box, 7, 7);
    p.setBrush(fill);
    p.drawRoundedRect(box, 7, 7);

    const QRectF inner = box.adjusted(10, 7, -10, -6);
    QFont bold = font();
    bold.setBold(true);
    const QFontMetricsF boldMetrics(bold);
    p.setFont(bold);
    p.setPen(palette().color(QPalette::Text));
    QString title = step.name;
    if (step.kind != step.name && !step.kind.isEmpty()) title += QStringLiteral(" (%1)").arg(step.kind);
    p.drawText(QRectF(inner.left(), inner.top(), inner.width(), boldMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
               boldMetrics.elidedText(title, Qt::ElideRight, inner.width()));

    // The status as a small pill.
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.9);
    const QFontMetricsF smallMetrics(small);
    const QString status = stepStatusText(step.status);
    const qreal pillTop = inner.top() + boldMetrics.height() + 4;
    const QRectF pill(inner.left(), pillTop, smallMetrics.horizontalAdvance(status) + 14, smallMetrics.height() + 4);
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
    p.setFont(small);
    p.setPen(Qt::white);
    p.drawText(pill, Qt::AlignCenter, status);

    if (!step.note.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        const QRectF line(inner.left(), pill.bottom() + 3, inner.width(), smallMetrics.height());
        p.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, smallMetrics.elidedText(step.note, Qt::ElideRight, inner.width()));
    }
}

void PipelineGraphView::paintLegend(QPainter& p, qreal top) const {
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.9);
    const QFontMetricsF metrics(small);
    p.setFont(small);
    qreal x = kMargin;
    for (kiln::StepStatus status : kLegendOrder) {
        const QString text = stepStatusText(status);
        p.setPen(Qt::NoPen);
        p.setBrush(stepStatusColour(status));
        p.drawRoundedRect(QRectF(x, top + 6, 12, 12), 3, 3);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRectF(x + 17, top, metrics.horizontalAdvance(text) + 4, 24), Qt::AlignLeft | Qt::AlignVCenter, text);
        x += 17 + metrics.horizontalAdvance(text) + 18;
    }
}

void PipelineGraphView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    if (m_steps.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("The pipeline file declares no steps."));
        return;
    }
    for (int i = 0; i + 1 < m_steps.size(); ++i) paintArrow(p, boxRect(i), boxRect(i + 1));
    qreal bottom = 0;
    for (int i = 0; i < m_steps.size(); ++i) {
        const QRectF box = boxRect(i);
        paintBox(p, i, box);
        bottom = std::max(bottom, box.bottom());
    }
    paintLegend(p, bottom + 6);
}

void PipelineGraphView::mousePressEvent(QMouseEvent* event) {
    for (int i = 0; i < m_steps.size(); ++i)
        if (boxRect(i).contains(event->position())) {
            setSelected(i);
            Q_EMIT stepClicked(i);
            return;
        }
    QWidget::mousePressEvent(event);
}

QString PipelineGraphView::toolTipAt(const QPointF& at) const {
    for (int i = 0; i < m_steps.size(); ++i)
        if (boxRect(i).contains(at)) {
            const GraphStep& step = m_steps[i];
            QString tip = QStringLiteral("%1 (%2): %3").arg(step.name, step.kind, stepStatusText(step.status));
            if (!step.note.isEmpty()) tip += QLatin1Char('\n') + step.note;
            return tip;
        }
    return {};
}

bool PipelineGraphView::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {  // the whole note, which the box elides
        auto* help = static_cast<QHelpEvent*>(event);
        const QString tip = toolTipAt(help->pos());
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, this);
        return true;
    }
    return QWidget::event(event);
}

void PipelineGraphView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange) update();
    QWidget::changeEvent(event);
}

}  // namespace widgets
}  // namespace kiln
