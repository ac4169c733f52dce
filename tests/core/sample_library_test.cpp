// The sample datasets shipped with Kiln: the committed list reads, each sample's file is there,
// and a broken or hostile list is refused with what is wrong.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/data/dataset_catalog.h"
#include "core/samples/sample_library.h"
#include "core/store/workspace.h"
#include "temp_dir.h"

using namespace kiln;
namespace fs = std::filesystem;

namespace {

const std::string kShipped = std::string(KILN_SOURCE_DIR) + "/resources/samples";

void writeList(const fs::path& dir, const std::string& json) {
    fs::create_directories(dir);
    std::ofstream(dir / "samples.json") << json;
}

std::string oneSample(const std::string& path, const std::string& kind = "table") {
    return R"({"format": "kiln-samples/1", "samples": [{"name": "s", "path": ")" + path +
           R"(", "kind": ")" + kind +
           R"(", "task": "classification", "target": "y", "title": "S", "description": "d",
               "source": "src", "licence": "CC0 1.0"}]})";
}

}  // namespace

TEST_CASE("the shipped samples: a classification table, a regression table, an image folder") {
    auto samples = loadSamples(kShipped);
    REQUIRE(samples);
    REQUIRE(samples->size() == 3);
    const Sample& penguins = samples->at(0);
    CHECK(penguins.name == "penguins");
    CHECK(penguins.task == "classification");
    CHECK(penguins.target == "species");
    CHECK(penguins.licence == "CC0 1.0");
    CHECK(samples->at(1).task == "regression");
    CHECK(samples->at(2).kind == "images");
    for (const Sample& s : *samples) {
        INFO(s.name);
        CHECK(fs::path(s.path).is_absolute());
        CHECK(fs::exists(s.path));
        CHECK(fs::is_directory(s.path) == (s.kind == "images"));
        CHECK_FALSE(s.source.empty());
    }
    CHECK(describeSample(penguins).find("Licence: CC0 1.0.") != std::string::npos);
}

TEST_CASE("the samples folder is found beside an installed or a built executable") {
    TempDir dir;
    writeList(dir / "share" / "kiln" / "samples", oneSample("a.csv"));
    fs::create_directories(dir / "bin");
    fs::create_directories(dir / "libexec" / "kiln");
    const char* saved = std::getenv("KILN_SAMPLES");
    ::unsetenv("KILN_SAMPLES");
    const std::string expected = (dir / "share" / "kiln" / "samples").lexically_normal().string();
    CHECK(findSamplesDirectory((dir / "bin").string()) == expected);
    CHECK(findSamplesDirectory((dir / "libexec" / "kiln").string()) == expected);
    CHECK(findSamplesDirectory((dir / "a" / "b" / "c").string()).empty());
    ::setenv("KILN_SAMPLES", "/somewhere/else", 1);
    CHECK(findSamplesDirectory((dir / "bin").string()) == "/somewhere/else");
    if (saved) ::setenv("KILN_SAMPLES", saved, 1);
    else ::unsetenv("KILN_SAMPLES");
}

TEST_CASE("a missing, broken or hostile list of samples is refused with the reason") {
    TempDir dir;
    auto missing = loadSamples((dir / "none").string());
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::NotFound);
    CHECK(missing.error().message == "Kiln's sample datasets are not installed");

    auto refused = [&](const std::string& json) {
        writeList(dir / "bad", json);
        auto r = loadSamples((dir / "bad").string());
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::InvalidArgument);
        return r.error().message;
    };
    CHECK(refused("{not json") == "not a list of samples: not JSON");
    CHECK(refused(R"({"format": "other/1", "samples": []})") ==
          "not a list of samples: its format is not kiln-samples/1");
    CHECK(refused(R"({"format": "kiln-samples/1", "samples": [{"name": "x"}]})") ==
          "not a list of samples: a sample without its \"path\"");
    CHECK(refused(oneSample("../../etc/passwd")) == "not a list of samples: sample s lies outside its folder");
    CHECK(refused(oneSample("/etc/passwd")) == "not a list of samples: sample s lies outside its folder");
    CHECK(refused(oneSample("a.csv", "video")) == "not a list of samples: sample s has kind \"video\"");
}

TEST_CASE("a dataset's description is recorded and read back") {
    TempDir dir;
    auto ws = Workspace::open(dir.path(), true);
    REQUIRE(ws);
    DatasetCatalog catalog((*ws)->catalog());
    NewDatasetVersion v;
    v.name = "penguins";
    v.contentHash = std::string(64, 'a');
    REQUIRE(catalog.recordVersion(v));
    CHECK(catalog.description("penguins").value().empty());
    REQUIRE(catalog.setDescription("penguins", "Palmer penguins. CC0."));
    CHECK(catalog.description("penguins").value() == "Palmer penguins. CC0.");
    auto none = catalog.setDescription("nope", "x");
    REQUIRE_FALSE(none);
    CHECK(none.error().code == ErrorCode::NotFound);
    CHECK(catalog.description("nope").error().code == ErrorCode::NotFound);
}
