#pragma once

#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QVector>

#include <functional>
#include <memory>

#include "core/base/result.h"
#include "core/jobs/job_context.h"

namespace kiln {
namespace widgets {

// Where a job is in its life. A job starts Running and ends in exactly one of the others.
enum class JobState { Running, Completed, Failed, Cancelled };

// The work a job does, on a pool thread. It reports to (and checks cancellation on) the context.
using JobFunction = std::function<kiln::Status(kiln::JobContext&)>;

// One job as the GUI thread sees it. The context is shared with the job's thread.
struct JobRecord {
    int id = 0;
    QString title;
    JobState state = JobState::Running;
    QString message;
    std::shared_ptr<kiln::BasicJobContext> context;
    std::function<void()> cancelHook;  // tracked jobs: how to stop the work done elsewhere
};

// Runs core jobs on its own thread pool, one BasicJobContext each. Every exception a job throws
// is caught on its thread and reported as a failed job. Results and issues come back to the GUI
// thread through queued signals. Owned and used by the GUI thread; the destructor cancels all
// jobs and waits for them.
class JobManager : public QObject {
    Q_OBJECT
public:
    explicit JobManager(QObject* parent = nullptr);
    ~JobManager() override;

    // Starts `work` on the pool and returns the job's id (1, 2, …). Titles (and the last words
    // a job reports) are written in English; the Jobs dock says them in the language chosen
    // (widgets/message_texts).
    int start(const QString& title, JobFunction work);
    // A job whose work runs elsewhere (a training run's worker process): listed, with progress
    // its owner reports through context(), ended by finishTracked(). Cancel calls `cancel`.
    int track(const QString& title, std::function<void()> cancel);
    kiln::BasicJobContext* context(int id);
    void finishTracked(int id, JobState state, const QString& message);
    // Asks a running job to stop at its next check. False when no such job is running.
    bool cancel(int id);
    void cancelAll();

    const JobRecord* job(int id) const;
    int runningCount() const;
    // Progress as the job last reported it; safe to call at any rate.
    kiln::JobProgress progress(int id) const;
    QThreadPool* pool() { return &m_pool; }

Q_SIGNALS:
    void jobStarted(int id);
    void jobFinished(int id, bool ok, const QString& message);
    void jobIssue(int id, int severity, const QString& text, const QString& where);
    void runningCountChanged(int count);

private:
    void runOnPool(int id, JobFunction work);
    void finish(int id, JobState state, const QString& message);
    JobRecord* find(int id);

    QThreadPool m_pool;
    QVector<JobRecord> m_jobs;
};

// A short word for a state ("Running", "Completed", …), translated.
QString jobStateName(JobState state);

}  // namespace widgets
}  // namespace kiln
