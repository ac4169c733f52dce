// kiln compare RUN RUN...: params and metrics side by side, differences marked; seed groups
// aggregated and tested when the runs differ only by seed.
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

#include "app/cli/cli_app.h"
#include "app/cli/run_follow.h"
#include "core/analysis/aggregate.h"
#include "core/analysis/run_query.h"
#include "core/store/workspace.h"

namespace kiln::cli {

namespace {

using nlohmann::json;

std::string formatValue(const std::optional<double>& v) {
    if (!v) return "-";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", *v);
    return buffer;
}

// The rows in the order the runs were named.
Result<std::vector<RunRow>> loadRows(Workspace& ws, const std::vector<std::string>& ids) {
    RunQuery q;
    q.filter.runIds = ids;
    q.withBest = true;
    auto table = queryRuns(ws.catalog(), q);
    if (!table) return table.error();
    std::vector<RunRow> rows;
    for (const auto& id : ids)
        for (const auto& r : table->rows)
            if (r.id == id) rows.push_back(r);
    return rows;
}

// One compared quantity: its values per run and whether they differ.
struct CompareLine {
    std::string key;
    std::vector<std::string> values;
    bool differs = false;
};

std::vector<CompareLine> paramLines(const std::vector<RunRow>& rows) {
    std::set<std::string> keys;
    for (const auto& r : rows)
        for (const auto& [k, v] : r.params) keys.insert(k);
    std::vector<CompareLine> lines;
    for (const auto& key : keys) {
        CompareLine line{key, {}, false};
        for (const auto& r : rows) line.values.push_back(r.params.count(key) ? r.params.at(key) : "-");
        line.differs = std::set<std::string>(line.values.begin(), line.values.end()).size() > 1;
        lines.push_back(line);
    }
    return lines;
}

std::vector<std::string> metricKeys(const std::vector<RunRow>& rows, const Arguments& args) {
    if (auto m = args.value("metric")) return {*m};
    std::set<std::string> keys;
    for (const auto& r : rows)
        for (const auto& [k, v] : r.finalMetrics) keys.insert(k);
    return {keys.begin(), keys.end()};
}

std::vector<CompareLine> metricLines(const std::vector<RunRow>& rows,
                                     const std::vector<std::string>& keys) {
    std::vector<CompareLine> lines;
    for (const auto& key : keys)
        for (MetricReduce reduce : {MetricReduce::Final, MetricReduce::Best}) {
            CompareLine line{reduce == MetricReduce::Best ? "best:" + key : key, {}, false};
            for (const auto& r : rows) line.values.push_back(formatValue(metricValue(r, key, reduce)));
            line.differs = std::set<std::string>(line.values.begin(), line.values.end()).size() > 1;
            lines.push_back(line);
        }
    return lines;
}

void printLines(const std::string& title, const std::vector<CompareLine>& lines, bool onlyDiff) {
    std::cout << title << "\n";
    for (const auto& l : lines) {
        if (onlyDiff && !l.differs) continue;
        std::cout << (l.differs ? "* " : "  ") << std::left << std::setw(26) << l.key;
        for (const auto& v : l.values) std::cout << std::setw(22) << v;
        std::cout << "\n";
    }
}

json linesJson(const std::vector<CompareLine>& lines) {
    json out = json::array();
    for (const auto& l : lines) out.push_back({{"key", l.key}, {"values", l.values}, {"differs", l.differs}});
    return out;
}

// Seed groups of the runs, each aggregated on `metric`, and a test between the first two.
Result<json> seedAnalysis(Workspace& ws, const std::vector<std::string>& ids,
                          const std::string& metric) {
    auto groups = groupBySeed(ws.catalog(), ids);
    if (!groups) return groups.error();
    json out = {{"metric", metric}, {"groups", json::array()}};
    std::vector<GroupAggregate> aggregates;
    for (const auto& g : *groups) {
        auto a = aggregateMetric(ws.catalog(), g, metric);
        if (!a) return a.error();
        out["groups"].push_back({{"runs", g.runIds}, {"seeds", g.seeds}, {"mean", a->end.mean},
                                 {"std", a->end.std}, {"n", a->end.n}});
        aggregates.push_back(*a);
    }
    if (aggregates.size() >= 2 && aggregates[0].end.n >= 2 && aggregates[1].end.n >= 2) {
        auto t = compareGroups(aggregates[0].endBySeed, aggregates[1].endBySeed);
        if (t)
            out["test"] = {{"test", t->test}, {"t", t->t}, {"dof", t->dof}, {"p", t->p},
                           {"mean_difference", t->meanDifference}, {"n", t->n}};
    }
    return out;
}

void printSeedAnalysis(const json& a) {
    std::cout << "Seed groups (" << a["metric"].get<std::string>() << ", final value):\n";
    int i = 1;
    for (const auto& g : a["groups"])
        std::cout << "  group " << i++ << ": " << g["n"].get<int>() << " run(s), mean "
                  << formatValue(g["mean"].get<double>()) << " ± " << formatValue(g["std"].get<double>())
                  << "\n";
    if (a.contains("test"))
        std::cout << "  " << a["test"]["test"].get<std::string>() << " group 1 vs 2: t = "
                  << formatValue(a["test"]["t"].get<double>()) << ", dof = "
                  << formatValue(a["test"]["dof"].get<double>()) << ", p = "
                  << formatValue(a["test"]["p"].get<double>()) << "\n";
}

int runCompare(const Arguments& args) {
    auto workspace = openWorkspace(args, false);
    if (!workspace) return reportError(workspace.error());
    Workspace& ws = **workspace;
    std::vector<std::string> ids;
    for (const auto& text : args.positionals) {
        auto id = resolveRunId(ws, text);
        if (!id) return reportError(id.error());
        ids.push_back(*id);
    }
    auto rows = loadRows(ws, ids);
    if (!rows) return reportError(rows.error());
    auto params = paramLines(*rows);
    auto metrics = metricLines(*rows, metricKeys(*rows, args));
    std::optional<json> seeds;
    if (auto m = args.value("metric")) {
        auto a = seedAnalysis(ws, ids, *m);
        if (!a) return reportError(a.error());
        if ((*a)["groups"].size() < ids.size()) seeds = *a;  // some runs share a seedless spec
    }
    if (args.json) {
        json doc = {{"runs", ids}, {"params", linesJson(params)}, {"metrics", linesJson(metrics)}};
        if (seeds) doc["seed_groups"] = *seeds;
        std::cout << doc.dump(2) << "\n";
        return kExitOk;
    }
    std::cout << std::left << std::setw(28) << "";
    for (const auto& id : ids) std::cout << std::setw(22) << id;
    std::cout << "\n";
    printLines("Parameters (* differs):", params, args.has("only-differences"));
    printLines("Metrics (last value, best:…):", metrics, false);
    if (seeds) printSeedAnalysis(*seeds);
    return kExitOk;
}

}  // namespace

Command makeCompareCommand() {
    Command c;
    c.name = "compare";
    c.summary = "compare runs: params and final/best metrics side by side, differences marked";
    c.usage = "kiln compare RUN RUN... [--metric M] [--only-differences]";
    c.description =
        "RUN is a run id or a unique prefix. Rows whose values differ between the runs are\n"
        "marked with '*'. With --metric, runs that differ only by seed are grouped: the final\n"
        "value's mean ± std per group, and a paired t-test over matching seeds between the first\n"
        "two groups (Welch's t-test when fewer than 2 seeds match).";
    c.options = {{"metric", "M", "compare only this metric (and group runs by seed on it)"},
                 {"only-differences", "", "show only the parameters that differ"}};
    c.minPositionals = 1;
    c.maxPositionals = -1;
    c.run = runCompare;
    return c;
}

}  // namespace kiln::cli
