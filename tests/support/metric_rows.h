#pragma once

// Reading a run's metrics back from the catalog, for tests that compare runs to the last bit.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "core/store/workspace.h"

namespace kiln::test {

// Every metric of a run as "key@epoch=value" (value printed exactly), sorted; timings
// (epoch_time, samples_per_s) left out.
inline std::vector<std::string> metricRows(Workspace& ws, const std::string& id) {
    auto st = ws.catalog().prepare(
        "SELECT key, epoch, value FROM metrics WHERE run_id = ? AND key NOT IN "
        "('epoch_time', 'samples_per_s') ORDER BY key, step");
    REQUIRE(st.ok());
    REQUIRE(st->bind({id}).ok());
    std::vector<std::string> rows;
    for (auto r = st->step(); r && *r; r = st->step()) {
        char value[40];
        std::snprintf(value, sizeof value, "%.17g", st->columnDouble(2));
        rows.push_back(st->columnText(0) + "@" + std::to_string(st->columnInt(1)) + "=" + value);
    }
    return rows;
}

}  // namespace kiln::test
