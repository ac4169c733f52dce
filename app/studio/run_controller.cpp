#include "app/studio/run_controller.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMetaObject>

#include <exception>
#include <mutex>

#include "app/studio/kiln_path.h"
#include "core/data/table.h"
#include "core/remote/local_executor.h"
#include "core/store/workspace.h"
#include "core/train/run_recorder.h"

namespace kiln {
namespace studio {


// Hands results from pool threads to the controller's thread, or drops them once the controller
// is gone (Studio closing while a worker trains).
struct RunController::Relay {
    std::mutex mutex;
    RunController* target = nullptr;

    template <typename F>
    void post(F f) {
        std::lock_guard<std::mutex> lock(mutex);
        if (!target) return;
        RunController* t = target;
        QMetaObject::invokeMethod(
            t, [t, f] { f(t); }, Qt::QueuedConnection);
    }
    void created(int request, const QString& runId) {
        post([request, runId](RunController* c) { c->onCreated(request, runId); });
    }
    void failed(int request, const QString& why) {
        post([request, why](RunController* c) { c->onFailed(request, why); });
    }
    void event(const QString& runId, const QByteArray& line) {
        post([runId, line](RunController* c) { Q_EMIT c->runEvent(runId, line); });
    }
    void finished(const QString& runId, const QString& status, const QString& error) {
        post([=](RunController* c) { c->onFinished(runId, status, error); });
    }
    void changed() {
        post([](RunController* c) { Q_EMIT c->runsChanged(); });
    }
};

namespace {

constexpr int kProgressIntervalMs = 40;  // progress events reach the GUI at most 25 times a second

struct RunJob {
    QString workspace;
    QString kiln;
    QString existingRun;  // resume this run; empty: define a new one from spec
    kiln::RunSpec spec;
    qint64 versionId = 0;
    int request = 0;
    std::shared_ptr<FollowFlags> flags;
    std::shared_ptr<RunController::Relay> relay;
};

QString fromError(const kiln::Error& error) {
    return QString::fromStdString(error.toString());
}

// Resolves, validates and records a new run; returns its id.
kiln::Result<std::string> defineRun(kiln::Workspace& ws, const RunJob& job) {
    kiln::RunSpec spec = job.spec;
    auto table = kiln::Table::open(ws.objects(), spec.datasetHash);
    if (!table) return table.error();
    if (auto st = kiln::resolveSpec(spec, **table); !st) return st.error();
    if (auto st = spec.validate(); !st) return st.error();
    return kiln::createRun(ws, spec, job.versionId);
}

// Forwards every event but thins progress lines (one per batch) to kProgressIntervalMs.
class EventForwarder {
public:
    EventForwarder(const RunJob& job, QString runId) : m_job(job), m_runId(std::move(runId)) {
        m_clock.start();
    }
    void operator()(const std::string& line) {
        const bool progress = line.find("\"event\":\"progress\"") != std::string::npos;
        if (progress && m_clock.elapsed() - m_last < kProgressIntervalMs) return;
        if (progress) m_last = m_clock.elapsed();
        m_job.relay->event(m_runId, QByteArray::fromStdString(line));
    }

private:
    const RunJob& m_job;
    QString m_runId;
    QElapsedTimer m_clock;
    qint64 m_last = -kProgressIntervalMs;
};

void finish(const RunJob& job, const QString& runId, const QString& status, const QString& error) {
    job.relay->finished(runId, status, error);
}

void follow(kiln::Workspace& ws, const RunJob& job, const std::string& runId) {
    const QString id = QString::fromStdString(runId);
    auto executor = kiln::LocalExecutor::start(ws.root(), runId, !job.existingRun.isEmpty(),
                                               job.kiln.toStdString());
    if (!executor) {
        const QString why = fromError(executor.error());
        kiln::markRun(ws.catalog(), runId, "failed", why.toStdString());
        return finish(job, id, QStringLiteral("failed"), why);
    }
    EventForwarder forward(job, id);
    auto status =
        kiln::followRun(ws, runId, **executor, std::ref(forward), &job.flags->cancel,
                        &job.flags->detach);
    if (!status) return finish(job, id, QStringLiteral("failed"), fromError(status.error()));
    if (*status == "detached") return;
    QString error;
    if (*status == "failed") {
        auto why =
            ws.catalog().queryValue("SELECT COALESCE(error, '') FROM runs WHERE id = ?", {runId});
        if (why) error = QString::fromStdString(std::get<std::string>(*why));
    }
    finish(job, id, QString::fromStdString(*status), error);
}

void runJob(const RunJob& job) {
    try {
        auto ws = kiln::Workspace::open(job.workspace.toStdString(), false);
        if (!ws) {
            return job.relay->failed(job.request, fromError(ws.error()));
        }
        std::string runId = job.existingRun.toStdString();
        if (runId.empty()) {
            auto defined = defineRun(**ws, job);
            if (!defined) {
                return job.relay->failed(job.request, fromError(defined.error()));
            }
            runId = *defined;
        }
        job.relay->created(job.request, QString::fromStdString(runId));
        follow(**ws, job, runId);
    } catch (const std::exception& e) {
        job.relay->failed(job.request, QString::fromLocal8Bit(e.what()));
    } catch (...) {
        job.relay->failed(job.request,
                          QCoreApplication::translate("kiln::studio::RunController",
                                                      "An unknown error stopped the run."));
    }
}

}  // namespace

RunController::RunController(QObject* parent)
    : QObject(parent), m_kiln(kiln::studio::kilnPath()), m_relay(std::make_shared<Relay>()) {
    m_relay->target = this;
    // Each followed run holds a thread for its whole life.
    m_pool.setMaxThreadCount(16);
    m_pool.setExpiryTimeout(-1);
}

RunController::~RunController() {
    {
        std::lock_guard<std::mutex> lock(m_relay->mutex);
        m_relay->target = nullptr;
    }
    // Workers keep training; the next Studio re-attaches them.
    for (const auto& flags : m_flags) flags->detach = true;
    for (const auto& flags : m_pending) flags->detach = true;
    m_pool.waitForDone();
}

void RunController::setWorkspace(const QString& dir) {
    m_workspace = dir;
}

int RunController::startRun(const kiln::RunSpec& spec, qint64 datasetVersionId) {
    return launch(QString(), spec, datasetVersionId);
}

int RunController::resumeRun(const QString& runId) {
    if (m_flags.contains(runId)) return 0;
    return launch(runId, kiln::RunSpec{}, 0);
}

int RunController::launch(const QString& existingRun, const kiln::RunSpec& spec, qint64 versionId) {
    RunJob job;
    job.workspace = m_workspace;
    job.kiln = m_kiln;
    job.existingRun = existingRun;
    job.spec = spec;
    job.versionId = versionId;
    job.request = ++m_requests;
    job.flags = std::make_shared<FollowFlags>();
    job.relay = m_relay;
    m_pending.insert(job.request, job.flags);
    // A resumed run is followed from the click on: cancel reaches it and its tab keeps the
    // queued status even before the worker thread has opened the workspace.
    if (!existingRun.isEmpty()) m_flags.insert(existingRun, job.flags);
    m_pool.start([job] { runJob(job); });
    return job.request;
}

void RunController::onCreated(int request, const QString& runId) {
    if (auto flags = m_pending.take(request)) m_flags.insert(runId, flags);
    Q_EMIT runCreated(request, runId);
    Q_EMIT runsChanged();
}

void RunController::onFailed(int request, const QString& why) {
    const auto flags = m_pending.take(request);
    for (auto it = m_flags.begin(); it != m_flags.end();)
        it = it.value() == flags ? m_flags.erase(it) : std::next(it);
    Q_EMIT startFailed(request, why);
}

void RunController::onFinished(const QString& runId, const QString& status, const QString& error) {
    m_flags.remove(runId);
    Q_EMIT runFinished(runId, status, error);
    Q_EMIT runsChanged();
}

bool RunController::cancelRun(const QString& runId) {
    auto it = m_flags.find(runId);
    if (it == m_flags.end()) return false;
    (*it)->cancel = true;
    return true;
}

void RunController::reattach() {
    const QString dir = m_workspace;
    auto relay = m_relay;
    m_pool.start([dir, relay] {
        try {
            if (auto ws = kiln::Workspace::open(dir.toStdString(), false)) kiln::reattachRuns(**ws);
        } catch (...) {
            // A catalog that cannot be read is reported by the navigator.
        }
        relay->changed();
    });
}

}  // namespace studio
}  // namespace kiln
