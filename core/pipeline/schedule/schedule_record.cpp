// pipeline_schedules rows: one per scheduled pipeline, replaced when it is scheduled again.
#include "core/pipeline/schedule/schedule_record.h"

#include "core/pipeline/pipeline_store.h"
#include "core/store/catalog.h"

namespace kiln {

namespace {

const char* const kSelect =
    "SELECT p.name, s.calendar, s.backend, s.unit, s.file, s.pause_after, s.paused, s.paused_reason, "
    "s.installed_at FROM pipeline_schedules s JOIN pipelines p ON p.id = s.pipeline_id ";

ScheduleRecord readRecord(const Statement& st) {
    ScheduleRecord r;
    r.pipeline = st.columnText(0);
    r.calendar = st.columnText(1);
    r.backend = st.columnText(2);
    r.unit = st.columnText(3);
    r.file = st.columnText(4);
    r.pauseAfter = int(st.columnInt(5));
    r.paused = st.columnInt(6) != 0;
    r.pausedReason = st.columnText(7);
    r.installedAt = st.columnText(8);
    return r;
}

}  // namespace

Result<std::optional<ScheduleRecord>> ScheduleStore::find(const std::string& pipeline) {
    auto rows = m_catalog.queryRows<ScheduleRecord>(std::string(kSelect) + "WHERE p.name = ?", {pipeline}, readRecord);
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<ScheduleRecord>();
    return std::optional<ScheduleRecord>(rows->front());
}

Result<std::vector<ScheduleRecord>> ScheduleStore::all() {
    return m_catalog.queryRows<ScheduleRecord>(std::string(kSelect) + "ORDER BY p.name", {}, readRecord);
}

Status ScheduleStore::save(const ScheduleRecord& r, const std::string& specHash) {
    Transaction tx(m_catalog);
    if (!tx) return tx.error();
    auto id = PipelineStore(m_catalog).ensurePipeline(r.pipeline, r.file, specHash);
    if (!id) return id.error();
    if (auto st = m_catalog.execute(
            "INSERT OR REPLACE INTO pipeline_schedules (pipeline_id, calendar, backend, unit, file, pause_after, "
            "paused, paused_reason) VALUES (?, ?, ?, ?, ?, ?, 0, '')",
            {*id, r.calendar, r.backend, r.unit, r.file, std::int64_t(r.pauseAfter)});
        !st)
        return st.error();
    return tx.commit();
}

Status ScheduleStore::markPaused(const std::string& pipeline, const std::string& reason) {
    return m_catalog.execute(
        "UPDATE pipeline_schedules SET paused = 1, paused_reason = ? "
        "WHERE pipeline_id = (SELECT id FROM pipelines WHERE name = ?)",
        {reason, pipeline});
}

Status ScheduleStore::remove(const std::string& pipeline) {
    return m_catalog.execute(
        "DELETE FROM pipeline_schedules WHERE pipeline_id = (SELECT id FROM pipelines WHERE name = ?)", {pipeline});
}

}  // namespace kiln
