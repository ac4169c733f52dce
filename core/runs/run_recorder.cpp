#include "core/runs/run_recorder.h"
#include "core/store/migrations.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/analysis/metric_summary.h"
#include "core/remote/worker_event.h"
#include "core/store/catalog.h"
#include "core/store/sha256.h"
#include "core/store/workspace.h"

namespace kiln {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string isoTime(double seconds) {
    std::time_t t = std::time_t(seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[40];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &tm);
    char out[48];
    std::snprintf(out, sizeof out, "%s.%03dZ", buffer, int(std::fmod(seconds, 1.0) * 1000));
    return out;
}

double eventTime(const WorkerEvent& e) {
    if (e.time != 0) return e.time;
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

Status recordStarted(Catalog& c, const std::string& id, const event::Started& e, double time) {
    std::string device = e.device;
    if (!e.deviceReason.empty()) device += " (" + e.deviceReason + ")";
    return c.execute(
               "UPDATE runs SET status = 'running', device = ?, environment = ?, worker_pid = ?, "
               "error = '', "
               "started_at = COALESCE(started_at, ?), finished_at = NULL WHERE id = ?",
               {device, e.environmentJson, e.pid, isoTime(time), id});
}

Status recordMetric(Catalog& c, SummaryAccumulator& summary, const std::string& id, const event::Metric& e,
                    double time) {
    if (std::isnan(e.value)) return {};  // the worker wrote no value
    // One savepoint (it nests in a caller's transaction): the point and metric_last together.
    if (auto st = c.execute("SAVEPOINT metric"); !st) return st;
    const double wallTime = e.wallTime != 0 ? e.wallTime : time;
    // RETURNING gives a row only when the point is new: a repeated step keeps the first value.
    auto inserted = c.queryValue(
        "INSERT OR IGNORE INTO metrics (run_id, key, step, epoch, value, wall_time) VALUES "
        "(?, ?, ?, ?, ?, ?) RETURNING 1",
        {id, e.key, e.step, std::int64_t(e.epoch), e.value, wallTime});
    Status st = inserted || inserted.error().code == ErrorCode::NotFound ? Status() : Status(inserted.error());
    if (st) st = c.execute(kUpsertMetricLast, {id, e.key, e.step, std::int64_t(e.epoch), e.value});
    if (st && inserted) {
        summary.add(id, e.key, {e.step, std::int64_t(e.epoch), wallTime, e.value});
        st = summary.write();
    }
    if (!st) (void)c.execute("ROLLBACK TO metric");
    (void)c.execute("RELEASE metric");
    return st;
}

Status recordArtifact(Catalog& c, const std::string& id, const event::Artifact& e) {
    return c.execute(
        "INSERT INTO artifacts (run_id, kind, path, sha256, bytes) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (run_id, path) DO UPDATE SET kind = excluded.kind, sha256 = excluded.sha256, "
        "bytes = excluded.bytes",
        {id, e.kind, e.path, e.sha256, e.bytes});
}

}  // namespace

Status RunRecorder::ingest(const std::string& line) {
    auto parsed = parseWorkerEvent(line);
    if (!parsed) {
        // A torn or foreign line is skipped; a known event with bad fields is an error.
        if (parsed.error().code == ErrorCode::Corrupt) return parsed.error();
        return {};
    }
    return ingest(*parsed);
}

Status RunRecorder::ingest(const WorkerEvent& e) {
    const double time = eventTime(e);
    if (auto* started = e.as<event::Started>()) {
        m_finished.clear();
        return recordStarted(m_catalog, m_runId, *started, time);
    }
    if (auto* metric = e.as<event::Metric>()) {
        m_lastEpoch = std::max(m_lastEpoch, metric->epoch);
        return recordMetric(m_catalog, m_summary, m_runId, *metric, time);
    }
    if (auto* artifact = e.as<event::Artifact>()) return recordArtifact(m_catalog, m_runId, *artifact);
    if (auto* finished = e.as<event::Finished>()) {
        m_finished = finished->status;
        if (m_finished != "completed" && m_finished != "cancelled") m_finished = "failed";
        return m_catalog.execute(
                   "UPDATE runs SET status = ?, error = ?, finished_at = ? WHERE id = ?",
                   {m_finished, finished->error, isoTime(time), m_runId});
    }
    return {};  // hello, progress, log and unknown events change nothing in the catalog
}

Status RunRecorder::ingestFile(const fs::path& file, std::uint64_t& offset, std::uint64_t end) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return {};  // no events yet
    in.seekg(std::streamoff(offset));
    Transaction tx(m_catalog);
    if (!tx) return tx.error();
    std::string line;
    const std::uint64_t from = offset;
    while (offset < end && std::getline(in, line)) {
        if (in.eof()) break;  // a line still being written: read it next time
        offset += line.size() + 1;
        if (auto st = ingest(line); !st) {
            offset = from;  // rolled back: nothing of this call was recorded
            return st;
        }
    }
    return tx.commit();
}

bool isWorkerProcess(std::int64_t pid) {
    if (pid <= 0 || (::kill(pid_t(pid), 0) != 0 && errno != EPERM)) return false;
    std::ifstream in("/proc/" + std::to_string(pid) + "/cmdline", std::ios::binary);
    std::string cmdline((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    while (!cmdline.empty() && cmdline.back() == '\0') cmdline.pop_back();
    auto last = cmdline.rfind('\0');
    return last != std::string::npos && cmdline.substr(last + 1) == "worker";
}

Result<std::vector<std::string>> reattachRuns(Workspace& ws) {
    std::vector<std::pair<std::string, std::int64_t>> open;
    {
        auto st = ws.catalog().prepare(
            "SELECT id, worker_pid FROM runs WHERE status IN ('queued', 'running') AND worker_pid "
            "IS NOT NULL");
        if (!st) return st.error();
        for (auto row = st->step(); row && *row; row = st->step())
            open.emplace_back(st->columnText(0), st->columnInt(1));
    }
    std::vector<std::string> interrupted;
    for (const auto& [id, pid] : open) {
        bool alive = isWorkerProcess(pid);
        RunRecorder recorder(ws.catalog(), id);
        std::uint64_t offset = 0;
        if (auto st = recorder.ingestFile(ws.runsDir() / id / "events.jsonl", offset); !st)
            return st.error();
        auto status = RunStore(ws.catalog()).status(id);
        if (!status) return status.error();
        if (alive || !isActive(*status)) continue;
        std::string why =
            "the worker (pid " + std::to_string(pid) + ") stopped without finishing after epoch " +
            std::to_string(recorder.lastEpoch()) + "; metrics so far are kept; `kiln resume " + id +
            "` continues from the last checkpoint";
        if (auto st = markRun(ws.catalog(), id, RunStatus::Interrupted, why); !st) return st.error();
        interrupted.push_back(id);
    }
    return interrupted;
}

}  // namespace kiln
