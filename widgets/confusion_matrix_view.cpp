#include "widgets/confusion_matrix_view.h"

#include <QEvent>
#include <QFontMetrics>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace kiln {
namespace widgets {

struct ConfusionMatrixView::Layout {
    QRect title;
    QRect grid;  // the cells
    int cell = 0;
    int nameWidth = 0;
    bool turned = false;  // column names read upwards: they are wider than a cell
    int below = 0;        // the height of the column names under the grid
};

ConfusionMatrixView::ConfusionMatrixView(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

void ConfusionMatrixView::setMatrix(const QStringList& classes, const QVector<qint64>& counts) {
    m_classes = classes;
    m_counts = counts;
    m_counts.resize(classes.size() * classes.size());
    updateGeometry();
    update();
}

void ConfusionMatrixView::setSharesFirst(bool shares) {
    m_sharesFirst = shares;
    update();
}

namespace {

QFont smallerFont(const QFont& font) {
    QFont small = font;
    small.setPointSizeF(std::max(6.0, font.pointSizeF() - 1.5));
    return small;
}

QFont boldFont(const QFont& font) {
    QFont bold = font;
    bold.setBold(true);
    return bold;
}

QString percent(double share) { return QString::number(100.0 * share, 'f', 0) + QLatin1Char('%'); }

}  // namespace

bool ConfusionMatrixView::turnsColumnNames() const { return layoutFor().turned; }

bool ConfusionMatrixView::showsBothNumbers() const {
    const Layout l = layoutFor();
    return l.cell >= QFontMetrics(boldFont(font())).height() + QFontMetrics(smallerFont(font())).height() + 4;
}

QString ConfusionMatrixView::cellTip(int actual, int predicted) const {
    const int k = m_classes.size();
    if (actual < 0 || predicted < 0 || actual >= k || predicted >= k) return {};
    return tr("Actual %1, predicted %2: %n row(s) (%3 of actual %1)", nullptr, int(count(actual, predicted)))
        .arg(m_classes[actual], m_classes[predicted], percent(rowShare(actual, predicted)));
}

QPoint ConfusionMatrixView::cellAt(const QPoint& point) const {
    const Layout l = layoutFor();
    if (m_classes.isEmpty() || !l.grid.contains(point) || l.cell <= 0) return {-1, -1};
    return {(point.y() - l.grid.top()) / l.cell, (point.x() - l.grid.left()) / l.cell};
}

bool ConfusionMatrixView::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        const QPoint cell = cellAt(static_cast<QHelpEvent*>(event)->pos());
        const QString tip = cellTip(cell.x(), cell.y());
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(static_cast<QHelpEvent*>(event)->globalPos(), tip, this);
        return true;
    }
    return QWidget::event(event);
}

void ConfusionMatrixView::setTitle(const QString& title) {
    m_title = title;
    update();
}

qint64 ConfusionMatrixView::count(int actual, int predicted) const {
    const int k = m_classes.size();
    if (actual < 0 || predicted < 0 || actual >= k || predicted >= k) return 0;
    return m_counts[actual * k + predicted];
}

double ConfusionMatrixView::rowShare(int actual, int predicted) const {
    qint64 total = 0;
    for (int c = 0; c < m_classes.size(); ++c) total += count(actual, c);
    return total > 0 ? double(count(actual, predicted)) / double(total) : 0.0;
}

QColor ConfusionMatrixView::colourFor(double share) {
    // White to Kiln blue.
    const double t = std::clamp(share, 0.0, 1.0);
    const QColor low(0xf7, 0xfb, 0xff), high(0x08, 0x45, 0x94);
    return QColor::fromRgbF(float(low.redF() + t * (high.redF() - low.redF())),
                            float(low.greenF() + t * (high.greenF() - low.greenF())),
                            float(low.blueF() + t * (high.blueF() - low.blueF())));
}

QSize ConfusionMatrixView::sizeHint() const {
    return QSize(420, 380);
}

QSize ConfusionMatrixView::minimumSizeHint() const {
    return QSize(220, 200);
}

ConfusionMatrixView::Layout ConfusionMatrixView::layoutFor() const {
    Layout l;
    const QFontMetrics fm(font());
    const int line = fm.height();
    l.title = QRect(0, 4, width(), line + 6);
    int names = 0;
    for (const QString& name : m_classes) names = std::max(names, fm.horizontalAdvance(name));
    l.nameWidth = std::min(names + 8, width() / 3);
    // Left: axis title (rotated) and class names; bottom: class names and axis title.
    const int left = line + 14 + l.nameWidth;
    const int top = l.title.bottom() + 8;
    const int k = std::max(1, int(m_classes.size()));
    auto cellFor = [&](int below) {
        return std::max(8, std::min((width() - left - 12) / k, (height() - top - below - line - 12) / k));
    };
    l.below = line + 4;
    l.cell = cellFor(l.below);
    if (names > l.cell - 2) {  // "versicolor" under a narrow cell: turned, not cut to "vers…"
        l.turned = true;
        l.below = std::min(names + 8, height() / 3);
        l.cell = cellFor(l.below);
    }
    const int side = l.cell * k;
    const int x = left + std::max(0, (width() - left - 12 - side) / 2);
    l.grid = QRect(x, top, side, side);
    return l;
}

void ConfusionMatrixView::paintCells(QPainter& painter, const Layout& l) const {
    const int k = m_classes.size();
    const QFont bold = boldFont(font());
    const QFont small = smallerFont(font());
    const bool roomy = showsBothNumbers();
    for (int r = 0; r < k; ++r) {
        for (int c = 0; c < k; ++c) {
            const QRect cell(l.grid.left() + c * l.cell, l.grid.top() + r * l.cell, l.cell, l.cell);
            const double share = rowShare(r, c);
            const QColor fill = colourFor(share);
            painter.fillRect(cell, fill);
            painter.setPen(QColor(0xff, 0xff, 0xff));
            painter.drawRect(cell.adjusted(0, 0, -1, -1));
            painter.setPen(share > 0.5 ? QColor(Qt::white) : QColor(0x20, 0x21, 0x24));
            const QString number = QString::number(count(r, c));
            const QString main = m_sharesFirst ? percent(share) : number;
            if (!roomy) {  // shares without their "%" (the title says so), to fit
                painter.setFont(m_sharesFirst ? small : bold);
                painter.drawText(cell, Qt::AlignCenter,
                                 m_sharesFirst ? QString::number(std::lround(100.0 * share)) : main);
                continue;
            }
            const QRect upper = cell.adjusted(0, 0, 0, -cell.height() / 2);
            const QRect lower = cell.adjusted(0, cell.height() / 2, 0, 0);
            painter.setFont(bold);
            painter.drawText(upper, Qt::AlignHCenter | Qt::AlignBottom, main);
            painter.setFont(small);
            painter.drawText(lower, Qt::AlignHCenter | Qt::AlignTop, m_sharesFirst ? number : percent(share));
        }
    }
    painter.setFont(font());
}

void ConfusionMatrixView::paintNames(QPainter& painter, const Layout& l) const {
    const QFontMetrics fm(font());
    const int k = m_classes.size();
    painter.setPen(palette().color(QPalette::Text));
    for (int i = 0; i < k; ++i) {
        const QString name = fm.elidedText(m_classes[i], Qt::ElideRight, l.nameWidth - 4);
        const QRect row(l.grid.left() - l.nameWidth - 4, l.grid.top() + i * l.cell, l.nameWidth,
                        l.cell);
        painter.drawText(row, Qt::AlignRight | Qt::AlignVCenter, name);
        if (l.turned) {  // reading upwards, ending at the grid
            const QString column = fm.elidedText(m_classes[i], Qt::ElideRight, l.below - 6);
            painter.save();
            painter.translate(l.grid.left() + i * l.cell + l.cell / 2, l.grid.bottom() + 4);
            painter.rotate(-90);
            painter.drawText(QRect(-(l.below - 4), -fm.height() / 2, l.below - 4, fm.height()),
                             Qt::AlignRight | Qt::AlignVCenter, column);
            painter.restore();
            continue;
        }
        const QString column = fm.elidedText(m_classes[i], Qt::ElideRight, l.cell - 2);
        const QRect below(l.grid.left() + i * l.cell, l.grid.bottom() + 4, l.cell, fm.height());
        painter.drawText(below, Qt::AlignHCenter | Qt::AlignTop, column);
    }
    QFont axis = font();
    axis.setBold(true);
    painter.setFont(axis);
    // Centred under the grid, as wide as it needs (a small grid is narrower than its title).
    const int titleWidth = std::max(l.grid.width(), QFontMetrics(axis).horizontalAdvance(tr("Predicted class")) + 8);
    const QRect predicted(l.grid.center().x() - titleWidth / 2, l.grid.bottom() + l.below + 4, titleWidth,
                          fm.height() + 4);
    painter.drawText(predicted, Qt::AlignCenter, tr("Predicted class"));
    painter.save();
    painter.translate(l.grid.left() - l.nameWidth - 8, l.grid.center().y());
    painter.rotate(-90);
    painter.drawText(
        QRect(-l.grid.height() / 2, -fm.height() - 2, l.grid.height(), fm.height() + 2),
        Qt::AlignCenter, tr("Actual class"));
    painter.restore();
    QFont title = font();
    title.setBold(true);
    title.setPointSizeF(font().pointSizeF() + 1);
    painter.setFont(title);
    const bool bare = m_sharesFirst && !showsBothNumbers();
    painter.drawText(l.title, Qt::AlignCenter, bare ? tr("%1 (% of each actual class)").arg(m_title) : m_title);
    painter.setFont(font());
}

void ConfusionMatrixView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const Layout l = layoutFor();
    if (m_classes.isEmpty()) {
        painter.setPen(palette().color(QPalette::Disabled, QPalette::Text));
        painter.drawText(rect(), Qt::AlignCenter, tr("No confusion matrix"));
        return;
    }
    paintCells(painter, l);
    paintNames(painter, l);
}

void ConfusionMatrixView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) update();
    QWidget::changeEvent(event);
}

}  // namespace widgets
}  // namespace kiln
