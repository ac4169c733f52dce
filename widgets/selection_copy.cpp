#include "widgets/selection_copy.h"

#include <QAbstractItemView>
#include <QClipboard>
#include <QGuiApplication>
#include <QItemSelectionModel>

#include <algorithm>
#include <climits>

namespace kiln {
namespace widgets {

QString selectedCellsText(const QAbstractItemView& view) {
    const QItemSelectionModel* selection = view.selectionModel();
    if (!selection || !selection->hasSelection()) return {};
    int top = INT_MAX, bottom = -1, left = INT_MAX, right = -1;
    for (const QItemSelectionRange& range : selection->selection()) {
        top = std::min(top, range.top());
        bottom = std::max(bottom, range.bottom());
        left = std::min(left, range.left());
        right = std::max(right, range.right());
    }
    const QAbstractItemModel* model = view.model();
    QString text;
    for (int row = top; row <= bottom; ++row) {
        for (int column = left; column <= right; ++column) {
            if (column > left) text += QLatin1Char('\t');
            const QModelIndex index = model->index(row, column);
            if (selection->isSelected(index)) text += model->data(index, Qt::DisplayRole).toString();
        }
        text += QLatin1Char('\n');
    }
    return text;
}

bool copySelectedCells(const QAbstractItemView& view) {
    const QString text = selectedCellsText(view);
    if (text.isEmpty()) return false;
    QGuiApplication::clipboard()->setText(text);
    return true;
}

}  // namespace widgets
}  // namespace kiln
