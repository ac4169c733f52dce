#pragma once

// A completed iris run for the Studio tests that export, register or serve a model.
#include <catch2/catch.hpp>

#include <QString>

#include "core/data/dataset_catalog.h"
#include "core/data/table.h"
#include "core/runs/run_store.h"
#include "core/store/workspace.h"
#include "core/train/run_spec.h"
#include "run_fixtures.h"

namespace kiln::test {

// Trains a small MLP on iris (species) through a real worker; returns the completed run's id.
inline QString trainIris(const QString& dir) {
    auto ws = kiln::Workspace::open(dir.toStdString(), false);
    REQUIRE(ws.ok());
    auto version = kiln::DatasetCatalog((*ws)->catalog()).resolve("iris");
    REQUIRE(version.ok());
    kiln::RunSpec spec;
    spec.dataset = "iris";
    spec.datasetVersion = version->version;
    spec.datasetHash = version->contentHash;
    spec.target = "species";
    spec.model.family = "mlp";
    spec.epochs = 15;
    spec.threads = 1;
    auto table = kiln::Table::open((*ws)->objects(), spec.datasetHash);
    REQUIRE(table.ok());
    REQUIRE(kiln::resolveSpec(spec, **table).ok());
    auto id = kiln::createRun(**ws, spec, version->id);
    REQUIRE(id.ok());
    auto status = kiln::test::runToEnd(**ws, *id, KILN_CLI_PATH);
    REQUIRE(status.ok());
    REQUIRE(*status == "completed");
    return QString::fromStdString(*id);
}

}  // namespace kiln::test
