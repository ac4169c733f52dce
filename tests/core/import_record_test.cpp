// The objects of an import killed before its catalog row was written are removed by the next
// opener of the workspace; a live import's, and any object a dataset references, never are.
#include <catch2/catch.hpp>
#include <fstream>

#include "core/data/csv_import.h"
#include "core/store/object_store.h"
#include "core/store/workspace.h"
#include "temp_dir.h"

using namespace kiln;
namespace fs = std::filesystem;

namespace {

// What a killed importer leaves: objects and its record listing them (no lock held any more).
void leaveAbandonedRecord(const ObjectStore& store, const std::vector<std::string>& hashes) {
    std::ofstream record(store.tmpDir() / "import-999999-dead00", std::ios::binary);
    for (const auto& h : hashes) record << h << "\n";
}

bool recordsLeft(const ObjectStore& store) {
    std::error_code ec;
    for (auto& e : fs::directory_iterator(store.tmpDir(), ec))
        if (e.path().filename().string().rfind("import-", 0) == 0) return true;
    return false;
}

}  // namespace

TEST_CASE("the next open removes a dead import's unreferenced objects only", "[store][orphans]") {
    TempDir dir;
    std::string kept, orphan;
    {
        auto ws = Workspace::open(dir / "ws");
        REQUIRE(ws);
        std::ofstream(dir / "t.csv") << "a,b\n1,x\n2,y\n";
        NullJobContext job;
        auto imported = importCsvDataset(**ws, dir / "t.csv", "t", {}, job);
        REQUIRE(imported);
        kept = imported->table.manifestHash;
        auto stored = (*ws)->objects().put("bytes of an import that was killed");
        REQUIRE(stored);
        orphan = *stored;
        leaveAbandonedRecord((*ws)->objects(), {kept, orphan});
    }
    auto ws = Workspace::open(dir / "ws");
    REQUIRE(ws);
    CHECK((*ws)->objects().contains(kept));  // a dataset version names it
    CHECK_FALSE((*ws)->objects().contains(orphan));
    CHECK_FALSE(recordsLeft((*ws)->objects()));
}

TEST_CASE("nothing is removed while a live import is committing", "[store][orphans]") {
    TempDir dir;
    ObjectStore store(dir / "ws" / "objects");
    auto stored = store.put("bytes of a killed import");
    REQUIRE(stored);
    leaveAbandonedRecord(store, {*stored});
    {
        auto live = ImportRecord::begin(store);  // holds the commit lock shared
        REQUIRE(live);
        auto ws = Workspace::open(dir / "ws");
        REQUIRE(ws);
        CHECK(store.contains(*stored));
        CHECK(recordsLeft(store));
    }
    auto ws = Workspace::open(dir / "ws");  // the live import is done: now it goes
    REQUIRE(ws);
    CHECK_FALSE(store.contains(*stored));
    CHECK_FALSE(recordsLeft(store));
}
