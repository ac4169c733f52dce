#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/data/dataset_catalog.h"
#include "core/runs/run_store.h"
#include "core/store/catalog.h"
#include "core/sweep/trial_labels.h"

namespace kiln {

// A registered model's name, as a list shows it.
struct ModelSummary {
    std::int64_t id = 0;
    std::string name;
    std::string description;
};

// What is in a workspace's catalog, read in one go for a navigator or a welcome page: counts,
// datasets by name (at most 1,000; without their latest version), their versions by name then newest first (at most 10,000;
// without schema and manifest), the newest 1,000 runs (id, name and status), the starred runs and models by name
// (at most 1,000).
struct CatalogOverview {
    CatalogCounts counts;
    std::vector<DatasetSummary> datasets;
    std::vector<DatasetVersion> versions;
    std::vector<StoredRun> runs;
    std::set<std::string> starredRuns;  // ids of the runs starred (core/lifecycle/stars.h)
    std::map<std::string, SweepTrial> sweepTrials;  // the runs that are sweep trials, by run id
    std::vector<ModelSummary> models;
};

Result<CatalogOverview> readCatalogOverview(Catalog& catalog);

}  // namespace kiln
