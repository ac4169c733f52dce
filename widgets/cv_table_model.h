#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QStringList>
#include <QVector>

namespace kiln {
namespace widgets {

// A run's cross-validation from report.json's "cv": one row per fold (its training and held-out
// rows, then every metric on the held-out rows) and a last row with each metric's mean ± std
// over the folds. Read-only; an empty object makes an empty table.
class CvTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int kFixedColumns = 3;  // fold, training rows, held-out rows

    explicit CvTableModel(QObject* parent = nullptr);

    void setCv(const QJsonObject& cv);
    int folds() const { return m_rows.size(); }
    QStringList metrics() const { return m_metrics; }
    // The mean and std of `metric` over the folds (NaN when absent).
    double mean(const QString& metric) const;
    double stdDev(const QString& metric) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Fold {
        int fold = 0;
        qint64 trainRows = 0, rows = 0;
        QVector<double> values;  // per metric, NaN when absent
    };
    QVariant display(int row, int column) const;

    QStringList m_metrics;
    QVector<Fold> m_rows;
    QVector<double> m_mean, m_std;
};

}  // namespace widgets
}  // namespace kiln
