// Removing datasets, versions, runs, sweeps and models; garbage collection; retention rules.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>

#include "core/data/csv_import.h"
#include "core/data/dataset_catalog.h"
#include "core/data/image_folder.h"
#include "core/data/table.h"
#include "core/jobs/job_context.h"
#include "core/lifecycle/garbage.h"
#include "core/lifecycle/removal.h"
#include "core/lifecycle/renaming.h"
#include "core/lifecycle/retention.h"
#include "core/lifecycle/stars.h"
#include "core/runs/run_store.h"
#include "core/store/object_collection.h"
#include "core/store/object_store.h"
#include "core/store/workspace.h"
#include "core/train/run_spec.h"
#include "image_fixtures.h"
#include "temp_dir.h"

using namespace kiln;

namespace {

namespace fs = std::filesystem;

struct Fixture {
    TempDir dir;
    std::unique_ptr<Workspace> ws;

    Fixture() {
        auto opened = Workspace::open(dir / "ws");
        REQUIRE(opened.ok());
        ws = std::move(*opened);
    }
    // Imports `rows` rows of a small table as a new version of `name`.
    DatasetVersion import(const std::string& name, int rows, int salt = 0) {
        const fs::path file = dir / (name + std::to_string(rows) + "-" + std::to_string(salt) + ".csv");
        std::ofstream out(file);
        out << "x,colour,label\n";
        for (int i = 0; i < rows; ++i)
            out << (i * 7 + salt) % 13 << "," << (i % 3 ? "red" : "blue") << "," << (i % 2 ? "yes" : "no")
                << "\n";
        out.close();
        NullJobContext job;
        auto imported = importCsvDataset(*ws, file, name, ImportOptions{}, job);
        REQUIRE(imported.ok());
        auto v = DatasetCatalog(ws->catalog()).resolve(name + "@" + std::to_string(imported->version));
        REQUIRE(v.ok());
        return *v;
    }
    std::string run(const DatasetVersion& on, RunStatus status = RunStatus::Completed) {
        RunSpec spec;
        spec.dataset = on.dataset;
        spec.datasetVersion = on.version;
        spec.datasetHash = on.contentHash;
        spec.target = "label";
        auto id = createRun(*ws, spec, on.id);
        REQUIRE(id.ok());
        REQUIRE(ws->catalog().execute("UPDATE runs SET status = ?, finished_at = "
                                      "strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
                                      {runStatusName(status), *id}).ok());
        REQUIRE(ws->catalog().execute("INSERT INTO metrics (run_id, key, step, epoch, value, wall_time) "
                                      "VALUES (?, 'train_loss', 1, 1, 0.5, 0)",
                                      {*id}).ok());
        std::ofstream(ws->runsDir() / *id / "model.pt") << "weights";
        return *id;
    }
    // Registers `runId` as a version of `model` (the registry's rows, without an export).
    void registerModel(const std::string& model, const std::string& runId, const DatasetVersion& on,
                       const std::string& stage = "none") {
        REQUIRE(ws->catalog().execute("INSERT OR IGNORE INTO models (name) VALUES (?)", {model}).ok());
        REQUIRE(ws->catalog().execute(
                    "INSERT INTO model_versions (model_id, version, run_id, dataset_version_id, stage) "
                    "SELECT id, (SELECT COUNT(*) + 1 FROM model_versions mv WHERE mv.model_id = models.id), "
                    "?, ?, ? FROM models WHERE name = ?",
                    {runId, on.id, stage, model}).ok());
    }
    void age(const std::string& runId, int days) {
        REQUIRE(ws->catalog().execute("UPDATE runs SET finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', "
                                      "'now', ?) WHERE id = ?",
                                      {"-" + std::to_string(days) + " days", runId}).ok());
    }
    std::int64_t count(const std::string& sql) {
        auto v = ws->catalog().queryValue(sql);
        REQUIRE(v.ok());
        return std::get<std::int64_t>(*v);
    }
    RemovalPlan plan(RemovalKind kind, const std::string& reference) {
        auto p = planRemoval(*ws, {{kind, reference}});
        REQUIRE(p.ok());
        return *p;
    }
    // Every remaining dataset version opens and reads every cell; every remaining run reads back.
    void requireEverythingReadable() {
        auto datasets = DatasetCatalog(ws->catalog()).list();
        REQUIRE(datasets.ok());
        for (const auto& d : *datasets) {
            auto versions = DatasetCatalog(ws->catalog()).versions(d.name);
            REQUIRE(versions.ok());
            for (const auto& v : *versions) {
                auto table = Table::open(ws->objects(), v.contentHash);
                REQUIRE(table.ok());
                for (std::size_t c = 0; c < (*table)->columnCount(); ++c)
                    for (std::uint64_t r = 0; r < (*table)->rows(); ++r) (void)(*table)->column(c).text(r);
                if (d.kind == "images") {
                    const auto& hashes = (*table)->column(std::size_t((*table)->columnIndex("sha256")));
                    for (std::uint64_t r = 0; r < hashes.rows(); ++r)
                        REQUIRE(ws->objects().verify(hashes.text(r)).ok());
                }
            }
        }
        auto runs = RunStore(ws->catalog()).list();
        REQUIRE(runs.ok());
        for (const auto& run : *runs) {
            REQUIRE(RunStore(ws->catalog()).metrics(run.id).ok());
            REQUIRE(fs::exists(ws->runsDir() / run.id / "spec.json"));
        }
    }
};

std::set<std::string> runIds(const RemovalPlan& plan) {
    std::set<std::string> ids;
    for (const auto& r : plan.runs) ids.insert(r.id);
    return ids;
}

}  // namespace

TEST_CASE("removing a dataset version takes its runs and leaves the rest readable", "[lifecycle]") {
    Fixture f;
    auto v1 = f.import("wine", 40), v2 = f.import("wine", 50), iris = f.import("iris", 30);
    const auto r1 = f.run(v1), r2 = f.run(v2), r3 = f.run(iris);

    auto plan = f.plan(RemovalKind::DatasetVersion, "wine@1");
    REQUIRE(plan.allowed());
    REQUIRE(plan.versions.size() == 1);
    CHECK(runIds(plan) == std::set<std::string>{r1});
    CHECK(plan.datasets.empty());  // wine keeps version 2
    REQUIRE(applyRemoval(*f.ws, plan).ok());

    CHECK(f.count("SELECT COUNT(*) FROM dataset_versions") == 2);
    CHECK(f.count("SELECT COUNT(*) FROM runs") == 2);
    CHECK(f.count("SELECT COUNT(*) FROM metrics") == 2);  // r1's metrics went with it
    CHECK_FALSE(fs::exists(f.ws->runsDir() / r1));
    CHECK(fs::exists(f.ws->runsDir() / r2 / "model.pt"));
    CHECK_FALSE(DatasetCatalog(f.ws->catalog()).resolve("wine@1").ok());
    f.requireEverythingReadable();
    (void)r3;
}

TEST_CASE("garbage collection frees the objects of removed versions and only those", "[lifecycle]") {
    Fixture f;
    auto v1 = f.import("wine", 400);
    f.import("wine", 500, 1);
    f.import("iris", 30);
    const auto before = listObjects(f.ws->objects());

    auto dry = collectGarbage(*f.ws, true);
    REQUIRE(dry.ok());
    CHECK(dry->objects == 0);  // everything is referenced
    CHECK(dry->keptObjects == before.size());

    REQUIRE(applyRemoval(*f.ws, f.plan(RemovalKind::DatasetVersion, "wine@1")).ok());
    fs::create_directories(f.ws->runsDir() / "20260101-000000-dead");  // a removed run's leftover
    std::ofstream(f.ws->runsDir() / "20260101-000000-dead" / "model.pt") << "0123456789";

    auto preview = collectGarbage(*f.ws, true);
    REQUIRE(preview.ok());
    CHECK(preview->objects > 0);
    CHECK(preview->runFolders == 1);
    CHECK(preview->runFolderBytes == 10);
    CHECK(listObjects(f.ws->objects()).size() == before.size());  // a dry run removes nothing

    auto report = collectGarbage(*f.ws, false);
    REQUIRE(report.ok());
    CHECK(report->objects == preview->objects);
    CHECK(report->objectBytes == preview->objectBytes);
    CHECK(report->freedBytes() == preview->freedBytes());
    CHECK(listObjects(f.ws->objects()).size() == before.size() - report->objects);
    CHECK_FALSE(f.ws->objects().contains(v1.contentHash));
    CHECK_FALSE(fs::exists(f.ws->runsDir() / "20260101-000000-dead"));
    f.requireEverythingReadable();

    auto again = collectGarbage(*f.ws, false);
    REQUIRE(again.ok());
    CHECK(again->freedBytes() == 0);
}

TEST_CASE("an object two versions share stays while either remains", "[lifecycle]") {
    Fixture f;
    f.import("a", 60);
    f.import("b", 60);  // the same content under another name: the very same objects
    REQUIRE(applyRemoval(*f.ws, f.plan(RemovalKind::Dataset, "a")).ok());
    auto report = collectGarbage(*f.ws, false);
    REQUIRE(report.ok());
    CHECK(report->objects == 0);
    f.requireEverythingReadable();
}

TEST_CASE("nothing a registered model was made from is removed without that model version", "[lifecycle]") {
    Fixture f;
    auto v = f.import("wine", 40);
    const auto run = f.run(v);
    f.registerModel("wine-model", run, v, "production");

    const std::vector<RemovalTarget> targets = {
        {RemovalKind::Run, run}, {RemovalKind::DatasetVersion, "wine@1"}, {RemovalKind::Dataset, "wine"}};
    for (const auto& target : targets) {
        auto plan = f.plan(target.kind, target.reference);
        REQUIRE_FALSE(plan.allowed());
        CHECK(describeBlocker(plan.blockers.front()).find("wine-model@1") != std::string::npos);
        CHECK_FALSE(applyRemoval(*f.ws, plan).ok());
    }
    CHECK(f.count("SELECT COUNT(*) FROM runs") == 1);

    // Named together, both go; the production stage is said first.
    auto both = planRemoval(*f.ws, {{RemovalKind::Model, "wine-model"}, {RemovalKind::Dataset, "wine"}});
    REQUIRE(both.ok());
    REQUIRE(both->allowed());
    CHECK(describeWarning(both->warnings.front()) == "model wine-model@1 is in production");
    CHECK(both->models == std::vector<std::string>{"wine-model"});
    CHECK(both->datasets == std::vector<std::string>{"wine"});
    REQUIRE(applyRemoval(*f.ws, *both).ok());
    CHECK(f.count("SELECT COUNT(*) FROM models") == 0);
    CHECK(f.count("SELECT COUNT(*) FROM datasets") == 0);
    CHECK(f.count("SELECT COUNT(*) FROM runs") == 0);
}

TEST_CASE("a removal planned before a model was registered is refused when carried out", "[lifecycle]") {
    Fixture f;
    auto v = f.import("wine", 40);
    const auto run = f.run(v);
    auto plan = f.plan(RemovalKind::Run, run);
    REQUIRE(plan.allowed());
    f.registerModel("late", run, v);
    auto applied = applyRemoval(*f.ws, plan);
    REQUIRE_FALSE(applied.ok());
    CHECK(applied.error().code == ErrorCode::Busy);
    CHECK(f.count("SELECT COUNT(*) FROM runs") == 1);
    CHECK(fs::exists(f.ws->runsDir() / run / "model.pt"));
}

TEST_CASE("a run still at work is not removed", "[lifecycle]") {
    Fixture f;
    auto v = f.import("wine", 40);
    const auto running = f.run(v, RunStatus::Running);
    auto plan = f.plan(RemovalKind::Dataset, "wine");
    REQUIRE_FALSE(plan.allowed());
    CHECK(plan.blockers.front().reason == RemovalBlocker::Reason::RunActive);
    CHECK(describeBlocker(plan.blockers.front()).find("is running") != std::string::npos);
}

TEST_CASE("a sweep goes with its trial runs and its record", "[lifecycle]") {
    Fixture f;
    auto v = f.import("wine", 40);
    const auto t1 = f.run(v), t2 = f.run(v), other = f.run(v);
    for (const auto& id : {t1, t2})
        REQUIRE(f.ws->catalog().execute("INSERT INTO tags (run_id, key, value) VALUES (?, 'sweep', 's1')",
                                        {id}).ok());
    fs::create_directories(f.ws->root() / "sweeps");
    std::ofstream(f.ws->root() / "sweeps" / "s1.json") << "{}";

    auto plan = f.plan(RemovalKind::Sweep, "s1");
    CHECK(runIds(plan) == std::set<std::string>{t1, t2});
    CHECK(plan.sweeps == std::vector<std::string>{"s1"});
    REQUIRE(applyRemoval(*f.ws, plan).ok());
    CHECK_FALSE(fs::exists(f.ws->root() / "sweeps" / "s1.json"));
    CHECK(RunStore(f.ws->catalog()).get(other).ok());

    auto missing = planRemoval(*f.ws, {{RemovalKind::Sweep, "s1"}});
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == ErrorCode::NotFound);
}

TEST_CASE("retention keeps the newest versions, starred and registered runs", "[lifecycle]") {
    Fixture f;
    auto v1 = f.import("wine", 40), v2 = f.import("wine", 41), v3 = f.import("wine", 42);
    const auto oldStarred = f.run(v3), oldPlain = f.run(v3), oldRegistered = f.run(v3), recent = f.run(v3);
    const auto onV2 = f.run(v2);
    for (const auto& id : {oldStarred, oldPlain, oldRegistered}) f.age(id, 40);
    REQUIRE(setRunStarred(f.ws->catalog(), oldStarred, true).ok());
    f.registerModel("m", oldRegistered, v3);
    REQUIRE(setRunStarred(f.ws->catalog(), onV2, true).ok());

    RetentionRules rules;
    rules.keepVersions = 1;
    rules.runsOlderThanDays = 30;
    auto choice = chooseByRetention(*f.ws, rules);
    REQUIRE(choice.ok());
    std::set<std::string> chosen;
    for (const auto& t : choice->targets) chosen.insert(t.reference);
    CHECK(chosen == std::set<std::string>{"wine@1", oldPlain});  // wine@2 has a starred run
    const std::string spared = [&] {
        std::string all;
        for (const auto& s : choice->spared) all += s + "\n";
        return all;
    }();
    CHECK(spared.find("dataset version wine@2 has run " + onV2 + ", which is starred") != std::string::npos);
    CHECK(spared.find("run " + oldStarred + " is starred") != std::string::npos);
    CHECK(spared.find("run " + oldRegistered + " made a registered model") != std::string::npos);

    auto plan = planRemoval(*f.ws, choice->targets);
    REQUIRE(plan.ok());
    REQUIRE(applyRemoval(*f.ws, *plan).ok());
    CHECK(RunStore(f.ws->catalog()).get(recent).ok());
    CHECK_FALSE(RunStore(f.ws->catalog()).get(oldPlain).ok());
    REQUIRE(collectGarbage(*f.ws, false).ok());
    f.requireEverythingReadable();
    (void)v1;

    RetentionRules none;
    none.keepVersions = 0;
    CHECK_FALSE(chooseByRetention(*f.ws, none).ok());
}

TEST_CASE("garbage collection waits for no import: it is refused while one commits", "[lifecycle]") {
    Fixture f;
    f.import("wine", 40);
    auto importing = ImportRecord::begin(f.ws->objects());
    REQUIRE(importing.ok());
    auto refused = collectGarbage(*f.ws, false);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::Busy);
    importing->reset();
    CHECK(collectGarbage(*f.ws, false).ok());
}

TEST_CASE("an image dataset's pictures are kept while it remains and freed after", "[lifecycle]") {
    Fixture f;
    const auto folder = test::writeImageFolder(f.dir / "shapes");
    NullJobContext job;
    auto imported = importImageDataset(*f.ws, folder, "shapes", job);
    REQUIRE(imported.ok());
    f.import("wine", 40);
    const fs::path thumbs = f.ws->root() / "cache" / "thumbnails";
    auto listing = Table::open(f.ws->objects(), imported->images.manifestHash);
    REQUIRE(listing.ok());
    const std::string picture = (*listing)->column(std::size_t((*listing)->columnIndex("sha256"))).text(0);
    REQUIRE(imageThumbnail(f.ws->objects(), picture, thumbs).ok());

    auto kept = collectGarbage(*f.ws, false);
    REQUIRE(kept.ok());
    CHECK(kept->objects == 0);
    CHECK(kept->thumbnails == 0);
    f.requireEverythingReadable();

    REQUIRE(applyRemoval(*f.ws, f.plan(RemovalKind::Dataset, "shapes")).ok());
    auto freed = collectGarbage(*f.ws, false);
    REQUIRE(freed.ok());
    CHECK(freed->objects >= 48);  // every picture, and the listing's arrays
    CHECK(freed->thumbnails == 1);
    CHECK_FALSE(f.ws->objects().contains(picture));
    f.requireEverythingReadable();
}

TEST_CASE("references that name nothing are errors, and stars need a run", "[lifecycle]") {
    Fixture f;
    f.import("wine", 40);
    CHECK(planRemoval(*f.ws, {{RemovalKind::Dataset, "nope"}}).error().code == ErrorCode::NotFound);
    CHECK(planRemoval(*f.ws, {{RemovalKind::DatasetVersion, "wine"}}).error().code ==
          ErrorCode::InvalidArgument);
    CHECK(planRemoval(*f.ws, {{RemovalKind::DatasetVersion, "wine@9"}}).error().code == ErrorCode::NotFound);
    CHECK(planRemoval(*f.ws, {{RemovalKind::Model, "m@x"}}).error().code == ErrorCode::InvalidArgument);
    CHECK(planRemoval(*f.ws, {{RemovalKind::Run, "2099"}}).error().code == ErrorCode::NotFound);
    CHECK(setRunStarred(f.ws->catalog(), "nope", true).error().code == ErrorCode::NotFound);
}

TEST_CASE("a renamed dataset keeps its versions and runs; names follow the rule", "[lifecycle]") {
    Fixture f;
    auto v = f.import("wine", 40);
    f.import("iris", 30);
    const auto run = f.run(v);
    REQUIRE(renameDataset(f.ws->catalog(), "wine", "wine-red").ok());
    auto renamed = DatasetCatalog(f.ws->catalog()).resolve("wine-red@1");
    REQUIRE(renamed.ok());
    CHECK(renamed->contentHash == v.contentHash);
    CHECK(RunStore(f.ws->catalog()).get(run)->dataset == "wine-red");
    CHECK(renameDataset(f.ws->catalog(), "wine-red", "iris").error().code == ErrorCode::InvalidArgument);
    CHECK(renameDataset(f.ws->catalog(), "wine-red", "a@b").error().code == ErrorCode::InvalidArgument);
    CHECK(renameDataset(f.ws->catalog(), "nope", "x").error().code == ErrorCode::NotFound);

    REQUIRE(renameRun(f.ws->catalog(), run, "baseline, lr 0.01").ok());
    CHECK(RunStore(f.ws->catalog()).get(run)->name == "baseline, lr 0.01");
    CHECK_FALSE(renameRun(f.ws->catalog(), run, "two\nlines").ok());
    CHECK(renameRun(f.ws->catalog(), "nope", "x").error().code == ErrorCode::NotFound);
}
