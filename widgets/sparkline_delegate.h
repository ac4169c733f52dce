#pragma once

#include <QStyledItemDelegate>

namespace kiln {
namespace widgets {

// Draws a list of counts (the item's `role` data, QList<qreal>) as a small bar sparkline.
class SparklineDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    SparklineDelegate(int role, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    int m_role;
};

}  // namespace widgets
}  // namespace kiln
