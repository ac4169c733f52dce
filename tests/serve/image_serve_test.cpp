// An image model behind kiln serve: pictures as the body or as base64 in JSON rows, answered as
// kiln predict answers the same files; pictures that do not decode, or whose header claims too
// many pixels, get 400 naming the row; its traffic compared through its predictions.
#include <httplib.h>
#include <openssl/evp.h>

#include "core/data/image_folder.h"
#include "core/export/batch_predict.h"
#include "core/jobs/job_context.h"
#include "core/serve/model_server.h"
#include "core/serve/served_model.h"
#include "core/serve/traffic_monitor.h"
#include "image_fixtures.h"
#include "serve_support.h"

using namespace kiln;
using namespace kiln::test;
using nlohmann::json;

namespace {

std::string fileBytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string base64(const std::string& bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                            reinterpret_cast<const unsigned char*>(bytes.data()), int(bytes.size()));
    out.resize(std::size_t(n));
    return out;
}

// A workspace with the two-class picture folder imported as "shapes", a small CNN trained on it
// and registered as model "shapes".
struct ImageWorkspace {
    TempDir dir;
    std::filesystem::path folder;
    std::unique_ptr<Imported> data;
    json version;

    ImageWorkspace() {
        auto ws = Workspace::open(dir / "ws");
        REQUIRE(ws.ok());
        NullJobContext job;
        folder = writeImageFolder(dir / "shapes");
        REQUIRE(importImageDataset(**ws, folder, "shapes", job).ok());
        auto v = DatasetCatalog((*ws)->catalog()).resolve("shapes");
        REQUIRE(v.ok());
        data = std::make_unique<Imported>(Imported{std::move(*ws), *v});
        RunSpec spec;
        spec.dataset = "shapes";
        spec.datasetKind = "images";
        spec.datasetHash = data->version.contentHash;
        spec.target = "class";
        spec.threads = 1;
        spec.batchSize = 8;
        auto table = Table::open(data->ws->objects(), spec.datasetHash);
        REQUIRE(table.ok());
        REQUIRE(resolveSpec(spec, **table).ok());
        spec.imageSize = 16;
        spec.model.cnnWidth = 4;
        spec.epochs = 2;
        trainAndLoad(*data, spec, "run-cnn");
        REQUIRE(data->ws->catalog()
                    .execute("UPDATE runs SET dataset_version_id = ? WHERE id = ?", {data->version.id, "run-cnn"})
                    .ok());
        auto doc = ModelRegistry(*data->ws).registerRun("run-cnn", "shapes");
        INFO((doc.ok() ? "" : doc.error().toString()));
        REQUIRE(doc.ok());
        version = *doc;
    }
};

}  // namespace

TEST_CASE("serve: an image model answers pictures as kiln predict answers the same files", "[serve][images]") {
    ImageWorkspace w;
    ServeOptions o;
    o.port = 0;
    auto server = ModelServer::start({w.data->ws->root(), "shapes", {}}, o);
    INFO((server.ok() ? "" : server.error().toString()));
    REQUIRE(server.ok());
    REQUIRE((*server)->model()->images());
    httplib::Client client("127.0.0.1", (*server)->port());

    auto expected = predictFile(w.version["onnx_path"].get<std::string>(), w.folder);
    REQUIRE(expected.ok());
    const std::size_t k = expected->classes.size();
    auto check = [&](const json& p, std::size_t row) {
        INFO(expected->ids[row]);
        REQUIRE(p["label"] == expected->classes[std::size_t(expected->labels[row])]);
        for (std::size_t c = 0; c < k; ++c)
            REQUIRE(p["probabilities"][expected->classes[c]].get<double>() ==
                    Approx(expected->probabilities[row * k + c]).margin(1e-6));
    };
    json rows = json::array();
    for (std::size_t i = 0; i < expected->rows(); i += 6) {
        const std::string bytes = fileBytes(w.folder / expected->ids[i]);
        auto res = client.Post("/v1/predict", bytes, "image/png");
        REQUIRE(res);
        INFO(res->body);
        REQUIRE(res->status == 200);
        check(json::parse(res->body)["predictions"][0], i);
        rows.push_back({{"image", i % 12 == 0 ? base64(bytes) : "data:image/png;base64," + base64(bytes)}});
    }
    auto res = client.Post("/v1/predict", json({{"rows", rows}}).dump(), "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    json answer = json::parse(res->body);
    for (std::size_t j = 0; j < rows.size(); ++j) check(answer["predictions"][j], j * 6);

    auto model = json::parse(client.Get("/v1/model")->body);
    REQUIRE(model["image"]["size"] == 16);
    REQUIRE(model["image"]["channels"] == 3);

    auto refused = [&](const std::string& body, const char* type) {
        auto r = client.Post("/v1/predict", body, type);
        REQUIRE(r);
        INFO(r->body);
        REQUIRE(r->status == 400);
        return json::parse(r->body);
    };
    CHECK(refused("not a picture at all", "image/png")["error"] ==
          "not a decodable image: not a PNG, JPEG, BMP, TIFF or WebP file");
    // A PNG header that claims 100,000 × 100,000 pixels is refused before anything is allocated.
    std::string huge = fileBytes(w.folder / expected->ids[0]);
    for (int b = 16; b < 24; b += 4) huge.replace(std::size_t(b), 4, std::string("\x00\x01\x86\xa0", 4));
    CHECK(refused(huge, "image/png")["error"].get<std::string>().find("megapixels") != std::string::npos);
    json bad = refused(json({{"rows", {{{"image", base64(fileBytes(w.folder / expected->ids[0]))}}, {{"image", "%%%"}}}}}).dump(),
                       "application/json");
    CHECK(bad["where"] == "row 2, column image");
    CHECK(refused("image\n1\n", "text/csv")["error"] == "this model takes pictures, not CSV");
    REQUIRE(client.Get("/healthz")->status == 200);

    (*server)->stop();
    NullJobContext job;
    auto report = monitorTraffic(*w.data->ws, "shapes", job);
    INFO((report.ok() ? report->toJson(2) : report.error().toString()));
    REQUIRE(report.ok());
    CHECK(report->rows == 2 * rows.size());
    CHECK(report->inputs.columns.empty());  // pictures are compared through their predictions
    REQUIRE(report->predictions);
    CHECK(report->testRows > 0);
}
