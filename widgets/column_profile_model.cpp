#include "widgets/column_profile_model.h"

#include "widgets/column_type_text.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

#include <cmath>

#include "core/data/cell_parser.h"
#include "core/data/profile.h"

namespace kiln {
namespace widgets {
namespace {

constexpr double kMsPerDay = 86400000.0;

QString percent(std::uint64_t part, std::uint64_t whole) {
    if (whole == 0) return QStringLiteral("0");
    const double share = 100.0 * double(part) / double(whole);
    return QLocale().toString(qulonglong(part)) + QStringLiteral(" (") +
           QString::number(share, 'f', share < 10 ? 1 : 0) + QStringLiteral("%)");
}

}  // namespace

ColumnProfileModel::ColumnProfileModel(QObject* parent) : QAbstractTableModel(parent) {}

void ColumnProfileModel::setProfile(std::shared_ptr<const kiln::TableProfile> profile) {
    beginResetModel();
    m_profile = std::move(profile);
    endResetModel();
}

const kiln::ColumnProfile* ColumnProfileModel::columnProfile(int row) const {
    if (!m_profile || row < 0 || row >= int(m_profile->columns.size())) return nullptr;
    return &m_profile->columns[std::size_t(row)];
}

int ColumnProfileModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_profile ? 0 : int(m_profile->columns.size());
}

int ColumnProfileModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString ColumnProfileModel::formatValue(const kiln::ColumnProfile& column, double value) {
    if (column.type == kiln::ColumnType::Date)
        return QString::fromStdString(kiln::formatDate(std::int64_t(std::floor(value))));
    if (column.type == kiln::ColumnType::DateTime)
        return QString::fromStdString(kiln::formatDateTime(std::int64_t(value)));
    return QString::number(value, 'g', 4);
}

QString ColumnProfileModel::formatSpread(const kiln::ColumnProfile& column, double value) {
    if (column.type == kiln::ColumnType::Date)
        return tr("%1 days").arg(QString::number(value, 'g', 4));
    if (column.type == kiln::ColumnType::DateTime)
        return tr("%1 days").arg(QString::number(value / kMsPerDay, 'g', 4));
    return QString::number(value, 'g', 4);
}

QVariant ColumnProfileModel::display(const kiln::ColumnProfile& c, int field) const {
    const bool numeric = c.numeric.has_value() && c.numeric->count > 0;
    switch (field) {
        case Name:
            return QString::fromStdString(c.name);
        case Type:
            return columnTypeText(c.type);
        case Missing:
            return percent(c.missing, c.count + c.missing);
        case Distinct:
            return (c.distinctIsEstimate ? QStringLiteral("≈") : QString()) +
                   QLocale().toString(qulonglong(c.distinct));
        case Mean:
            return numeric ? formatValue(c, c.numeric->mean) : QString();
        case Std:
            return numeric ? formatSpread(c, c.numeric->std) : QString();
        case Min:
            return numeric ? formatValue(c, c.numeric->min) : QString();
        case Max:
            return numeric ? formatValue(c, c.numeric->max) : QString();
        default:
            return {};
    }
}

QVariant ColumnProfileModel::data(const QModelIndex& index, int role) const {
    const kiln::ColumnProfile* c = columnProfile(index.row());
    if (!c || index.column() >= ColumnCount) return {};
    if (role == Qt::DisplayRole) return display(*c, index.column());
    if (role == Qt::TextAlignmentRole && index.column() >= Missing)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == Missing && c->missing > 0)
        return QBrush(QColor(0xb0, 0x3a, 0x2e));
    if (role == Qt::ForegroundRole && index.column() == Type) return QBrush(QColor(0x5f, 0x66, 0x70));
    if (role == SparklineRole) {
        QList<qreal> counts;
        if (c->numeric)
            for (std::uint64_t n : c->numeric->histogram.counts) counts << qreal(n);
        else
            for (const kiln::CategoryCount& top : c->top) counts << qreal(top.count);
        return QVariant::fromValue(counts);
    }
    return {};
}

QVariant ColumnProfileModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case Name: return tr("Column");
        case Type: return tr("Type");
        case Missing: return tr("Missing");
        case Distinct: return tr("Distinct");
        case Mean: return tr("Mean");
        case Std: return tr("Std");
        case Min: return tr("Min");
        case Max: return tr("Max");
        case Distribution: return tr("Distribution");
        default: return {};
    }
}

}  // namespace widgets
}  // namespace kiln
