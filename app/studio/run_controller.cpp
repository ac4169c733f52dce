#include "app/studio/run_controller.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMetaObject>

#include <exception>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "app/studio/kiln_path.h"
#include "core/remote/ssh_executor.h"
#include "core/runs/launcher.h"
#include "core/runs/run_recorder.h"
#include "core/runs/run_store.h"
#include "core/store/workspace.h"

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
    void event(const QString& runId, const kiln::WorkerEvent& e) {
        post([runId, e](RunController* c) { Q_EMIT c->runEvent(runId, e); });
    }
    void finished(const QString& runId, const QString& status, const QString& error) {
        post([=](RunController* c) { c->onFinished(runId, status, error); });
    }
    void changed() {
        post([](RunController* c) { Q_EMIT c->runsChanged(); });
    }
    void followAgain(const QString& runId, const QString& host) {
        post([runId, host](RunController* c) {
            if (!c->isFollowing(runId)) c->reconnectRun(runId, host);
        });
    }
};

namespace {

constexpr int kProgressIntervalMs = 40;  // progress events reach the GUI at most 25 times a second

struct RunJob {
    QString workspace;
    QString kiln;
    QString existingRun;  // resume or re-attach this run; empty: define a new one from spec
    kiln::RunSpec spec;
    qint64 versionId = 0;
    QString host;         // empty: this computer
    bool attach = false;  // the worker runs on the host already
    int reconnectSeconds = 60;
    int request = 0;
    std::shared_ptr<FollowFlags> flags;
    std::shared_ptr<RunController::Relay> relay;
};

QString fromError(const kiln::Error& error) {
    return QString::fromStdString(error.toString());
}

// Resolves, validates and records a new run where it goes; returns its id.
kiln::Result<std::string> defineRun(kiln::Workspace& ws, const RunJob& job) {
    kiln::RunSpec spec = job.spec;
    if (auto st = kiln::prepareRunSpec(ws, spec); !st) return st.error();
    return kiln::recordRun(ws, spec, job.versionId, job.host.toStdString());
}

// Forwards every event but thins progress lines (one per batch) to kProgressIntervalMs. A thinned
// line is kept and sent before the next other event, so the newest progress of a burst (a remote
// follower reads many events at once) is never the one lost.
class EventForwarder {
public:
    EventForwarder(const RunJob& job, QString runId) : m_job(job), m_runId(std::move(runId)) {
        m_clock.start();
    }
    void operator()(const kiln::WorkerEvent& e) {
        if (e.is<kiln::event::Progress>()) {
            if (m_clock.elapsed() - m_last < kProgressIntervalMs) {
                m_pending = e;
                return;
            }
            m_last = m_clock.elapsed();
            m_pending.reset();
            return send(e);
        }
        if (m_pending) send(*std::exchange(m_pending, std::nullopt));
        send(e);
    }

private:
    void send(const kiln::WorkerEvent& e) {
        m_job.relay->event(m_runId, e);
        // Queued → running: the navigator shows it (a remote run stages its data first).
        if (e.is<kiln::event::Started>()) m_job.relay->changed();
    }

    const RunJob& m_job;
    QString m_runId;
    QElapsedTimer m_clock;
    qint64 m_last = -kProgressIntervalMs;
    std::optional<kiln::WorkerEvent> m_pending;  // the newest progress event held back
};

void finish(const RunJob& job, const QString& runId, const QString& status, const QString& error) {
    job.relay->finished(runId, status, error);
}

QString runError(kiln::Workspace& ws, const std::string& runId) {
    auto run = kiln::RunStore(ws.catalog()).get(runId);
    return run ? QString::fromStdString(run->error) : QString();
}

// Reports the end of a followed worker: its status, and for a failed run the catalog's error.
void finishWith(kiln::Workspace& ws, const RunJob& job, const std::string& runId,
                const std::string& status) {
    if (status == "detached") return;
    const QString error =
        status == "failed" || status == "interrupted" ? runError(ws, runId) : QString();
    finish(job, QString::fromStdString(runId), QString::fromStdString(status), error);
}

// A worker that could not be started (`started` false) or followed to its end.
void trouble(kiln::Workspace& ws, const RunJob& job, const std::string& runId,
             const kiln::Error& error, bool started) {
    const QString id = QString::fromStdString(runId);
    const auto stored = kiln::RunStore(ws.catalog()).status(runId);
    const QString status = stored ? QString::fromLatin1(kiln::runStatusName(*stored)) : QString();
    if (!started && job.existingRun.isEmpty())  // a new run that never started: the launcher
        return finish(job, id, QStringLiteral("failed"), runError(ws, runId));  // marked it failed
    if (job.host.isEmpty())  // on this machine nothing trains on without its follower
        return finish(job, id, started ? QStringLiteral("failed") : status,
                      QString::fromStdString(error.toString()));
    // A worker that may train on keeps its catalog status; only this follower stops. A resumed
    // run that could not start again stays resumable.
    const bool active = stored && kiln::isActive(*stored);
    // Another process (`kiln attach`, another Studio) follows it: its tab reads the catalog.
    if (error.code == kiln::ErrorCode::Busy) return finish(job, id, status, QString());
    finish(job, id, active ? QString::fromLatin1(RunController::kDisconnected) : status,
           QString::fromStdString(error.message));
}

void follow(kiln::Workspace& ws, const RunJob& job, const std::string& runId) {
    kiln::LaunchOptions options;
    options.mode = job.attach                     ? kiln::LaunchMode::Attach
                   : job.existingRun.isEmpty()    ? kiln::LaunchMode::Fresh
                                                  : kiln::LaunchMode::Resume;
    options.host = job.host.toStdString();
    options.kilnPath = job.kiln.toStdString();
    options.reconnectSeconds = job.reconnectSeconds;
    auto executor = kiln::launchRun(ws, runId, options);
    if (!executor) return trouble(ws, job, runId, executor.error(), job.attach);
    EventForwarder forward(job, QString::fromStdString(runId));
    auto status = (*executor)->follow(std::ref(forward), &job.flags->cancel, &job.flags->detach);
    // A lost connection (or a refused host key) leaves a remote run training there.
    if (!status) return trouble(ws, job, runId, status.error(), true);
    finishWith(ws, job, runId, *status);
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

int RunController::startRun(const kiln::RunSpec& spec, qint64 datasetVersionId,
                            const QString& host) {
    return launch({QString(), spec, datasetVersionId, host, false});
}

int RunController::resumeRun(const QString& runId, const QString& host) {
    if (m_flags.contains(runId)) return 0;
    const QString where = host == QLatin1String("local") ? QString() : host;
    return launch({runId, kiln::RunSpec{}, 0, where, false});
}

int RunController::reconnectRun(const QString& runId, const QString& host) {
    if (m_flags.contains(runId) || host.isEmpty() || host == QLatin1String("local")) return 0;
    return launch({runId, kiln::RunSpec{}, 0, host, true});
}

int RunController::launch(const Launch& what) {
    RunJob job;
    job.workspace = m_workspace;
    job.kiln = m_kiln;
    job.existingRun = what.existingRun;
    job.spec = what.spec;
    job.versionId = what.versionId;
    job.host = what.host;
    job.attach = what.attach;
    job.reconnectSeconds = m_reconnectSeconds;
    job.request = ++m_requests;
    job.flags = std::make_shared<FollowFlags>();
    job.relay = m_relay;
    m_pending.insert(job.request, job.flags);
    // A resumed run is followed from the click on: cancel reaches it and its tab keeps the
    // queued status even before the worker thread has opened the workspace.
    if (!what.existingRun.isEmpty()) {
        m_flags.insert(what.existingRun, job.flags);
        m_lost.remove(what.existingRun);
    }
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
    if (status == QLatin1String(kDisconnected)) m_lost.insert(runId, error);
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
        std::vector<kiln::RemoteRun> remote;
        try {
            if (auto ws = kiln::Workspace::open(dir.toStdString(), false)) {
                (void)kiln::reattachRuns(**ws);
                if (auto runs = kiln::remoteRunsInFlight(**ws)) remote = *runs;
            }
        } catch (...) {
            // A catalog that cannot be read is reported by the navigator.
        }
        for (const kiln::RemoteRun& run : remote)
            relay->followAgain(QString::fromStdString(run.runId), QString::fromStdString(run.host));
        relay->changed();
    });
}

}  // namespace studio
}  // namespace kiln
