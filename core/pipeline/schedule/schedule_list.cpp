// `kiln pipeline list`: the recorded pipelines with their schedules, next, last and missed runs.
#include "core/pipeline/schedule/schedule_list.h"

#include <algorithm>
#include <map>

#include "core/pipeline/pipeline_store.h"
#include "core/pipeline/schedule/calendar_spec.h"
#include "core/pipeline/schedule/schedule_time.h"
#include "core/store/catalog.h"

namespace kiln {

namespace {

using json = nlohmann::json;

json timeOrNull(const std::optional<std::time_t>& t) { return t ? json(isoUtc(*t)) : json(); }

Result<std::optional<LastRunSummary>> lastRunOf(Catalog& catalog, const std::string& pipeline) {
    auto rows = catalog.queryRows<LastRunSummary>(
        "SELECT r.number, r.status, r.trigger, r.started_at, r.message FROM pipeline_runs r "
        "JOIN pipelines p ON p.id = r.pipeline_id WHERE p.name = ? ORDER BY r.number DESC LIMIT 1",
        {pipeline}, [](const Statement& st) {
            return LastRunSummary{st.columnInt(0), st.columnText(1), st.columnText(2), st.columnText(3), st.columnText(4)};
        });
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<LastRunSummary>();
    return std::optional<LastRunSummary>(rows->front());
}

// When the newest scheduled run started; "" when none did.
Result<std::string> lastScheduledStart(Catalog& catalog, const std::string& pipeline) {
    auto v = catalog.queryValue(
        "SELECT COALESCE(MAX(r.started_at), '') FROM pipeline_runs r JOIN pipelines p ON p.id = r.pipeline_id "
        "WHERE p.name = ? AND r.trigger = 'scheduled'",
        {pipeline});
    if (!v) return v.error();
    return std::get<std::string>(*v);
}

// Next and missed runs of a schedule that is not paused.
Status fillTimes(Catalog& catalog, PipelineListing& l, std::time_t now, std::size_t cap) {
    auto calendar = CalendarSpec::parse(l.schedule->calendar);
    if (!calendar) return calendar.error();
    l.next = calendar->next(now);
    auto lastStart = lastScheduledStart(catalog, l.pipeline);
    if (!lastStart) return lastStart.error();
    auto since = parseCatalogTime(*lastStart);
    const auto installed = parseCatalogTime(l.schedule->installedAt);
    // A schedule installed again (say, with another calendar) counts from then.
    if (installed && (!since || *installed > *since)) since = installed;
    if (since) l.missed = missedElapses(*calendar, *since, now, cap, l.missedMore);
    return {};
}

}  // namespace

json PipelineListing::toJson() const {
    json doc = {{"pipeline", pipeline}, {"file", file}, {"schedule", nullptr}, {"next", timeOrNull(next)},
                {"last_run", nullptr}};
    if (schedule)
        doc["schedule"] = {{"calendar", schedule->calendar}, {"backend", schedule->backend}, {"unit", schedule->unit},
                           {"file", schedule->file}, {"pause_after_failures", schedule->pauseAfter},
                           {"paused", schedule->paused}, {"paused_reason", schedule->pausedReason},
                           {"installed_at", schedule->installedAt}};
    if (lastRun)
        doc["last_run"] = {{"number", lastRun->number}, {"status", lastRun->status}, {"trigger", lastRun->trigger},
                           {"started_at", lastRun->startedAt}, {"message", lastRun->message}};
    json times = json::array();
    for (auto t : missed) times.push_back(isoUtc(t));
    doc["missed"] = times;
    doc["missed_more"] = missedMore;
    return doc;
}

std::vector<std::time_t> missedElapses(const CalendarSpec& calendar, std::time_t since, std::time_t now,
                                       std::size_t cap, bool& more) {
    auto elapses = calendar.elapsesBetween(since, now, cap + 2);
    // Only when every elapse was seen is the last one the newest.
    const bool sawAll = elapses.size() < cap + 2;
    if (sawAll && !elapses.empty() && now - elapses.back() < kScheduleStartGraceSeconds) elapses.pop_back();
    more = elapses.size() > cap;
    if (more) elapses.resize(cap);
    return elapses;
}

Result<std::vector<PipelineListing>> listPipelines(Catalog& catalog, std::time_t now, std::size_t missedCap) {
    auto pipelines = PipelineStore(catalog).pipelines();
    if (!pipelines) return pipelines.error();
    auto schedules = ScheduleStore(catalog).all();
    if (!schedules) return schedules.error();
    std::map<std::string, ScheduleRecord> byName;
    for (auto& s : *schedules) byName.emplace(s.pipeline, s);
    std::vector<PipelineListing> out;
    for (const auto& [name, file] : *pipelines) {
        PipelineListing l;
        l.pipeline = name;
        l.file = file;
        if (auto s = byName.find(name); s != byName.end()) l.schedule = s->second;
        auto last = lastRunOf(catalog, name);
        if (!last) return last.error();
        l.lastRun = *last;
        if (l.schedule && !l.schedule->paused)
            if (auto st = fillTimes(catalog, l, now, missedCap); !st) return st.error();
        out.push_back(std::move(l));
    }
    return out;
}

}  // namespace kiln
