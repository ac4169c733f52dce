#pragma once

#include <QComboBox>

#include <functional>
#include <memory>

#include "core/data/column_type.h"

namespace kiln {
class ColumnView;
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
    using ColumnFilter = std::function<bool(const kiln::ColumnView&)>;

    explicit ColumnComboBox(QWidget* parent = nullptr);

    // Lists the columns of `table` that pass `filter`; `noneText` (when not empty) comes first.
    void setTable(const std::shared_ptr<const kiln::Table>& table, TypeFilter filter,
                  const QString& noneText = {});
    void setTable(const std::shared_ptr<const kiln::Table>& table, ColumnFilter filter,
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
    // Whole numbers taking at most kMaxGroupValues values (Month, cyl, Diet), read from an even
    // sample of at most 100,000 rows: groups for "split by" and "colour by", not ranges.
    static constexpr int kMaxGroupValues = 12;
    static bool isFewWholeNumbers(const kiln::ColumnView& column);
    // Categorical, boolean, or few whole numbers.
    static bool isGroupColumn(const kiln::ColumnView& column);
};

}  // namespace widgets
}  // namespace kiln
