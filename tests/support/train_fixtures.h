#pragma once

// Small real datasets for the training tests, imported into a fresh workspace.
#include <cmath>
#include <fstream>
#include <memory>
#include <string>

#include "core/data/csv_import.h"
#include "core/data/dataset_catalog.h"
#include "core/data/table.h"
#include "core/jobs/job_context.h"
#include "core/store/workspace.h"
#include "core/train/run_spec.h"
#include "temp_dir.h"

namespace kiln::test {

// A deterministic two-class table: y = 1 when x1 + 0.5·x2 − cat effect > 0, with noise, a
// categorical column, a date column, an ID column, some missing cells.
inline std::string writeTabularCsv(const std::filesystem::path& file, int rows) {
    std::ofstream out(file);
    out << "id,x1,x2,colour,day,label,amount\n";
    std::uint64_t state = 12345;
    auto next = [&] {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return double(state >> 11) / double(1ull << 53);
    };
    const char* colours[] = {"red", "green", "blue"};
    for (int i = 0; i < rows; ++i) {
        double x1 = next() * 4 - 2, x2 = next() * 4 - 2, noise = (next() - 0.5) * 0.6;
        int c = int(next() * 3);
        int y = x1 + 0.5 * x2 - (c == 2 ? 0.8 : 0.0) + noise > 0 ? 1 : 0;
        out << i << ",";
        if (i % 17 == 3)
            out << ",";
        else
            out << x1 << ",";
        out << x2 << "," << colours[c] << ",2024-0" << (1 + i % 9) << "-1" << (i % 10) << ","
            << (y ? "yes" : "no") << "," << 100 * x1 + 20 * x2 + noise * 10 << "\n";
    }
    return file.string();
}

struct Imported {
    std::unique_ptr<Workspace> ws;
    DatasetVersion version;
};

inline Imported importCsv(const TempDir& dir, const std::string& name, int rows) {
    auto ws = Workspace::open(dir / "ws");
    REQUIRE(ws.ok());
    auto file = writeTabularCsv(dir / (name + ".csv"), rows);
    NullJobContext job;
    auto imported = importCsvDataset(**ws, file, name, ImportOptions{}, job);
    REQUIRE(imported.ok());
    auto version = DatasetCatalog((*ws)->catalog()).resolve(name);
    REQUIRE(version.ok());
    return {std::move(*ws), *version};
}

// A resolved spec for `target` on an imported table: an MLP for a few epochs.
inline RunSpec tabularSpec(Imported& data, const std::string& target) {
    RunSpec spec;
    spec.dataset = data.version.dataset;
    spec.datasetVersion = data.version.version;
    spec.datasetHash = data.version.contentHash;
    spec.target = target;
    spec.model.family = "mlp";  // auto would cross-validate four families first
    spec.epochs = 4;
    spec.batchSize = 32;
    spec.threads = 1;
    auto table = Table::open(data.ws->objects(), spec.datasetHash);
    REQUIRE(table.ok());
    REQUIRE(resolveSpec(spec, **table).ok());
    REQUIRE(spec.validate().ok());
    return spec;
}

}  // namespace kiln::test
