#include "widgets/runs_table_model.h"

#include <QColor>
#include <QFont>

#include "core/store/workspace.h"

namespace kiln {
namespace widgets {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

QString formatMetric(double v) {
    if (std::abs(v) >= 1e4 || (v != 0 && std::abs(v) < 1e-3)) return QString::number(v, 'g', 4);
    return QString::number(v, 'f', 4);
}

QColor statusColour(const std::string& status) {
    if (status == "completed") return QColor(0x2e, 0x7d, 0x32);
    if (status == "running") return QColor(0x15, 0x65, 0xc0);
    if (status == "failed") return QColor(0xc6, 0x28, 0x28);
    if (status == "cancelled" || status == "interrupted" || status == "stopped")
        return QColor(0x8d, 0x6e, 0x63);
    return {};
}

// The parameters shown by default, when a run has them.
const char* const kDefaultParams[] = {"optimizer.lr", "model.dropout", "epochs", "batch_size"};

// Bookkeeping metrics (timings, throughput, the learning rate) are hidden by default.
bool defaultMetric(const std::string& key) {
    return key != "lr" && key.find("time") == std::string::npos &&
           key.find("per_s") == std::string::npos;
}

}  // namespace

RunsTableModel::RunsTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void RunsTableModel::setRunTable(kiln::RunTable table) {
    beginResetModel();
    m_table = std::move(table);
    if (!m_columnsChosen) {
        m_columns = {{RunColumn::Status, {}}, {RunColumn::Name, {}}, {RunColumn::Dataset, {}},
                     {RunColumn::Model, {}}};
        for (const char* p : kDefaultParams)
            for (const auto& k : m_table.paramKeys)
                if (k == p) m_columns.push_back({RunColumn::Param, q(k)});
        // Validation metrics first (what runs are chosen by), then test, then the rest.
        for (const char* prefix : {"val_", "test_", ""})
            for (const auto& k : m_table.metricKeys) {
                const bool val = k.rfind("val_", 0) == 0, test = k.rfind("test_", 0) == 0;
                const bool here = *prefix ? k.rfind(prefix, 0) == 0 : !val && !test;
                if (here && defaultMetric(k)) m_columns.push_back({RunColumn::Metric, q(k)});
            }
        m_columns.push_back({RunColumn::Created, {}});
        m_columnsChosen = !m_table.rows.empty();
    }
    endResetModel();
}

QVector<RunColumn> RunsTableModel::availableColumns() const {
    QVector<RunColumn> all = {{RunColumn::Status, {}}, {RunColumn::Name, {}},
                              {RunColumn::Dataset, {}}, {RunColumn::Model, {}},
                              {RunColumn::Created, {}}};
    for (const auto& k : m_table.paramKeys) all.push_back({RunColumn::Param, q(k)});
    for (const auto& k : m_table.metricKeys) all.push_back({RunColumn::Metric, q(k)});
    return all;
}

void RunsTableModel::setColumns(const QVector<RunColumn>& columns) {
    beginResetModel();
    m_columns = columns;
    m_columnsChosen = true;
    endResetModel();
}

void RunsTableModel::setColumnShown(const RunColumn& column, bool shown) {
    QVector<RunColumn> next = m_columns;
    const bool has = next.contains(column);
    if (shown && !has) {
        // Keep the order of availableColumns().
        QVector<RunColumn> ordered;
        for (const RunColumn& c : availableColumns())
            if (next.contains(c) || c == column) ordered.push_back(c);
        next = ordered;
    } else if (!shown && has) {
        next.removeAll(column);
    } else {
        return;
    }
    setColumns(next);
}

QString RunsTableModel::columnTitle(const RunColumn& column) {
    switch (column.kind) {
    case RunColumn::Status: return tr("Status");
    case RunColumn::Name: return tr("Run");
    case RunColumn::Dataset: return tr("Dataset");
    case RunColumn::Model: return tr("Model");
    case RunColumn::Created: return tr("Created");
    case RunColumn::Param: return column.key;
    case RunColumn::Metric: return column.key;
    }
    return {};
}

QString RunsTableModel::runId(int row) const {
    if (row < 0 || row >= int(m_table.rows.size())) return {};
    return q(m_table.rows[std::size_t(row)].id);
}

const kiln::RunRow* RunsTableModel::run(int row) const {
    if (row < 0 || row >= int(m_table.rows.size())) return nullptr;
    return &m_table.rows[std::size_t(row)];
}

int RunsTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_table.rows.size());
}

int RunsTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant RunsTableModel::cell(const kiln::RunRow& row, const RunColumn& column,
                              bool forSort) const {
    switch (column.kind) {
    case RunColumn::Status: return q(row.status);
    case RunColumn::Name: {
        QString name = q(row.name.empty() ? row.id : row.name);
        auto trial = row.tags.find("trial");
        if (trial != row.tags.end()) name += QStringLiteral(" · #") + q(trial->second);
        return name;
    }
    case RunColumn::Dataset:
        return row.datasetVersion > 0 && !forSort
                   ? QStringLiteral("%1@%2").arg(q(row.dataset)).arg(row.datasetVersion)
                   : q(row.dataset);
    case RunColumn::Model: {
        auto family = kiln::paramValue(row, "model.family");
        if (!family) return QString();
        QString text = q(*family);
        if (*family == "mlp")
            if (auto hidden = kiln::paramValue(row, "model.hidden"))
                text += QStringLiteral(" ") + q(*hidden);
        return text;
    }
    case RunColumn::Created: return q(row.createdAt);
    case RunColumn::Param: {
        auto v = row.params.find(column.key.toStdString());
        if (v == row.params.end()) return {};
        if (forSort) {
            bool ok = false;
            double d = q(v->second).toDouble(&ok);
            if (ok) return d;
        }
        return q(v->second);
    }
    case RunColumn::Metric: {
        auto v = row.finalMetrics.find(column.key.toStdString());
        if (v == row.finalMetrics.end()) return {};
        return forSort ? QVariant(v->second) : QVariant(formatMetric(v->second));
    }
    }
    return {};
}

QVariant RunsTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const kiln::RunRow& row = m_table.rows[std::size_t(index.row())];
    const RunColumn& column = m_columns[index.column()];
    switch (role) {
    case Qt::DisplayRole: return cell(row, column, false);
    case SortRole: return cell(row, column, true);
    case RunIdRole: return q(row.id);
    case Qt::ToolTipRole:
        return column.kind == RunColumn::Name ? q(row.id) : cell(row, column, false);
    case Qt::ForegroundRole:
        if (column.kind == RunColumn::Status) {
            QColor c = statusColour(row.status);
            if (c.isValid()) return c;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column.kind == RunColumn::Metric || column.kind == RunColumn::Param)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default: return {};
    }
}

QVariant RunsTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount()) return {};
    const RunColumn& c = m_columns[section];
    if (role == Qt::DisplayRole) return columnTitle(c);
    if (role == Qt::ToolTipRole)
        return c.kind == RunColumn::Param    ? tr("Parameter %1").arg(c.key)
               : c.kind == RunColumn::Metric ? tr("Final value of %1").arg(c.key)
                                             : columnTitle(c);
    if (role == Qt::FontRole && c.kind == RunColumn::Metric) {
        QFont f;
        f.setBold(true);
        return f;
    }
    return {};
}

RunsFilterProxy::RunsFilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(RunsTableModel::SortRole);
    setDynamicSortFilter(false);
}

void RunsFilterProxy::setStatus(const QString& status) {
    m_status = status;
    invalidateFilter();
}

void RunsFilterProxy::setDataset(const QString& dataset) {
    m_dataset = dataset;
    invalidateFilter();
}

void RunsFilterProxy::setText(const QString& text) {
    m_text = text.trimmed();
    invalidateFilter();
}

bool RunsFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex&) const {
    auto* model = qobject_cast<RunsTableModel*>(sourceModel());
    if (!model) return true;
    const kiln::RunRow* row = model->run(sourceRow);
    if (!row) return false;
    if (!m_status.isEmpty() && q(row->status) != m_status) return false;
    if (!m_dataset.isEmpty() && q(row->dataset) != m_dataset) return false;
    if (m_text.isEmpty()) return true;
    auto has = [this](const std::string& s) {
        return q(s).contains(m_text, Qt::CaseInsensitive);
    };
    if (has(row->id) || has(row->name) || has(row->dataset) || has(row->status)) return true;
    for (const auto& [k, v] : row->params)
        if (has(v) || has(k + "=" + v)) return true;
    for (const auto& [k, v] : row->tags)
        if (has(k + "=" + v)) return true;
    return false;
}

bool RunsFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    const QVariant a = left.data(RunsTableModel::SortRole);
    const QVariant b = right.data(RunsTableModel::SortRole);
    // Missing values sort last in ascending order.
    if (!a.isValid() || !b.isValid()) return a.isValid() && !b.isValid();
    if (a.typeId() == QMetaType::Double && b.typeId() == QMetaType::Double)
        return a.toDouble() < b.toDouble();
    if (a.typeId() == QMetaType::Double) return true;
    if (b.typeId() == QMetaType::Double) return false;
    return QString::localeAwareCompare(a.toString(), b.toString()) < 0;
}

kiln::RunTable loadRunTable(const QString& dir, QString* error) {
    auto ws = kiln::Workspace::open(dir.toStdString(), false);
    if (!ws) {
        if (error) *error = q(ws.error().message);
        return {};
    }
    kiln::RunQuery query;
    auto table = kiln::queryRuns((*ws)->catalog(), query);
    if (!table) {
        if (error) *error = q(table.error().message);
        return {};
    }
    return std::move(*table);
}

}  // namespace widgets
}  // namespace kiln
