#include "core/runs/run_store.h"

#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <utility>

#include "core/store/catalog.h"
#include "core/store/sha256.h"
#include "core/store/workspace.h"
#include "core/train/run_spec.h"

namespace kiln {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// The runs row with its dataset and host, the last epoch and the test score; `WHERE …` follows.
constexpr const char* kRunSelect =
    "SELECT r.id, r.name, r.status, COALESCE(r.error, ''), COALESCE(r.host, 'local'), "
    "COALESCE(h.ssh_target, ''), COALESCE(r.device, ''), COALESCE(d.name, ''), "
    "COALESCE(v.version, 0), COALESCE(r.dataset_version_id, 0), COALESCE(r.spec, '{}'), "
    "COALESCE(r.environment, '{}'), r.created_at, r.started_at, r.finished_at, r.worker_pid, "
    "(SELECT epoch FROM metric_last WHERE run_id = r.id AND key = 'train_loss'), "
    "(SELECT value FROM metric_last WHERE run_id = r.id AND key IN ('test_accuracy', 'test_r2') "
    "LIMIT 1) "
    "FROM runs r LEFT JOIN dataset_versions v ON v.id = r.dataset_version_id "
    "LEFT JOIN datasets d ON d.id = v.dataset_id LEFT JOIN hosts h ON h.name = r.host ";

std::optional<std::string> optionalText(const Statement& row, int column) {
    if (row.columnIsNull(column)) return std::nullopt;
    return row.columnText(column);
}

std::optional<std::int64_t> optionalInt(const Statement& row, int column) {
    if (row.columnIsNull(column)) return std::nullopt;
    return row.columnInt(column);
}

StoredRun readRun(const Statement& row) {
    StoredRun r;
    r.id = row.columnText(0);
    r.name = row.columnText(1);
    // A status this Kiln does not know (a newer one wrote it) reads as failed: not resumable.
    r.status = parseRunStatus(row.columnText(2)).value_or(RunStatus::Failed);
    r.error = row.columnText(3);
    r.host = row.columnText(4);
    r.hostTarget = row.columnText(5);
    r.device = row.columnText(6);
    r.dataset = row.columnText(7);
    r.datasetVersion = row.columnInt(8);
    r.datasetVersionId = row.columnInt(9);
    r.specJson = row.columnText(10);
    r.environmentJson = row.columnText(11);
    r.createdAt = row.columnText(12);
    r.startedAt = optionalText(row, 13);
    r.finishedAt = optionalText(row, 14);
    r.workerPid = optionalInt(row, 15);
    r.lastEpoch = optionalInt(row, 16);
    if (!row.columnIsNull(17)) r.testScore = row.columnDouble(17);
    return r;
}

template <class T, class Read>
Result<std::vector<T>> query(Catalog& c, const std::string& sql,
                             std::initializer_list<SqlValue> params, Read read) {
    return c.queryRows<T>(sql, params, read);
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

Status writeSpecFile(Workspace& ws, const std::string& id, const std::string& specJson) {
    fs::path dir = ws.runsDir() / id;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        return makeError(ErrorCode::Io, "cannot create the run folder: " + ec.message(),
                         dir.string());
    std::string text = specJson + "\n";
    if (!(std::ofstream(dir / "spec.json", std::ios::binary) << text))
        return makeError(ErrorCode::Io, "cannot write spec.json", dir.string());
    return ws.catalog().execute(
        "INSERT OR REPLACE INTO artifacts (run_id, kind, path, sha256, bytes) VALUES "
        "(?, 'spec', 'spec.json', ?, ?)",
        {id, Sha256::hashHex(text), std::int64_t(text.size())});
}

}  // namespace

Result<std::string> RunStore::resolveId(const std::string& text) {
    if (text.empty())
        return makeError(ErrorCode::InvalidArgument, "no run id given", "see `kiln runs`");
    // substr compares bytes: a prefix is a prefix, never a LIKE pattern.
    auto ids = query<std::string>(
        m_catalog,
        "SELECT id FROM runs WHERE substr(id, 1, length(?1)) = ?1 ORDER BY id = ?1 DESC, id "
        "LIMIT 3",
        {text}, [](const Statement& row) { return row.columnText(0); });
    if (!ids) return ids.error();
    if (ids->empty())
        return makeError(ErrorCode::NotFound, "no run '" + text + "'", "see `kiln runs`");
    if (ids->size() > 1 && (*ids)[0] != text)
        return makeError(ErrorCode::InvalidArgument,
                         "'" + text + "' names more than one run; give more of the id");
    return (*ids)[0];
}

Result<StoredRun> RunStore::get(const std::string& id) {
    auto runs = query<StoredRun>(m_catalog, std::string(kRunSelect) + "WHERE r.id = ?", {id},
                                 readRun);
    if (!runs) return runs.error();
    if (runs->empty()) return makeError(ErrorCode::NotFound, "there is no run " + id);
    return std::move((*runs)[0]);
}

Result<RunStatus> RunStore::status(const std::string& id) {
    auto value = m_catalog.queryValue("SELECT status FROM runs WHERE id = ?", {id});
    if (!value) {
        if (value.error().code == ErrorCode::NotFound)
            return makeError(ErrorCode::NotFound, "there is no run " + id);
        return value.error();
    }
    const auto* text = std::get_if<std::string>(&*value);
    return parseRunStatus(text ? *text : std::string()).value_or(RunStatus::Failed);
}

Result<std::vector<StoredRun>> RunStore::list(const RunListFilter& filter) {
    const std::string order = "ORDER BY r.created_at, r.id";
    if (filter.datasetVersionId)
        return query<StoredRun>(m_catalog,
                                std::string(kRunSelect) + "WHERE r.dataset_version_id = ? " + order,
                                {*filter.datasetVersionId}, readRun);
    if (filter.datasetId)
        return query<StoredRun>(m_catalog,
                                std::string(kRunSelect) + "WHERE v.dataset_id = ? " + order,
                                {*filter.datasetId}, readRun);
    return query<StoredRun>(m_catalog, std::string(kRunSelect) + order, {}, readRun);
}

Result<std::vector<StoredRun>> RunStore::newest(std::size_t limit) {
    return query<StoredRun>(
        m_catalog, "SELECT id, name, status FROM runs ORDER BY created_at DESC LIMIT ?",
        {std::int64_t(limit)}, [](const Statement& row) {
            StoredRun r;
            r.id = row.columnText(0);
            r.name = row.columnText(1);
            r.status = parseRunStatus(row.columnText(2)).value_or(RunStatus::Failed);
            return r;
        });
}

Result<std::vector<RunParam>> RunStore::params(const std::string& id) {
    return query<RunParam>(m_catalog, "SELECT key, value FROM params WHERE run_id = ? ORDER BY key",
                           {id}, [](const Statement& row) {
                               return RunParam{row.columnText(0), row.columnText(1)};
                           });
}

Result<std::vector<RunMetric>> RunStore::metrics(const std::string& id) {
    return query<RunMetric>(
        m_catalog,
        "SELECT key, step, epoch, value FROM metrics WHERE run_id = ? ORDER BY key, step", {id},
        [](const Statement& row) {
            return RunMetric{row.columnText(0), row.columnInt(1), row.columnInt(2),
                             row.columnDouble(3)};
        });
}

Result<std::map<std::string, double>> RunStore::finalMetrics(const std::string& id) {
    auto rows = query<std::pair<std::string, double>>(
        m_catalog,
        "SELECT key, value FROM metrics m WHERE run_id = ? AND step = (SELECT MAX(step) FROM "
        "metrics WHERE run_id = m.run_id AND key = m.key) ORDER BY key",
        {id}, [](const Statement& row) {
            return std::make_pair(row.columnText(0), row.columnDouble(1));
        });
    if (!rows) return rows.error();
    return std::map<std::string, double>(rows->begin(), rows->end());
}

Result<std::vector<RunArtifact>> RunStore::artifacts(const std::string& id) {
    return query<RunArtifact>(
        m_catalog,
        "SELECT kind, path, sha256, bytes FROM artifacts WHERE run_id = ? ORDER BY path", {id},
        [](const Statement& row) {
            return RunArtifact{row.columnText(0), row.columnText(1), row.columnText(2),
                               row.columnInt(3)};
        });
}

Result<std::int64_t> RunStore::lastEpoch(const std::string& id) {
    auto v = m_catalog.queryValue(
        "SELECT COALESCE(MAX(epoch), 0) FROM metrics WHERE run_id = ? AND key = 'train_loss'",
        {id});
    if (!v) return v.error();
    const auto* epoch = std::get_if<std::int64_t>(&*v);
    return epoch ? *epoch : 0;
}

Status RunStore::setHost(const std::string& id, const std::string& host) {
    return m_catalog.execute("UPDATE runs SET host = ? WHERE id = ?", {host, id});
}

Status RunStore::finish(const std::string& id, RunStatus status, const std::string& error) {
    return m_catalog.execute(
        "UPDATE runs SET status = ?, error = ?, finished_at = "
        "strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
        {std::string(runStatusName(status)), error, id});
}

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

Result<std::string> createRun(Workspace& ws, const RunSpec& spec, std::int64_t datasetVersionId) {
    std::string id = newRunId();
    std::string specJson = spec.toJson();
    Catalog& c = ws.catalog();
    {
        Transaction tx(c);
        if (!tx) return tx.error();
        if (auto st = c.execute(
                "INSERT INTO runs (id, name, dataset_version_id, status, spec, host) VALUES "
                "(?, ?, ?, 'queued', ?, 'local')",
                {id, spec.dataset + "/" + spec.target + " " + spec.model.family,
                 datasetVersionId ? SqlValue(datasetVersionId) : SqlValue(nullptr), specJson});
            !st)
            return st.error();
        std::vector<std::pair<std::string, std::string>> params;
        flatten(json::parse(specJson), "", params);
        for (const auto& [key, value] : params) {
            if (key == "notes" || key == "format") continue;
            if (auto st = c.execute(
                    "INSERT OR REPLACE INTO params (run_id, key, value) VALUES (?, ?, ?)",
                    {id, key, value});
                !st)
                return st.error();
        }
        if (auto st = tx.commit(); !st) return st.error();
    }
    if (auto st = writeSpecFile(ws, id, specJson); !st) return st.error();
    return id;
}

Result<std::string> resolveRunId(Catalog& catalog, const std::string& text) {
    return RunStore(catalog).resolveId(text);
}

Status markRun(Catalog& catalog, const std::string& runId, RunStatus status,
               const std::string& error) {
    return RunStore(catalog).finish(runId, status, error);
}

}  // namespace kiln
