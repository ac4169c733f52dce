#include "widgets/table_preview_model.h"

#include "widgets/column_type_text.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include "core/data/cell_parser.h"

namespace kiln {
namespace widgets {

TablePreviewModel::TablePreviewModel(QObject* parent) : QAbstractTableModel(parent) {}

void TablePreviewModel::setPreview(const kiln::TablePreview& preview) {
    beginResetModel();
    m_preview = preview;
    endResetModel();
}

int TablePreviewModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_preview.rows.size());
}

int TablePreviewModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_preview.columns.size());
}

QVariant TablePreviewModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const auto& record = m_preview.rows[std::size_t(index.row())];
    const bool present = std::size_t(index.column()) < record.size();
    const std::string cell = present ? record[std::size_t(index.column())] : std::string();
    const bool missing = kiln::isMissingMarker(cell);
    const bool skipped = m_preview.columns[std::size_t(index.column())].skipped;
    switch (role) {
        case Qt::DisplayRole:
            return missing && cell.empty() ? QStringLiteral("NA") : QString::fromStdString(cell);
        case Qt::ForegroundRole:
            return missing || skipped ? QBrush(QColor(0x9a, 0x9f, 0xa6)) : QVariant();
        case Qt::FontRole:
            if (missing) {
                QFont font;
                font.setItalic(true);
                return font;
            }
            return {};
        case Qt::TextAlignmentRole: {
            const kiln::ColumnType type = m_preview.columns[std::size_t(index.column())].type;
            const bool right = type == kiln::ColumnType::Integer || type == kiln::ColumnType::Float;
            return QVariant::fromValue(Qt::AlignVCenter | (right ? Qt::AlignRight : Qt::AlignLeft));
        }
        default:
            return {};
    }
}

QVariant TablePreviewModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (section < 0 || section >= columnCount()) return {};
    const kiln::ColumnSpec& spec = m_preview.columns[std::size_t(section)];
    const QString type = spec.skipped ? tr("(skipped)")
                       : spec.ordered ? tr("%1, ordered").arg(columnTypeText(spec.type))
                                      : columnTypeText(spec.type);
    if (role == Qt::DisplayRole)
        return QString::fromStdString(spec.name) + QLatin1Char('\n') + type +
               (spec.overridden && !spec.skipped ? QStringLiteral(" *") : QString());
    if (role == Qt::ForegroundRole && spec.skipped) return QBrush(QColor(0x9a, 0x9f, 0xa6));
    if (role == Qt::ToolTipRole) return QString::fromStdString(spec.note);
    return {};
}

}  // namespace widgets
}  // namespace kiln
