#include "widgets/heatmap_canvas.h"

#include <QFontMetrics>
#include <QLinearGradient>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace kiln {
namespace widgets {

struct HeatmapCanvas::Layout {
    QRectF grid;     // the cells
    double cell = 0;
    double labelWidth = 0;
    QRectF title, scale;
};

namespace {

const QColor kNegative(0x2b, 0x6c, 0xb0);
const QColor kZero(0xf7, 0xf7, 0xf7);
const QColor kPositive(0xc0, 0x39, 0x2b);

QColor blend(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

}  // namespace

HeatmapCanvas::HeatmapCanvas(QWidget* parent) : QWidget(parent) {
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, Qt::white);
    setPalette(p);
    setMinimumSize(360, 300);
}

void HeatmapCanvas::setMatrix(const QStringList& names, const QVector<double>& values) {
    m_names = names;
    m_values = values;
    update();
}

void HeatmapCanvas::setTitle(const QString& title) {
    m_title = title;
    update();
}

QSize HeatmapCanvas::sizeHint() const { return {640, 520}; }

QColor HeatmapCanvas::colourFor(double value) {
    if (std::isnan(value)) return QColor(0xd5, 0xd8, 0xdc);
    const double t = std::clamp(value, -1.0, 1.0);
    return t < 0 ? blend(kZero, kNegative, -t) : blend(kZero, kPositive, t);
}

HeatmapCanvas::Layout HeatmapCanvas::layoutFor() const {
    Layout l;
    QFont font = this->font();
    font.setPointSizeF(8.5);
    const QFontMetricsF metrics(font);
    for (const QString& name : m_names) l.labelWidth = std::max(l.labelWidth, metrics.horizontalAdvance(name));
    l.labelWidth = std::min(l.labelWidth + 8, width() * 0.3);
    const double titleHeight = 30, scaleWidth = 70, bottom = l.labelWidth * 0.75 + 8;
    const int n = std::max(1, int(m_names.size()));
    const double side = std::min(width() - l.labelWidth - scaleWidth - 16, height() - titleHeight - bottom - 8);
    l.cell = std::max(4.0, side / n);
    l.grid = QRectF(l.labelWidth + 8, titleHeight, l.cell * n, l.cell * n);
    l.title = QRectF(0, 0, width(), titleHeight);
    l.scale = QRectF(l.grid.right() + 18, l.grid.top(), 14, l.grid.height());
    return l;
}

void HeatmapCanvas::paintCells(QPainter& painter, const Layout& l) const {
    const int n = int(m_names.size());
    QFont font = this->font();
    font.setPointSizeF(std::clamp(l.cell / 4.2, 6.0, 9.5));
    painter.setFont(font);
    const bool writeValues = l.cell >= 26;
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            const double v = m_values.value(i * n + j, NAN);
            const QRectF cell(l.grid.left() + j * l.cell, l.grid.top() + i * l.cell, l.cell, l.cell);
            painter.fillRect(cell.adjusted(0.5, 0.5, -0.5, -0.5), colourFor(v));
            if (!writeValues) continue;
            painter.setPen(std::abs(v) > 0.6 ? Qt::white : QColor(0x22, 0x28, 0x30));
            painter.drawText(cell, Qt::AlignCenter,
                             std::isnan(v) ? QStringLiteral("–") : QString::number(v, 'f', 2));
        }
}

void HeatmapCanvas::paintNames(QPainter& painter, const Layout& l) const {
    QFont font = this->font();
    font.setPointSizeF(8.5);
    painter.setFont(font);
    painter.setPen(QColor(0x3a, 0x40, 0x48));
    const QFontMetricsF metrics(font);
    for (int i = 0; i < m_names.size(); ++i) {
        const QString name = metrics.elidedText(m_names[i], Qt::ElideRight, l.labelWidth - 4);
        const QRectF row(0, l.grid.top() + i * l.cell, l.labelWidth + 2, l.cell);
        painter.drawText(row, Qt::AlignRight | Qt::AlignVCenter, name);
        painter.save();
        painter.translate(l.grid.left() + (i + 0.5) * l.cell + metrics.height() / 3, l.grid.bottom() + 6);
        painter.rotate(45);
        painter.drawText(QPointF(0, 0), name);
        painter.restore();
    }
}

void HeatmapCanvas::paintScale(QPainter& painter, const Layout& l) const {
    QLinearGradient gradient(l.scale.topLeft(), l.scale.bottomLeft());
    gradient.setColorAt(0, kPositive);
    gradient.setColorAt(0.5, kZero);
    gradient.setColorAt(1, kNegative);
    painter.fillRect(l.scale, gradient);
    painter.setPen(QColor(0xa0, 0xa6, 0xad));
    painter.drawRect(l.scale);
    painter.setPen(QColor(0x3a, 0x40, 0x48));
    const double values[] = {1, 0.5, 0, -0.5, -1};
    for (int i = 0; i < 5; ++i) {
        const double y = l.scale.top() + l.scale.height() * i / 4.0;
        painter.drawText(QRectF(l.scale.right() + 4, y - 8, 40, 16), Qt::AlignLeft | Qt::AlignVCenter,
                         QString::number(values[i], 'g', 2));
    }
}

void HeatmapCanvas::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), Qt::white);
    const Layout l = layoutFor();
    QFont titleFont = font();
    titleFont.setPointSizeF(11.5);
    titleFont.setBold(true);
    painter.setFont(titleFont);
    painter.setPen(QColor(0x22, 0x28, 0x30));
    painter.drawText(l.title, Qt::AlignCenter, m_title);
    if (m_names.isEmpty()) return;
    paintCells(painter, l);
    paintNames(painter, l);
    paintScale(painter, l);
}

}  // namespace widgets
}  // namespace kiln
