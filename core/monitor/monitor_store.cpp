#include "core/monitor/monitor_store.h"

#include <nlohmann/json.hpp>

#include "core/base/json_number.h"
#include "core/monitor/data_monitor.h"
#include "core/store/catalog.h"

namespace kiln {

namespace {

using nlohmann::json;

constexpr const char* kInsert =
    "INSERT INTO monitor_reports(model, model_version, reference_version_id, current_label, "
    "current_hash, pipeline_run_id, drifted_share, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

constexpr const char* kSelect =
    "SELECT id, created_at, model, model_version, COALESCE(pipeline_run_id, 0), report "
    "FROM monitor_reports WHERE model = ? AND (? = 0 OR model_version = ?) "
    "ORDER BY created_at, id";

SqlValue idOrNull(std::int64_t id) {
    return id > 0 ? SqlValue(id) : SqlValue(nullptr);
}

MonitorHistoryColumn historyColumn(const json& c) {
    MonitorHistoryColumn out;
    out.column = c.value("column", "");
    out.test = c.value("test", "");
    out.effectName = c.value("effect_name", "");
    out.effect = numberFromJson(c.value("effect", json()));
    out.drifted = c.value("drifted", false);
    return out;
}

json historyColumnJson(const MonitorHistoryColumn& c) {
    return {{"column", c.column},
            {"test", c.test},
            {"effect_name", c.effectName},
            {"effect", jsonNumber(c.effect)},
            {"drifted", c.drifted}};
}

// The figures of a stored report that a chart draws, into `e`. Throws json::exception on a
// field of another type than toJson() writes.
void readReportFigures(const json& doc, MonitorHistoryEntry& e) {
    e.reference = doc.value("reference", json::object()).value("label", "");
    e.current = doc.value("current", json::object()).value("label", "");
    e.driftedShare = doc.value("drifted_share", 0.0);
    e.columnsCompared = doc.value("columns_compared", std::size_t(0));
    e.columnsDrifted = doc.value("columns_drifted", std::size_t(0));
    for (const auto& c : doc.at("columns"))
        if (c.is_object()) e.columns.push_back(historyColumn(c));
    if (doc.value("prediction", json()).is_object())
        e.prediction = historyColumn(doc["prediction"]);
}

// One row of the listing; Corrupt when its report is not what toJson() writes.
Result<MonitorHistoryEntry> entryFromRow(const Statement& row) {
    MonitorHistoryEntry e;
    e.id = row.columnInt(0);
    e.createdAt = row.columnText(1);
    e.model = row.columnText(2);
    e.modelVersion = row.columnInt(3);
    if (row.columnInt(4) > 0) e.pipelineRunId = row.columnInt(4);
    const json doc = json::parse(row.columnText(5), nullptr, false);
    const Error corrupt =
        makeError(ErrorCode::Corrupt, "a saved monitor report is not a report's JSON",
                  "monitor_reports row " + std::to_string(e.id));
    if (!doc.is_object() || !doc.value("columns", json()).is_array()) return corrupt;
    try {
        readReportFigures(doc, e);
    } catch (const json::exception&) {
        return corrupt;
    }
    return e;
}

}  // namespace

Result<std::int64_t> saveMonitorReport(Catalog& catalog, const MonitorReport& report,
                                       std::optional<std::int64_t> pipelineRunId) {
    if (report.model.empty())
        return makeError(ErrorCode::InvalidArgument,
                         "a monitor report is saved for a model, and this one names none");
    auto st = catalog.execute(
        kInsert, {report.model, report.modelVersion, idOrNull(report.referenceVersionId),
                  report.current, report.currentHash, idOrNull(pipelineRunId.value_or(0)),
                  report.driftedShare, report.toJson()});
    if (!st)
        return withCause(makeError(ErrorCode::Io, "the monitor report could not be saved",
                                   catalog.file().string()),
                         st.error());
    return catalog.lastInsertId();
}

Result<std::vector<MonitorHistoryEntry>> listMonitorReports(Catalog& catalog,
                                                            const std::string& model,
                                                            std::optional<std::int64_t> version) {
    const std::int64_t v = version.value_or(0);
    auto stmt = catalog.prepare(kSelect);
    if (!stmt) return stmt.error();
    if (auto b = stmt->bind({model, v, v}); !b) return b.error();
    std::vector<MonitorHistoryEntry> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.error();
        if (!*row) return out;
        auto entry = entryFromRow(*stmt);
        if (!entry) return entry.error();
        out.push_back(std::move(*entry));
    }
}

Result<std::string> loadMonitorReport(Catalog& catalog, std::int64_t id) {
    auto v = catalog.queryValue("SELECT report FROM monitor_reports WHERE id = ?", {id});
    if (!v) {
        if (v.error().code != ErrorCode::NotFound) return v.error();
        return makeError(ErrorCode::NotFound, "no monitor report " + std::to_string(id),
                         catalog.file().string());
    }
    return std::get<std::string>(*v);
}

std::string historyEntryJson(const MonitorHistoryEntry& e) {
    json columns = json::array();
    for (const auto& c : e.columns) columns.push_back(historyColumnJson(c));
    return json{{"id", e.id},
                {"created_at", e.createdAt},
                {"model", e.model},
                {"model_version", e.modelVersion},
                {"reference", e.reference},
                {"current", e.current},
                {"pipeline_run_id", e.pipelineRunId ? json(*e.pipelineRunId) : json(nullptr)},
                {"drifted_share", e.driftedShare},
                {"columns_compared", e.columnsCompared},
                {"columns_drifted", e.columnsDrifted},
                {"columns", columns},
                {"prediction", e.prediction ? historyColumnJson(*e.prediction) : json(nullptr)}}
        .dump();
}

}  // namespace kiln
