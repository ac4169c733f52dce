#pragma once

// What the monitoring tests share: seeded tables written as CSV and imported into a workspace.
#include <catch2/catch.hpp>

#include <fstream>
#include <functional>
#include <memory>
#include <random>
#include <string>

#include "core/data/csv_import.h"
#include "core/data/dataset_catalog.h"
#include "core/data/table.h"
#include "core/jobs/job_context.h"
#include "core/monitor/data_monitor.h"
#include "core/store/workspace.h"
#include "temp_dir.h"

namespace kiln::test {

// One CSV line per row: `row(i, rng)` returns the cells after the header, comma-separated.
using RowMaker = std::function<std::string(int row, std::mt19937& rng)>;

// A workspace in a temporary folder that tables are imported into.
struct MonitorWorkspace {
    TempDir dir;
    std::unique_ptr<Workspace> ws;

    MonitorWorkspace() {
        auto opened = Workspace::open(dir / "ws");
        REQUIRE(opened.ok());
        ws = std::move(*opened);
    }

    // Writes `rows` rows (seeded by `seed`) as dataset `name` and returns its version.
    DatasetVersion import(const std::string& name, const std::string& header, int rows,
                          unsigned seed, const RowMaker& row) {
        const auto file = dir / (name + ".csv");
        {
            std::ofstream out(file);
            out << header << "\n";
            std::mt19937 rng(seed);
            for (int i = 0; i < rows; ++i) out << row(i, rng) << "\n";
        }
        NullJobContext job;
        auto imported = importCsvDataset(*ws, file, name, ImportOptions{}, job);
        INFO((imported.ok() ? "" : imported.error().toString()));
        REQUIRE(imported.ok());
        auto version = DatasetCatalog(ws->catalog()).resolve(name);
        REQUIRE(version.ok());
        return *version;
    }

    std::shared_ptr<Table> table(const DatasetVersion& v) {
        auto t = Table::open(ws->objects(), v.contentHash);
        REQUIRE(t.ok());
        return *t;
    }
};

// The entry of `column` in a report (fails the test when there is none).
inline const ColumnMonitor& columnOf(const MonitorReport& r, const std::string& column) {
    for (const auto& c : r.columns)
        if (c.column == column) return c;
    FAIL("no entry for column " << column << " in " << r.toJson(2));
    throw;
}

inline bool hasColumn(const MonitorReport& r, const std::string& column) {
    for (const auto& c : r.columns)
        if (c.column == column) return true;
    return false;
}

}  // namespace kiln::test
