#include <catch2/catch.hpp>
#include <fstream>
#include <opencv2/imgcodecs.hpp>

#include "core/data/image_folder.h"
#include "core/store/workspace.h"
#include "temp_dir.h"

using namespace kiln;
namespace fs = std::filesystem;

namespace {
void writeImage(const fs::path& file, int width, int height, int channels) {
    fs::create_directories(file.parent_path());
    cv::Mat image(height, width, channels == 1 ? CV_8UC1 : CV_8UC3, cv::Scalar(40, 120, 200));
    REQUIRE(cv::imwrite(file.string(), image));
}

// A labelled folder: two classes, one nested class, one corrupt file, one non-image.
fs::path makeFolder(const TempDir& dir) {
    fs::path root = dir / "pets";
    writeImage(root / "cats" / "a.png", 40, 30, 3);
    writeImage(root / "cats" / "b.jpg", 300, 200, 3);
    writeImage(root / "dogs" / "c.bmp", 16, 16, 1);
    writeImage(root / "wild" / "fox" / "d.png", 20, 10, 3);
    std::ofstream(root / "dogs" / "broken.png") << "not a png at all";
    std::ofstream(root / "dogs" / "notes.txt") << "ignored";
    return root;
}
}  // namespace

TEST_CASE("An image folder becomes a labelled listing; corrupt files are skipped and named", "[images]") {
    TempDir dir;
    auto root = makeFolder(dir);
    auto ws = Workspace::open(dir / "ws").value();
    BasicJobContext job;
    auto imported = importImageDataset(*ws, root, "", job);
    REQUIRE(imported.ok());
    CHECK(imported->dataset == "pets");
    CHECK(imported->created);
    const auto& images = imported->images;
    CHECK(images.labelled);
    CHECK(images.classes == std::vector<std::string>{"cats", "dogs", "wild/fox"});
    REQUIRE(images.skipped.size() == 1);
    CHECK(images.skipped[0].relative == "dogs/broken.png");
    REQUIRE(job.issues().size() == 1);
    CHECK_THAT(job.issues()[0].where, Catch::EndsWith("broken.png"));

    auto table = Table::open(ws->objects(), images.manifestHash).value();
    REQUIRE(table->rows() == 4);
    const auto& file = table->column(std::size_t(table->columnIndex("file")));
    const auto& label = table->column(std::size_t(table->columnIndex("class")));
    const auto& width = table->column(std::size_t(table->columnIndex("width")));
    const auto& channels = table->column(std::size_t(table->columnIndex("channels")));
    const auto& sha = table->column(std::size_t(table->columnIndex("sha256")));
    CHECK(file.text(1) == "cats/b.jpg");
    CHECK(label.text(1) == "cats");
    CHECK(width.number(1) == 300);
    CHECK(channels.number(2) == 1);
    CHECK(label.text(3) == "wild/fox");
    CHECK(ws->objects().contains(sha.text(1)));

    auto thumb = imageThumbnail(ws->objects(), sha.text(1), dir / "thumbs", 64);
    REQUIRE(thumb.ok());
    cv::Mat small = cv::imread(thumb->string());
    CHECK(small.cols == 64);
    CHECK(small.rows == 43);

    auto again = importImageDataset(*ws, root, "", job);
    REQUIRE(again.ok());
    CHECK_FALSE(again->created);
    CHECK(again->version == 1);
}

TEST_CASE("A flat folder is unlabelled; an empty one is refused", "[images]") {
    TempDir dir;
    writeImage(dir / "flat" / "x.png", 8, 8, 3);
    auto ws = Workspace::open(dir / "ws").value();
    NullJobContext job;
    auto flat = importImageDataset(*ws, dir / "flat", "unlabelled", job);
    REQUIRE(flat.ok());
    CHECK_FALSE(flat->images.labelled);
    fs::create_directories(dir / "empty");
    auto empty = importImageDataset(*ws, dir / "empty", "", job);
    REQUIRE_FALSE(empty.ok());
    CHECK_THAT(empty.error().message, Catch::Contains("no images found"));
}

TEST_CASE("A cancelled image import records nothing", "[images]") {
    TempDir dir;
    auto root = makeFolder(dir);
    auto ws = Workspace::open(dir / "ws").value();
    BasicJobContext job;
    job.cancel();
    auto imported = importImageDataset(*ws, root, "", job);
    REQUIRE_FALSE(imported.ok());
    CHECK(imported.error().code == ErrorCode::Cancelled);
    CHECK(ws->catalog().counts().value().datasets == 0);
}
