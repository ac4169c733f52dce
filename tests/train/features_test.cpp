#include <catch2/catch.hpp>
#include <limits>
#include <random>

#include <algorithm>
#include <set>
#include <nlohmann/json.hpp>

#include "core/features/feature_recipe.h"
#include "core/features/split.h"
#include "core/train/metrics.h"
#include "core/train/training_data.h"
#include "train_fixtures.h"

using namespace kiln;
using namespace kiln::test;

TEST_CASE("a run spec is validated with every problem named", "[train][spec]") {
    RunSpec spec;
    spec.datasetHash = "abc";
    spec.target = "y";
    CHECK(spec.validate().ok());
    spec.model.family = "transformer";
    spec.optimizer.lr = -1;
    spec.split = {0.8, 0.3, 0.1, 1};
    spec.device = "gpu";
    auto st = spec.validate();
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().code == ErrorCode::InvalidArgument);
    for (const char* part : {"model: 'transformer'", "lr:", "split:", "device: 'gpu'"})
        CHECK(st.error().message.find(part) != std::string::npos);
}

TEST_CASE("a run spec survives JSON", "[train][spec]") {
    RunSpec spec;
    spec.datasetHash = "abc";
    spec.target = "y";
    spec.model.hidden = {32, 16, 8};
    spec.optimizer.name = "sgd";
    spec.task = TaskKind::Regression;
    auto back = RunSpec::fromJson(spec.toJson());
    REQUIRE(back.ok());
    CHECK(back->toJson() == spec.toJson());
    CHECK_FALSE(RunSpec::fromJson("{\"epochs\": \"many\"}").ok());
}

TEST_CASE("resolving a spec picks the task and the useful columns", "[train][spec]") {
    TempDir dir;
    auto data = importCsv(dir, "synthetic", 300);
    RunSpec cls = tabularSpec(data, "label");
    CHECK(cls.task == TaskKind::Classification);
    CHECK(std::find(cls.features.begin(), cls.features.end(), "id") == cls.features.end());
    CHECK(std::any_of(cls.notes.begin(), cls.notes.end(),
                      [](auto& n) { return n.find("'id'") != std::string::npos; }));
    CHECK(std::find(cls.features.begin(), cls.features.end(), "colour") != cls.features.end());
    RunSpec reg = tabularSpec(data, "amount");
    CHECK(reg.task == TaskKind::Regression);
}

TEST_CASE("the split is stratified, seeded and disjoint", "[train][split]") {
    std::vector<std::uint64_t> rows;
    std::vector<int> labels;
    for (std::uint64_t i = 0; i < 1000; ++i) {
        rows.push_back(i);
        labels.push_back(i % 10 == 0 ? 1 : 0);  // 10 % positives
    }
    SplitSpec spec{0.6, 0.2, 0.2, 7};
    auto a = makeSplit(rows, &labels, spec), b = makeSplit(rows, &labels, spec);
    CHECK(a.train == b.train);
    CHECK(a.train.size() == 600);
    CHECK(a.val.size() == 200);
    CHECK(a.test.size() == 200);
    auto positives = [&](const std::vector<std::uint64_t>& part) {
        return std::count_if(part.begin(), part.end(), [&](auto r) { return labels[r] == 1; });
    };
    CHECK(positives(a.train) == 60);
    CHECK(positives(a.test) == 20);
    std::set<std::uint64_t> all(a.train.begin(), a.train.end());
    all.insert(a.val.begin(), a.val.end());
    all.insert(a.test.begin(), a.test.end());
    CHECK(all.size() == 1000);
    spec.seed = 8;
    CHECK(makeSplit(rows, &labels, spec).train != a.train);
}

TEST_CASE("the recipe is fitted on the training rows only and serialises", "[train][recipe]") {
    TempDir dir;
    auto data = importCsv(dir, "synthetic", 200);
    RunSpec spec = tabularSpec(data, "label");
    auto table = Table::open(data.ws->objects(), spec.datasetHash);
    REQUIRE(table.ok());
    std::vector<std::uint64_t> firstHalf, secondHalf;
    for (std::uint64_t r = 0; r < 200; ++r) (r < 100 ? firstHalf : secondHalf).push_back(r);
    auto a = FeatureRecipe::fit(**table, spec, firstHalf);
    auto b = FeatureRecipe::fit(**table, spec, secondHalf);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    auto x1 =
        std::find_if(a->steps.begin(), a->steps.end(), [](auto& s) { return s.column == "x1"; });
    REQUIRE(x1 != a->steps.end());
    CHECK(x1->indicator);  // x1 has missing cells
    CHECK(x1->fill != b->steps[std::size_t(x1 - a->steps.begin())].fill);
    auto colour = std::find_if(a->steps.begin(), a->steps.end(),
                               [](auto& s) { return s.column == "colour"; });
    REQUIRE(colour != a->steps.end());
    CHECK(colour->categories.size() == 3);
    auto day =
        std::find_if(a->steps.begin(), a->steps.end(), [](auto& s) { return s.column == "day"; });
    REQUIRE(day != a->steps.end());
    CHECK(day->kind == "date");
    CHECK(a->target.classes ==
          std::vector<std::string>{"no", "yes"});  // yes/no is boolean, its classes named as written
    std::vector<float> row(std::size_t(a->width()));
    a->transformRow(**table, 3, row.data());  // row 3 has x1 missing: the indicator is 1
    CHECK(row[std::size_t(x1 - a->steps.begin()) + 1] == 1.0f);
    auto back = FeatureRecipe::fromJson(a->toJson());
    REQUIRE(back.ok());
    CHECK(back->toJson() == a->toJson());
}

TEST_CASE("classification metrics match hand-computed values", "[train][metrics]") {
    // scores 0.1 0.4 0.35 0.8 for labels 0 0 1 1: AUC 0.75 (the textbook example)
    CHECK(rocAuc({0.1, 0.4, 0.35, 0.8}, {0, 0, 1, 1}) == Approx(0.75));
    std::vector<float> probs = {0.9f, 0.1f, 0.6f, 0.4f, 0.65f, 0.35f, 0.2f, 0.8f};
    auto m = classificationMetrics(probs, {0, 0, 1, 1}, 2);
    CHECK(m.accuracy == Approx(0.75));
    CHECK(m.rocAuc == Approx(0.75));
    auto r = regressionMetrics({1, 2, 3}, {1, 2, 4});
    CHECK(r.mae == Approx(1.0 / 3));
    CHECK(r.r2 == Approx(1 - 9.0 / 42));  // SSE 1, SST 42/9
}

TEST_CASE("the float AUC of classification metrics equals rocAuc, with ties, zeros and NaN",
          "[train][metrics]") {
    const float kNaN = std::numeric_limits<float>::quiet_NaN();
    std::mt19937 rng(7);
    for (int classes : {2, 3}) {
        const std::size_t n = 5000;
        std::vector<float> probs(n * std::size_t(classes));
        std::vector<long> labels(n);
        for (std::size_t i = 0; i < n; ++i) {
            labels[i] = long(rng() % unsigned(classes));
            for (int c = 0; c < classes; ++c) {
                unsigned pick = rng() % 100;
                float v = pick < 30 ? float(rng() % 7) / 7.0f  // many ties
                          : pick < 32 ? (rng() % 2 ? 0.0f : -0.0f)
                          : pick < 34 ? kNaN
                          : pick < 35 ? -std::numeric_limits<float>::infinity()
                                      : float(rng() % 100000) / 99999.0f - float(c == 1) * 0.2f;
                probs[i * std::size_t(classes) + std::size_t(c)] = v;
            }
        }
        double expected = 0;
        for (int c = classes == 2 ? 1 : 0; c < classes; ++c) {
            std::vector<double> column(n);
            std::vector<char> positive(n);
            for (std::size_t i = 0; i < n; ++i) {
                column[i] = probs[i * std::size_t(classes) + std::size_t(c)];
                positive[i] = labels[i] == c;
            }
            expected += rocAuc(column, positive) / (classes == 2 ? 1 : classes);
        }
        CHECK(classificationMetrics(probs, labels, classes).rocAuc == Approx(expected).epsilon(1e-12));
    }
}

TEST_CASE("missing numbers are filled as the spec chooses, or their rows left out", "[train][recipe]") {
    TempDir dir;
    auto data = importCsv(dir, "synthetic", 200);  // x1 is missing on every 17th row
    RunSpec spec = tabularSpec(data, "label");
    auto table = Table::open(data.ws->objects(), spec.datasetHash);
    REQUIRE(table.ok());
    const ColumnView& x1 = (*table)->column(std::size_t((*table)->columnIndex("x1")));
    std::vector<std::uint64_t> rows;
    std::vector<double> present;
    for (std::uint64_t r = 0; r < 200; ++r) {
        rows.push_back(r);
        if (!x1.isMissing(r)) present.push_back(x1.number(r));
    }
    auto fillOf = [&](const std::string& strategy, double constant = 0) {
        RunSpec s = spec;
        s.imputation = strategy;
        s.imputeValue = constant;
        REQUIRE(s.validate().ok());
        auto recipe = FeatureRecipe::fit(**table, s, rows);
        REQUIRE(recipe.ok());
        auto step = std::find_if(recipe->steps.begin(), recipe->steps.end(), [](auto& st) { return st.column == "x1"; });
        REQUIRE(step != recipe->steps.end());
        CHECK(step->indicator);
        return step->fill;
    };
    double mean = 0;
    for (double v : present) mean += v;
    mean /= double(present.size());
    std::vector<double> sorted = present;
    std::sort(sorted.begin(), sorted.end());
    CHECK(fillOf("median") == sorted[sorted.size() / 2]);
    CHECK(fillOf("mean") == Approx(mean));
    CHECK(fillOf("constant", -3.5) == -3.5);
    CHECK(fillOf("drop") == sorted[sorted.size() / 2]);  // what prediction fills with
    CHECK(fillOf("most_frequent") == sorted.front());  // all distinct: the smallest of the tie

    // drop: the rows with a missing x1 take no part; the others are all there.
    RunSpec drop = spec;
    drop.imputation = "drop";
    auto prepared = prepareTrainingData(drop, data.ws->objects());
    REQUIRE(prepared.ok());
    const auto& split = prepared->split;
    const std::size_t used = split.train.size() + split.val.size() + split.test.size();
    CHECK(used == present.size());
    for (const auto* part : {&split.train, &split.val, &split.test})
        for (std::uint64_t r : *part) CHECK_FALSE(x1.isMissing(r));
    CHECK(std::any_of(prepared->recipe.notes.begin(), prepared->recipe.notes.end(), [](const std::string& n) {
        return n == "12 rows with a missing feature are left out (imputation: drop)";
    }));

    RunSpec bad = spec;
    bad.imputation = "average";
    REQUIRE_FALSE(bad.validate().ok());
    CHECK(bad.validate().error().message.find("imputation: 'average' is not median, mean, most_frequent, constant or drop") !=
          std::string::npos);
}
