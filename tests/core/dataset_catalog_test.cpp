#include <catch2/catch.hpp>

#include "core/data/dataset_catalog.h"
#include "core/store/workspace.h"
#include "temp_dir.h"

using namespace kiln;

namespace {

NewDatasetVersion entry(const std::string& name, const std::string& hash, std::uint64_t rows) {
    NewDatasetVersion e;
    e.name = name;
    e.contentHash = hash;
    e.rows = rows;
    e.schemaJson = "[{\"name\":\"a\"}]";
    e.sourcePath = "/data/" + name + ".csv";
    return e;
}

}  // namespace

TEST_CASE("Versions are numbered per dataset and deduplicated by hash", "[catalog][datasets]") {
    TempDir dir;
    auto ws = Workspace::open(dir / "ws");
    REQUIRE(ws.ok());
    DatasetCatalog catalog((*ws)->catalog());
    auto v1 = catalog.recordVersion(entry("iris", "abcd1111", 150));
    REQUIRE(v1.ok());
    CHECK(v1->created);
    CHECK(v1->version.version == 1);
    auto same = catalog.recordVersion(entry("iris", "abcd1111", 150));
    REQUIRE(same.ok());
    CHECK_FALSE(same->created);
    CHECK(same->version.id == v1->version.id);
    auto v2 = catalog.recordVersion(entry("iris", "abce2222", 151));
    REQUIRE(v2.ok());
    CHECK(v2->version.version == 2);
    auto other = catalog.recordVersion(entry("wine", "abcd1111", 10));
    REQUIRE(other.ok());
    CHECK(other->version.version == 1);

    auto list = catalog.list();
    REQUIRE(list.ok());
    REQUIRE(list->size() == 2);
    CHECK((*list)[0].name == "iris");
    CHECK((*list)[0].versions == 2);
    CHECK((*list)[0].latest->rows == 151);
    CHECK((*list)[1].name == "wine");
}

TEST_CASE("References resolve by name, number and hash prefix", "[catalog][datasets]") {
    TempDir dir;
    auto ws = Workspace::open(dir / "ws");
    DatasetCatalog catalog((*ws)->catalog());
    REQUIRE(catalog.recordVersion(entry("iris", "abcd1111", 150)).ok());
    REQUIRE(catalog.recordVersion(entry("iris", "abce2222", 151)).ok());
    CHECK(catalog.resolve("iris")->version == 2);
    CHECK(catalog.resolve("iris@1")->version == 1);
    CHECK(catalog.resolve("iris@abcd")->version == 1);
    CHECK(catalog.resolve("iris@ABCE2")->contentHash == "abce2222");
    auto ambiguous = catalog.resolve("iris@abc");  // too short to be a prefix
    CHECK(ambiguous.error().code == ErrorCode::NotFound);
    CHECK(catalog.resolve("iris@9").error().message ==
          "dataset 'iris' has no version 9 (it has 2)");
    CHECK(catalog.resolve("nope").error().code == ErrorCode::NotFound);
}

TEST_CASE("A dataset name keeps its kind", "[catalog][datasets]") {
    TempDir dir;
    auto ws = Workspace::open(dir / "ws");
    DatasetCatalog catalog((*ws)->catalog());
    REQUIRE(catalog.recordVersion(entry("pics", "aaaa", 3)).ok());
    auto images = entry("pics", "bbbb", 3);
    images.kind = "images";
    auto refused = catalog.recordVersion(images);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::InvalidArgument);
    CHECK(catalog.versions("pics")->size() == 1);
}
