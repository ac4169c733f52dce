// Checks of feature columns before training (identifiers, leaks, missing shares) and the
// target named like one.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>

#include "core/data/csv_import.h"
#include "core/data/table.h"
#include "core/features/feature_checks.h"
#include "core/jobs/job_context.h"
#include "core/store/object_store.h"
#include "temp_dir.h"

using namespace kiln;

namespace {

// 200 rows: an ID, a matched-set number, a leak (the label under another name), an honest
// number, a category that says little, a column 40% missing, the label.
std::shared_ptr<Table> leakyTable(const TempDir& dir, const ObjectStore& store) {
    const auto file = dir / "leaky.csv";
    std::ofstream out(file);
    out << "row_id,stratum,answer_code,x,colour,sparse,outcome\n";
    for (int i = 0; i < 200; ++i) {
        const bool yes = (i * 37 + 11) % 5 < 2;
        out << 1000 + i << "," << i / 3 << "," << (yes ? "A" : "B") << "," << (i % 17) * 0.25 << ","
            << (i % 3 ? "red" : "blue") << "," << (i % 5 < 2 ? "" : std::to_string(i % 7)) << ","
            << (yes ? "yes" : "no") << "\n";
    }
    out.close();
    NullJobContext job;
    auto read = readCsvTable(store, file, ImportOptions{}, job);
    REQUIRE(read.ok());
    auto table = Table::open(store, read->manifestHash);
    REQUIRE(table.ok());
    return *table;
}

}  // namespace

TEST_CASE("identifiers, leaks and missing shares are named before training", "[feature_checks]") {
    TempDir dir;
    ObjectStore store(dir / "objects");
    auto table = leakyTable(dir, store);
    const std::vector<std::string> features = {"row_id", "stratum", "answer_code", "x", "colour", "sparse"};
    std::map<std::string, FeatureWarning::Reason> found;
    for (const auto& w : checkFeatures(*table, "outcome", features, true)) found[w.column] = w.reason;
    CHECK(found.at("row_id") == FeatureWarning::Reason::UniquePerRow);
    CHECK(found.at("stratum") == FeatureWarning::Reason::IdentifierName);
    CHECK(found.at("answer_code") == FeatureWarning::Reason::PredictsTarget);
    CHECK(found.at("sparse") == FeatureWarning::Reason::MostlyMissing);
    CHECK_FALSE(found.count("x"));
    CHECK_FALSE(found.count("colour"));

    const auto leak = checkFeatures(*table, "outcome", {"answer_code"}, true).front();
    CHECK(describeFeatureWarning(leak) ==
          "column 'answer_code' alone gives the target on 100.0% of the rows: is it the answer under another "
          "name (a leak)?");
    CHECK(suggestTarget(*table) == "outcome");

    // Regression: a column that is the target rescaled.
    for (const auto& w : checkFeatures(*table, "x", {"stratum", "colour"}, false))
        CHECK(w.reason != FeatureWarning::Reason::PredictsTarget);
}

TEST_CASE("a target is suggested only by its name", "[feature_checks]") {
    TempDir dir;
    ObjectStore store(dir / "objects");
    for (auto [header, expected] : std::vector<std::pair<std::string, std::string>>{
             {"a,b,Label", "Label"}, {"Day,Ozone,Month", ""}, {"x,churn_label,y", "y"}, {"x,is_fraud_target", "is_fraud_target"}}) {
        const auto file = dir / "t.csv";
        std::string row = "1";
        for (char c : header)
            if (c == ',') row += ",1";
        std::ofstream(file) << header << "\n" << row << "\n";
        NullJobContext job;
        auto read = readCsvTable(store, file, ImportOptions{}, job);
        REQUIRE(read.ok());
        auto table = Table::open(store, read->manifestHash);
        REQUIRE(table.ok());
        CHECK(suggestTarget(**table) == expected);
    }
}
