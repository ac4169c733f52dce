#include "widgets/sparkline_delegate.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>

namespace kiln {
namespace widgets {

SparklineDelegate::SparklineDelegate(int role, QObject* parent)
    : QStyledItemDelegate(parent), m_role(role) {}

void SparklineDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const {
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &background, painter);
    const QList<qreal> counts = index.data(m_role).value<QList<qreal>>();
    if (counts.isEmpty()) return;
    const qreal highest = *std::max_element(counts.begin(), counts.end());
    if (highest <= 0) return;
    const QRectF area = QRectF(option.rect).adjusted(4, 3, -4, -3);
    const qreal width = area.width() / counts.size();
    painter->save();
    const bool selected = option.state & QStyle::State_Selected;
    painter->setPen(Qt::NoPen);
    painter->setBrush(selected ? option.palette.highlightedText().color() : QColor(0x4e, 0x79, 0xa7));
    for (int i = 0; i < counts.size(); ++i) {
        const qreal h = std::max<qreal>(counts[i] > 0 ? 1 : 0, area.height() * counts[i] / highest);
        painter->drawRect(QRectF(area.left() + i * width, area.bottom() - h,
                                 std::max<qreal>(1, width - (width > 3 ? 1 : 0)), h));
    }
    painter->restore();
}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    return QStyledItemDelegate::sizeHint(option, index).expandedTo(QSize(90, 22));
}

}  // namespace widgets
}  // namespace kiln
