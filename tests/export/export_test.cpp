// Export → checker → Kiln's executor, ONNX Runtime and OpenCV DNN agree with LibTorch.
#include <catch2/catch.hpp>

#include <opencv2/core.hpp>
#include <opencv2/dnn.hpp>
#include <opencv2/imgcodecs.hpp>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "core/data/image_folder.h"
#include "core/export/batch_predict.h"
#include "core/export/exporter.h"
#include "core/export/held_out.h"
#include "core/export/model_registry.h"
#include "core/export/onnx_executor.h"
#include "core/export/onnx_writer.h"
#include "core/export/trained_model.h"
#include "core/runs/run_store.h"
#include "core/train/trainer.h"
#include "export_support.h"
#include "image_fixtures.h"
#include "train_fixtures.h"

using namespace kiln;
using namespace kiln::test;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Max |a − b| between an output and the reference; labels must match the reference's argmax.
void compareWithReference(const TrainedModel& m, const std::vector<float>& ref,
                          const std::vector<float>& probsOrValues, const std::vector<std::int64_t>& labels) {
    REQUIRE(probsOrValues.size() == ref.size());
    double worst = 0;
    for (std::size_t i = 0; i < ref.size(); ++i) {
        double d = std::fabs(double(probsOrValues[i]) - ref[i]);
        if (!m.classification()) d /= std::max(std::fabs(double(ref[i])), m.recipe.target.scale);
        worst = std::max(worst, d);
    }
    CHECK(worst <= 1e-4);
    if (!m.classification() || labels.empty()) return;
    auto k = std::size_t(m.outputs);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        auto best = std::max_element(ref.begin() + long(i * k), ref.begin() + long((i + 1) * k)) -
                    (ref.begin() + long(i * k));
        CHECK(labels[i] == best);
    }
}

// The full chain for one trained model: verified export, checker, executor, ONNX Runtime.
void checkEverywhere(Imported& data, const TrainedModel& m, const TempDir& dir) {
    fs::path file = dir / (m.runId + ".onnx");
    auto exported = exportRun(data.ws->root(), m.runId, file);
    REQUIRE(exported.ok());
    CHECK(exported->verification.passed);
    CHECK(exported->verification.rows > 0);
    REQUIRE(checkOnnxFile(file).ok());
    auto h = loadHeldOut(m, data.ws->objects());
    REQUIRE(h.ok());
    auto ref = referenceOutputs(m, h->features, h->pixels, h->count());
    REQUIRE(ref.ok());
    auto exec = OnnxExecutor::load(file);
    REQUIRE(exec.ok());
    CHECK(exec->metadata().at("kiln.run_id") == m.runId);
    auto mine = exec->run(h->rawInputs);
    REQUIRE(mine.ok());
    json ort = runOrt(file, h->rawInputs, dir.path());
    const char* main = m.classification() ? "probabilities" : "value";
    compareWithReference(m, *ref, mine->at(main).floats,
                         m.classification() ? mine->at("label").int64s : std::vector<std::int64_t>{});
    compareWithReference(m, *ref, ort[main]["data"].get<std::vector<float>>(),
                         m.classification() ? ort["label"]["data"].get<std::vector<std::int64_t>>()
                                            : std::vector<std::int64_t>{});
}

// OpenCV DNN on the plain variant (network only), fed the recipe's preprocessed features.
void checkOpenCv(const TrainedModel& m, const HeldOutData& h) {
    OnnxExportOptions plain;
    plain.plain = true;
    auto bytes = buildOnnxModel(m, plain);
    REQUIRE(bytes.ok());
    auto ref = referenceOutputs(m, h.features, h.pixels, h.count());
    REQUIRE(ref.ok());
    try {
        cv::dnn::Net net = cv::dnn::readNetFromONNX(bytes->data(), bytes->size());
        cv::Mat input;
        auto n = int(h.count());
        if (m.images()) {
            const auto& im = m.recipe.image;
            int dims[] = {n, im.channels, im.size, im.size};
            input = cv::Mat(4, dims, CV_32F);
            auto* p = input.ptr<float>();
            for (std::size_t i = 0; i < h.pixels.size(); ++i) {
                auto ch = (i / std::size_t(im.size * im.size)) % std::size_t(im.channels);
                p[i] = float((h.pixels[i] / 255.0 - im.mean[ch]) / im.std[ch]);
            }
        } else {
            input = cv::Mat(n, m.inputWidth, CV_32F, const_cast<float*>(h.features.data())).clone();
        }
        net.setInput(input);
        cv::Mat out = net.forward();
        std::vector<float> got(out.ptr<float>(), out.ptr<float>() + out.total());
        compareWithReference(m, *ref, got, {});
    } catch (const cv::Exception& e) {
        FAIL("OpenCV DNN refused the plain graph: " << e.what());
    }
}

}  // namespace

TEST_CASE("linear and MLP exports match LibTorch in Kiln's executor and ONNX Runtime", "[export][ort]") {
    TempDir dir;
    auto data = importCsv(dir, "synthetic", 400);
    for (std::string target : {"label", "amount"})
        for (std::string family : {"linear", "mlp"}) {
            DYNAMIC_SECTION(family << " predicting " << target) {
                RunSpec spec = tabularSpec(data, target);
                spec.model.family = family;
                spec.model.hidden = {16, 8};
                spec.model.activation = target == "label" ? "gelu" : "tanh";
                spec.model.batchNorm = family == "mlp" && target == "label";
                spec.epochs = 3;
                auto m = trainAndLoad(data, spec, family + "-" + target);
                checkEverywhere(data, m, dir);
                auto h = loadHeldOut(m, data.ws->objects());
                REQUIRE(h.ok());
                if (family == "mlp") checkOpenCv(m, *h);
            }
        }
}

TEST_CASE("CNN exports take raw uint8 NHWC images and match everywhere", "[export][ort][cnn]") {
    TempDir dir;
    auto ws = Workspace::open(dir / "ws");
    REQUIRE(ws.ok());
    NullJobContext job;
    REQUIRE(importImageDataset(**ws, writeImageFolder(dir / "shapes"), "shapes", job).ok());
    auto version = DatasetCatalog((*ws)->catalog()).resolve("shapes");
    REQUIRE(version.ok());
    Imported data{std::move(*ws), *version};
    RunSpec spec;
    spec.dataset = "shapes";
    spec.datasetKind = "images";
    spec.datasetHash = data.version.contentHash;
    spec.target = "class";
    spec.threads = 1;
    spec.batchSize = 8;
    {
        auto table = Table::open(data.ws->objects(), spec.datasetHash);
        REQUIRE(table.ok());
        REQUIRE(resolveSpec(spec, **table).ok());
    }
    spec.imageSize = 16;
    spec.model.cnnWidth = 4;
    spec.model.batchNorm = true;
    spec.epochs = 2;
    auto m = trainAndLoad(data, spec, "cnn");
    REQUIRE(m.images());
    checkEverywhere(data, m, dir);
    auto h = loadHeldOut(m, data.ws->objects());
    REQUIRE(h.ok());
    checkOpenCv(m, *h);
    auto predicted = predictFile(dir / (m.runId + ".onnx"), dir / "shapes");
    REQUIRE(predicted.ok());
    CHECK(predicted->rows() == 48);
}

TEST_CASE("a corrupted model fails verification with the figures", "[export][verify]") {
    TempDir dir;
    auto data = importCsv(dir, "synthetic", 300);
    RunSpec spec = tabularSpec(data, "label");
    spec.model.family = "mlp";
    spec.model.hidden = {8};
    auto m = trainAndLoad(data, spec, "run");
    auto h = loadHeldOut(m, data.ws->objects());
    REQUIRE(h.ok());
    TrainedModel bad = m;
    for (auto& w : bad.layers.front().weight) w = -w;  // flipped weights in the written file
    auto bytes = buildOnnxModel(bad, {});
    REQUIRE(bytes.ok());
    fs::path file = dir / "bad.onnx";
    REQUIRE(writeModelFile(file, *bytes).ok());
    auto report = verifyOnnxFile(m, *h, file);
    REQUIRE(report.ok());
    CHECK_FALSE(report->passed);
    CHECK_THAT(report->message, Catch::Contains("MISMATCH") && Catch::Contains("max |Δ probability|"));

    std::string text = *bytes;  // an op the executor does not know is refused by name
    for (auto at = text.find("Relu"); at != std::string::npos; at = text.find("Relu", at))
        text.replace(at, 4, "Relx");
    auto refused = OnnxExecutor::fromBytes(text, "patched");
    REQUIRE_FALSE(refused.ok());
    CHECK_THAT(refused.error().message, Catch::Contains("does not support op 'Relx'"));

    REQUIRE(writeModelFile(file, bytes->substr(0, bytes->size() / 2)).ok());  // truncated
    CHECK_FALSE(checkOnnxFile(file).ok());
}

TEST_CASE("raw CSV rows with missing values and unseen categories predict", "[export][predict]") {
    TempDir dir;
    auto data = importCsv(dir, "synthetic", 300);
    RunSpec spec = tabularSpec(data, "label");
    auto m = trainAndLoad(data, spec, "run");
    fs::path model = dir / "m.onnx";
    REQUIRE(exportRun(data.ws->root(), m.runId, model).ok());
    fs::path csv = dir / "new.csv";
    std::ofstream(csv) << "x2,colour,x1,day,amount,extra\n0.5,purple,,2024-02-11,12,1\n,,1.5,,,2\n-1,red,0.2,2023-12-31,-40,3\n";
    auto t = predictFile(model, csv);
    INFO((t.ok() ? "" : t.error().toString()));
    REQUIRE(t.ok());
    CHECK(t->rows() == 3);
    CHECK(t->probabilities.size() == 6);
    CHECK_THAT(t->warnings.at(0), Catch::Contains("extra"));
    // Batches side by side or one after another give the same predictions to the bit.
    fs::path many = dir / "many.csv";
    {
        std::ofstream out(many);
        out << "x2,colour,x1,day,amount\n";
        for (int i = 0; i < 20000; ++i)
            out << (i % 13) * 0.1 << "," << (i % 3 ? "red" : "blue") << "," << (i % 7) - 3 << ",2024-01-"
                << 10 + i % 9 << "," << i % 50 << "\n";
    }
    PredictOptions one, two;
    one.threads = 1, two.threads = 2;  // 20,000 rows: three batches
    auto serial = predictFile(model, many, one), parallel = predictFile(model, many, two);
    REQUIRE(serial.ok());
    REQUIRE(parallel.ok());
    CHECK(serial->labels == parallel->labels);
    CHECK(serial->probabilities.size() == 40000);
    CHECK(serial->probabilities == parallel->probabilities);

    std::ofstream(dir / "short.csv") << "x2,colour\n1,red\n";
    auto missing = predictFile(model, dir / "short.csv");
    REQUIRE_FALSE(missing.ok());
    CHECK_THAT(missing.error().message, Catch::Contains("'x1'") && Catch::Contains("'day'"));

    // A graph whose LabelEncoder lost its keys is malformed, said so; never a bare "map::at".
    std::ifstream in(model, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(text.find("keys_strings") != std::string::npos);
    for (auto at = text.find("keys_strings"); at != std::string::npos; at = text.find("keys_strings", at))
        text.replace(at, 12, "keys_strongs");
    fs::path broken = dir / "broken.onnx";
    REQUIRE(writeModelFile(broken, text).ok());
    auto malformed = predictFile(broken, csv);
    REQUIRE_FALSE(malformed.ok());
    CHECK_THAT(malformed.error().message, Catch::Contains("malformed") && !Catch::Contains("map::at"));
}

TEST_CASE("the registry stores paths relative to the workspace and reads old absolute rows in it",
          "[export][registry]") {
    TempDir dir;
    auto data = importCsv(dir, "synthetic", 200);
    RunSpec spec = tabularSpec(data, "label");
    auto m = trainAndLoad(data, spec, "run");
    auto& c = data.ws->catalog();
    ModelRegistry registry(*data.ws);
    auto doc = registry.registerRun("run", "m");
    INFO((doc.ok() ? "" : doc.error().toString()));
    REQUIRE(doc.ok());
    const fs::path file = data.ws->root() / "runs" / "run" / "model.onnx";
    CHECK(std::get<std::string>(c.queryValue("SELECT onnx_path FROM model_versions").value()) ==
          "runs/run/model.onnx");
    CHECK((*doc)["onnx_path"] == file.string());

    // A row written by an older Kiln in a workspace that has since moved: read in this one.
    REQUIRE(c.execute("UPDATE model_versions SET onnx_path = '/old/place/ws/runs/run/model.onnx'")
                .ok());
    auto listed = registry.list();
    REQUIRE(listed.ok());
    CHECK((*listed)["models"][0]["versions"][0]["onnx_path"] == file.string());
    CHECK(registry.evaluate("m@1").ok());

    // A file outside any workspace layout keeps its absolute path.
    REQUIRE(c.execute("UPDATE model_versions SET onnx_path = '/elsewhere/m.onnx'").ok());
    auto gone = registry.evaluate("m@1");
    REQUIRE_FALSE(gone.ok());
    CHECK(gone.error().code == ErrorCode::NotFound);
    CHECK(gone.error().context == "/elsewhere/m.onnx");

    // One flipped byte: the sha256 differs from the registry's.
    REQUIRE(c.execute("UPDATE model_versions SET onnx_path = 'runs/run/model.onnx'").ok());
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(std::streamoff(fs::file_size(file) / 2));
    char byte = 0;
    f.get(byte);
    f.seekp(std::streamoff(fs::file_size(file) / 2));
    f.put(char(byte ^ 1));
    f.close();
    auto flipped = registry.evaluate("m@1");
    REQUIRE_FALSE(flipped.ok());
    CHECK(flipped.error().code == ErrorCode::Corrupt);
    CHECK_THAT(flipped.error().message, Catch::Contains("has changed since it was registered"));
}

TEST_CASE("an export never lands inside the workspace and leaves no temporary",
          "[export][output]") {
    TempDir dir;
    auto data = importCsv(dir, "synthetic", 200);
    RunSpec spec = tabularSpec(data, "label");
    auto m = trainAndLoad(data, spec, "run");
    const fs::path catalog = data.ws->root() / "kiln.db";
    const auto before = fs::file_size(catalog);
    auto refused = exportRun(data.ws->root(), m.runId, catalog);
    REQUIRE_FALSE(refused.ok());
    CHECK_THAT(refused.error().message, Catch::Contains("inside the Kiln workspace"));
    CHECK(fs::file_size(catalog) == before);
    auto ok = exportRun(data.ws->root(), m.runId, dir / "m.onnx");
    REQUIRE(ok.ok());
    CHECK(ok->file == fs::canonical(dir / "m.onnx"));
    for (const auto& e : fs::directory_iterator(dir.path()))
        CHECK(e.path().filename().string().find(".kiln-") == std::string::npos);
}

TEST_CASE("only a completed run is exported, whichever front end asks", "[export][status]") {
    TempDir dir;
    auto data = importCsv(dir, "synthetic", 200);
    RunSpec spec = tabularSpec(data, "label");
    auto m = trainAndLoad(data, spec, "run");
    REQUIRE(markRun(data.ws->catalog(), m.runId, RunStatus::Cancelled, "").ok());
    auto refused = exportRun(data.ws->root(), m.runId, dir / "m.onnx");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::InvalidArgument);
    CHECK_THAT(refused.error().message, Catch::Contains("is cancelled") &&
                                            Catch::Contains("only a completed run"));
    CHECK_FALSE(fs::exists(dir / "m.onnx"));
    CHECK_FALSE(exportRunIntoWorkspace(data.ws->root(), m.runId).ok());
    CHECK(exportRun(data.ws->root(), "no-such-run", dir / "m.onnx").error().code ==
          ErrorCode::NotFound);
}

TEST_CASE("an infinite number is a missing value in the exported graph", "[export][inf]") {
    TempDir dir;
    auto data = importCsv(dir, "synthetic", 200);
    RunSpec spec = tabularSpec(data, "label");
    auto m = trainAndLoad(data, spec, "run");
    fs::path model = dir / "m.onnx";
    REQUIRE(exportRun(data.ws->root(), m.runId, model).ok());
    auto exec = OnnxExecutor::load(model);
    REQUIRE(exec.ok());
    auto h = loadHeldOut(m, data.ws->objects());
    REQUIRE(h.ok());
    std::string numeric;
    for (const auto& [name, t] : h->rawInputs)
        if (t.type == HostTensor::Type::Float && numeric.empty()) numeric = name;
    REQUIRE_FALSE(numeric.empty());
    auto run = [&](float v) {
        auto inputs = sliceRows(h->rawInputs, 0, 1);
        inputs[numeric].floats[0] = v;
        auto out = exec->run(inputs);
        REQUIRE(out.ok());
        return out->at("probabilities").floats;
    };
    const auto missing = run(std::nanf(""));
    for (float p : missing) CHECK(std::isfinite(p));
    CHECK(run(INFINITY) == missing);
    CHECK(run(-INFINITY) == missing);
}
