#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/base/result.h"

namespace kiln {

class Catalog;

// Which value of a metric's curve stands for the run.
enum class MetricReduce {
    Final,  // the value at the last recorded step
    Best,   // the best value over all steps (lowest for losses and errors, else highest)
};

// True for metrics where lower is better: names containing loss, rmse, mae, mse, error or time.
bool lowerIsBetter(const std::string& metricKey);

enum class CompareOp { Less, LessEqual, Greater, GreaterEqual, Equal, NotEqual };

// A condition on a metric: "val_accuracy>0.9" (final value) or "best:val_loss<=0.2".
struct MetricCondition {
    std::string key;
    MetricReduce reduce = MetricReduce::Final;
    CompareOp op = CompareOp::Greater;
    double value = 0;

    bool holds(double x) const;
};

// Parses "[final:|best:]KEY OP NUMBER" with OP one of < <= > >= = == !=.
// InvalidArgument with the expected form otherwise.
Result<MetricCondition> parseMetricCondition(const std::string& text);

// Runs sorted by a metric: "val_accuracy", "val_accuracy:desc", "best:val_loss:asc".
struct RunOrder {
    std::string metric;
    MetricReduce reduce = MetricReduce::Final;
    bool descending = false;
};

// Parses "[final:|best:]KEY[:asc|:desc]" (InvalidArgument when empty or malformed).
Result<RunOrder> parseRunOrder(const std::string& text);

// Which runs a query keeps. Every condition must hold (AND); an empty field keeps everything.
struct RunFilter {
    std::vector<std::string> runIds;             // only these runs
    std::optional<std::int64_t> datasetId;       // runs on any version of this dataset
    std::optional<std::int64_t> datasetVersion;  // runs on exactly this dataset version (its id)
    std::vector<std::string> statuses;           // status is one of these
    std::vector<std::string> hosts;              // ran on one of these ("local" or a host name)
    // Tags "k=v" (value must match) or "k" (tag present).
    std::vector<std::pair<std::string, std::optional<std::string>>> tags;
    // Parameter equals a value. A key matches exactly or as the last part of a dotted key
    // ("lr" matches "optimizer.lr"); values compare as numbers when both are numbers.
    std::vector<std::pair<std::string, std::string>> params;
    std::vector<MetricCondition> metrics;
};

// A query over the runs table: filter, order, limit and an optional grouping parameter.
struct RunQuery {
    RunFilter filter;
    std::optional<RunOrder> order;  // none: oldest first
    std::size_t limit = 0;          // 0: every run
    std::string groupBy;            // a parameter key (matched like filter params), or empty
    bool withBest = false;          // fill bestMetrics for every key (costs a scan per series)
};

// One run as a row: identity, params and metrics as columns.
struct RunRow {
    std::string id;
    std::string name;
    std::string status;
    std::string dataset;
    std::int64_t datasetVersion = 0;
    std::string createdAt;
    std::map<std::string, std::string> params;
    std::map<std::string, std::string> tags;
    std::map<std::string, double> finalMetrics;
    std::map<std::string, double> bestMetrics;  // every key with withBest, else those queried
    std::string host = "local";                 // where it ran: "local" or a hosts.name
};

// Rows that share a value of the grouping parameter.
struct RunGroup {
    std::string value;              // "" for runs without the parameter
    std::vector<std::size_t> rows;  // indexes into RunTable::rows, in row order
};

// The answer to a RunQuery: rows in order and the union of their param and metric keys.
struct RunTable {
    std::vector<RunRow> rows;
    std::vector<std::string> paramKeys;   // sorted
    std::vector<std::string> metricKeys;  // sorted
    std::vector<RunGroup> groups;         // by RunQuery::groupBy, groups in order of first row
};

// Runs the query against the catalog. Final metrics cost two index seeks per (run, key); best
// values one range scan per (run, key) needed. Errors are the catalog's.
Result<RunTable> queryRuns(Catalog& catalog, const RunQuery& query);

// The value of parameter `key` of `row` (matched like RunFilter::params), if any.
std::optional<std::string> paramValue(const RunRow& row, const std::string& key);

// The metric of `row` as `reduce` asks, if recorded (Best falls back to Final when not filled).
std::optional<double> metricValue(const RunRow& row, const std::string& key, MetricReduce reduce);

}  // namespace kiln
