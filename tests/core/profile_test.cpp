#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <fstream>

#include "core/data/csv_import.h"
#include "core/data/drift.h"
#include "core/data/profile.h"
#include "core/data/profile_cache.h"
#include "core/data/correlation.h"
#include "core/data/table.h"
#include "core/data/validation.h"
#include "core/store/workspace.h"
#include "temp_dir.h"

using namespace kiln;

namespace {

// Writes `csv` to a file, imports it into `store` and opens the stored table.
std::shared_ptr<Table> tableFrom(const TempDir& dir, const ObjectStore& store, const std::string& csv,
                                 const std::string& name = "data.csv") {
    std::ofstream(dir / name) << csv;
    NullJobContext job;
    auto imported = readCsvTable(store, dir / name, {}, job);
    REQUIRE(imported.ok());
    auto table = Table::open(store, imported->manifestHash);
    REQUIRE(table.ok());
    return *table;
}

const char* kPeople =
    "id,age,height,colour,passed,joined,comment\n"
    "1,34,1.72,red,yes,2024-01-05,fine\n"
    "2,28,1.65,blue,no,2024-01-06,too long to say really\n"
    "3,,1.80,red,yes,2024-02-01,\n"
    "4,45,NA,green,yes,2024-03-15,ok\n"
    "5,52,1.90,red,no,2024-03-16,ok\n"
    "6,39,1.75,blue,yes,,fine\n";

}  // namespace

TEST_CASE("A table profile covers every column kind", "[profile]") {
    TempDir dir;
    ObjectStore store(dir / "objects");
    auto table = tableFrom(dir, store, kPeople);
    NullJobContext job;
    auto profile = profileTable(*table, {}, job);
    REQUIRE(profile.ok());
    CHECK(profile->rows == 6);

    const ColumnProfile* age = profile->column("age");
    REQUIRE(age);
    CHECK(age->type == ColumnType::Integer);
    CHECK(age->missing == 1);
    CHECK(age->count == 5);
    REQUIRE(age->numeric);
    CHECK(age->numeric->mean == Approx(39.6));
    CHECK(age->numeric->quantiles[3] == 39.0);  // median
    CHECK(age->numeric->min == 28);

    const ColumnProfile* colour = profile->column("colour");
    REQUIRE(colour);
    CHECK(colour->type == ColumnType::Categorical);
    CHECK(colour->distinct == 3);
    REQUIRE(colour->top.size() == 3);
    CHECK(colour->top[0].value == "red");
    CHECK(colour->top[0].count == 3);

    const ColumnProfile* passed = profile->column("passed");
    REQUIRE(passed);
    CHECK(passed->type == ColumnType::Boolean);
    REQUIRE_FALSE(passed->top.empty());
    CHECK(passed->top[0].value == "yes");  // as the file spells it, not true/false
    CHECK(passed->top[0].count == 4);

    const ColumnProfile* joined = profile->column("joined");
    REQUIRE(joined);
    CHECK(joined->type == ColumnType::Date);
    CHECK(joined->missing == 1);
    CHECK(joined->numeric->min == 19727);  // 2024-01-05 in days since 1970-01-01

    const ColumnProfile* comment = profile->column("comment");
    REQUIRE(comment);
    REQUIRE(comment->textLengths);
    CHECK(comment->missing == 1);
    CHECK(comment->textLengths->max == 22);

    // Correlations over integer, float and boolean columns; the diagonal is 1.
    auto& corr = profile->correlation;
    REQUIRE(corr.columns.size() == 4);  // id, age, height, passed
    CHECK(corr.at(corr.pearson, 0, 0) == Approx(1.0));
    CHECK(corr.at(corr.spearman, 1, 1) == Approx(1.0));

    auto again = TableProfile::fromJson(profile->toJson());
    REQUIRE(again.ok());
    CHECK(again->toJson() == profile->toJson());
}

TEST_CASE("Pearson and Spearman agree with hand-checked values", "[profile]") {
    std::vector<double> x = {1, 2, 3, 4, 5}, y = {2, 4, 5, 4, 5};
    CHECK(pearson(x.data(), y.data(), 5) == Approx(0.7745966692414834));  // scipy.stats.pearsonr
    auto rx = averageRanks(x), ry = averageRanks(y);
    CHECK(ry == std::vector<double>{1, 2.5, 4.5, 2.5, 4.5});
    CHECK(pearson(rx.data(), ry.data(), 5) == Approx(0.7378647873726218));  // scipy.stats.spearmanr
    std::vector<double> withNaN = {1, std::nan(""), 3, 4, 5};
    CHECK(pearson(withNaN.data(), y.data(), 5) == Approx(pearson(std::vector<double>{1, 3, 4, 5}.data(),
                                                                 std::vector<double>{2, 5, 4, 5}.data(), 4)));
}

TEST_CASE("Profiles are cached per dataset version", "[profile]") {
    TempDir dir;
    auto ws = Workspace::open(dir / "ws").value();
    auto table = tableFrom(dir, ws->objects(), kPeople);
    REQUIRE(ws->catalog().execute("INSERT INTO datasets (id, name, kind) VALUES (1, 'people', 'table');"
                                  "INSERT INTO dataset_versions (id, dataset_id, version, content_hash) "
                                  "VALUES (7, 1, 1, 'abc')").ok());
    ProfileOptions options;
    CHECK_FALSE(loadCachedProfile(ws->catalog(), 7, options).value().has_value());
    NullJobContext job;
    auto profile = profileTable(*table, options, job).value();
    REQUIRE(storeCachedProfile(ws->catalog(), 7, options, profile, 0.01).ok());
    auto cached = loadCachedProfile(ws->catalog(), 7, options).value();
    REQUIRE(cached.has_value());
    CHECK(cached->toJson() == profile.toJson());
    options.bins = 5;  // other options, other entry
    CHECK_FALSE(loadCachedProfile(ws->catalog(), 7, options).value().has_value());
}

TEST_CASE("Validation finds constant, ID-like, duplicate, outlying and imbalanced data", "[validate]") {
    TempDir dir;
    ObjectStore store(dir / "objects");
    std::string csv = "id,const,value,label,empty\n";
    for (int i = 1; i <= 40; ++i)
        csv += std::to_string(i) + ",same," + (i == 40 ? "1000" : std::to_string(i % 7)) + "," +
               (i % 10 == 0 ? "rare" : "common") + ",\n";
    auto table = tableFrom(dir, store, csv);
    NullJobContext job;
    auto profile = profileTable(*table, {}, job).value();
    ValidationOptions options;
    options.target = "label";
    auto report = validateTable(*table, profile, options, job);
    REQUIRE(report.ok());
    CHECK(report->has("id_like", "id"));
    CHECK(report->has("constant", "const"));
    CHECK(report->has("all_missing", "empty"));
    CHECK(report->has("outliers", "value"));
    CHECK(report->has("class_imbalance", "label"));
    CHECK_FALSE(report->has("duplicate_rows"));  // the id column makes every row unique

    auto dupes = tableFrom(dir, store, "a,b\n1,x\n2,y\n1,x\n3,z\n1,x\n", "dupes.csv");
    auto dupeProfile = profileTable(*dupes, {}, job).value();
    auto dupeReport = validateTable(*dupes, dupeProfile, {}, job).value();
    CHECK(dupeReport.duplicateRows == 2);
    CHECK(dupeReport.firstDuplicateRow == 2);
    CHECK(dupeReport.firstDuplicateOf == 0);
    CHECK(validateTable(*dupes, dupeProfile, ValidationOptions{"nope"}, job).error().code == ErrorCode::NotFound);
    // One repeat is said in the singular ("1 rows … repeat" before).
    auto one = tableFrom(dir, store, "a,b\n1,x\n2,y\n1,x\n3,z\n", "one_dupe.csv");
    auto oneReport = validateTable(*one, profileTable(*one, {}, job).value(), {}, job).value();
    const auto found = std::find_if(oneReport.findings.begin(), oneReport.findings.end(),
                                    [](const auto& f) { return f.kind == "duplicate_rows"; });
    REQUIRE(found != oneReport.findings.end());
    CHECK(found->message.rfind("1 row (25.0%) repeats an earlier row; first: row 3 equals row 1", 0) == 0);
}

TEST_CASE("Drift reports schema changes, PSI and KS between versions", "[validate]") {
    TempDir dir;
    ObjectStore store(dir / "objects");
    std::string before = "x,colour,gone\n", after = "x,colour,added\n";
    for (int i = 0; i < 500; ++i) {
        before += std::to_string(i % 100) + "," + (i % 2 ? "red" : "blue") + ",1\n";
        after += std::to_string(i % 100 + 60) + "," + (i % 5 ? "red" : "blue") + ",2\n";
    }
    auto a = tableFrom(dir, store, before, "a.csv");
    auto b = tableFrom(dir, store, after, "b.csv");
    NullJobContext job;
    auto report = compareTables(*a, *b, job);
    REQUIRE(report.ok());
    REQUIRE(report->schemaChanges.size() == 2);
    CHECK(report->schemaChanges[0].change == "removed");
    CHECK(report->schemaChanges[1].change == "added");
    REQUIRE(report->columns.size() == 2);
    CHECK(report->columns[0].column == "x");
    CHECK(report->columns[0].level == "major");
    CHECK(*report->columns[0].ks == Approx(0.6));  // shifted by 60 of a 0..99 uniform
    CHECK(*report->columns[0].ksPValue < 1e-6);
    CHECK(report->columns[1].psi > 0.1);
    auto same = compareTables(*a, *a, job).value();
    CHECK(same.columns[0].psi == Approx(0.0));
    CHECK(same.columns[0].level == "stable");
}

TEST_CASE("The KS p-value matches scipy's asymptotic value", "[validate]") {
    // scipy.stats.kstwobign.sf(lambda) for D = 0.2, n1 = n2 = 100 with the Stephens correction.
    double lambda = (std::sqrt(50.0) + 0.12 + 0.11 / std::sqrt(50.0)) * 0.2;
    CHECK(lambda == Approx(1.441324832210316));
    CHECK(ksPValue(0.2, 100, 100) == Approx(0.03137665215307253).epsilon(1e-6));
}

TEST_CASE("a drifted column's two distributions share their bins", "[validate]") {
    TempDir dir;
    ObjectStore store(dir / "objects");
    std::string before = "x,colour,year\n", after = "x,colour,year\n";
    for (int i = 0; i < 400; ++i) {
        before += std::to_string(i % 100) + ".5," + (i % 2 ? "red" : "blue") + "," + std::to_string(2007 + i % 3) + "\n";
        after += (i % 10 == 0 ? std::string() : std::to_string(i % 100 + 100) + ".5") + "," +
                 (i % 4 ? "red" : "green") + "," + std::to_string(2008 + i % 3) + "\n";
    }
    auto a = tableFrom(dir, store, before, "a.csv");
    auto b = tableFrom(dir, store, after, "b.csv");
    // Numbers: even bins over both ranges (0.5 .. 199.5), the versions apart.
    const DistributionPair x = pairDistributions(a->column(0), b->column(0), 4);
    CHECK(x.numeric);
    CHECK(x.labels == std::vector<std::string>{"0.5", "50.25", "100", "149.8"});
    CHECK(x.reference[0] + x.reference[1] == Approx(1.0));
    CHECK(x.current[2] + x.current[3] == Approx(1.0));
    CHECK(x.currentMissing == Approx(0.1));
    CHECK(x.referenceMissing == 0);
    // Categories: the values of both, most frequent first.
    const DistributionPair colour = pairDistributions(a->column(1), b->column(1));
    CHECK_FALSE(colour.numeric);
    CHECK(colour.labels == std::vector<std::string>{"red", "blue", "green"});
    CHECK(colour.reference == std::vector<double>{0.5, 0.5, 0.0});
    CHECK(colour.current[0] == Approx(0.75));
    CHECK(colour.current[2] == Approx(0.25));
    // Beyond the most values shown, the rest are "other".
    const DistributionPair two = pairDistributions(a->column(1), b->column(1), 20, 2);
    CHECK(two.labels == std::vector<std::string>{"red", "blue", "other"});
    // A few whole numbers (years) are values, not bins; more of them than shown are binned.
    CHECK(pairDistributions(a->column(2), b->column(2), 20, 3).numeric);
    const DistributionPair years = pairDistributions(a->column(2), b->column(2));
    CHECK(years.labels.size() == 4);  // 2007 … 2010
    CHECK_FALSE(years.numeric);
}
