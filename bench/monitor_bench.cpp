// Times Kiln's monitoring core on a workspace bench/monitor_bench.py prepared: monitorTables alone
// (the column tests) and monitorModel (the tests plus the model's predictions on both sides),
// each RUNS times, and prints one JSON line with the medians and the report's headline figures.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/base/parallel.h"
#include "core/data/dataset_catalog.h"
#include "core/data/table.h"
#include "core/export/model_registry.h"
#include "core/jobs/job_context.h"
#include "core/monitor/model_monitor.h"
#include "core/store/workspace.h"

namespace {

using Clock = std::chrono::steady_clock;

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

template <class Work>
std::vector<double> timed(int runs, Work&& work) {
    std::vector<double> seconds;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = Clock::now();
        work();
        seconds.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
    }
    return seconds;
}

int fail(const kiln::Error& e) {
    std::cerr << "kiln_monitor_bench: " << e.toString() << "\n";
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: kiln_monitor_bench WORKSPACE MODEL DATA [RUNS]\n";
        return 2;
    }
    const int runs = argc > 4 ? std::max(1, std::atoi(argv[4])) : 3;
    auto ws = kiln::Workspace::open(argv[1], false);
    if (!ws) return fail(ws.error());
    auto located = kiln::ModelRegistry(**ws).locate(argv[2]);
    if (!located) return fail(located.error());
    kiln::DatasetCatalog datasets((*ws)->catalog());
    auto current = datasets.resolve(argv[3]);
    if (!current) return fail(current.error());
    auto refTable = kiln::Table::open((*ws)->objects(), located->datasetHash);
    auto curTable = kiln::Table::open((*ws)->objects(), current->contentHash);
    if (!refTable) return fail(refTable.error());
    if (!curTable) return fail(curTable.error());

    kiln::NullJobContext job;
    kiln::MonitorOptions options;
    kiln::Result<kiln::MonitorReport> tables =
        kiln::makeError(kiln::ErrorCode::Internal, "not run");
    const auto tableSeconds =
        timed(runs, [&] { tables = kiln::monitorTables(**refTable, **curTable, options, job); });
    if (!tables) return fail(tables.error());
    kiln::Result<kiln::MonitorReport> model = kiln::makeError(kiln::ErrorCode::Internal, "not run");
    const auto modelSeconds =
        timed(runs, [&] { model = kiln::monitorModel(**ws, argv[2], argv[3], options, job); });
    if (!model) return fail(model.error());

    std::cout << nlohmann::json{{"bench", "kiln_monitor_core"},
                                {"reference_rows", (*refTable)->rows()},
                                {"current_rows", (*curTable)->rows()},
                                {"columns_compared", model->columns.size()},
                                {"columns_drifted", model->columnsDrifted},
                                {"prediction_test",
                                 model->prediction ? model->prediction->test.test : ""},
                                {"threads", kiln::defaultThreadCount()},
                                {"tables_s_median", median(tableSeconds)},
                                {"tables_s", tableSeconds},
                                {"model_s_median", median(modelSeconds)},
                                {"model_s", modelSeconds}}
                     .dump()
              << "\n";
    return 0;
}
