#pragma once

#include <QAbstractTableModel>

#include <cstdint>
#include <memory>
#include <vector>

namespace kiln {
class Table;
}

namespace kiln {
namespace widgets {

// A virtual table over a stored dataset version: data() reads the memory-mapped columns of the
// visible cells only, so ten million rows cost nothing until they are scrolled to. Missing cells
// read "NA" in grey italics; numbers are right-aligned. The rows shown may be a selection of the
// table's, in another order (sorted and filtered by core/data/row_query.h); the vertical header
// gives each row's number in the table, from 1. The Table is shared and read-only; the model
// belongs to the GUI thread.
class DatasetTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit DatasetTableModel(QObject* parent = nullptr);

    // Shows `table` (nullptr: nothing). Resets the model.
    void setTable(std::shared_ptr<const kiln::Table> table);
    const std::shared_ptr<const kiln::Table>& table() const { return m_table; }
    // Shows only `rows` (table row numbers), in their order; nullptr: every row, in table order.
    void setRows(std::shared_ptr<const std::vector<std::uint64_t>> rows);
    bool showsEveryRow() const { return m_rows == nullptr; }
    // The table row shown at view row `row`.
    std::uint64_t tableRow(int row) const;

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
    std::shared_ptr<const std::vector<std::uint64_t>> m_rows;
};

}  // namespace widgets
}  // namespace kiln
