#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QVector>

#include "core/remote/worker_event.h"

namespace kiln {
namespace widgets {

// One recorded metric value of a run.
struct RunMetricPoint {
    QString key;  // "train_loss", "val_accuracy", "test_rmse", …
    int epoch = 0;
    double value = 0;
    qint64 step = 0;  // the epoch for per-epoch metrics; batches so far for train_loss_step
};

// One log line of a run's worker.
struct RunLogLine {
    double time = 0;  // wall time, seconds since the epoch
    QString level;
    QString message;
};

// Everything a run tab shows about a run, read in one go from the catalog and the run folder
// (events.jsonl, report.json): for a finished run after a restart, or to catch up with a live one.
struct RunRecord {
    QString workspace;
    QString id;
    QString name;
    QString status;  // queued | running | completed | failed | cancelled | interrupted
    QString error;
    QString host;        // "local" or the name of the SSH host it ran on
    QString hostTarget;  // that host's USER@HOST[:PORT] (empty for local, or a removed host)
    QString device;
    QString deviceReason;
    QString createdAt, startedAt, finishedAt;
    QJsonObject spec;
    QJsonObject environment;
    QVector<RunMetricPoint> metrics;
    QVector<RunLogLine> log;
    QJsonObject report;        // report.json, empty until the run completed
    double startedTime = 0;    // wall time of the latest `started` event
    double lastEventTime = 0;  // wall time of the last event read from events.jsonl
    int epoch = 0, step = 0, stepsPerEpoch = 0;  // the last progress event
    QString failure;                             // empty when the record was read

    bool ok() const { return failure.isEmpty(); }
    bool isActive() const {
        return status == QLatin1String("queued") || status == QLatin1String("running");
    }
    // True when the run went to an SSH host.
    bool isRemote() const { return !host.isEmpty() && host != QLatin1String("local"); }
    // "classification", "regression" or empty when the spec and the report do not say.
    QString task() const;
};

// The log line a worker event makes: log events as they are, and the started, artifact and
// finished events told in a sentence. False for events that make none (metrics, progress).
bool logLineFor(const kiln::WorkerEvent& event, RunLogLine& line);

// Opens the workspace at `workspaceDir` on the calling thread and reads run `runId`. Meant for a
// pool thread (file and catalog I/O). Never throws; failure says what went wrong.
RunRecord readRunRecord(const QString& workspaceDir, const QString& runId);

}  // namespace widgets
}  // namespace kiln

Q_DECLARE_METATYPE(kiln::widgets::RunRecord)
Q_DECLARE_METATYPE(kiln::WorkerEvent)
