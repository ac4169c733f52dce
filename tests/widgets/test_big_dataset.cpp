#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QHeaderView>
#include <QTableView>
#include <QThreadPool>

#include <cmath>
#include <iostream>

#include "core/data/dataset_catalog.h"
#include "core/data/table_writer.h"
#include "core/store/workspace.h"
#include "dataset_fixture.h"
#include "qt_test_helpers.h"
#include "widgets/dataset_page.h"
#include "widgets/dataset_table_model.h"

using kiln::test::waitUntil;

namespace {

constexpr std::uint64_t kRows = 10'000'000;
constexpr std::uint64_t kChunk = 1'000'000;

// Writes a 10M-row table (id, a float with 5% missing, a category) through core's TableWriter
// and records it as dataset "big"; returns its reference.
QString writeBigDataset(const QString& dir) {
    auto workspace = kiln::Workspace::open(dir.toStdString(), true);
    if (!workspace) return {};
    std::vector<kiln::ColumnSpec> specs(3);
    specs[0].name = "id", specs[0].type = kiln::ColumnType::Integer;
    specs[1].name = "value", specs[1].type = kiln::ColumnType::Float;
    specs[2].name = "group", specs[2].type = kiln::ColumnType::Categorical;
    kiln::TableWriter writer(workspace.value()->objects(), specs);
    if (!writer.open()) return {};
    for (std::uint64_t start = 0; start < kRows; start += kChunk) {
        std::vector<kiln::ColumnChunk> chunks(3);
        for (std::uint64_t row = start; row < start + kChunk; ++row) {
            chunks[0].append(specs[0], std::to_string(row));
            chunks[1].floats.push_back(row % 20 == 7 ? NAN : std::sin(double(row)) * 100.0);
            chunks[2].append(specs[2], row % 3 == 0 ? "alpha" : row % 3 == 1 ? "beta" : "gamma");
        }
        chunks[1].rows = kChunk;
        chunks[1].missing = kChunk / 20;
        if (!writer.append(chunks)) return {};
    }
    kiln::TableManifest manifest;
    auto hash = writer.commit("{}", 0, manifest);
    if (!hash) return {};
    kiln::NewDatasetVersion entry;
    entry.name = "big";
    entry.contentHash = hash.value();
    entry.rows = manifest.rows;
    entry.manifest = manifest.toJson();
    auto recorded = kiln::DatasetCatalog(workspace.value()->catalog()).recordVersion(entry);
    return recorded ? QStringLiteral("big@%1").arg(recorded.value().version.version) : QString();
}

}  // namespace

TEST_CASE("a 10M-row dataset shows its first rows within a second", "[widgets][slow]") {
    kiln::test::DatasetWorkspace ws;
    const QString ref = writeBigDataset(ws.path());
    REQUIRE(ref == QStringLiteral("big@1"));
    {
        QElapsedTimer timer;
        timer.start();
        kiln::widgets::DatasetPage page(ws.path(), ref);
        page.resize(1280, 760);
        page.show();
        REQUIRE(waitUntil([&] { return page.isLoaded(); }));
        page.tableView()->viewport()->repaint();  // the first rows drawn
        const qint64 firstRows = timer.elapsed();
        std::cout << "10M-row dataset: first rows visible after " << firstRows << " ms" << std::endl;
        CHECK(page.tableModel()->rowCount() == int(kRows));
        CHECK(page.tableModel()->data(page.tableModel()->index(7, 1)).toString() == QStringLiteral("NA"));
        CHECK(firstRows < 1000);

        // Scrolling to the end reads only the visible cells.
        timer.restart();
        page.tableView()->scrollToBottom();
        page.tableView()->viewport()->repaint();
        const qint64 scrolled = timer.elapsed();
        std::cout << "10M-row dataset: scroll to the last row and repaint took " << scrolled << " ms" << std::endl;
        CHECK(scrolled < 500);
        CHECK(page.tableView()->verticalHeader()->sectionSize(0) == 22);
        REQUIRE(waitUntil([&] { return page.hasProfile(); }, 120000));
        std::cout << "10M-row dataset: profile after " << timer.elapsed() << " ms more" << std::endl;
        CHECK(kiln::test::saveScreenshot(&page, QStringLiteral("dataset_tab_10m.png")));
    }
    QThreadPool::globalInstance()->waitForDone();
}
