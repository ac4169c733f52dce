#pragma once

#include <QAbstractTableModel>
#include <QTimer>
#include <QVector>

#include "core/jobs/job_context.h"
#include "widgets/job_manager.h"

namespace kiln {
namespace widgets {

// One row per job of a JobManager: title, stage, progress, state, message. Progress is polled
// from the jobs' contexts on a coalescing timer (20 per second) that runs only while jobs run,
// so a job that reports a million times a second costs no more redraws than a slow one.
class JobsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TitleColumn,
        StageColumn,
        ProgressColumn,
        StateColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role {
        JobIdRole = Qt::UserRole + 1,
        FractionRole,  // double 0..1, or negative when the total is unknown
        StateRole,     // int(JobState)
        IssueCountRole,
    };

    explicit JobsModel(JobManager* manager, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    int jobIdAt(int row) const;
    int rowOf(int jobId) const;
    bool isPolling() const { return m_timer.isActive(); }
    // Re-reads every text after a language change.
    void retranslate();
    // Removes the rows of jobs that have ended.
    void clearFinished();

private:
    struct Row {
        int jobId = 0;
        kiln::JobProgress progress;
        int issues = 0;
    };

    void addJob(int id);
    void endJob(int id);
    void countIssue(int id);
    void poll();
    QVariant display(const Row& row, const JobRecord& record, int column) const;
    QString progressText(const kiln::JobProgress& progress, JobState state) const;

    JobManager* m_manager;
    QVector<Row> m_rows;
    QTimer m_timer;
};

}  // namespace widgets
}  // namespace kiln
