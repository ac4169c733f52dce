#include "core/lifecycle/retention.h"

#include <cstdint>

#include "core/store/workspace.h"

namespace kiln {

namespace {

// Why a run must stay whatever the rules say, or empty.
const char* kRunProtection =
    "CASE WHEN r.status IN ('queued', 'running') THEN 'is ' || r.status "
    "WHEN EXISTS (SELECT 1 FROM tags t WHERE t.run_id = r.id AND t.key = 'starred') THEN 'is starred' "
    "WHEN EXISTS (SELECT 1 FROM model_versions mv WHERE mv.run_id = r.id) THEN 'made a registered model' "
    "ELSE '' END";

struct Candidate {
    std::string reference;
    std::string protection;  // empty: it may go
};

Status chooseVersions(Catalog& catalog, int keep, RetentionChoice& choice) {
    // Versions older than each dataset's newest `keep`, with the first reason one must stay.
    auto old = catalog.queryRows<Candidate>(
        std::string("SELECT d.name || '@' || v.version, COALESCE(("
                    "SELECT 'has run ' || r.id || ', which ' || (") + kRunProtection +
            ") FROM runs r WHERE r.dataset_version_id = v.id AND (" + kRunProtection +
            ") != '' LIMIT 1), CASE WHEN EXISTS (SELECT 1 FROM model_versions mv WHERE "
            "mv.dataset_version_id = v.id) THEN 'trained a registered model' ELSE '' END) "
            "FROM dataset_versions v JOIN datasets d ON d.id = v.dataset_id "
            "WHERE (SELECT COUNT(*) FROM dataset_versions n WHERE n.dataset_id = v.dataset_id "
            "AND n.version > v.version) >= ? ORDER BY d.name, v.version",
        {std::int64_t(keep)}, [](const Statement& st) {
            return Candidate{st.columnText(0), st.columnText(1)};
        });
    if (!old) return old.error();
    for (const auto& v : *old) {
        if (v.protection.empty())
            choice.targets.push_back({RemovalKind::DatasetVersion, v.reference});
        else
            choice.spared.push_back("dataset version " + v.reference + " " + v.protection);
    }
    return {};
}

Status chooseRuns(Catalog& catalog, double days, RetentionChoice& choice) {
    auto old = catalog.queryRows<Candidate>(
        std::string("SELECT r.id, ") + kRunProtection +
            " FROM runs r WHERE julianday('now') - julianday(COALESCE(r.finished_at, r.created_at)) > ? "
            "ORDER BY r.id",
        {days}, [](const Statement& st) { return Candidate{st.columnText(0), st.columnText(1)}; });
    if (!old) return old.error();
    for (const auto& run : *old) {
        if (run.protection.empty())
            choice.targets.push_back({RemovalKind::Run, run.reference});
        else
            choice.spared.push_back("run " + run.reference + " " + run.protection);
    }
    return {};
}

}  // namespace

Result<RetentionChoice> chooseByRetention(Workspace& workspace, const RetentionRules& rules) {
    RetentionChoice choice;
    if (rules.keepVersions && *rules.keepVersions < 1)
        return makeError(ErrorCode::InvalidArgument, "keep at least one version of each dataset");
    if (rules.runsOlderThanDays && !(*rules.runsOlderThanDays >= 0))
        return makeError(ErrorCode::InvalidArgument, "a run age is a number of days, 0 or more");
    if (rules.keepVersions)
        if (auto s = chooseVersions(workspace.catalog(), *rules.keepVersions, choice); !s) return s.error();
    if (rules.runsOlderThanDays)
        if (auto s = chooseRuns(workspace.catalog(), *rules.runsOlderThanDays, choice); !s)
            return s.error();
    return choice;
}

}  // namespace kiln
