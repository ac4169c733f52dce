#include "widgets/cv_table_model.h"

#include <QFont>
#include <QJsonArray>
#include <QLocale>

#include <cmath>

#include "widgets/model_family.h"

namespace kiln {
namespace widgets {
namespace {

double numberOr(const QJsonValue& value) {
    return value.isDouble() ? value.toDouble() : std::nan("");
}

QString metricText(double value) {
    if (std::isnan(value)) return QStringLiteral("–");
    const double a = std::fabs(value);
    return QString::number(value, 'f', a >= 1000 ? 1 : a >= 100 ? 2 : 3);
}

}  // namespace

CvTableModel::CvTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void CvTableModel::setCv(const QJsonObject& cv) {
    beginResetModel();
    m_metrics.clear();
    m_rows.clear();
    m_mean.clear();
    m_std.clear();
    for (const QJsonValue& m : cv.value(QLatin1String("metrics")).toArray())
        m_metrics << m.toString();
    for (const QJsonValue& v : cv.value(QLatin1String("rows")).toArray()) {
        const QJsonObject o = v.toObject();
        Fold fold;
        fold.fold = o.value(QLatin1String("fold")).toInt();
        fold.trainRows = qint64(o.value(QLatin1String("train_rows")).toDouble());
        fold.rows = qint64(o.value(QLatin1String("rows")).toDouble());
        const QJsonObject metrics = o.value(QLatin1String("metrics")).toObject();
        for (const QString& m : m_metrics) fold.values << numberOr(metrics.value(m));
        m_rows << fold;
    }
    const QJsonObject mean = cv.value(QLatin1String("mean")).toObject();
    const QJsonObject std = cv.value(QLatin1String("std")).toObject();
    for (const QString& m : m_metrics) {
        m_mean << numberOr(mean.value(m));
        m_std << numberOr(std.value(m));
    }
    endResetModel();
}

double CvTableModel::mean(const QString& metric) const {
    const int i = m_metrics.indexOf(metric);
    return i < 0 ? std::nan("") : m_mean[i];
}

double CvTableModel::stdDev(const QString& metric) const {
    const int i = m_metrics.indexOf(metric);
    return i < 0 ? std::nan("") : m_std[i];
}

int CvTableModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || m_rows.isEmpty()) return 0;
    return int(m_rows.size()) + 1;  // and the mean ± std row
}

int CvTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : kFixedColumns + int(m_metrics.size());
}

QVariant CvTableModel::display(int row, int column) const {
    const bool summary = row == m_rows.size();
    const int metric = column - kFixedColumns;
    if (summary) {
        if (column == 0) return tr("Mean ± std");
        if (metric < 0) return QString();
        return tr("%1 ± %2").arg(metricText(m_mean[metric]), metricText(m_std[metric]));
    }
    const Fold& fold = m_rows[row];
    const QLocale locale;
    if (column == 0) return QString::number(fold.fold);
    if (column == 1) return locale.toString(fold.trainRows);
    if (column == 2) return locale.toString(fold.rows);
    return metricText(fold.values[metric]);
}

QVariant CvTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount()) return {};
    const bool summary = index.row() == m_rows.size();
    if (role == Qt::DisplayRole) return display(index.row(), index.column());
    if (role == Qt::TextAlignmentRole)
        return index.column() == 0 ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::FontRole && summary) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ToolTipRole && summary && index.column() >= kFixedColumns)
        return tr("Mean and sample standard deviation over the folds");
    return {};
}

QVariant CvTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    if (section == 0) return tr("Fold");
    if (section == 1) return tr("Training rows");
    if (section == 2) return tr("Held-out rows");
    return metricDisplayName(m_metrics.value(section - kFixedColumns));
}

}  // namespace widgets
}  // namespace kiln
