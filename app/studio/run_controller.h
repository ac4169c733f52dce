#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <memory>

#include "core/remote/worker_event.h"
#include "core/train/run_spec.h"
#include "widgets/run_record.h"  // WorkerEvent as a Qt meta type

namespace kiln {
namespace studio {

// What stops following a run early: cancel asks the worker to stop (it checkpoints, then
// finishes); detach stops listening while the worker keeps training (Studio closes).
struct FollowFlags {
    std::atomic<bool> cancel{false};
    std::atomic<bool> detach{false};
};

// Starts training runs on this machine or on an SSH host and follows them: each run is defined
// (resolved against its data, validated, recorded with createRun) and its `kiln worker` followed
// on a thread of the controller's own pool, with its own Workspace connection (LocalExecutor, or
// SshExecutor, which stages the data and records the events exactly as a local run's). Events come
// back to the GUI thread as queued signals. Closing Studio (destroying the controller) detaches
// from running workers, which keep training; the next start re-attaches them (reattach()).
// A remote run whose connection is lost (follow gives up after reconnectSeconds) ends here with
// the status kDisconnected while the catalog keeps it running; reconnectRun() follows it again.
// GUI thread only.
class RunController : public QObject {
    Q_OBJECT
public:
    // The status runFinished carries when the connection to a remote worker was lost.
    static constexpr const char* kDisconnected = "disconnected";

    explicit RunController(QObject* parent = nullptr);
    ~RunController() override;

    void setWorkspace(const QString& dir);
    QString workspace() const { return m_workspace; }
    // The `kiln` executable for workers (default: kilnPath()).
    void setKilnPath(const QString& path) { m_kiln = path; }
    QString kilnPath() const { return m_kiln; }
    // How long a remote follower tries to reconnect before it reports the connection lost.
    void setReconnectSeconds(int seconds) { m_reconnectSeconds = seconds; }

    // Starts a run of `spec` on dataset version `datasetVersionId` (dataset_versions.id) on
    // `host` (a host name of the workspace; empty: this computer). The run id arrives with
    // runCreated, or the reason it could not start with startFailed. Returns a request number
    // that both signals carry.
    int startRun(const kiln::RunSpec& spec, qint64 datasetVersionId, const QString& host = {});
    // Continues a cancelled or interrupted run from its last checkpoint, on `host` (where it ran:
    // empty or "local" for this computer).
    int resumeRun(const QString& runId, const QString& host = {});
    // Follows again a remote run still training on `host` (after the connection was lost).
    int reconnectRun(const QString& runId, const QString& host);
    // Asks a run followed here to stop (the worker checkpoints and finishes as cancelled).
    bool cancelRun(const QString& runId);
    bool isFollowing(const QString& runId) const { return m_flags.contains(runId); }
    int activeCount() const { return m_flags.size(); }
    // Why the connection to the run's host was lost (empty unless it was, and not followed again).
    QString connectionError(const QString& runId) const { return m_lost.value(runId); }
    // Brings runs left by an earlier Studio up to date (reattachRuns) in the background and
    // follows again those still training on hosts; emits runsChanged when done.
    void reattach();

Q_SIGNALS:
    void runCreated(int request, const QString& runId);
    void startFailed(int request, const QString& message);
    // One worker event (protocol 1), already recorded in the catalog.
    void runEvent(const QString& runId, const kiln::WorkerEvent& event);
    // The run ended here: its catalog status, or kDisconnected (the worker trains on). `error`
    // says why it failed, why the connection was lost, or why it could not start again.
    void runFinished(const QString& runId, const QString& status, const QString& error);
    // The set of runs or a run's status changed: the navigator should read the catalog again.
    void runsChanged();

public:
    struct Relay;  // carries results from pool threads while the controller lives

private:
    struct Launch {
        QString existingRun;  // resume or re-attach this run; empty: define a new one from spec
        kiln::RunSpec spec;
        qint64 versionId = 0;
        QString host;         // empty: this computer
        bool attach = false;  // follow a worker that is already running on the host
    };
    int launch(const Launch& what);
    void onCreated(int request, const QString& runId);
    void onFailed(int request, const QString& why);
    void onFinished(const QString& runId, const QString& status, const QString& error);

    QString m_workspace;
    QString m_kiln;
    int m_reconnectSeconds = 60;
    QThreadPool m_pool;
    std::shared_ptr<Relay> m_relay;
    QHash<QString, std::shared_ptr<FollowFlags>> m_flags;  // by run id
    QHash<int, std::shared_ptr<FollowFlags>> m_pending;  // by request, until created
    QHash<QString, QString> m_lost;  // run id -> why its host's connection was lost
    int m_requests = 0;
};

}  // namespace studio
}  // namespace kiln
