// kiln datasets: the datasets in the workspace, with their newest version.
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/cli_app.h"
#include "core/base/names.h"
#include "core/data/dataset_catalog.h"
#include "core/store/workspace.h"

namespace kiln::cli {

namespace {

std::size_t columnCount(const DatasetVersion& v) {
    auto schema = nlohmann::json::parse(v.schemaJson, nullptr, false);
    return schema.is_array() ? schema.size() : 0;
}

nlohmann::json datasetJson(const DatasetSummary& d) {
    nlohmann::json out = {
        {"name", d.name}, {"kind", d.kind}, {"versions", d.versions}, {"created_at", d.createdAt}};
    if (d.latest)
        out["latest"] = {{"version", d.latest->version},
                         {"hash", d.latest->contentHash},
                         {"rows", d.latest->rows},
                         {"columns", columnCount(*d.latest)},
                         {"created_at", d.latest->createdAt},
                         {"source", d.latest->sourcePath}};
    return out;
}

void printTable(const std::vector<DatasetSummary>& datasets) {
    if (datasets.empty()) {
        std::cout << "No datasets yet; add one with 'kiln import FILE'.\n";
        return;
    }
    std::size_t width = 4;
    for (const auto& d : datasets) width = std::max(width, d.name.size());
    std::cout << std::left << std::setw(int(width)) << "name"
              << "  " << std::setw(7) << "kind" << std::right << std::setw(8) << "versions"
              << "  " << std::left << std::setw(22) << "latest"
              << "created\n";
    for (const auto& d : datasets) {
        std::string latest = d.latest ? "v" + std::to_string(d.latest->version) + ": " +
                                            std::to_string(d.latest->rows) + " x " +
                                            std::to_string(columnCount(*d.latest))
                                      : "-";
        std::cout << std::left << std::setw(int(width)) << printable(d.name) << "  " << std::setw(7)
                  << d.kind << std::right << std::setw(8) << d.versions << "  " << std::left
                  << std::setw(22) << latest << d.createdAt.substr(0, 19) << "\n";
    }
}

int runDatasets(const Arguments& args) {
    auto workspace = openWorkspace(args, false);
    if (!workspace) return reportError(workspace.error());
    DatasetCatalog catalog((*workspace)->catalog());
    auto datasets = catalog.list();
    if (!datasets) return reportError(datasets.error());
    if (!args.json) {
        printTable(*datasets);
        return kExitOk;
    }
    nlohmann::json list = nlohmann::json::array();
    for (const auto& d : *datasets) list.push_back(datasetJson(d));
    std::cout << nlohmann::json{{"datasets", list}}.dump(2) << "\n";
    return kExitOk;
}

}  // namespace

Command makeDatasetsCommand() {
    Command c;
    c.name = "datasets";
    c.summary = "list the datasets in the workspace";
    c.usage = "kiln datasets";
    c.description =
        "Lists each dataset: name, kind, number of versions, the newest version's rows x columns,\n"
        "and when the dataset was created.";
    c.run = runDatasets;
    return c;
}

}  // namespace kiln::cli
