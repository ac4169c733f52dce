#pragma once

#include <QMap>
#include <QSet>
#include <QStringList>
#include <QTableWidget>

#include "core/data/csv_import.h"
#include "core/data/csv_preview.h"

namespace kiln {
namespace studio {

// The import preview's list of columns with what the user chose for each: whether it is
// imported, its name (edited in place), the type it is read as and, for categories, the order
// of their values (CategoryOrderDialog). Choices are kept by the column's name in the file, so
// they survive each new preview; options are written as the import (and `kiln import`) take them.
class ColumnChoicesTable : public QTableWidget {
    Q_OBJECT
public:
    enum Column { ImportColumn, NameColumn, DetectedColumn, TypeColumn, OrderColumn };

    explicit ColumnChoicesTable(QWidget* parent = nullptr);

    // Lists the columns of `preview`; choices of columns it no longer has are dropped.
    void showColumns(const kiln::TablePreview& preview);
    // Forgets every choice (another delimiter makes other columns).
    void clearChoices();
    // Adds the choices to `options`: types, renames, skipped columns and category orders.
    void addTo(kiln::ImportOptions& options) const;

    // What the controls do, for scripts and tests; `column` is the name in the file.
    // `type` as the import reads it ("integer", "date-dmy", …); empty: as detected.
    void setColumnType(const QString& column, const QString& type);
    void setColumnName(const QString& column, const QString& name);  // the file's name: no rename
    void setColumnSkipped(const QString& column, bool skipped);
    void setCategoryOrder(const QString& column, const QStringList& levels);  // empty: no order
    // Opens the order editor for `column` (what its "Order…" button does).
    void editOrder(const QString& column);

    void retranslate();

Q_SIGNALS:
    // A choice changed: the preview should be read again.
    void choicesChanged();

private:
    void fill();
    void fillRow(int row, const kiln::ColumnSpec& spec);
    QWidget* orderButton(const kiln::ColumnSpec& spec, const QStringList& values);
    void takeEdit(QTableWidgetItem* item);
    QStringList valuesOf(const QString& column) const;
    QString typeChoiceText(const QString& type) const;  // "" is "as detected"

    kiln::TablePreview m_preview;
    QMap<QString, QString> m_detected;  // file name → type name as first inferred
    QMap<QString, QString> m_types;
    QMap<QString, QString> m_names;
    QSet<QString> m_skipped;
    QMap<QString, QStringList> m_orders;
    bool m_filling = false;
};

}  // namespace studio
}  // namespace kiln
