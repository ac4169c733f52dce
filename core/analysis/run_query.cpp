#include "core/analysis/run_query.h"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>

#include "core/store/catalog.h"

namespace kiln {

namespace {

bool parseNumber(const std::string& text, double& out) {
    if (text.empty()) return false;
    char* end = nullptr;
    out = std::strtod(text.c_str(), &end);
    return *end == '\0';
}

bool sameValue(const std::string& a, const std::string& b) {
    double x = 0, y = 0;
    if (parseNumber(a, x) && parseNumber(b, y)) return x == y;
    // Lists are stored as JSON ("[128,64]"); accept "128,64" for them.
    auto strip = [](std::string s) {
        s.erase(std::remove_if(s.begin(), s.end(),
                               [](char c) { return c == '[' || c == ']' || c == ' ' || c == '"'; }),
                s.end());
        return s;
    };
    return a == b || strip(a) == strip(b);
}

// Splits a leading "final:" or "best:" off `text`.
MetricReduce takeReduce(std::string& text) {
    for (auto [prefix, reduce] : {std::pair{"final:", MetricReduce::Final},
                                  std::pair{"best:", MetricReduce::Best}}) {
        std::string p(prefix);
        if (text.rfind(p, 0) == 0) {
            text.erase(0, p.size());
            return reduce;
        }
    }
    return MetricReduce::Final;
}

using RowIndex = std::unordered_map<std::string, std::size_t>;

}  // namespace

bool lowerIsBetter(const std::string& key) {
    for (const char* word : {"loss", "rmse", "mae", "mse", "error", "time"})
        if (key.find(word) != std::string::npos) return true;
    return false;
}

bool MetricCondition::holds(double x) const {
    switch (op) {
        case CompareOp::Less: return x < value;
        case CompareOp::LessEqual: return x <= value;
        case CompareOp::Greater: return x > value;
        case CompareOp::GreaterEqual: return x >= value;
        case CompareOp::Equal: return x == value;
        case CompareOp::NotEqual: return x != value;
    }
    return false;
}

Result<MetricCondition> parseMetricCondition(const std::string& input) {
    std::string text = input;
    MetricCondition c;
    c.reduce = takeReduce(text);
    auto at = text.find_first_of("<>=!");
    auto bad = makeError(ErrorCode::InvalidArgument,
                         "bad metric condition '" + input +
                             "' (expected [best:]METRIC OP NUMBER, e.g. val_accuracy>0.9)");
    if (at == std::string::npos || at == 0) return bad;
    std::string op = text.substr(at, text[at + 1] == '=' ? 2 : 1);
    static const std::pair<const char*, CompareOp> kOps[] = {
        {"<", CompareOp::Less},        {"<=", CompareOp::LessEqual}, {">", CompareOp::Greater},
        {">=", CompareOp::GreaterEqual}, {"=", CompareOp::Equal},    {"==", CompareOp::Equal},
        {"!=", CompareOp::NotEqual}};
    auto found = std::find_if(std::begin(kOps), std::end(kOps),
                              [&](const auto& o) { return op == o.first; });
    if (found == std::end(kOps)) return bad;
    c.op = found->second;
    c.key = text.substr(0, at);
    if (!parseNumber(text.substr(at + op.size()), c.value)) return bad;
    return c;
}

Result<RunOrder> parseRunOrder(const std::string& input) {
    std::string text = input;
    RunOrder order;
    order.reduce = takeReduce(text);
    auto colon = text.rfind(':');
    if (colon != std::string::npos) {
        std::string dir = text.substr(colon + 1);
        if (dir != "asc" && dir != "desc")
            return makeError(ErrorCode::InvalidArgument,
                             "bad sort '" + input + "' (expected [best:]METRIC[:asc|:desc])");
        order.descending = dir == "desc";
        text.erase(colon);
    }
    if (text.empty())
        return makeError(ErrorCode::InvalidArgument, "bad sort '" + input + "': no metric named");
    order.metric = text;
    return order;
}

std::optional<std::string> paramValue(const RunRow& row, const std::string& key) {
    if (auto it = row.params.find(key); it != row.params.end()) return it->second;
    std::string suffix = "." + key;
    for (const auto& [k, v] : row.params)
        if (k.size() > suffix.size() && k.compare(k.size() - suffix.size(), suffix.size(), suffix) == 0)
            return v;
    return std::nullopt;
}

std::optional<double> metricValue(const RunRow& row, const std::string& key, MetricReduce reduce) {
    if (reduce == MetricReduce::Best)
        if (auto it = row.bestMetrics.find(key); it != row.bestMetrics.end()) return it->second;
    if (auto it = row.finalMetrics.find(key); it != row.finalMetrics.end()) return it->second;
    return std::nullopt;
}

namespace {

// Runs rows filtered by dataset, status, host and ids.
Result<std::vector<RunRow>> loadRuns(Catalog& catalog, const RunFilter& f) {
    std::string sql =
        "SELECT r.id, r.name, r.status, COALESCE(d.name, ''), COALESCE(v.version, 0), "
        "r.created_at, COALESCE(v.id, 0), COALESCE(v.dataset_id, 0), r.host FROM runs r "
        "LEFT JOIN dataset_versions v ON v.id = r.dataset_version_id "
        "LEFT JOIN datasets d ON d.id = v.dataset_id ORDER BY r.created_at, r.id";
    auto st = catalog.prepare(sql);
    if (!st) return st.error();
    std::set<std::string> ids(f.runIds.begin(), f.runIds.end());
    std::vector<RunRow> rows;
    for (auto row = st->step();; row = st->step()) {
        if (!row) return row.error();
        if (!*row) break;
        if (f.datasetVersion && st->columnInt(6) != *f.datasetVersion) continue;
        if (f.datasetId && st->columnInt(7) != *f.datasetId) continue;
        RunRow r{st->columnText(0), st->columnText(1), st->columnText(2), st->columnText(3),
                 st->columnInt(4),  st->columnText(5), {}, {}, {}, {}};
        r.host = st->columnText(8);
        if (!ids.empty() && !ids.count(r.id)) continue;
        if (!f.statuses.empty() &&
            std::find(f.statuses.begin(), f.statuses.end(), r.status) == f.statuses.end())
            continue;
        if (!f.hosts.empty() && std::find(f.hosts.begin(), f.hosts.end(), r.host) == f.hosts.end())
            continue;
        rows.push_back(std::move(r));
    }
    return rows;
}

RowIndex indexRows(const std::vector<RunRow>& rows) {
    RowIndex index;
    for (std::size_t i = 0; i < rows.size(); ++i) index[rows[i].id] = i;
    return index;
}

// Fills `field` (params or tags) of the rows from a (run_id, key, value) table.
Status attach(Catalog& catalog, const char* table, std::vector<RunRow>& rows, bool params) {
    auto st = catalog.prepare(std::string("SELECT run_id, key, value FROM ") + table);
    if (!st) return st.error();
    RowIndex index = indexRows(rows);
    for (auto row = st->step();; row = st->step()) {
        if (!row) return row.error();
        if (!*row) break;
        auto it = index.find(st->columnText(0));
        if (it == index.end()) continue;
        auto& target = params ? rows[it->second].params : rows[it->second].tags;
        target[st->columnText(1)] = st->columnText(2);
    }
    return {};
}

bool tagsMatch(const RunRow& row, const RunFilter& f) {
    for (const auto& [key, value] : f.tags) {
        auto it = row.tags.find(key);
        if (it == row.tags.end() || (value && it->second != *value)) return false;
    }
    return true;
}

bool paramsMatch(const RunRow& row, const RunFilter& f) {
    for (const auto& [key, value] : f.params) {
        auto v = paramValue(row, key);
        if (!v || !sameValue(*v, value)) return false;
    }
    return true;
}

void keepRows(std::vector<RunRow>& rows, const std::function<bool(const RunRow&)>& keep) {
    rows.erase(std::remove_if(rows.begin(), rows.end(), [&](const RunRow& r) { return !keep(r); }),
               rows.end());
}

// Metric reads, prepared once per query. The final values come from metric_last (one row per
// series, kept by the catalog's trigger); the best ones scan their series.
struct MetricReader {
    Statement finals, minimum, maximum;

    static Result<MetricReader> prepare(Catalog& c) {
        auto f = c.prepare("SELECT key, value FROM metric_last WHERE run_id = ?");
        auto lo = c.prepare("SELECT MIN(value) FROM metrics WHERE run_id = ? AND key = ?");
        auto hi = c.prepare("SELECT MAX(value) FROM metrics WHERE run_id = ? AND key = ?");
        for (auto* s : {&f, &lo, &hi})
            if (!*s) return s->error();
        return MetricReader{std::move(*f), std::move(*lo), std::move(*hi)};
    }

    // The first column of the first row of `st` run with (run, key), if any.
    static Result<std::optional<SqlValue>> one(Statement& st, const std::string& run,
                                               const std::string& key, bool text) {
        (void)st.reset();
        if (auto b = st.bind({run, key}); !b) return b.error();
        auto row = st.step();
        if (!row) return row.error();
        if (!*row || st.columnIsNull(0)) return std::optional<SqlValue>();
        return std::optional<SqlValue>(text ? SqlValue(st.columnText(0))
                                            : SqlValue(st.columnDouble(0)));
    }
};

Status fillFinal(MetricReader& m, RunRow& row) {
    (void)m.finals.reset();
    if (auto b = m.finals.bind({row.id}); !b) return b.error();
    for (;;) {
        auto next = m.finals.step();
        if (!next) return next.error();
        if (!*next) return {};
        row.finalMetrics[m.finals.columnText(0)] = m.finals.columnDouble(1);
    }
}

Status fillBest(MetricReader& m, RunRow& row, const std::string& key) {
    if (!row.finalMetrics.count(key) || row.bestMetrics.count(key)) return {};
    auto best = MetricReader::one(lowerIsBetter(key) ? m.minimum : m.maximum, row.id, key, false);
    if (!best) return best.error();
    if (*best) row.bestMetrics[key] = std::get<double>(**best);
    return {};
}

// The metric keys whose best values the query needs.
std::set<std::string> bestKeysNeeded(const RunQuery& q) {
    std::set<std::string> keys;
    for (const auto& c : q.filter.metrics)
        if (c.reduce == MetricReduce::Best) keys.insert(c.key);
    if (q.order && q.order->reduce == MetricReduce::Best) keys.insert(q.order->metric);
    return keys;
}

Status fillMetrics(Catalog& catalog, const RunQuery& q, std::vector<RunRow>& rows) {
    auto reader = MetricReader::prepare(catalog);
    if (!reader) return reader.error();
    std::set<std::string> best = bestKeysNeeded(q);
    for (auto& row : rows) {
        if (auto st = fillFinal(*reader, row); !st) return st;
        std::set<std::string> keys = best;
        if (q.withBest)
            for (const auto& [k, v] : row.finalMetrics) keys.insert(k);
        for (const auto& key : keys)
            if (auto st = fillBest(*reader, row, key); !st) return st;
    }
    return {};
}

bool metricsMatch(const RunRow& row, const RunFilter& f) {
    for (const auto& c : f.metrics) {
        auto v = metricValue(row, c.key, c.reduce);
        if (!v || !c.holds(*v)) return false;
    }
    return true;
}

void sortRows(std::vector<RunRow>& rows, const RunOrder& o) {
    std::stable_sort(rows.begin(), rows.end(), [&](const RunRow& a, const RunRow& b) {
        auto x = metricValue(a, o.metric, o.reduce), y = metricValue(b, o.metric, o.reduce);
        if (!x || !y) return bool(x) && !y;  // runs without the metric go last
        return o.descending ? *x > *y : *x < *y;
    });
}

std::vector<RunGroup> groupRows(const std::vector<RunRow>& rows, const std::string& key) {
    std::vector<RunGroup> groups;
    std::map<std::string, std::size_t> at;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::string value = paramValue(rows[i], key).value_or("");
        auto [it, added] = at.emplace(value, groups.size());
        if (added) groups.push_back({value, {}});
        groups[it->second].rows.push_back(i);
    }
    return groups;
}

void collectKeys(RunTable& table) {
    std::set<std::string> params, metrics;
    for (const auto& row : table.rows) {
        for (const auto& [k, v] : row.params) params.insert(k);
        for (const auto& [k, v] : row.finalMetrics) metrics.insert(k);
    }
    table.paramKeys.assign(params.begin(), params.end());
    table.metricKeys.assign(metrics.begin(), metrics.end());
}

}  // namespace

Result<RunTable> queryRuns(Catalog& catalog, const RunQuery& q) {
    auto rows = loadRuns(catalog, q.filter);
    if (!rows) return rows.error();
    if (auto st = attach(catalog, "tags", *rows, false); !st) return st.error();
    keepRows(*rows, [&](const RunRow& r) { return tagsMatch(r, q.filter); });
    if (auto st = attach(catalog, "params", *rows, true); !st) return st.error();
    keepRows(*rows, [&](const RunRow& r) { return paramsMatch(r, q.filter); });
    if (auto st = fillMetrics(catalog, q, *rows); !st) return st.error();
    keepRows(*rows, [&](const RunRow& r) { return metricsMatch(r, q.filter); });
    if (q.order) sortRows(*rows, *q.order);
    if (q.limit && rows->size() > q.limit) rows->resize(q.limit);
    RunTable table;
    table.rows = std::move(*rows);
    if (!q.groupBy.empty()) table.groups = groupRows(table.rows, q.groupBy);
    collectKeys(table);
    return table;
}

}  // namespace kiln
