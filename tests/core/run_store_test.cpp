// The run store: the one way front ends read and change runs.
#include <catch2/catch.hpp>

#include "core/analysis/catalog_overview.h"
#include "core/data/dataset_catalog.h"
#include "core/runs/run_recorder.h"
#include "core/runs/run_store.h"
#include "core/store/catalog.h"
#include "core/store/workspace.h"
#include "core/train/run_spec.h"
#include "temp_dir.h"

using namespace kiln;

namespace {

struct Fixture {
    TempDir dir;
    std::unique_ptr<Workspace> ws;
    DatasetVersion iris, wine;

    Fixture() {
        auto opened = Workspace::open(dir / "ws");
        REQUIRE(opened.ok());
        ws = std::move(*opened);
        DatasetCatalog datasets(ws->catalog());
        iris = record(datasets, "iris", "abcd1111");
        wine = record(datasets, "wine", "abcd2222");
    }
    static DatasetVersion record(DatasetCatalog& datasets, const std::string& name,
                                 const std::string& hash) {
        NewDatasetVersion v;
        v.name = name;
        v.contentHash = hash;
        v.rows = 10;
        auto r = datasets.recordVersion(v);
        REQUIRE(r.ok());
        return r->version;
    }
    std::string run(const DatasetVersion& on) {
        RunSpec spec;
        spec.dataset = on.dataset;
        spec.datasetVersion = on.version;
        spec.datasetHash = on.contentHash;
        spec.target = "label";
        auto id = createRun(*ws, spec, on.id);
        REQUIRE(id.ok());
        return *id;
    }
    void ingest(const std::string& id, const std::string& line) {
        REQUIRE(RunRecorder(ws->catalog(), id).ingest(line).ok());
    }
};

}  // namespace

TEST_CASE("a recorded run reads back typed, queued on this machine", "[run_store]") {
    Fixture f;
    const std::string id = f.run(f.iris);
    RunStore store(f.ws->catalog());
    auto run = store.get(id);
    REQUIRE(run.ok());
    CHECK(run->status == RunStatus::Queued);
    CHECK(run->host == "local");
    CHECK(run->dataset == "iris");
    CHECK(run->datasetVersion == 1);
    CHECK(run->datasetVersionId == f.iris.id);
    CHECK_FALSE(run->startedAt);
    CHECK_FALSE(run->lastEpoch);
    CHECK_FALSE(run->testScore);
    CHECK(RunSpec::fromJson(run->specJson).ok());
    auto params = store.params(id);
    REQUIRE(params.ok());
    bool hasTarget = false;
    for (const auto& p : *params) hasTarget |= p.key == "target" && p.value == "label";
    CHECK(hasTarget);
    auto artifacts = store.artifacts(id);
    REQUIRE(artifacts.ok());
    REQUIRE(artifacts->size() == 1);
    CHECK((*artifacts)[0].path == "spec.json");
    CHECK(store.get("no-such-run").error().code == ErrorCode::NotFound);
    CHECK(store.status("no-such-run").error().code == ErrorCode::NotFound);
}

TEST_CASE("worker events move a run through its statuses", "[run_store]") {
    Fixture f;
    const std::string id = f.run(f.iris);
    f.ingest(id, R"({"event":"started","pid":77,"device":"cpu","device_reason":"no GPU","time":100})");
    f.ingest(id, R"({"event":"metric","key":"train_loss","value":0.5,"step":1,"epoch":1,"time":101})");
    f.ingest(id, R"({"event":"metric","key":"train_loss","value":0.25,"step":2,"epoch":2,"time":102})");
    f.ingest(id, R"({"event":"metric","key":"test_accuracy","value":0.9,"step":2,"epoch":2,"time":103})");
    RunStore store(f.ws->catalog());
    auto run = store.get(id);
    REQUIRE(run.ok());
    CHECK(run->status == RunStatus::Running);
    CHECK(run->device == "cpu (no GPU)");
    CHECK(run->workerPid == 77);
    CHECK(run->lastEpoch == 2);
    CHECK(run->testScore == Approx(0.9));
    auto final = store.finalMetrics(id);
    REQUIRE(final.ok());
    CHECK(final->at("train_loss") == 0.25);
    CHECK(store.lastEpoch(id).value() == 2);
    CHECK(store.metrics(id)->size() == 3);
    f.ingest(id, R"({"event":"finished","status":"completed","time":104})");
    CHECK(store.status(id).value() == RunStatus::Completed);
    CHECK(store.get(id)->finishedAt);

    REQUIRE(store.finish(id, RunStatus::Interrupted, "the worker vanished").ok());
    run = store.get(id);
    CHECK(run->status == RunStatus::Interrupted);
    CHECK(isResumable(run->status));
    CHECK(run->error == "the worker vanished");
}

TEST_CASE("runs list by dataset or version, oldest first; ids resolve by plain prefix",
          "[run_store]") {
    Fixture f;
    const std::string a = f.run(f.iris), b = f.run(f.wine), c = f.run(f.iris);
    RunStore store(f.ws->catalog());
    auto all = store.list();
    REQUIRE(all.ok());
    CHECK(all->size() == 3);
    RunListFilter onIris;
    onIris.datasetId = f.iris.datasetId;
    auto iris = store.list(onIris);
    REQUIRE(iris.ok());
    REQUIRE(iris->size() == 2);
    CHECK(((*iris)[0].id == a || (*iris)[0].id == c));
    RunListFilter onWine;
    onWine.datasetVersionId = f.wine.id;
    CHECK(store.list(onWine)->at(0).id == b);
    CHECK(store.newest(2)->size() == 2);

    CHECK(store.resolveId(a).value() == a);
    const std::string prefix = a.substr(0, a.size() - 1);
    if (b.rfind(prefix, 0) != 0 && c.rfind(prefix, 0) != 0)  // unique unless ids nearly collide
        CHECK(store.resolveId(prefix).value() == a);
    CHECK(store.resolveId("%").error().code == ErrorCode::NotFound);  // never a LIKE pattern
    CHECK(store.resolveId("").error().code == ErrorCode::InvalidArgument);
    CHECK(store.resolveId("2").error().code == ErrorCode::InvalidArgument);  // all three

    REQUIRE(store.setHost(b, "gpu-box").ok());
    CHECK(store.get(b)->host == "gpu-box");
}

TEST_CASE("the catalog overview lists what a navigator shows", "[run_store]") {
    Fixture f;
    const std::string id = f.run(f.iris);
    auto o = readCatalogOverview(f.ws->catalog());
    REQUIRE(o.ok());
    CHECK(o->counts.runs == 1);
    REQUIRE(o->datasets.size() == 2);
    CHECK(o->datasets[0].name == "iris");
    CHECK(o->datasets[0].versions == 1);
    REQUIRE(o->versions.size() == 2);
    CHECK(o->versions[0].rows == 10);
    REQUIRE(o->runs.size() == 1);
    CHECK(o->runs[0].id == id);
    CHECK(o->runs[0].status == RunStatus::Queued);
    CHECK(o->models.empty());
}

TEST_CASE("a transaction guard rolls back unless committed", "[run_store][catalog]") {
    Fixture f;
    const std::string id = f.run(f.iris);
    Catalog& c = f.ws->catalog();
    {
        Transaction tx(c);
        REQUIRE(tx);
        REQUIRE(c.execute("UPDATE runs SET name = ? WHERE id = ?", {std::string("renamed"), id}).ok());
    }  // no commit: rolled back
    CHECK(RunStore(c).get(id)->name != "renamed");
    {
        Transaction tx(c);
        REQUIRE(c.execute("UPDATE runs SET name = ? WHERE id = ?", {std::string("renamed"), id}).ok());
        REQUIRE(tx.commit().ok());
    }
    CHECK(RunStore(c).get(id)->name == "renamed");
}
