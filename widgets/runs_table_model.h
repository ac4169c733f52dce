#pragma once

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QString>
#include <QStringList>
#include <QVector>

#include "core/analysis/run_query.h"

namespace kiln {
namespace widgets {

// One column of the runs table: a fixed field, a parameter or a final metric.
struct RunColumn {
    enum Kind { Status, Name, Dataset, Model, Created, Param, Metric };
    Kind kind = Status;
    QString key;  // the parameter or metric key (Param, Metric)
    bool operator==(const RunColumn& o) const { return kind == o.kind && key == o.key; }
};

// The runs of a workspace as a table: one row per run, the columns the user chose (status,
// dataset, model, parameters, final metrics). Holds a kiln::RunTable read in the pool
// (loadRunTable); sorting compares numbers as numbers (Qt::UserRole gives the sort key).
class RunsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int RunIdRole = Qt::UserRole + 1;

    explicit RunsTableModel(QObject* parent = nullptr);

    // Replaces the rows (and, the first time, picks default columns: status, name, dataset,
    // model, a few params and every metric).
    void setRunTable(kiln::RunTable table);
    const kiln::RunTable& runTable() const { return m_table; }

    // Every column that can be shown, and those shown now.
    QVector<RunColumn> availableColumns() const;
    QVector<RunColumn> columns() const { return m_columns; }
    void setColumns(const QVector<RunColumn>& columns);
    void setColumnShown(const RunColumn& column, bool shown);
    static QString columnTitle(const RunColumn& column);

    QString runId(int row) const;
    const kiln::RunRow* run(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant cell(const kiln::RunRow& row, const RunColumn& column, bool forSort) const;

    kiln::RunTable m_table;
    QVector<RunColumn> m_columns;
    bool m_columnsChosen = false;
};

// Filters the runs table by status, dataset and free text (matched against the run's id, name,
// dataset and parameter values); sorts by RunsTableModel::SortRole.
class RunsFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit RunsFilterProxy(QObject* parent = nullptr);
    void setStatus(const QString& status);    // empty: any
    void setDataset(const QString& dataset);  // empty: any
    void setText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    QString m_status, m_dataset, m_text;
};

// Reads every run of the workspace at `dir` with its params and final metrics. For a pool
// thread; `error` is set when the catalog could not be read.
kiln::RunTable loadRunTable(const QString& dir, QString* error = nullptr);

}  // namespace widgets
}  // namespace kiln
