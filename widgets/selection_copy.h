#pragma once

#include <QString>

class QAbstractItemView;

namespace kiln {
namespace widgets {

// The selected cells of `view` as tab-separated text, one line per row of the selection's bounding
// rectangle (cells outside the selection left empty), as spreadsheets paste it. Reads only the
// selected cells, so a selected column of a million rows costs what a million cells cost.
QString selectedCellsText(const QAbstractItemView& view);

// Puts selectedCellsText on the clipboard; false when nothing is selected.
bool copySelectedCells(const QAbstractItemView& view);

}  // namespace widgets
}  // namespace kiln
