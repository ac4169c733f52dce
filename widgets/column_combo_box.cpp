#include "widgets/column_combo_box.h"

#include "widgets/column_type_text.h"

#include <algorithm>
#include <set>

#include "core/data/table.h"

namespace kiln {
namespace widgets {

ColumnComboBox::ColumnComboBox(QWidget* parent) : QComboBox(parent) {
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setMinimumContentsLength(10);
}

void ColumnComboBox::setTable(const std::shared_ptr<const kiln::Table>& table, TypeFilter filter,
                              const QString& noneText) {
    setTable(table, ColumnFilter([filter](const kiln::ColumnView& c) { return !filter || filter(c.info().type); }),
             noneText);
}

void ColumnComboBox::setTable(const std::shared_ptr<const kiln::Table>& table, ColumnFilter filter,
                              const QString& noneText) {
    const QSignalBlocker blocker(this);
    clear();
    if (!noneText.isEmpty()) addItem(noneText, -1);
    if (!table) return;
    for (std::size_t i = 0; i < table->columnCount(); ++i) {
        const kiln::ColumnInfo& info = table->column(i).info();
        if (filter && !filter(table->column(i))) continue;
        addItem(QString::fromStdString(info.name), int(i));
        setItemData(count() - 1, columnTypeText(info.type),
                    Qt::ToolTipRole);
    }
}

int ColumnComboBox::currentColumn() const {
    return currentIndex() < 0 ? -1 : currentData().toInt();
}

bool ColumnComboBox::setCurrentColumn(int column) {
    const int index = findData(column);
    if (index < 0) return false;
    setCurrentIndex(index);
    return true;
}

bool ColumnComboBox::setCurrentColumnName(const QString& name) {
    for (int i = 0; i < count(); ++i)
        if (itemData(i).toInt() >= 0 && itemText(i) == name) {
            setCurrentIndex(i);
            return true;
        }
    return false;
}

void ColumnComboBox::setNoneText(const QString& text) {
    const int index = findData(-1);
    if (index >= 0) setItemText(index, text);
}

bool ColumnComboBox::isFewWholeNumbers(const kiln::ColumnView& column) {
    if (column.info().type != kiln::ColumnType::Integer || column.rows() == 0) return false;
    constexpr std::uint64_t kSample = 100000;
    const std::uint64_t rows = column.rows(), n = std::min(rows, kSample);
    std::set<std::int64_t> seen;
    for (std::uint64_t i = 0; i < n; ++i) {
        const std::uint64_t row = rows <= kSample ? i : i * rows / n;
        if (column.isMissing(row)) continue;
        seen.insert(column.int64s()[row]);
        if (int(seen.size()) > kMaxGroupValues) return false;
    }
    return seen.size() >= 2;
}

bool ColumnComboBox::isGroupColumn(const kiln::ColumnView& column) {
    return isGroupLike(column.info().type) || isFewWholeNumbers(column);
}

bool ColumnComboBox::isNumberLike(kiln::ColumnType type) {
    return type != kiln::ColumnType::Categorical && type != kiln::ColumnType::Text;
}

bool ColumnComboBox::isGroupLike(kiln::ColumnType type) {
    return type == kiln::ColumnType::Categorical || type == kiln::ColumnType::Boolean;
}

bool ColumnComboBox::isMeasurement(kiln::ColumnType type) {
    return type == kiln::ColumnType::Integer || type == kiln::ColumnType::Float ||
           type == kiln::ColumnType::Date || type == kiln::ColumnType::DateTime;
}

}  // namespace widgets
}  // namespace kiln
