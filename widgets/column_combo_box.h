#pragma once

#include <QComboBox>

#include <functional>
#include <memory>

#include "core/data/column_type.h"

namespace kiln {
class Table;
}

namespace kiln {
namespace widgets {

// A combo box of a table's columns (name and type), limited to the types a chart can use, with
// an optional "none" entry first. The item data is the column's index (-1 for "none").
class ColumnComboBox : public QComboBox {
    Q_OBJECT
public:
    using TypeFilter = std::function<bool(kiln::ColumnType)>;

    explicit ColumnComboBox(QWidget* parent = nullptr);

    // Lists the columns of `table` that pass `filter`; `noneText` (when not empty) comes first.
    void setTable(const std::shared_ptr<const kiln::Table>& table, TypeFilter filter,
                  const QString& noneText = {});
    // The chosen column's index, or -1.
    int currentColumn() const;
    // Chooses the column with index `column`; false when it is not listed.
    bool setCurrentColumn(int column);
    // Chooses the listed column named `name`; false when it is not listed.
    bool setCurrentColumnName(const QString& name);
    // Renames the "none" entry (after a language change).
    void setNoneText(const QString& text);

    static bool isNumberLike(kiln::ColumnType type);    // integer, float, boolean, date, datetime
    static bool isGroupLike(kiln::ColumnType type);     // categorical, boolean
    static bool isMeasurement(kiln::ColumnType type);   // integer, float, date, datetime
};

}  // namespace widgets
}  // namespace kiln
