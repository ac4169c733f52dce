#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QVector>

namespace kiln {
namespace widgets {

// The per-class table of a classification report: class, precision, recall, F1 and support
// (test rows of that class), with a macro-average row at the end.
class PerClassModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ClassColumn, PrecisionColumn, RecallColumn, F1Column, SupportColumn, Columns };

    explicit PerClassModel(QObject* parent = nullptr);

    // `perClass` is the report's "per_class" array: [{class, precision, recall, f1, support}…].
    void setReport(const QJsonArray& perClass);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString name;
        double precision = 0, recall = 0, f1 = 0;
        qint64 support = 0;
    };
    Row averageRow() const;

    QVector<Row> m_rows;
};

}  // namespace widgets
}  // namespace kiln
