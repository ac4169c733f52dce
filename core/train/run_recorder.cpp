#include "core/train/run_recorder.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "core/store/catalog.h"
#include "core/store/sha256.h"
#include "core/store/workspace.h"

namespace kiln {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

Status run(Catalog& catalog, std::string_view sql, std::initializer_list<SqlValue> params) {
    auto st = catalog.prepare(sql);
    if (!st) return st.error();
    if (auto b = st->bind(params); !b) return b;
    auto step = st->step();
    if (!step) return step.error();
    return {};
}

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

double eventTime(const json& e) {
    if (e.contains("time") && e["time"].is_number()) return e["time"].get<double>();
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void flatten(const json& j, const std::string& prefix,
             std::vector<std::pair<std::string, std::string>>& out) {
    for (auto& [key, value] : j.items()) {
        std::string name = prefix.empty() ? key : prefix + "." + key;
        if (value.is_object())
            flatten(value, name, out);
        else
            out.emplace_back(name, value.is_string() ? value.get<std::string>() : value.dump());
    }
}

Status recordStarted(Catalog& c, const std::string& id, const json& e) {
    std::string env = e.contains("environment") ? e["environment"].dump() : "{}";
    std::string device = e.value("device", "");
    if (e.contains("device_reason")) device += " (" + e["device_reason"].get<std::string>() + ")";
    return run(c,
               "UPDATE runs SET status = 'running', device = ?, environment = ?, worker_pid = ?, "
               "error = '', "
               "started_at = COALESCE(started_at, ?), finished_at = NULL WHERE id = ?",
               {device, env, std::int64_t(e.value("pid", 0)), isoTime(eventTime(e)), id});
}

Status recordMetric(Catalog& c, const std::string& id, const json& e) {
    if (!e.contains("value") || !e["value"].is_number()) return {};
    return run(c,
               "INSERT OR IGNORE INTO metrics (run_id, key, step, epoch, value, wall_time) VALUES "
               "(?, ?, ?, ?, ?, ?)",
               {id, e.value("key", ""), std::int64_t(e.value("step", 0)),
                std::int64_t(e.value("epoch", 0)), e["value"].get<double>(),
                e.value("wall_time", eventTime(e))});
}

Status recordArtifact(Catalog& c, const std::string& id, const json& e) {
    return run(
        c,
        "INSERT INTO artifacts (run_id, kind, path, sha256, bytes) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (run_id, path) DO UPDATE SET kind = excluded.kind, sha256 = excluded.sha256, "
        "bytes = excluded.bytes",
        {id, e.value("kind", ""), e.value("path", ""), e.value("sha256", ""),
         std::int64_t(e.value("bytes", 0))});
}

}  // namespace

std::string newRunId() {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    std::random_device rd;
    char suffix[8];
    std::snprintf(suffix, sizeof suffix, "%04x", unsigned(rd() & 0xffff));
    return std::string(stamp) + "-" + suffix;
}

Result<std::string> resolveRunId(Catalog& catalog, const std::string& text) {
    if (text.empty())
        return makeError(ErrorCode::InvalidArgument, "no run id given", "see `kiln runs`");
    // substr compares bytes: a prefix is a prefix, never a LIKE pattern.
    auto st = catalog.prepare(
        "SELECT id FROM runs WHERE substr(id, 1, length(?1)) = ?1 ORDER BY id = ?1 DESC, id "
        "LIMIT 3");
    if (!st) return st.error();
    if (auto b = st->bind({text}); !b) return b.error();
    std::vector<std::string> ids;
    for (auto row = st->step(); row && *row; row = st->step()) ids.push_back(st->columnText(0));
    if (ids.empty())
        return makeError(ErrorCode::NotFound, "no run '" + text + "'", "see `kiln runs`");
    if (ids.size() > 1 && ids[0] != text)
        return makeError(ErrorCode::InvalidArgument,
                         "'" + text + "' names more than one run; give more of the id");
    return ids[0];
}

Status markRun(Catalog& catalog, const std::string& runId, const std::string& status,
               const std::string& error) {
    return run(catalog,
               "UPDATE runs SET status = ?, error = ?, finished_at = "
               "strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
               {status, error, runId});
}

Result<std::string> createRun(Workspace& ws, const RunSpec& spec, std::int64_t datasetVersionId) {
    std::string id = newRunId();
    std::string specJson = spec.toJson();
    Catalog& c = ws.catalog();
    if (auto st = c.begin(); !st) return st.error();
    auto insert =
        run(c,
            "INSERT INTO runs (id, name, dataset_version_id, status, spec, host) VALUES (?, ?, ?, "
            "'queued', ?, 'local')",
            {id, spec.dataset + "/" + spec.target + " " + spec.model.family,
             datasetVersionId ? SqlValue(datasetVersionId) : SqlValue(nullptr), specJson});
    std::vector<std::pair<std::string, std::string>> params;
    flatten(json::parse(specJson), "", params);
    for (const auto& [key, value] : params) {
        if (!insert) break;
        if (key == "notes" || key == "format") continue;
        insert = run(c, "INSERT OR REPLACE INTO params (run_id, key, value) VALUES (?, ?, ?)",
                     {id, key, value});
    }
    if (!insert) {
        c.rollback();
        return insert.error();
    }
    if (auto st = c.commit(); !st) return st.error();
    fs::path dir = ws.runsDir() / id;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        return makeError(ErrorCode::Io, "cannot create the run folder: " + ec.message(),
                         dir.string());
    std::string text = specJson + "\n";
    if (!(std::ofstream(dir / "spec.json", std::ios::binary) << text))
        return makeError(ErrorCode::Io, "cannot write spec.json", dir.string());
    if (auto st = run(c,
                      "INSERT OR REPLACE INTO artifacts (run_id, kind, path, sha256, bytes) VALUES "
                      "(?, 'spec', 'spec.json', ?, ?)",
                      {id, Sha256::hashHex(text), std::int64_t(text.size())});
        !st)
        return st.error();
    return id;
}

Status RunRecorder::ingest(const std::string& line) {
    auto e = json::parse(line, nullptr, false);
    if (!e.is_object() || !e.contains("event") || !e["event"].is_string()) return {};
    const std::string kind = e["event"];
    try {
        if (kind == "started") {
            m_finished.clear();
            return recordStarted(m_catalog, m_runId, e);
        }
        if (kind == "metric") {
            m_lastEpoch = std::max(m_lastEpoch, e.value("epoch", 0));
            return recordMetric(m_catalog, m_runId, e);
        }
        if (kind == "artifact") return recordArtifact(m_catalog, m_runId, e);
        if (kind == "finished") {
            m_finished = e.value("status", "failed");
            if (m_finished != "completed" && m_finished != "cancelled") m_finished = "failed";
            return run(m_catalog,
                       "UPDATE runs SET status = ?, error = ?, finished_at = ? WHERE id = ?",
                       {m_finished, e.value("error", ""), isoTime(eventTime(e)), m_runId});
        }
    } catch (const json::exception& ex) {
        return makeError(ErrorCode::Corrupt, std::string("malformed worker event: ") + ex.what(),
                         line.substr(0, 200));
    }
    return {};  // hello, progress, log and unknown events change nothing in the catalog
}

Status RunRecorder::ingestFile(const fs::path& file, std::uint64_t& offset, std::uint64_t end) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return {};  // no events yet
    in.seekg(std::streamoff(offset));
    if (auto st = m_catalog.begin(); !st) return st;
    std::string line;
    while (offset < end && std::getline(in, line)) {
        if (in.eof()) break;  // a line still being written: read it next time
        offset += line.size() + 1;
        if (auto st = ingest(line); !st) {
            m_catalog.rollback();
            return st;
        }
    }
    return m_catalog.commit();
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
        auto status = ws.catalog().queryValue("SELECT status FROM runs WHERE id = ?", {id});
        if (!status) return status.error();
        std::string now = std::get<std::string>(*status);
        if (alive || (now != "running" && now != "queued")) continue;
        std::string why =
            "the worker (pid " + std::to_string(pid) + ") stopped without finishing after epoch " +
            std::to_string(recorder.lastEpoch()) + "; metrics so far are kept; `kiln resume " + id +
            "` continues from the last checkpoint";
        if (auto st = markRun(ws.catalog(), id, "interrupted", why); !st) return st.error();
        interrupted.push_back(id);
    }
    return interrupted;
}

}  // namespace kiln
