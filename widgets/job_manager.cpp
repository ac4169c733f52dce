#include "widgets/job_manager.h"

#include <QCoreApplication>
#include <QMetaObject>

#include <exception>

namespace kiln {
namespace widgets {
namespace {

// What a finished job's Status means for its state.
JobState stateFor(const kiln::Status& status, const kiln::BasicJobContext& context) {
    if (status.ok()) return JobState::Completed;
    if (status.error().code == kiln::ErrorCode::Cancelled || context.cancelled())
        return JobState::Cancelled;
    return JobState::Failed;
}

QString messageFor(const kiln::Status& status, const kiln::BasicJobContext& context) {
    if (status.ok()) return QString::fromStdString(context.snapshot().stage);
    return QString::fromStdString(status.error().toString());
}

}  // namespace

JobManager::JobManager(QObject* parent) : QObject(parent) {
    m_pool.setObjectName(QStringLiteral("kiln-jobs"));
}

JobManager::~JobManager() {
    cancelAll();
    m_pool.waitForDone();
}

int JobManager::track(const QString& title, std::function<void()> cancel) {
    JobRecord record;
    record.id = int(m_jobs.size()) + 1;
    record.title = title;
    record.context = std::make_shared<kiln::BasicJobContext>();
    record.cancelHook = std::move(cancel);
    m_jobs.push_back(record);
    Q_EMIT jobStarted(record.id);
    Q_EMIT runningCountChanged(runningCount());
    return record.id;
}

kiln::BasicJobContext* JobManager::context(int id) {
    JobRecord* record = find(id);
    return record ? record->context.get() : nullptr;
}

void JobManager::finishTracked(int id, JobState state, const QString& message) {
    JobRecord* record = find(id);
    if (!record || record->state != JobState::Running) return;
    finish(id, state, message);
}

int JobManager::start(const QString& title, JobFunction work) {
    JobRecord record;
    record.id = int(m_jobs.size()) + 1;
    record.title = title;
    record.context = std::make_shared<kiln::BasicJobContext>();
    const int id = record.id;
    record.context->setIssueListener([this, id](const kiln::JobIssue& issue) {
        const int severity = int(issue.severity);
        const QString text = QString::fromStdString(issue.text);
        const QString where = QString::fromStdString(issue.where);
        QMetaObject::invokeMethod(
            this, [=] { Q_EMIT jobIssue(id, severity, text, where); }, Qt::QueuedConnection);
    });
    m_jobs.push_back(record);
    Q_EMIT jobStarted(id);
    Q_EMIT runningCountChanged(runningCount());
    runOnPool(id, std::move(work));
    return id;
}

void JobManager::runOnPool(int id, JobFunction work) {
    std::shared_ptr<kiln::BasicJobContext> context = find(id)->context;
    m_pool.start([this, id, context, work = std::move(work)] {
        JobState state = JobState::Failed;
        QString message;
        try {
            const kiln::Status status = work(*context);
            state = stateFor(status, *context);
            message = messageFor(status, *context);
        } catch (const std::exception& e) {
            message =
                QCoreApplication::translate("kiln::widgets::JobManager", "Unexpected error: %1")
                    .arg(QString::fromLocal8Bit(e.what()));
        } catch (...) {
            message = QCoreApplication::translate("kiln::widgets::JobManager",
                                                  "Unexpected error of unknown type");
        }
        QMetaObject::invokeMethod(
            this, [=] { finish(id, state, message); }, Qt::QueuedConnection);
    });
}

void JobManager::finish(int id, JobState state, const QString& message) {
    JobRecord* record = find(id);
    if (!record) return;
    record->state = state;
    record->message = message;
    Q_EMIT jobFinished(id, state == JobState::Completed, message);
    Q_EMIT runningCountChanged(runningCount());
}

bool JobManager::cancel(int id) {
    JobRecord* record = find(id);
    if (!record || record->state != JobState::Running) return false;
    record->context->cancel();
    if (record->cancelHook) record->cancelHook();
    return true;
}

void JobManager::cancelAll() {
    for (JobRecord& record : m_jobs)
        if (record.state == JobState::Running) record.context->cancel();
}

const JobRecord* JobManager::job(int id) const {
    if (id < 1 || id > m_jobs.size()) return nullptr;
    return &m_jobs[id - 1];
}

JobRecord* JobManager::find(int id) {
    if (id < 1 || id > m_jobs.size()) return nullptr;
    return &m_jobs[id - 1];
}

int JobManager::runningCount() const {
    int count = 0;
    for (const JobRecord& record : m_jobs)
        if (record.state == JobState::Running) ++count;
    return count;
}

kiln::JobProgress JobManager::progress(int id) const {
    const JobRecord* record = job(id);
    return record ? record->context->snapshot() : kiln::JobProgress{};
}

QString jobStateName(JobState state) {
    switch (state) {
        case JobState::Running:
            return QCoreApplication::translate("kiln::widgets::JobManager", "Running");
        case JobState::Completed:
            return QCoreApplication::translate("kiln::widgets::JobManager", "Completed");
        case JobState::Failed:
            return QCoreApplication::translate("kiln::widgets::JobManager", "Failed");
        case JobState::Cancelled:
            return QCoreApplication::translate("kiln::widgets::JobManager", "Cancelled");
    }
    return {};
}

}  // namespace widgets
}  // namespace kiln
