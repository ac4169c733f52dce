#include "app/studio/run_jobs.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

#include "app/studio/run_controller.h"
#include "core/remote/worker_event.h"
#include "widgets/job_manager.h"
#include "widgets/model_family.h"

namespace kiln {
namespace studio {

namespace {

// The epochs (boosting rounds; 1 for a forest or a tree) the run's spec.json asks for, 0 when
// it cannot be read.
int specEpochs(const QString& workspace, const QString& runId) {
    QFile file(QDir(workspace).filePath(QStringLiteral("runs/%1/spec.json").arg(runId)));
    if (!file.open(QIODevice::ReadOnly)) return 0;
    const QJsonObject spec = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject model = spec.value(QLatin1String("model")).toObject();
    const QString family = model.value(QLatin1String("family")).toString();
    if (family == QLatin1String("boosted")) return std::max(0, model.value(QLatin1String("trees")).toInt());
    if (kiln::widgets::isTreeFamilyName(family)) return 1;
    return std::max(0, spec.value(QLatin1String("epochs")).toInt());
}

}  // namespace

RunJobs::RunJobs(RunController* runs, kiln::widgets::JobManager* jobs, QObject* parent)
    : QObject(parent), m_runs(runs), m_jobManager(jobs) {
    connect(runs, &RunController::runEvent, this, &RunJobs::follow);
    connect(runs, &RunController::runFinished, this, &RunJobs::finish);
}

void RunJobs::follow(const QString& runId, const kiln::WorkerEvent& event) {
    if (event.is<kiln::event::Finished>()) return;  // runFinished ends the job
    int job = m_jobs.value(runId);
    if (job == 0) {
        job = m_jobManager->track(QStringLiteral("Training run %1").arg(runId), [this, runId] { m_runs->cancelRun(runId); });
        m_jobs.insert(runId, job);
        m_epochs.insert(runId, specEpochs(m_runs->workspace(), runId));
    }
    const auto* progress = event.as<kiln::event::Progress>();
    kiln::BasicJobContext* context = m_jobManager->context(job);
    if (!progress || !context) return;
    const std::uint64_t steps = std::uint64_t(std::max<std::int64_t>(1, progress->stepsPerEpoch));
    const std::uint64_t epochs = std::uint64_t(m_epochs.value(runId));
    const std::uint64_t done = std::uint64_t(std::max(0, progress->epoch - 1)) * steps + std::uint64_t(progress->step);
    context->progress(epochs ? std::min(done, epochs * steps) : done, epochs * steps,
                      QStringLiteral("epoch %1").arg(progress->epoch).toStdString());
}

void RunJobs::finish(const QString& runId, const QString& status, const QString& error) {
    const int job = m_jobs.take(runId);
    m_epochs.remove(runId);
    if (job == 0) return;
    using kiln::widgets::JobState;
    const JobState state = status == QLatin1String("completed")   ? JobState::Completed
                           : status == QLatin1String("cancelled") ? JobState::Cancelled
                                                                  : JobState::Failed;
    QString message = error;
    if (status == QLatin1String(RunController::kDisconnected))
        message = tr("connection lost; the run trains on: %1").arg(error);
    m_jobManager->finishTracked(job, state, message);
}

}  // namespace studio
}  // namespace kiln
