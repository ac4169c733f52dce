// monitorModel: a registered model trained in the test's process, new data imported beside its
// training data; shifted inputs and predictions are found, and the errors say what and where.
#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/export/model_registry.h"
#include "core/monitor/model_monitor.h"
#include "core/monitor/monitor_store.h"
#include "export_support.h"
#include "monitor_support.h"

using namespace kiln;
using namespace kiln::test;

namespace {

// Dataset "tab" (train_fixtures' table), model "tab" trained on it, and copies of the table's
// file imported as new data, x1 moved by `shift` (and optionally without a column).
struct ModelWorkspace {
    TempDir dir;
    Imported data;

    ModelWorkspace() : data(importCsv(dir, "tab", 600)) {
        RunSpec spec = tabularSpec(data, "label");
        spec.epochs = 6;
        trainAndLoad(data, spec, "run-monitor");
        REQUIRE(data.ws->catalog()
                    .execute("UPDATE runs SET dataset_version_id = ? WHERE id = ?",
                             {data.version.id, "run-monitor"})
                    .ok());
        auto doc = ModelRegistry(*data.ws).registerRun("run-monitor", "tab");
        INFO((doc.ok() ? "" : doc.error().toString()));
        REQUIRE(doc.ok());
    }

    // Imports tab.csv again as `name` with x1 (the second column) moved by `shift`; `dropLast`
    // leaves out the last column (amount).
    void importShifted(const std::string& name, double shift, bool dropLast = false) {
        std::ifstream in(dir / "tab.csv");
        std::ofstream out(dir / (name + ".csv"));
        std::string line;
        for (bool header = true; std::getline(in, line); header = false) {
            std::vector<std::string> cells;
            std::stringstream s(line);
            for (std::string cell; std::getline(s, cell, ',');) cells.push_back(cell);
            if (line.back() == ',') cells.emplace_back();
            if (!header && shift != 0 && !cells[1].empty())
                cells[1] = std::to_string(std::stod(cells[1]) + shift);
            if (dropLast) cells.pop_back();
            for (std::size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << cells[i];
            out << "\n";
        }
        out.close();
        NullJobContext job;
        REQUIRE(importCsvDataset(*data.ws, dir / (name + ".csv"), name, ImportOptions{}, job).ok());
    }

    Result<MonitorReport> monitor(const std::string& model, const std::string& current,
                                  const MonitorOptions& o = {}) {
        NullJobContext job;
        return monitorModel(*data.ws, model, current, o, job);
    }
};

}  // namespace

TEST_CASE("monitor: monitorModel compares new data with the model's own training data",
          "[monitor]") {
    ModelWorkspace w;
    w.importShifted("shifted", 3.0);
    w.importShifted("same", 0.0);

    auto r = w.monitor("tab", "shifted");
    INFO((r.ok() ? r->toJson(2) : r.error().toString()));
    REQUIRE(r.ok());
    REQUIRE(r->model == "tab");
    REQUIRE(r->modelVersion == 1);
    REQUIRE(r->reference == "tab@1");
    REQUIRE(r->referenceVersionId == w.data.version.id);
    REQUIRE(r->current == "shifted@1");
    REQUIRE(r->currentHash.size() == 64);
    REQUIRE_FALSE(hasColumn(*r, "label"));  // the target
    REQUIRE_FALSE(hasColumn(*r, "id"));     // not a model input
    REQUIRE(columnOf(*r, "x1").drifted);
    REQUIRE_FALSE(columnOf(*r, "x2").drifted);
    REQUIRE_FALSE(columnOf(*r, "colour").drifted);
    REQUIRE(r->prediction);
    REQUIRE(r->prediction->column == "prediction");
    REQUIRE(r->prediction->test.test == "chi_squared");  // 600 labels a side
    REQUIRE(r->prediction->drifted);                     // x1 + 3 makes nearly every row "yes"

    auto quiet = w.monitor("tab@1", "same");
    INFO((quiet.ok() ? quiet->toJson(2) : quiet.error().toString()));
    REQUIRE(quiet.ok());
    REQUIRE(quiet->columnsDrifted == 0);  // the same rows, so the same distributions
    REQUIRE(quiet->prediction);
    REQUIRE_FALSE(quiet->prediction->drifted);

    SECTION("the report is saved for the chart") {
        auto id = saveMonitorReport(w.data.ws->catalog(), *r);
        REQUIRE(id.ok());
        auto listed = listMonitorReports(w.data.ws->catalog(), "tab", 1);
        REQUIRE(listed.ok());
        REQUIRE(listed->size() == 1);
        REQUIRE(listed->front().current == "shifted@1");
        REQUIRE(listed->front().prediction);
        REQUIRE(listed->front().prediction->drifted);
    }
    SECTION("features narrow the columns") {
        MonitorOptions o;
        o.features = {"x2"};
        auto narrow = w.monitor("tab", "shifted", o);
        REQUIRE(narrow.ok());
        REQUIRE(narrow->columns.size() == 1);
        REQUIRE(narrow->columns[0].column == "x2");
    }
}

TEST_CASE("monitor: monitorModel's errors say what is missing", "[monitor]") {
    ModelWorkspace w;
    w.importShifted("short", 0.0, true);

    auto noModel = w.monitor("nope", "tab");
    REQUIRE_FALSE(noModel.ok());
    REQUIRE(noModel.error().code == ErrorCode::NotFound);
    REQUIRE(noModel.error().hint.find("kiln models") != std::string::npos);

    auto noData = w.monitor("tab", "nothing");
    REQUIRE_FALSE(noData.ok());
    REQUIRE(noData.error().code == ErrorCode::NotFound);
    REQUIRE(noData.error().message.find("'nothing'") != std::string::npos);
    REQUIRE(noData.error().hint.find("kiln import") != std::string::npos);

    auto noVersion = w.monitor("tab", "tab@7");
    REQUIRE_FALSE(noVersion.ok());
    REQUIRE(noVersion.error().code == ErrorCode::NotFound);

    MonitorOptions o;
    o.features = {"x1", "zzz"};
    auto badFeature = w.monitor("tab", "tab", o);
    REQUIRE_FALSE(badFeature.ok());
    REQUIRE(badFeature.error().code == ErrorCode::InvalidArgument);
    REQUIRE(badFeature.error().context == "training data tab@1");
    REQUIRE(badFeature.error().hint.find("x1") != std::string::npos);

    SECTION(
        "data without a column the model takes: the columns are compared, the predictions not") {
        auto r = w.monitor("tab", "short");
        INFO((r.ok() ? r->toJson(2) : r.error().toString()));
        REQUIRE(r.ok());
        REQUIRE_FALSE(r->prediction);
        REQUIRE(r->schemaChanges.size() == 1);
        REQUIRE(r->schemaChanges[0].change == "removed");
        REQUIRE(r->notes.size() == 1);
        REQUIRE(r->notes[0].find("the predictions were not compared") != std::string::npos);
        REQUIRE(r->notes[0].find("amount") != std::string::npos);
    }
    SECTION("training data removed from the workspace") {
        REQUIRE(w.data.ws->catalog()
                    .execute("UPDATE model_versions SET dataset_version_id = NULL")
                    .ok());
        auto gone = w.monitor("tab", "short");
        REQUIRE_FALSE(gone.ok());
        REQUIRE(gone.error().code == ErrorCode::NotFound);
        REQUIRE(gone.error().message.find("training data of tab@1") != std::string::npos);
        REQUIRE_FALSE(gone.error().hint.empty());
    }
}
