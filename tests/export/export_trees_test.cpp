// Tree runs (boosted, forest, decision tree) trained by Kiln export to ONNX files that the
// checker passes and that agree with XGBoost itself and with ONNX Runtime, on held-out rows and
// on the inputs where converters are known to disagree: missing values, values exactly on a
// threshold (read from model.xgb.json), ±inf, and rows with nothing known at all.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/data/table.h"
#include "core/export/exporter.h"
#include "core/export/held_out.h"
#include "core/export/onnx_executor.h"
#include "core/export/onnx_writer.h"
#include "core/export/trained_model.h"
#include "core/export/tree_ensemble.h"
#include "export_support.h"
#include "train_fixtures.h"

using namespace kiln;
using namespace kiln::test;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::vector<std::string> splitCsvLine(const std::string& line) {
    std::vector<std::string> out;
    std::stringstream s(line);
    std::string cell;
    while (std::getline(s, cell, ',')) out.push_back(cell);
    if (!line.empty() && line.back() == ',') out.push_back("");
    return out;
}

std::string joinCsv(const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) line += (i ? "," : "") + cells[i];
    return line;
}

// scikit-learn's wine table (tests/fixtures/data/wine.csv) made harder: missing cells in three
// columns, a categorical `region` (some missing), a `harvest` date (some missing) and a binary
// target `is_class_1`. Returns the header and the data rows as cells.
struct Csv {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;

    void write(const fs::path& file) const {
        std::ofstream out(file);
        out << joinCsv(header) << "\n";
        for (const auto& r : rows) out << joinCsv(r) << "\n";
    }
    std::size_t column(const std::string& name) const {
        return std::size_t(std::find(header.begin(), header.end(), name) - header.begin());
    }
};

Csv hardWine() {
    std::ifstream in(std::string(KILN_FIXTURE_DIR) + "/wine.csv");
    REQUIRE(in);
    Csv csv;
    std::string line;
    std::getline(in, line);
    csv.header = splitCsvLine(line);
    for (auto name : {"region", "harvest", "is_class_1"}) csv.header.push_back(name);
    const char* regions[] = {"coast", "valley", "hills", "delta"};
    for (int i = 0; std::getline(in, line); ++i) {
        auto cells = splitCsvLine(line);
        if (i % 7 == 3) cells[csv.column("magnesium")] = "";
        if (i % 11 == 5) cells[csv.column("flavanoids")] = "";
        if (i % 5 == 2) cells[csv.column("hue")] = "";
        cells.push_back(i % 13 == 6 ? "" : regions[(i * 7 + i / 40) % 4]);
        char date[16];
        std::snprintf(date, sizeof date, "%d-%02d-%02d", 2018 + i % 3, 1 + (i * 5) % 12,
                      1 + (i * 7) % 28);
        cells.push_back(i % 17 == 4 ? "" : date);
        cells.push_back(cells[csv.column("cultivar")] == "class_1" ? "yes" : "no");
        csv.rows.push_back(cells);
    }
    return csv;
}

Imported importTable(const TempDir& dir, const Csv& csv, const std::string& name) {
    auto ws = Workspace::open(dir / "ws");
    REQUIRE(ws.ok());
    fs::path file = dir / (name + ".csv");
    csv.write(file);
    NullJobContext job;
    auto imported = importCsvDataset(**ws, file, name, ImportOptions{}, job);
    INFO((imported.ok() ? "" : imported.error().toString()));
    REQUIRE(imported.ok());
    auto version = DatasetCatalog((*ws)->catalog()).resolve(name);
    REQUIRE(version.ok());
    return {std::move(*ws), *version};
}

// A resolved tree spec: every column but the targets as a feature, small and seeded.
RunSpec treeSpec(Imported& data, const std::string& target, const std::string& family) {
    RunSpec spec;
    spec.dataset = data.version.dataset;
    spec.datasetVersion = data.version.version;
    spec.datasetHash = data.version.contentHash;
    spec.target = target;
    spec.model.family = family;
    spec.threads = 1;
    spec.seed = 7;
    auto table = Table::open(data.ws->objects(), spec.datasetHash);
    REQUIRE(table.ok());
    for (const auto& c : (*table)->manifest().columns)
        if (c.name != target && c.name != "cultivar" && c.name != "is_class_1" &&
            c.name != "alcohol")
            spec.features.push_back(c.name);
    if (target != "alcohol") spec.features.push_back("alcohol");
    return spec;
}

void resolve(Imported& data, RunSpec& spec) {
    auto table = Table::open(data.ws->objects(), spec.datasetHash);
    REQUIRE(table.ok());
    REQUIRE(resolveSpec(spec, **table).ok());
    auto valid = spec.validate();
    INFO((valid.ok() ? std::string() : valid.error().toString()));
    REQUIRE(valid.ok());
}

// Every (input, threshold) pair the trees of model.xgb.json split on, read from the JSON
// itself (not through the exporter's reader).
std::vector<std::pair<int, float>> thresholds(const fs::path& modelFile) {
    auto j = json::parse(std::ifstream(modelFile));
    std::set<std::pair<int, float>> seen;
    for (const auto& t : j["learner"]["gradient_booster"]["model"]["trees"])
        for (std::size_t i = 0; i < t["left_children"].size(); ++i)
            if (t["left_children"][i].get<int>() >= 0)
                seen.emplace(t["split_indices"][i].get<int>(),
                             float(t["split_conditions"][i].get<double>()));
    return {seen.begin(), seen.end()};
}

std::string exactText(float v) {  // the float's value exactly, so the import reads it back as is
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", double(v));
    return buf;
}

// The hard rows, appended to the run's held-out rows: for every threshold of a number column,
// the value exactly on it, the float just below, missing, +inf and -inf (each set into one
// held-out row); and a row with every feature missing. `onThreshold` holds the pairs of rows
// (on, just below) so a test can see that the thresholds matter.
struct HardRows {
    Csv csv;
    std::vector<std::pair<std::size_t, std::size_t>> onThreshold;
    std::vector<std::array<std::size_t, 3>> missingAndInf;  // rows: blank, inf, -inf
};

HardRows hardRows(const TrainedModel& m, const Csv& source) {
    HardRows h;
    h.csv.header = source.header;
    for (auto r : m.split.test) h.csv.rows.push_back(source.rows[r]);
    std::vector<int> numericColumn;  // recipe output → its column (numbers only), else -1
    for (const auto& s : m.recipe.steps)
        for (std::size_t k = 0; k < s.outputs.size(); ++k)
            numericColumn.push_back(s.kind == "numeric" ? int(source.column(s.column)) : -1);
    const auto base = h.csv.rows;
    std::size_t used = 0;
    for (auto [input, t] : thresholds(m.runDir / "model.xgb.json")) {
        int column = numericColumn.at(std::size_t(input));
        if (column < 0) continue;
        auto row = base[used++ % base.size()];
        auto at = [&](std::string text) {
            row[std::size_t(column)] = std::move(text);
            h.csv.rows.push_back(row);
            return h.csv.rows.size() - 1;
        };
        auto on = at(exactText(t));
        h.onThreshold.push_back({on, at(exactText(std::nextafter(t, -INFINITY)))});
        h.missingAndInf.push_back({at(""), at("inf"), at("-inf")});
    }
    auto empty = base.front();
    for (const auto& s : m.recipe.steps) empty[source.column(s.column)] = "";
    h.csv.rows.push_back(empty);
    return h;
}

double relative(double a, double b) {
    double d = std::fabs(a - b) / std::max(1.0, std::fabs(b));
    return std::isnan(d) ? HUGE_VAL : d;
}

double worstRelative(const std::vector<float>& a, const std::vector<float>& b) {
    REQUIRE(a.size() == b.size());
    double worst = 0;
    for (std::size_t i = 0; i < a.size(); ++i) worst = std::max(worst, relative(a[i], b[i]));
    return worst;
}

// The labels agree with XGBoost's most probable class (rows where XGBoost's top two are within
// 1e-6 are ties either runtime may break its own way).
void checkLabels(const std::vector<std::int64_t>& labels, const std::vector<float>& probs,
                 std::size_t k) {
    REQUIRE(labels.size() * k == probs.size());
    std::size_t wrong = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        auto row = probs.begin() + long(i * k);
        auto best = std::size_t(std::max_element(row, row + long(k)) - row);
        if (std::fabs(row[long(labels[i])] - row[long(best)]) > 1e-6) ++wrong;
    }
    CHECK(wrong == 0);
}

struct Family {
    std::string name, family, target;
    int trees, depth, earlyStopping;
};

// Trains, exports (verified), then compares Kiln's executor and ONNX Runtime with XGBoost on the
// held-out and the hard rows. Returns the trained model.
TrainedModel checkTreeExport(const TempDir& dir, Imported& data, const Csv& source,
                             const Family& f) {
    RunSpec spec = treeSpec(data, f.target, f.family);
    spec.model.trees = f.trees;
    spec.model.maxDepth = f.depth;
    spec.earlyStopping = f.earlyStopping;
    if (f.earlyStopping > 0) spec.model.learningRate = 0.3;  // so it stops well before 300
    resolve(data, spec);
    auto m = trainAndLoad(data, spec, f.name);
    REQUIRE(m.treeModel());
    for (const auto& s : m.recipe.steps)
        if (s.kind == "numeric" || s.kind == "date") CHECK(s.keepMissing);

    fs::path file = dir / (f.name + ".onnx");
    auto exported = exportRun(data.ws->root(), m.runId, file);
    INFO((exported.ok() ? "" : exported.error().toString()));
    REQUIRE(exported.ok());
    INFO(exported->verification.message);
    CHECK(exported->verification.passed);
    CHECK(exported->verification.reference == "XGBoost");
    CHECK(exported->verification.maxMarginDiff <= 1e-5);
    auto check = checkOnnxFile(file);
    REQUIRE(check.ok());
    CHECK_THAT(check->opsetSummary, Catch::Contains("ai.onnx.ml 3"));

    // The hard rows, imported as a table so the recipe (for XGBoost) and the raw graph inputs
    // come from the same cells.
    HardRows hard = hardRows(m, source);
    REQUIRE(hard.onThreshold.size() > 0);
    TempDir hardDir;
    auto table = importTable(hardDir, hard.csv, "hard");
    auto t = Table::open(table.ws->objects(), table.version.contentHash);
    REQUIRE(t.ok());
    std::vector<std::uint64_t> rows((*t)->rows());
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = i;
    std::vector<float> features(rows.size() * std::size_t(m.inputWidth));
    m.recipe.transformRows(**t, rows, features.data());
    std::vector<std::pair<std::string, std::string>> inputs;
    for (const auto& in : onnxInputsFor(m)) inputs.emplace_back(in.name, hostTypeName(in.type));
    auto raw = rawTableInputs(**t, inputs, rows);
    REQUIRE(raw.ok());
    bool sawInf = false;
    for (const auto& [name, tensor] : *raw)
        for (float v : tensor.floats) sawInf |= std::isinf(v);
    REQUIRE(sawInf);  // the graph, not the reader, must treat ±inf as missing

    auto ref = referencePredictions(m, features, {}, rows.size());
    INFO((ref.ok() ? "" : ref.error().toString()));
    REQUIRE(ref.ok());
    const std::size_t width = std::size_t(ref->marginWidth);
    std::size_t sides = 0;  // threshold pairs where XGBoost's margin moves: the test can fail
    for (auto [on, below] : hard.onThreshold)
        for (std::size_t c = 0; c < width; ++c)
            sides += ref->margins[on * width + c] != ref->margins[below * width + c];
    CHECK(sides > 0);

    const char* main = m.classification() ? "probabilities" : "value";
    auto exec = OnnxExecutor::load(file);
    REQUIRE(exec.ok());
    auto mine = exec->run(*raw, {kTreeMarginsValue});
    REQUIRE(mine.ok());
    CHECK(worstRelative(mine->at(kTreeMarginsValue).floats, ref->margins) <= 1e-5);
    CHECK(worstRelative(mine->at(main).floats, ref->outputs) <= 1e-5);
    if (m.classification())
        checkLabels(mine->at("label").int64s, ref->outputs, std::size_t(m.outputs));
    const auto& margins = mine->at(kTreeMarginsValue).floats;
    for (const auto& [blank, inf, negInf] : hard.missingAndInf)
        for (std::size_t c = 0; c < width; ++c) {
            CHECK(margins[inf * width + c] == margins[blank * width + c]);
            CHECK(margins[negInf * width + c] == margins[blank * width + c]);
        }

    json shipped = runOrt(file, *raw, dir.path());  // the file as exported, in ONNX Runtime
    CHECK(worstRelative(shipped[main]["data"].get<std::vector<float>>(), ref->outputs) <= 1e-5);
    if (m.classification())
        checkLabels(shipped["label"]["data"].get<std::vector<std::int64_t>>(), ref->outputs,
                    std::size_t(m.outputs));

    OnnxExportOptions withMargins;  // the same graph with the margins as an output, for ORT
    withMargins.exposeMargins = true;
    auto bytes = buildOnnxModel(m, withMargins);
    REQUIRE(bytes.ok());
    fs::path marginFile = dir / (f.name + "_margins.onnx");
    REQUIRE(writeModelFile(marginFile, *bytes).ok());
    REQUIRE(checkOnnxFile(marginFile).ok());
    json ort = runOrt(marginFile, *raw, dir.path());
    CHECK(worstRelative(ort["margin"]["data"].get<std::vector<float>>(), ref->margins) <= 1e-5);
    CHECK(worstRelative(ort[main]["data"].get<std::vector<float>>(), ref->outputs) <= 1e-5);
    if (m.classification())
        checkLabels(ort["label"]["data"].get<std::vector<std::int64_t>>(), ref->outputs,
                    std::size_t(m.outputs));
    return m;
}

}  // namespace

TEST_CASE("tree runs export to ONNX that agrees with XGBoost and ONNX Runtime on hard inputs",
          "[export][trees][ort]") {
    TempDir dir;
    Csv wine = hardWine();
    auto data = importTable(dir, wine, "wine");
    const std::vector<Family> families = {
        {"boosted-binary", "boosted", "is_class_1", 40, 4, 0},
        {"boosted-regression", "boosted", "alcohol", 40, 4, 0},
        {"forest-multiclass", "forest", "cultivar", 12, 5, 0},
        {"boosted-early-stopped", "boosted", "cultivar", 300, 3, 3},
        {"decision-tree", "tree", "is_class_1", 0, 0, 0},
    };
    for (const auto& f : families) {
        DYNAMIC_SECTION(f.name) {
            auto m = checkTreeExport(dir, data, wine, f);
            if (f.family == "forest") CHECK(m.trees->margins == 3);
            if (f.family == "tree") CHECK(m.trees->trees.size() == 1);
            if (f.earlyStopping > 0) {  // cut at the best round: fewer trees than rounds asked
                CHECK(m.trees->trees.size() % 3 == 0);
                CHECK(m.trees->trees.size() < 300 * 3);
            }
            auto exec = OnnxExecutor::load(dir / (f.name + ".onnx"));
            REQUIRE(exec.ok());
            CHECK(exec->metadata().at("kiln.model_family") == f.family);
            CHECK(exec->outputNames() == (m.classification()
                                              ? std::vector<std::string>{"probabilities", "label"}
                                              : std::vector<std::string>{"value"}));
        }
    }
}

TEST_CASE("a 300-tree model exports with verification in under 2 s", "[export][trees][speed]") {
    TempDir dir;
    auto data = importCsv(dir, "synthetic", 4000);
    RunSpec spec = tabularSpec(data, "amount");
    spec.model.family = "boosted";
    spec.model.trees = 300;
    spec.model.maxDepth = 6;
    spec.model.learningRate = 0.01;  // still improving at round 300, so no round is cut
    spec.earlyStopping = 0;
    resolve(data, spec);
    auto m = trainAndLoad(data, spec, "boosted-300");
    REQUIRE(m.trees->trees.size() == 300);
    auto started = std::chrono::steady_clock::now();
    auto exported = exportRun(data.ws->root(), m.runId, dir / "m.onnx");
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    REQUIRE(exported.ok());
    CHECK(exported->verification.passed);
    std::cout << "300-tree export with verification: " << seconds << " s (" << m.trees->nodeCount()
              << " nodes, " << exported->verification.rows << " rows verified)\n";
    CHECK(seconds < 2.0);
}
