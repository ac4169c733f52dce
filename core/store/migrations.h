#pragma once

#include <vector>

namespace kiln {

// One step of the catalog schema: applied once, in order, inside a transaction.
struct Migration {
    int version;
    const char* description;
    const char* sql;
};

// Every migration this build knows, in ascending version order. Never edit a released step;
// add a new one.
const std::vector<Migration>& catalogMigrations();

// Keeps metric_last (schema 3) with a series' newest point: binds run_id, key, step, epoch, value.
// Every writer of metrics runs it beside its INSERT OR IGNORE, so a repeated step keeps the value
// written first, as the metrics table does.
extern const char* const kUpsertMetricLast;

}  // namespace kiln
