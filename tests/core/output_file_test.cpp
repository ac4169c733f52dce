#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "core/store/output_file.h"
#include "core/store/workspace.h"
#include "temp_dir.h"

using namespace kiln;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::size_t entries(const fs::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] auto& e : fs::directory_iterator(dir)) ++n;
    return n;
}

}  // namespace

TEST_CASE("Kiln's own files are never an output path, through links too", "[store][output]") {
    TempDir dir;
    auto ws = Workspace::open(dir / "ws");
    REQUIRE(ws.ok());
    const std::string before = slurp(dir / "ws" / "kiln.db");
    fs::create_symlink(dir / "ws" / "kiln.db", dir / "link.onnx");
    fs::create_directories(dir / "elsewhere");
    fs::create_directory_symlink(dir / "ws" / "runs", dir / "elsewhere" / "runs");
    for (const fs::path& p :
         {dir / "ws" / "kiln.db", dir / "link.onnx", dir / "ws" / "new.onnx",
          dir / "ws" / "runs" / "x.csv", dir / "elsewhere" / "runs" / "x.csv"}) {
        INFO(p);
        auto checked = checkOutputPath(p);
        REQUIRE_FALSE(checked.ok());
        CHECK(checked.error().code == ErrorCode::InvalidArgument);
        CHECK_THAT(checked.error().message, Catch::Contains("inside the Kiln workspace"));
        CHECK_FALSE(writeOutputFile(p, "onnx bytes").ok());
        // The workspace named explicitly is refused the same way.
        CHECK_FALSE(checkOutputPath(p, dir / "ws").ok());
    }
    CHECK(slurp(dir / "ws" / "kiln.db") == before);
    CHECK(fs::is_symlink(dir / "link.onnx"));
    CHECK(Workspace::open(dir / "ws", false).ok());
}

TEST_CASE("Folders, FIFOs and devices are refused as output files", "[store][output]") {
    TempDir dir;
    REQUIRE(::mkfifo((dir / "fifo").c_str(), 0600) == 0);
    fs::create_symlink(dir / "fifo", dir / "fifo-link");
    for (const fs::path& p : {dir.path(), dir / "fifo", dir / "fifo-link", fs::path("/dev/null")}) {
        INFO(p);
        auto checked = checkOutputPath(p);
        REQUIRE_FALSE(checked.ok());
        CHECK_THAT(checked.error().message, Catch::Contains("not a regular file"));
    }
    CHECK_THAT(checkOutputPath("/dev/null").error().message, Catch::Contains("character device"));
    CHECK_THAT(checkOutputPath(dir / "fifo").error().message, Catch::Contains("FIFO"));
    CHECK(fs::is_fifo(dir / "fifo"));
    auto missing = checkOutputPath(dir / "no-such-folder" / "x.csv");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == ErrorCode::NotFound);
    CHECK_THAT(missing.error().message,
               Catch::Contains("no-such-folder") && Catch::Contains("does not exist"));
}

TEST_CASE("An output replaces a regular file atomically and leaves no temporary",
          "[store][output]") {
    TempDir dir;
    std::ofstream(dir / "out.csv") << "old";
    ::chmod((dir / "out.csv").c_str(), 0640);
    auto written = writeOutputFile(dir / "out.csv", "new contents");
    REQUIRE(written.ok());
    CHECK(*written == fs::canonical(dir / "out.csv"));
    CHECK(slurp(dir / "out.csv") == "new contents");
    CHECK((fs::status(dir / "out.csv").permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
    CHECK(entries(dir.path()) == 1);

    // A link to a file outside any workspace is written through: the link stays a link.
    fs::create_symlink(dir / "out.csv", dir / "via-link.csv");
    REQUIRE(writeOutputFile(dir / "via-link.csv", "through the link").ok());
    CHECK(fs::is_symlink(dir / "via-link.csv"));
    CHECK(slurp(dir / "out.csv") == "through the link");

    // Dropped without commit: the old file stays, the temporary goes.
    {
        auto w = AtomicFileWriter::create(dir / "out.csv");
        REQUIRE(w.ok());
        (*w)->stream() << "half of a file";
        CHECK(fs::exists((*w)->temporaryPath()));
        CHECK((*w)->temporaryPath().parent_path() == dir.path());
    }
    CHECK(slurp(dir / "out.csv") == "through the link");
    CHECK(entries(dir.path()) == 2);
}

TEST_CASE("An unwritable folder fails with the folder's name and the reason", "[store][output]") {
    TempDir dir;
    // /proc takes no new files, even from root (a read-only folder cannot stop root).
    auto proc = writeOutputFile("/proc/kiln-output-test.csv", "x");
    REQUIRE_FALSE(proc.ok());
    CHECK(proc.error().code == ErrorCode::Io);
    CHECK_THAT(proc.error().message, Catch::Contains("cannot create a file in the folder /proc"));
    if (::geteuid() != 0) {
        fs::create_directories(dir / "ro");
        fs::permissions(dir / "ro", fs::perms::owner_read | fs::perms::owner_exec);
        auto ro = writeOutputFile(dir / "ro" / "x.csv", "x");
        REQUIRE_FALSE(ro.ok());
        CHECK_THAT(ro.error().message, Catch::Contains("Permission denied"));
    }
}
