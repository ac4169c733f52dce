// monitorTables on seeded tables: a shifted column is found and an unshifted one is not, at both
// sizes (p-value tests below 5,000 values, effect sizes above); schema changes; missing shares;
// feature lists and the target; sampling.
#include <catch2/catch.hpp>

#include <cmath>
#include <nlohmann/json.hpp>

#include "monitor_support.h"

using namespace kiln;
using namespace kiln::test;

namespace {

const char* kHeader = "moved,steady,colour,shade,flag,day";
const char* kColours[] = {"red", "green", "blue"};

// Rows of N(0,1) numbers, colours and a flag; `shift` moves column "moved" (in sds) and tilts
// "colour" towards blue; "steady", "shade", "flag" and "day" keep their distributions.
RowMaker rows(double shift) {
    return [shift](int i, std::mt19937& rng) {
        std::normal_distribution<double> normal(0, 1);
        std::uniform_real_distribution<double> unit(0, 1);
        const double u = unit(rng);
        const int colour = shift == 0 ? int(u * 3) : (u < 0.2 ? 0 : u < 0.4 ? 1 : 2);
        const double moved = normal(rng) + shift, steady = normal(rng);
        return std::to_string(moved) + "," + std::to_string(steady) + "," + kColours[colour] + "," +
               kColours[int(unit(rng) * 3)] + "," + (unit(rng) < 0.3 ? "true" : "false") +
               ",2024-01-" + std::to_string(10 + i % 15);
    };
}

MonitorReport monitor(MonitorWorkspace& w, const DatasetVersion& a, const DatasetVersion& b,
                      const MonitorOptions& o = {}) {
    NullJobContext job;
    auto report = monitorTables(*w.table(a), *w.table(b), o, job);
    INFO((report.ok() ? report->toJson(2) : report.error().toString()));
    REQUIRE(report.ok());
    return *report;
}

}  // namespace

TEST_CASE("monitor: a shifted column drifts and an unshifted one does not (p-value tests)",
          "[monitor]") {
    MonitorWorkspace w;
    auto reference = w.import("reference", kHeader, 2000, 1, rows(0));
    auto shifted = w.import("shifted", kHeader, 1500, 2, rows(0.3));
    auto same = w.import("same", kHeader, 1500, 3, rows(0));

    const MonitorReport r = monitor(w, reference, shifted);
    INFO(r.toJson(2));
    REQUIRE(r.columns.size() == 6);
    REQUIRE(columnOf(r, "moved").test.test == "ks");
    REQUIRE(columnOf(r, "moved").drifted);
    REQUIRE(columnOf(r, "moved").pAdjusted < 0.05);
    REQUIRE(columnOf(r, "colour").test.test == "chi_squared");
    REQUIRE(columnOf(r, "colour").drifted);
    REQUIRE_FALSE(columnOf(r, "steady").drifted);
    REQUIRE_FALSE(columnOf(r, "shade").drifted);
    REQUIRE_FALSE(columnOf(r, "flag").drifted);
    REQUIRE(columnOf(r, "flag").test.test == "chi_squared");
    REQUIRE(columnOf(r, "day").test.test == "ks");
    REQUIRE(r.columnsDrifted == 2);
    REQUIRE(r.driftedShare == Approx(2.0 / 6.0));
    REQUIRE(columnOf(r, "steady").pAdjusted >= columnOf(r, "steady").test.pValue);

    const MonitorReport quiet = monitor(w, reference, same);
    INFO(quiet.toJson(2));
    REQUIRE(quiet.columnsDrifted == 0);
    REQUIRE(quiet.driftedShare == 0);
}

TEST_CASE("monitor: a shifted column drifts and an unshifted one does not (effect sizes)",
          "[monitor]") {
    MonitorWorkspace w;
    auto reference = w.import("reference", kHeader, 20000, 4, rows(0));
    auto shifted = w.import("shifted", kHeader, 12000, 5, rows(0.3));
    auto same = w.import("same", kHeader, 12000, 6, rows(0));

    const MonitorReport r = monitor(w, reference, shifted);
    INFO(r.toJson(2));
    const auto& moved = columnOf(r, "moved");
    REQUIRE(moved.test.test == "wasserstein");
    REQUIRE(moved.test.effect == Approx(0.3).margin(0.05));  // the shift, in sds
    REQUIRE(moved.drifted);
    REQUIRE(columnOf(r, "colour").test.test == "jensen_shannon");
    REQUIRE(columnOf(r, "colour").drifted);
    REQUIRE(columnOf(r, "steady").test.effect < 0.1);
    REQUIRE_FALSE(columnOf(r, "steady").drifted);
    REQUIRE_FALSE(columnOf(r, "shade").drifted);

    const MonitorReport quiet = monitor(w, reference, same);
    INFO(quiet.toJson(2));
    REQUIRE(quiet.columnsDrifted == 0);
    // At this size the KS p-value of an unshifted column may still be small; it does not decide.
    for (const auto& c : quiet.columns) REQUIRE(c.test.effect < 0.1);
}

TEST_CASE("monitor: removed, added and retyped columns are schema changes", "[monitor]") {
    MonitorWorkspace w;
    auto reference = w.import("reference", "a,b,c,kind", 300, 7, [](int i, std::mt19937&) {
        return std::to_string(i) + "," + std::to_string(i * 0.5) + ",x" + std::to_string(i % 3) +
               "," + (i % 2 ? "odd" : "even");
    });
    auto current = w.import("current", "a,c,d,kind", 300, 8, [](int i, std::mt19937&) {
        return std::to_string(i) + "," + std::to_string(i % 7) + "," + std::to_string(i) + "," +
               (i % 2 ? "odd" : "even");
    });
    const MonitorReport r = monitor(w, reference, current);
    INFO(r.toJson(2));
    auto change = [&](const std::string& column) {
        for (const auto& s : r.schemaChanges)
            if (s.column == column) return s.change;
        return std::string("none");
    };
    REQUIRE(change("b") == "removed");
    REQUIRE(change("d") == "added");
    REQUIRE(change("c") == "type changed");  // categorical → integer: not compared
    REQUIRE_FALSE(hasColumn(r, "b"));
    REQUIRE_FALSE(hasColumn(r, "c"));
    REQUIRE(hasColumn(r, "a"));
    REQUIRE(hasColumn(r, "kind"));
    REQUIRE(r.columns.size() == 2);
    REQUIRE(r.notes == std::vector<std::string>{
                           "'c' is not compared: categorical in the reference, integer now"});

    SECTION("a feature list compares only its columns and reports no added ones") {
        MonitorOptions o;
        o.features = {"a", "b"};
        const MonitorReport f = monitor(w, reference, current, o);
        REQUIRE(f.columns.size() == 1);
        REQUIRE(f.columns[0].column == "a");
        REQUIRE(f.schemaChanges.size() == 1);
        REQUIRE(f.schemaChanges[0].column == "b");
    }
    SECTION("the target is never compared") {
        MonitorOptions o;
        o.target = "kind";
        REQUIRE_FALSE(hasColumn(monitor(w, reference, current, o), "kind"));
    }
    SECTION("a feature the reference lacks is refused") {
        MonitorOptions o;
        o.features = {"a", "zzz"};
        NullJobContext job;
        auto refused = monitorTables(*w.table(reference), *w.table(current), o, job);
        REQUIRE_FALSE(refused.ok());
        REQUIRE(refused.error().code == ErrorCode::InvalidArgument);
        REQUIRE(refused.error().message.find("'zzz'") != std::string::npos);
    }
}

TEST_CASE("monitor: missing shares are reported and a column emptied on one side drifts",
          "[monitor]") {
    MonitorWorkspace w;
    auto reference = w.import("reference", "x,y", 1000, 9, [](int i, std::mt19937& rng) {
        return std::to_string(std::normal_distribution<double>(0, 1)(rng)) + "," +
               std::to_string(i % 10);
    });
    auto current = w.import("current", "x,y", 1000, 10, [](int i, std::mt19937& rng) {
        const double x = std::normal_distribution<double>(0, 1)(rng);
        return (i % 10 < 3 ? std::string() : std::to_string(x)) + ",";
    });
    const MonitorReport r = monitor(w, reference, current);
    INFO(r.toJson(2));
    const auto& x = columnOf(r, "x");
    REQUIRE(x.missingReference == 0);
    REQUIRE(x.missingCurrent == Approx(0.3));
    REQUIRE(x.currentValues == 700);
    REQUIRE_FALSE(x.drifted);  // the values present keep their distribution
    const auto& y = columnOf(r, "y");
    REQUIRE(y.test.test == "none");
    REQUIRE(y.drifted);
    REQUIRE(y.missingCurrent == 1);
    REQUIRE(std::isnan(y.pAdjusted));
    auto doc = nlohmann::json::parse(r.toJson());
    REQUIRE(doc["columns"][1]["p_value"].is_null());
    REQUIRE(doc["columns"][1]["note"] == "no values in the current data");
}

TEST_CASE("monitor: large columns are sampled evenly and the report says so", "[monitor]") {
    MonitorWorkspace w;
    auto reference = w.import("reference", kHeader, 3000, 11, rows(0));
    auto current = w.import("current", kHeader, 800, 12, rows(0));
    MonitorOptions o;
    o.maxRows = 1000;
    const MonitorReport r = monitor(w, reference, current, o);
    REQUIRE(r.referenceSampled == 1000);
    REQUIRE(r.currentSampled == 800);
    REQUIRE(columnOf(r, "moved").referenceValues == 1000);
    REQUIRE(r.notes.size() == 1);
    REQUIRE(r.notes[0] == "the reference's 3,000 rows were sampled evenly: 1,000 rows per column");
    auto doc = nlohmann::json::parse(r.toJson());
    REQUIRE(doc["reference"]["sampled_rows"] == 1000);
    REQUIRE(doc["options"]["max_rows"] == 1000);
}

TEST_CASE("monitor: a cancelled job stops with Cancelled", "[monitor]") {
    MonitorWorkspace w;
    auto reference = w.import("reference", kHeader, 200, 13, rows(0));
    BasicJobContext job;
    job.cancel();
    auto r = monitorTables(*w.table(reference), *w.table(reference), MonitorOptions{}, job);
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.error().code == ErrorCode::Cancelled);
}
