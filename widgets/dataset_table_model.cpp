#include "widgets/dataset_table_model.h"

#include "widgets/column_type_text.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QPalette>

#include <cmath>
#include <limits>

#include "core/data/table.h"

namespace kiln {
namespace widgets {
namespace {

// Qt's item views address rows with int; larger tables show their first INT_MAX rows.
constexpr std::uint64_t kMaxRows = std::uint64_t(std::numeric_limits<int>::max());

bool rightAligned(kiln::ColumnType type) {
    switch (type) {
        case kiln::ColumnType::Integer:
        case kiln::ColumnType::Float:
        case kiln::ColumnType::Date:
        case kiln::ColumnType::DateTime:
            return true;
        default:
            return false;
    }
}

QString formatNumber(double value, kiln::ColumnType type) {
    if (type == kiln::ColumnType::Integer) return QString::number(qint64(value));
    return QString::number(value, 'g', 10);
}

}  // namespace

DatasetTableModel::DatasetTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void DatasetTableModel::setTable(std::shared_ptr<const kiln::Table> table) {
    beginResetModel();
    m_table = std::move(table);
    m_rows.reset();
    endResetModel();
}

void DatasetTableModel::setRows(std::shared_ptr<const std::vector<std::uint64_t>> rows) {
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

std::uint64_t DatasetTableModel::tableRow(int row) const {
    return m_rows ? (*m_rows)[std::size_t(row)] : std::uint64_t(row);
}

int DatasetTableModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !m_table) return 0;
    return int(std::min(m_rows ? std::uint64_t(m_rows->size()) : m_table->rows(), kMaxRows));
}

int DatasetTableModel::columnCount(const QModelIndex& parent) const {
    if (parent.isValid() || !m_table) return 0;
    return int(m_table->columnCount());
}

QVariant DatasetTableModel::display(int row, int column) const {
    const kiln::ColumnView& view = m_table->column(std::size_t(column));
    const std::uint64_t r = tableRow(row);
    if (view.isMissing(r)) return QStringLiteral("NA");
    const kiln::ColumnType type = view.info().type;
    if (type == kiln::ColumnType::Integer || type == kiln::ColumnType::Float)
        return formatNumber(view.number(r), type);
    return QString::fromStdString(view.text(r));
}

QVariant DatasetTableModel::data(const QModelIndex& index, int role) const {
    if (!m_table || !checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const kiln::ColumnView& view = m_table->column(std::size_t(index.column()));
    const std::uint64_t row = tableRow(index.row());
    switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
            return display(index.row(), index.column());
        case Qt::TextAlignmentRole:
            return QVariant::fromValue(Qt::AlignVCenter | (rightAligned(view.info().type)
                                                               ? Qt::AlignRight
                                                               : Qt::AlignLeft));
        case Qt::ForegroundRole:
            if (view.isMissing(row)) return QBrush(QColor(0x9a, 0x9f, 0xa6));
            return {};
        case Qt::FontRole:
            if (view.isMissing(row)) {
                QFont font;
                font.setItalic(true);
                return font;
            }
            return {};
        case NumberRole:
            return view.number(row);
        case MissingRole:
            return view.isMissing(row);
        default:
            return {};
    }
}

QVariant DatasetTableModel::columnHeader(int section, int role) const {
    const kiln::ColumnInfo& info = m_table->column(std::size_t(section)).info();
    const QString name = QString::fromStdString(info.name);
    const QString typeName = columnTypeText(info.type);
    const QString type = info.ordered ? tr("%1, ordered").arg(typeName) : typeName;
    if (role == Qt::DisplayRole) return name + QLatin1Char('\n') + type;
    if (role == Qt::ToolTipRole)
        return info.note.empty() ? name : name + QLatin1String(" — ") + QString::fromStdString(info.note);
    return {};
}

QVariant DatasetTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (!m_table) return {};
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= columnCount()) return {};
        return columnHeader(section, role);
    }
    if (role == Qt::DisplayRole) {
        if (section < 0 || section >= rowCount()) return {};
        return QString::number(qint64(tableRow(section)) + 1);
    }
    if (role == Qt::TextAlignmentRole) return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

}  // namespace widgets
}  // namespace kiln
