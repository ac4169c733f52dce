#pragma once

#include <QAbstractTableModel>

#include <memory>

namespace kiln {
class Table;
}

namespace kiln {
namespace widgets {

// A virtual table over a stored dataset version: data() reads the memory-mapped columns of the
// visible cells only, so ten million rows cost nothing until they are scrolled to. Missing cells
// read "NA" in grey italics; numbers are right-aligned. The vertical header numbers rows from 1.
// The Table is shared and read-only; the model belongs to the GUI thread.
class DatasetTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit DatasetTableModel(QObject* parent = nullptr);

    // Shows `table` (nullptr: nothing). Resets the model.
    void setTable(std::shared_ptr<const kiln::Table> table);
    const std::shared_ptr<const kiln::Table>& table() const { return m_table; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Role giving the cell's numeric value (double; NaN when missing or not numeric).
    static constexpr int NumberRole = Qt::UserRole + 1;
    // Role giving true for a missing cell.
    static constexpr int MissingRole = Qt::UserRole + 2;

private:
    QVariant display(int row, int column) const;
    QVariant columnHeader(int section, int role) const;

    std::shared_ptr<const kiln::Table> m_table;
};

}  // namespace widgets
}  // namespace kiln
