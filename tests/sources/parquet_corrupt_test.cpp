// Corrupt and truncated Parquet files: cut at many points, bytes flipped in the footer and in
// the pages, bad magic. Each is refused with what and where (or, for a flip that leaves a valid
// file, read), never a crash, and a refused file commits nothing.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>

#include "core/data/parquet/parquet_import.h"
#include "core/data/table.h"
#include "core/jobs/job_context.h"
#include "core/store/object_store.h"
#include "temp_dir.h"

using namespace kiln;
namespace fs = std::filesystem;

namespace {

const fs::path kFixtures = KILN_PARQUET_FIXTURES;

std::string slurp(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

std::size_t storedObjects(const fs::path& root) {
    std::size_t n = 0;
    if (!fs::exists(root)) return 0;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file() && e.path().string().find("/tmp/") == std::string::npos) ++n;
    return n;
}

// Reads `bytes` as a Parquet file in a fresh store; on failure checks the error names the
// file and that nothing was stored. Returns the error message, or "" when it read.
std::string readBroken(const std::string& bytes) {
    TempDir dir;
    const fs::path file = dir / "broken.parquet";
    std::ofstream(file, std::ios::binary) << bytes;
    ObjectStore store(dir / "objects");
    BasicJobContext job;
    ImportOptions options;
    options.threads = 2;
    auto read = readParquetTable(store, file, options, job);
    auto preview = previewParquet(file, options, 5);
    (void)preview;
    if (read) {
        CHECK(Table::open(store, read->manifestHash));
        return "";
    }
    CHECK(read.error().context.find(file.string()) == 0);
    CHECK(storedObjects(dir / "objects") == 0);
    return read.error().message + " @ " + read.error().context;
}

}  // namespace

TEST_CASE("a truncated Parquet file is refused at every cut", "[parquet][corrupt]") {
    const std::string whole = slurp(kFixtures / "codec_snappy.parquet");
    REQUIRE(whole.size() > 1000);
    for (std::size_t cut :
         {std::size_t(0), std::size_t(3), std::size_t(11), std::size_t(100), whole.size() / 3,
          whole.size() / 2, whole.size() - 100, whole.size() - 9, whole.size() - 1}) {
        INFO("cut at " << cut);
        const std::string message = readBroken(whole.substr(0, cut));
        CHECK(message.find("not a readable Parquet file") == 0);
    }
    CHECK(readBroken(whole.substr(0, whole.size() - 1)).find("bad magic at the end") !=
          std::string::npos);
}

TEST_CASE("bad magic and an impossible footer length name what is wrong", "[parquet][corrupt]") {
    std::string bytes = slurp(kFixtures / "codec_zstd.parquet");
    std::string badStart = bytes;
    badStart[0] = 'X';
    CHECK(readBroken(badStart).find("bad magic at the start") != std::string::npos);
    std::string longFooter = bytes;
    longFooter[longFooter.size() - 5] = char(0x7f);
    CHECK(readBroken(longFooter).find("footer length") != std::string::npos);
}

TEST_CASE("flipped bytes in the footer and in the pages never crash", "[parquet][corrupt]") {
    for (const char* name : {"codec_uncompressed", "codec_snappy", "v2_plain", "v1_dict"}) {
        const std::string whole = slurp(kFixtures / (std::string(name) + ".parquet"));
        std::uint32_t footerLength;
        std::memcpy(&footerLength, whole.data() + whole.size() - 8, 4);
        const std::size_t footerStart = whole.size() - 8 - footerLength;
        std::size_t refused = 0, tried = 0;
        // About 40 bytes spread over the pages and 40 over the footer, each flipped alone.
        const std::size_t pageStep = std::max<std::size_t>(1, footerStart / 40);
        const std::size_t footerStep = std::max<std::size_t>(1, footerLength / 40);
        for (std::size_t at = 4; at < whole.size() - 8;
             at += at >= footerStart ? footerStep : pageStep) {
            std::string bytes = whole;
            bytes[at] = char(~bytes[at]);
            INFO(name << ": byte " << at << " flipped");
            const std::string message = readBroken(bytes);
            if (!message.empty()) {
                ++refused;
                CHECK(message.find("not a readable Parquet file") == 0);
            }
            ++tried;
        }
        CHECK(refused > 0);
        CHECK(tried > 20);
    }
}

TEST_CASE("a page header overwritten is refused naming the row group, column and page",
          "[parquet][corrupt]") {
    std::string bytes = slurp(kFixtures / "codec_snappy.parquet");
    // The first column chunk starts right after the magic: its first page header is there.
    for (std::size_t i = 4; i < 12; ++i) bytes[i] = char(0xff);
    const std::string message = readBroken(bytes);
    CHECK(message.find("page header unreadable") != std::string::npos);
    CHECK(message.find("row group 1, column 'id', page 1") != std::string::npos);
}
