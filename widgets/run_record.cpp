#include "widgets/run_record.h"

#include "widgets/message_texts.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <exception>

#include "core/runs/run_store.h"
#include "core/store/workspace.h"

namespace kiln {
namespace widgets {
namespace {

// The log keeps its last lines; a long run's log can be read in events.jsonl.
constexpr int kMaxLogLines = 5000;

QJsonObject parseObject(const QByteArray& json) {
    return QJsonDocument::fromJson(json).object();
}

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

kiln::Status readRunRow(kiln::RunStore& store, RunRecord& record) {
    auto run = store.get(record.id.toStdString());
    if (!run) return run.error();
    record.name = qs(run->name);
    record.status = QString::fromLatin1(kiln::runStatusName(run->status));
    record.error = qs(run->error);
    record.host = qs(run->host);
    record.device = qs(run->device);
    record.environment = parseObject(QByteArray::fromStdString(run->environmentJson));
    record.spec = parseObject(QByteArray::fromStdString(run->specJson));
    record.createdAt = qs(run->createdAt);
    record.startedAt = qs(run->startedAt.value_or(std::string()));
    record.finishedAt = qs(run->finishedAt.value_or(std::string()));
    record.hostTarget = qs(run->hostTarget);
    return {};
}

kiln::Status readMetrics(kiln::RunStore& store, RunRecord& record) {
    auto metrics = store.metrics(record.id.toStdString());
    if (!metrics) return metrics.error();
    for (const kiln::RunMetric& m : *metrics)
        record.metrics.push_back({qs(m.key), int(m.epoch), m.value, qint64(m.step)});
    return {};
}

void readEvent(const kiln::WorkerEvent& e, RunRecord& record) {
    record.lastEventTime = std::max(record.lastEventTime, e.time);
    if (auto* started = e.as<kiln::event::Started>()) {
        record.startedTime = e.time;
        record.deviceReason = qs(started->deviceReason);
    } else if (auto* progress = e.as<kiln::event::Progress>()) {
        record.epoch = progress->epoch;
        record.step = int(progress->step);
        record.stepsPerEpoch = int(progress->stepsPerEpoch);
    }
    RunLogLine line;
    if (logLineFor(e, line)) record.log.push_back(line);
}

void readEvents(const QString& file, RunRecord& record) {
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) return;  // a queued run has no events yet
    while (!in.atEnd()) {
        const QByteArray line = in.readLine().trimmed();
        if (auto event = kiln::parseWorkerEvent(line.toStdString())) readEvent(*event, record);
    }
    if (record.log.size() > kMaxLogLines) record.log.remove(0, record.log.size() - kMaxLogLines);
}

void readReport(const QString& file, RunRecord& record) {
    QFile in(file);
    if (in.open(QIODevice::ReadOnly)) record.report = parseObject(in.readAll());
}

}  // namespace

bool logLineFor(const kiln::WorkerEvent& e, RunLogLine& line) {
    line.time = e.time;
    line.level = QStringLiteral("info");
    if (auto* log = e.as<kiln::event::Log>()) {
        line.level = qs(log->level);
        line.message = qs(log->message);
    } else if (auto* hello = e.as<kiln::event::Hello>()) {
        line.message =
            QCoreApplication::translate("kiln::widgets::RunRecord", "Worker: kiln %1, protocol %2")
                .arg(qs(hello->kiln))
                .arg(hello->protocol);
    } else if (auto* started = e.as<kiln::event::Started>()) {
        line.message =
            (started->resume
                 ? QCoreApplication::translate("kiln::widgets::RunRecord", "Resumed on %1: %2")
                 : QCoreApplication::translate("kiln::widgets::RunRecord", "Started on %1: %2"))
                .arg(qs(started->device), localMessage(qs(started->deviceReason)));
    } else if (auto* artifact = e.as<kiln::event::Artifact>()) {
        line.message =
            QCoreApplication::translate("kiln::widgets::RunRecord", "Saved %1: %2 (%3 bytes)")
                .arg(qs(artifact->kind), qs(artifact->path))
                .arg(artifact->bytes);
    } else if (auto* finished = e.as<kiln::event::Finished>()) {
        const QString status = qs(finished->status);
        if (status == QLatin1String("failed")) line.level = QStringLiteral("error");
        line.message =
            finished->error.empty()
                ? QCoreApplication::translate("kiln::widgets::RunRecord", "Finished: %1")
                      .arg(status)
                : QCoreApplication::translate("kiln::widgets::RunRecord", "Finished: %1 (%2)")
                      .arg(status, qs(finished->error));
    } else {
        return false;
    }
    return true;
}

QString RunRecord::task() const {
    const QString fromReport =
        report.value(QLatin1String("test")).toObject().value(QLatin1String("task")).toString();
    if (!fromReport.isEmpty()) return fromReport;
    const QString fromSpec = spec.value(QLatin1String("task")).toString();
    if (fromSpec == QLatin1String("classification") || fromSpec == QLatin1String("regression"))
        return fromSpec;
    for (const RunMetricPoint& p : metrics) {
        if (p.key.endsWith(QLatin1String("accuracy"))) return QStringLiteral("classification");
        if (p.key.endsWith(QLatin1String("rmse"))) return QStringLiteral("regression");
    }
    return {};
}

RunRecord readRunRecord(const QString& workspaceDir, const QString& runId) {
    RunRecord record;
    record.workspace = workspaceDir;
    record.id = runId;
    try {
        auto workspace = kiln::Workspace::open(workspaceDir.toStdString(), false);
        if (!workspace) {
            record.failure = QString::fromStdString(workspace.error().toString());
            return record;
        }
        kiln::RunStore store(workspace.value()->catalog());
        kiln::Status st = readRunRow(store, record);
        if (st) st = readMetrics(store, record);
        if (!st) {
            record.failure = QString::fromStdString(st.error().toString());
            return record;
        }
        const QString dir =
            QString::fromStdString((workspace.value()->runsDir() / runId.toStdString()).string());
        readEvents(dir + QLatin1String("/events.jsonl"), record);
        readReport(dir + QLatin1String("/report.json"), record);
    } catch (const std::exception& e) {
        record.failure = QString::fromLocal8Bit(e.what());
    }
    return record;
}

}  // namespace widgets
}  // namespace kiln
