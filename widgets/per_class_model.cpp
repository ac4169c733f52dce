#include "widgets/per_class_model.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QJsonObject>

namespace kiln {
namespace widgets {

PerClassModel::PerClassModel(QObject* parent) : QAbstractTableModel(parent) {}

void PerClassModel::setReport(const QJsonArray& perClass) {
    beginResetModel();
    m_rows.clear();
    for (const QJsonValue& value : perClass) {
        const QJsonObject o = value.toObject();
        m_rows.push_back({o.value(QLatin1String("class")).toVariant().toString(),
                          o.value(QLatin1String("precision")).toDouble(),
                          o.value(QLatin1String("recall")).toDouble(),
                          o.value(QLatin1String("f1")).toDouble(),
                          qint64(o.value(QLatin1String("support")).toDouble())});
    }
    endResetModel();
}

int PerClassModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || m_rows.isEmpty()) return 0;
    return m_rows.size() + 1;
}

int PerClassModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : Columns;
}

PerClassModel::Row PerClassModel::averageRow() const {
    Row avg;
    avg.name = tr("Macro average");
    for (const Row& r : m_rows) {
        avg.precision += r.precision / m_rows.size();
        avg.recall += r.recall / m_rows.size();
        avg.f1 += r.f1 / m_rows.size();
        avg.support += r.support;
    }
    return avg;
}

QVariant PerClassModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const bool average = index.row() == m_rows.size();
    const Row row = average ? averageRow() : m_rows[index.row()];
    const int column = index.column();
    if (role == Qt::DisplayRole) {
        switch (column) {
            case ClassColumn:
                return row.name;
            case PrecisionColumn:
                return QString::number(row.precision, 'f', 3);
            case RecallColumn:
                return QString::number(row.recall, 'f', 3);
            case F1Column:
                return QString::number(row.f1, 'f', 3);
            case SupportColumn:
                return QString::number(row.support);
        }
    }
    if (role == Qt::UserRole) {
        switch (column) {
            case ClassColumn:
                return row.name;
            case PrecisionColumn:
                return row.precision;
            case RecallColumn:
                return row.recall;
            case F1Column:
                return row.f1;
            case SupportColumn:
                return row.support;
        }
    }
    if (role == Qt::TextAlignmentRole)
        return column == ClassColumn ? int(Qt::AlignLeft | Qt::AlignVCenter)
                                     : int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::FontRole && average) {
        QFont font;
        font.setBold(true);
        return font;
    }
    if (role == Qt::BackgroundRole && column == F1Column && !average) {
        // A light tint that darkens as F1 drops, so weak classes stand out.
        const int shade = int(255 - (1.0 - row.f1) * 90);
        return QBrush(QColor(255, shade, shade));
    }
    return {};
}

QVariant PerClassModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case ClassColumn:
            return tr("Class");
        case PrecisionColumn:
            return tr("Precision");
        case RecallColumn:
            return tr("Recall");
        case F1Column:
            return tr("F1");
        case SupportColumn:
            return tr("Support");
    }
    return {};
}

}  // namespace widgets
}  // namespace kiln
