#pragma once

#include <QStyledItemDelegate>

namespace kiln {
namespace widgets {

// Draws a progress bar from JobsModel::FractionRole (a busy bar when the total is unknown),
// with the cell's display text on it.
class ProgressDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

}  // namespace widgets
}  // namespace kiln
