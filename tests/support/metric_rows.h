#pragma once

// Reading a run's metrics back from the catalog, for tests that compare runs to the last bit.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "core/store/workspace.h"

namespace kiln::test {

// Every metric of a run as "key@epoch=value" (value printed exactly), sorted; with `withStep`
// "key@epoch/step=value". Timings (epoch_time, samples_per_s) left out.
inline std::vector<std::string> metricRows(Workspace& ws, const std::string& id,
                                           bool withStep = false) {
    auto st = ws.catalog().prepare(
        "SELECT key, epoch, value, step FROM metrics WHERE run_id = ? AND key NOT IN "
        "('epoch_time', 'samples_per_s') ORDER BY key, step");
    REQUIRE(st.ok());
    REQUIRE(st->bind({id}).ok());
    std::vector<std::string> rows;
    for (auto r = st->step(); r && *r; r = st->step()) {
        char value[40];
        std::snprintf(value, sizeof value, "%.17g", st->columnDouble(2));
        std::string at = std::to_string(st->columnInt(1));
        if (withStep) at += "/" + std::to_string(st->columnInt(3));
        rows.push_back(st->columnText(0) + "@" + at + "=" + value);
    }
    return rows;
}

}  // namespace kiln::test
