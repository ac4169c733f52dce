#pragma once

// What the export test files share: a run trained in the test's process and recorded as
// completed, and ONNX Runtime (onnxruntime-node, the export/ort_setup fixture) on a file.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "core/export/host_tensor.h"
#include "core/export/onnx_writer.h"
#include "core/export/trained_model.h"
#include "core/train/trainer.h"
#include "train_fixtures.h"

namespace kiln::test {

namespace fs = std::filesystem;
using nlohmann::json;

// A listener that hears nothing and never cancels.
struct Quiet : TrainListener {
    void progress(int, std::int64_t, std::int64_t) override {}
    void metric(const std::string&, double, std::int64_t, int) override {}
    void log(const std::string&, const std::string&) override {}
    void artifact(const std::string&, const std::string&) override {}
    bool cancelled() override { return false; }
};

// Trains `spec` in this process into runs/<name>, records the run as completed and loads it.
inline TrainedModel trainAndLoad(Imported& data, const RunSpec& spec, const std::string& name) {
    fs::path runDir = data.ws->runsDir() / name;
    fs::create_directories(runDir);
    Quiet q;
    auto outcome = runTraining(spec, data.ws->root(), runDir, false, q);
    REQUIRE(outcome.ok());
    std::ofstream(runDir / "spec.json") << spec.toJson();  // what createRun writes for a real run
    // Trained here, not by a worker: recorded as the worker's `finished` would leave it, since
    // only a completed run is exported.
    REQUIRE(data.ws->catalog()
                .execute("INSERT INTO runs(id, status, spec) VALUES (?, 'completed', ?)",
                         {name, spec.toJson()})
                .ok());
    auto m = loadTrainedModel(runDir);
    INFO((m.ok() ? "" : m.error().toString()));
    REQUIRE(m.ok());
    return *m;
}

// A number as run_model.mjs reads it: null for NaN, "Infinity" / "-Infinity" (JSON has neither).
inline json jsonNumber(double v) {
    if (std::isnan(v)) return nullptr;
    if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
    return v;
}

// Graph inputs as run_model.mjs reads them.
inline json inputsJson(const std::map<std::string, HostTensor>& inputs) {
    json j;
    for (const auto& [name, t] : inputs) {
        json data = json::array();
        for (float v : t.floats) data.push_back(jsonNumber(v));
        for (double v : t.doubles) data.push_back(jsonNumber(v));
        for (auto v : t.bytes) data.push_back(v);
        for (const auto& s : t.strings) data.push_back(s);
        j[name] = {{"type", hostTypeName(t.type)}, {"dims", t.shape}, {"data", data}};
    }
    return j;
}

// Runs the file in ONNX Runtime (tests/export/ort/run_model.mjs) and returns its outputs.
inline json runOrt(const fs::path& model, const std::map<std::string, HostTensor>& inputs,
                   const fs::path& dir) {
    fs::path in = dir / "ort_inputs.json", out = dir / "ort_outputs.json";
    std::ofstream(in) << inputsJson(inputs).dump();
    std::string cmd = std::string("node ") + KILN_ORT_DIR + "/run_model.mjs '" + model.string() +
                      "' '" + in.string() + "' > '" + out.string() + "'";
    REQUIRE(std::system(cmd.c_str()) == 0);
    return json::parse(std::ifstream(out));
}

}  // namespace kiln::test
