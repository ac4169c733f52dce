#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <memory>

#include "core/train/run_spec.h"

namespace kiln {
namespace studio {

// What stops following a run early: cancel asks the worker to stop (it checkpoints, then
// finishes); detach stops listening while the worker keeps training (Studio closes).
struct FollowFlags {
    std::atomic<bool> cancel{false};
    std::atomic<bool> detach{false};
};

// Starts training runs on this machine and follows them: each run is defined (resolved against
// its data, validated, recorded with createRun) and its `kiln worker` followed on a thread of the
// controller's own pool, with its own Workspace connection. Events come back to the GUI thread
// as queued signals. Closing Studio (destroying the controller) detaches from running workers,
// which keep training; the next start re-attaches them (reattach()). GUI thread only.
class RunController : public QObject {
    Q_OBJECT
public:
    explicit RunController(QObject* parent = nullptr);
    ~RunController() override;

    void setWorkspace(const QString& dir);
    QString workspace() const { return m_workspace; }
    // The `kiln` executable for workers (default: kilnPath()).
    void setKilnPath(const QString& path) { m_kiln = path; }
    QString kilnPath() const { return m_kiln; }

    // Starts a run of `spec` on dataset version `datasetVersionId` (dataset_versions.id). The
    // run id arrives with runCreated, or the reason it could not start with startFailed. Returns
    // a request number that both signals carry.
    int startRun(const kiln::RunSpec& spec, qint64 datasetVersionId);
    // Continues a cancelled or interrupted run from its last checkpoint.
    int resumeRun(const QString& runId);
    // Asks a run followed here to stop (the worker checkpoints and finishes as cancelled).
    bool cancelRun(const QString& runId);
    bool isFollowing(const QString& runId) const { return m_flags.contains(runId); }
    int activeCount() const { return m_flags.size(); }
    // Brings runs left by an earlier Studio up to date (reattachRuns) in the background; emits
    // runsChanged when done.
    void reattach();

Q_SIGNALS:
    void runCreated(int request, const QString& runId);
    void startFailed(int request, const QString& message);
    // One worker event line (protocol 1), already recorded in the catalog.
    void runEvent(const QString& runId, const QByteArray& line);
    void runFinished(const QString& runId, const QString& status, const QString& error);
    // The set of runs or a run's status changed: the navigator should read the catalog again.
    void runsChanged();

public:
    struct Relay;  // carries results from pool threads while the controller lives

private:
    int launch(const QString& existingRun, const kiln::RunSpec& spec, qint64 versionId);
    void onCreated(int request, const QString& runId);
    void onFailed(int request, const QString& why);
    void onFinished(const QString& runId, const QString& status, const QString& error);

    QString m_workspace;
    QString m_kiln;
    QThreadPool m_pool;
    std::shared_ptr<Relay> m_relay;
    QHash<QString, std::shared_ptr<FollowFlags>> m_flags;  // by run id
    QHash<int, std::shared_ptr<FollowFlags>> m_pending;  // by request, until created
    int m_requests = 0;
};

}  // namespace studio
}  // namespace kiln
