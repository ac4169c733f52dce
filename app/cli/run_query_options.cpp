#include "app/cli/run_query_options.h"

#include <cstdio>
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "app/cli/cli_app.h"
#include "core/data/dataset_catalog.h"
#include "core/store/workspace.h"

namespace kiln::cli {

namespace {

using nlohmann::json;

std::vector<std::string> splitComma(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream ss(text);
    std::string item;
    while (std::getline(ss, item, ',')) out.push_back(item);
    return out;
}

Result<std::pair<std::string, std::string>> keyValue(const std::string& option,
                                                     const std::string& text) {
    auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0)
        return makeError(ErrorCode::InvalidArgument,
                         "--" + option + " expects KEY=VALUE, not '" + text + "'");
    return std::pair{text.substr(0, eq), text.substr(eq + 1)};
}

Status addDataset(Workspace& ws, const std::string& name, RunFilter& f) {
    auto version = DatasetCatalog(ws.catalog()).resolve(name);
    if (!version) return version.error();
    if (name.find('@') != std::string::npos)
        f.datasetVersion = version->id;
    else
        f.datasetId = version->datasetId;
    return {};
}

Status addConditions(const Arguments& args, RunQuery& q) {
    if (auto w = args.value("where"))
        for (const auto& text : splitComma(*w)) {
            auto c = parseMetricCondition(text);
            if (!c) return c.error();
            q.filter.metrics.push_back(*c);
        }
    if (auto s = args.value("sort")) {
        auto o = parseRunOrder(*s);
        if (!o) return o.error();
        q.order = *o;
    }
    if (auto l = args.value("limit")) {
        char* end = nullptr;
        long n = std::strtol(l->c_str(), &end, 10);
        if (l->empty() || *end || n < 0)
            return makeError(ErrorCode::InvalidArgument, "--limit expects a whole number ≥ 0");
        q.limit = std::size_t(n);
    }
    return {};
}

std::string formatValue(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", v);
    return buffer;
}

// Params whose values differ between rows (the columns worth showing), at most `most`.
std::vector<std::string> differingParams(const RunTable& t, std::size_t most) {
    std::vector<std::string> keys;
    for (const auto& key : t.paramKeys) {
        if (key == "dataset_hash" || key == "dataset_version") continue;
        std::set<std::string> values;
        for (const auto& r : t.rows) values.insert(r.params.count(key) ? r.params.at(key) : "-");
        if (values.size() > 1 && keys.size() < most) keys.push_back(key);
    }
    return keys;
}

// The metric columns: those the query names, else the usual validation and test metrics.
std::vector<std::string> metricColumns(const RunTable& t, const RunQuery& q) {
    std::vector<std::string> keys;
    auto add = [&](const std::string& k) {
        if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
    };
    if (q.order) add(q.order->metric);
    for (const auto& c : q.filter.metrics) add(c.key);
    for (const char* k : {"val_loss", "val_accuracy", "val_r2", "test_accuracy", "test_r2"})
        if (keys.size() < 4 && std::count(t.metricKeys.begin(), t.metricKeys.end(), k)) add(k);
    return keys;
}

std::string cell(const RunRow& r, const std::string& key, MetricReduce reduce) {
    auto v = metricValue(r, key, reduce);
    return v ? formatValue(*v) : "-";
}

// Column widths that fit the widest header or cell, with two spaces between columns.
std::vector<std::size_t> columnWidths(const std::vector<std::vector<std::string>>& table) {
    std::vector<std::size_t> widths(table.front().size(), 0);
    for (const auto& row : table)
        for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], row[c].size() + 2);
    return widths;
}

void printTable(const RunTable& t, const RunQuery& q) {
    auto params = differingParams(t, 5);
    auto metrics = metricColumns(t, q);
    MetricReduce reduce = q.order ? q.order->reduce : MetricReduce::Final;
    std::vector<std::vector<std::string>> table(1, {"RUN", "STATUS", "HOST", "DATASET"});
    for (const auto& p : params) table[0].push_back(p);
    for (const auto& m : metrics) table[0].push_back(reduce == MetricReduce::Best ? "best:" + m : m);
    for (const auto& r : t.rows) {
        table.push_back({r.id, r.status, r.host, r.dataset + "@" + std::to_string(r.datasetVersion)});
        for (const auto& p : params) table.back().push_back(r.params.count(p) ? r.params.at(p) : "-");
        for (const auto& m : metrics) table.back().push_back(cell(r, m, reduce));
    }
    auto widths = columnWidths(table);
    for (const auto& row : table) {
        for (std::size_t c = 0; c < row.size(); ++c) std::cout << std::left << std::setw(int(widths[c])) << row[c];
        std::cout << "\n";
    }
    for (const auto& g : t.groups)
        std::cout << q.groupBy << " = " << (g.value.empty() ? "(none)" : g.value) << ": "
                  << g.rows.size() << " run" << (g.rows.size() == 1 ? "" : "s") << "\n";
}

json rowJson(const RunRow& r) {
    return {{"id", r.id},           {"name", r.name},       {"status", r.status}, {"host", r.host},
            {"dataset", r.dataset}, {"version", r.datasetVersion}, {"created_at", r.createdAt},
            {"params", r.params},   {"tags", r.tags},       {"metrics", r.finalMetrics},
            {"best", r.bestMetrics}};
}

json tableJson(const RunTable& t, const RunQuery& q) {
    json runs = json::array();
    for (const auto& r : t.rows) runs.push_back(rowJson(r));
    json groups = json::array();
    for (const auto& g : t.groups) {
        json ids = json::array();
        for (auto i : g.rows) ids.push_back(t.rows[i].id);
        groups.push_back({{"param", q.groupBy}, {"value", g.value}, {"runs", ids}});
    }
    return {{"runs", runs}, {"groups", groups}, {"params", t.paramKeys}, {"metric_keys", t.metricKeys}};
}

}  // namespace

std::vector<OptionSpec> runQueryOptions() {
    return {{"status", "S", "only runs with this status (repeatable)", true},
            {"host", "NAME", "only runs on this host (`local`: this machine; repeatable)", true},
            {"tag", "K[=V]", "only runs with this tag, or this tag value (repeatable)", true},
            {"param", "K=V", "only runs whose parameter K (e.g. lr, model.hidden) is V (repeatable)",
             true},
            {"where", "COND", "metric condition: val_accuracy>0.9, best:val_loss<=0.3 (repeatable)",
             true},
            {"sort", "METRIC", "sort by a metric's last value, or best:METRIC; add :desc or :asc"},
            {"limit", "N", "at most N runs"},
            {"group-by", "PARAM", "group the runs by a parameter's value"}};
}

bool hasRunQueryOptions(const Arguments& args) {
    for (const auto& o : runQueryOptions())
        if (args.has(o.name)) return true;
    return false;
}

std::vector<std::string> splitAssignments(const std::string& joined) {
    std::vector<std::string> items;
    for (const auto& part : splitComma(joined)) {
        if (items.empty() || part.find('=') != std::string::npos)
            items.push_back(part);
        else
            items.back() += "," + part;
    }
    return items;
}

Result<RunQuery> runQueryFromArguments(Workspace& ws, const Arguments& args) {
    RunQuery q;
    if (auto ds = args.value("dataset"))
        if (auto st = addDataset(ws, *ds, q.filter); !st) return st.error();
    if (auto s = args.value("status")) q.filter.statuses = splitComma(*s);
    if (auto h = args.value("host")) q.filter.hosts = splitComma(*h);
    if (auto tags = args.value("tag"))
        for (const auto& t : splitAssignments(*tags)) {
            auto eq = t.find('=');
            if (eq == std::string::npos) q.filter.tags.emplace_back(t, std::nullopt);
            else q.filter.tags.emplace_back(t.substr(0, eq), t.substr(eq + 1));
        }
    if (auto params = args.value("param"))
        for (const auto& p : splitAssignments(*params)) {
            auto kv = keyValue("param", p);
            if (!kv) return kv.error();
            q.filter.params.push_back(*kv);
        }
    if (auto st = addConditions(args, q); !st) return st.error();
    q.groupBy = args.value("group-by").value_or("");
    return q;
}

int printRunQuery(Workspace& ws, const Arguments& args) {
    auto q = runQueryFromArguments(ws, args);
    if (!q) return q.error().code == ErrorCode::InvalidArgument ? reportUsageError(q.error().message)
                                                                 : reportError(q.error());
    auto table = queryRuns(ws.catalog(), *q);
    if (!table) return reportError(table.error());
    if (args.json)
        std::cout << tableJson(*table, *q).dump(2) << "\n";
    else
        printTable(*table, *q);
    return kExitOk;
}

}  // namespace kiln::cli
