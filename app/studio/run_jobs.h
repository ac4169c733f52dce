#pragma once

#include <QHash>
#include <QObject>
#include <QString>

namespace kiln {
struct RunSpec;
struct WorkerEvent;
namespace widgets {
class JobManager;
}
}  // namespace kiln

namespace kiln {
namespace studio {

class RunController;

// Lists every run the controller follows as a job of the Jobs dock, as the README promises of
// all background work: progress from the worker's steps (against the spec's epochs when the run
// was started here), Cancel through the controller (the worker checkpoints first), and the end
// with the run's status.
class RunJobs : public QObject {
    Q_OBJECT
public:
    RunJobs(RunController* runs, kiln::widgets::JobManager* jobs, QObject* parent = nullptr);

    // The job that shows `runId`, or 0.
    int jobFor(const QString& runId) const { return m_jobs.value(runId); }

private:
    void follow(const QString& runId, const kiln::WorkerEvent& event);
    void finish(const QString& runId, const QString& status, const QString& error);

    RunController* m_runs;
    kiln::widgets::JobManager* m_jobManager;
    QHash<QString, int> m_jobs;       // run id → job id
    QHash<QString, int> m_epochs;  // run id → epochs of its spec (0: unknown, trees: rounds)
};

}  // namespace studio
}  // namespace kiln
