// Issue 11 item 1 in Studio: a dataset with +inf, -inf and a range past ±1e308 opens, profiles
// and draws its charts (the same core code crashed `kiln stats`).
#include <catch2/catch.hpp>

#include <QTabWidget>
#include <QTemporaryDir>
#include <QThreadPool>

#include <fstream>
#include <numeric>

#include "dataset_fixture.h"
#include "qt_test_helpers.h"
#include "widgets/box_plot_view.h"
#include "widgets/column_profile_model.h"
#include "widgets/column_profile_panel.h"
#include "widgets/correlation_heatmap.h"
#include "widgets/dataset_page.h"
#include "widgets/heatmap_canvas.h"
#include "widgets/histogram_view.h"
#include "widgets/scatter_view.h"

using kiln::test::waitUntil;
using namespace kiln::widgets;

TEST_CASE("a dataset with infinite and huge values profiles and draws",
          "[widgets][charts][probe]") {
    QTemporaryDir files;
    const QString csv = files.filePath(QStringLiteral("inf.csv"));
    {
        std::ofstream out(csv.toStdString());
        out << "x,y,huge,group\n";
        for (int r = 0; r < 40; ++r)
            out << (r == 3   ? "inf"
                    : r == 7 ? "-inf"
                             : std::to_string(r * 0.5))
                << "," << (r % 9 == 0 ? "inf" : std::to_string(r % 5)) << ","
                << (r % 2 ? "1e308" : "-1e308") << "," << (r % 3 ? "a" : "b") << "\n";
    }
    kiln::test::DatasetWorkspace workspace;
    const QString reference = workspace.importCsv(csv, QStringLiteral("inf"));
    REQUIRE(reference == QStringLiteral("inf@1"));
    auto page = std::make_unique<DatasetPage>(workspace.path(), reference);
    page->resize(1280, 760);
    page->show();
    REQUIRE(waitUntil([&] { return page->hasProfile(); }, 30000));
    ColumnProfileModel* profile = page->profilePanel()->model();
    REQUIRE(profile->rowCount() == 4);
    CHECK(profile->data(profile->index(0, ColumnProfileModel::Max)).toString() ==
          QStringLiteral("19.5"));
    page->profilePanel()->selectColumn(0);
    CHECK(page->profilePanel()->detailsText().contains(QStringLiteral("1 inf · 1 -inf")));

    page->sections()->setCurrentIndex(1);
    page->chartTabs()->setCurrentWidget(page->histogram());
    for (int column : {0, 1, 2}) {
        page->histogram()->setColumn(column);
        REQUIRE(waitUntil([&] { return !page->histogram()->isBusy(); }, 30000));
        const auto& counts = page->histogram()->histogram().counts;
        const auto total = std::accumulate(counts.begin(), counts.end(), std::uint64_t(0));
        CHECK(total == (column == 0 ? 38u : column == 1 ? 35u : 40u));  // the finite values
    }
    CHECK(kiln::test::saveScreenshot(page.get(), QStringLiteral("probe_histogram_inf.png")));
    page->chartTabs()->setCurrentWidget(page->boxPlot());
    page->boxPlot()->setColumn(0);
    REQUIRE(waitUntil([&] { return !page->boxPlot()->isBusy(); }, 30000));
    REQUIRE_FALSE(page->boxPlot()->boxes().isEmpty());
    for (const auto& box : page->boxPlot()->boxes()) CHECK(std::isfinite(box.median));
    page->chartTabs()->setCurrentWidget(page->scatter());
    REQUIRE(waitUntil([&] { return !page->scatter()->isBusy(); }, 30000));
    CHECK(page->scatter()->pointCount() <= 38);
    CHECK(kiln::test::saveScreenshot(page.get(), QStringLiteral("probe_scatter_inf.png")));
    page.reset();
    QThreadPool::globalInstance()->waitForDone();
}

TEST_CASE("the correlation heatmap of a wide table says which columns it covers",
          "[widgets][charts][probe]") {
    QTemporaryDir files;
    const QString csv = files.filePath(QStringLiteral("wide.csv"));
    {
        std::ofstream out(csv.toStdString());
        for (int c = 0; c < 110; ++c) out << (c ? ",c" : "c") << c;
        out << "\n";
        for (int r = 0; r < 12; ++r)
            for (int c = 0; c < 110; ++c)
                out << (r * 7 + c * 13 + r * c) % 97 << (c < 109 ? "," : "\n");
    }
    kiln::test::DatasetWorkspace workspace;
    const QString reference = workspace.importCsv(csv, QStringLiteral("wide"));
    REQUIRE(reference == QStringLiteral("wide@1"));
    auto page = std::make_unique<DatasetPage>(workspace.path(), reference);
    page->resize(1280, 760);
    page->show();
    REQUIRE(waitUntil([&] { return page->hasProfile(); }, 30000));
    page->sections()->setCurrentIndex(1);
    page->chartTabs()->setCurrentWidget(page->heatmap());
    CHECK(page->heatmap()->heatmap()->values().size() == 100 * 100);
    CHECK(page->heatmap()->caption().contains(
        QStringLiteral("The first 100 of 110 numeric columns.")));
    page.reset();
    QThreadPool::globalInstance()->waitForDone();
}
