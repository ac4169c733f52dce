#include "widgets/jobs_model.h"

#include <QLocale>

#include "widgets/message_texts.h"

namespace kiln {
namespace widgets {
namespace {

constexpr int kPollIntervalMs = 50;

// Stage names kiln_core reports, listed so lupdate offers them for translation. A stage not
// listed here is shown as core wrote it.
[[maybe_unused]] constexpr const char* kCoreStages[] = {
    QT_TRANSLATE_NOOP("kiln::widgets::JobsModel", "Checking columns"),
    QT_TRANSLATE_NOOP("kiln::widgets::JobsModel", "Compared"),
    QT_TRANSLATE_NOOP("kiln::widgets::JobsModel", "Correlations"),
    QT_TRANSLATE_NOOP("kiln::widgets::JobsModel", "Looking for duplicate rows"),
    QT_TRANSLATE_NOOP("kiln::widgets::JobsModel", "Parsing"),
    QT_TRANSLATE_NOOP("kiln::widgets::JobsModel", "Profiled"),
    QT_TRANSLATE_NOOP("kiln::widgets::JobsModel", "Reading images"),
    QT_TRANSLATE_NOOP("kiln::widgets::JobsModel", "trials"),
    QT_TRANSLATE_NOOP("kiln::widgets::JobsModel", "Validated"),
    QT_TRANSLATE_NOOP("kiln::widgets::JobsModel", "Verifying objects"),
};

}  // namespace

JobsModel::JobsModel(JobManager* manager, QObject* parent)
    : QAbstractTableModel(parent), m_manager(manager) {
    m_timer.setInterval(kPollIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &JobsModel::poll);
    connect(manager, &JobManager::jobStarted, this, &JobsModel::addJob);
    connect(manager, &JobManager::jobFinished, this, [this](int id) { endJob(id); });
    connect(manager, &JobManager::jobIssue, this, [this](int id) { countIssue(id); });
}

int JobsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int JobsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

int JobsModel::jobIdAt(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows[row].jobId : 0;
}

int JobsModel::rowOf(int jobId) const {
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows[row].jobId == jobId) return row;
    return -1;
}

QVariant JobsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[index.row()];
    const JobRecord* record = m_manager->job(row.jobId);
    if (!record) return {};
    switch (role) {
        case Qt::DisplayRole:
            return display(row, *record, index.column());
        case Qt::ToolTipRole:
            return index.column() == MessageColumn || index.column() == TitleColumn
                       ? display(row, *record, index.column())
                       : QVariant();
        case JobIdRole:
            return row.jobId;
        case FractionRole:
            return record->state == JobState::Completed ? 1.0 : row.progress.fraction();
        case StateRole:
            return int(record->state);
        case IssueCountRole:
            return row.issues;
        default:
            return {};
    }
}

QVariant JobsModel::display(const Row& row, const JobRecord& record, int column) const {
    switch (column) {
        case TitleColumn:
            return localMessage(record.title);
        case StageColumn:
            // A finished job's last stage is usually its message; show it once.
            if (record.state != JobState::Running &&
                QString::fromStdString(row.progress.stage) == record.message)
                return QString();
            return localMessage(tr(row.progress.stage.c_str()));
        case ProgressColumn:
            return progressText(row.progress, record.state);
        case StateColumn:
            return jobStateName(record.state);
        case MessageColumn:
            if (row.issues > 0 && record.message.isEmpty()) return tr("Issues: %1").arg(row.issues);
            // A job's last words may be a stage of core's ("trials") or a known message.
            return localMessage(tr(record.message.toUtf8().constData()));
        default:
            return {};
    }
}

QString JobsModel::progressText(const kiln::JobProgress& progress, JobState state) const {
    if (state == JobState::Completed) return tr("100%");
    const double fraction = progress.fraction();
    if (fraction < 0) {
        return progress.done ? QLocale().toString(qulonglong(progress.done)) : QString();
    }
    return tr("%1% (%2 of %3)")
        .arg(int(fraction * 100))
        .arg(QLocale().toString(qulonglong(progress.done)),
             QLocale().toString(qulonglong(progress.total)));
}

QVariant JobsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case TitleColumn:
            return tr("Job");
        case StageColumn:
            return tr("Stage");
        case ProgressColumn:
            return tr("Progress");
        case StateColumn:
            return tr("State");
        case MessageColumn:
            return tr("Message");
        default:
            return {};
    }
}

void JobsModel::addJob(int id) {
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.push_back(Row{id, m_manager->progress(id), 0});
    endInsertRows();
    if (!m_timer.isActive()) m_timer.start();
}

void JobsModel::endJob(int id) {
    const int row = rowOf(id);
    if (row >= 0) {
        m_rows[row].progress = m_manager->progress(id);
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    if (m_manager->runningCount() == 0) m_timer.stop();
}

void JobsModel::countIssue(int id) {
    const int row = rowOf(id);
    if (row < 0) return;
    ++m_rows[row].issues;
    Q_EMIT dataChanged(index(row, MessageColumn), index(row, MessageColumn));
}

void JobsModel::poll() {
    for (int row = 0; row < m_rows.size(); ++row) {
        Row& entry = m_rows[row];
        const JobRecord* record = m_manager->job(entry.jobId);
        if (!record || record->state != JobState::Running) continue;
        const kiln::JobProgress now = record->context->snapshot();
        if (now.done == entry.progress.done && now.total == entry.progress.total &&
            now.stage == entry.progress.stage)
            continue;
        entry.progress = now;
        Q_EMIT dataChanged(index(row, StageColumn), index(row, ProgressColumn));
    }
}

void JobsModel::retranslate() {
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty()) Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void JobsModel::clearFinished() {
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        const JobRecord* record = m_manager->job(m_rows[row].jobId);
        if (record && record->state == JobState::Running) continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
}

}  // namespace widgets
}  // namespace kiln
