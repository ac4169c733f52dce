// A source file that shrinks while it is imported (it is memory-mapped), and paths that are not
// regular files: clear errors naming the file, never SIGBUS or a hang.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "core/data/csv_import.h"
#include "core/store/object_store.h"
#include "temp_dir.h"

using namespace kiln;
namespace fs = std::filesystem;

namespace {

// Writes `rows` rows of three columns (about 30 bytes each).
fs::path writeRows(const TempDir& dir, std::size_t rows) {
    auto path = dir / "big.csv";
    std::ofstream out(path, std::ios::binary);
    out << "id,x,label\n";
    for (std::size_t i = 0; i < rows; ++i) out << i << "," << i * 0.25 << ",label" << i % 7 << "\n";
    return path;
}

// Truncates `file` to `keep` bytes at the `at`-th progress report (the first is the one just
// before the sample is read; later ones follow parsed chunks).
class TruncatingJob : public BasicJobContext {
public:
    TruncatingJob(fs::path file, int at, off_t keep)
        : m_file(std::move(file)), m_at(at), m_keep(keep) {}
    void progress(std::uint64_t done, std::uint64_t total, std::string_view stage) override {
        BasicJobContext::progress(done, total, stage);
        if (m_at-- == 0) REQUIRE(::truncate(m_file.c_str(), m_keep) == 0);
    }

private:
    fs::path m_file;
    int m_at;
    off_t m_keep;
};

void requireChangedError(const Result<TableImportResult>& r, const fs::path& file) {
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::Io);
    CHECK(r.error().message.find("changed while it was being read") != std::string::npos);
    CHECK(r.error().context == file.string());
}

}  // namespace

TEST_CASE("a file truncated before its sample is read gives an error, not SIGBUS", "[csv][guard]") {
    TempDir dir;
    auto file = writeRows(dir, 40000);
    ObjectStore store(dir / "objects");
    TruncatingJob job(file, 0, 100);
    requireChangedError(readCsvTable(store, file, {}, job), file);
}

TEST_CASE("a file truncated between parallel chunks gives an error, not SIGBUS", "[csv][guard]") {
    TempDir dir;
    auto file = writeRows(dir, 200000);
    ObjectStore store(dir / "objects");
    ImportOptions options;
    options.threads = 2;
    options.chunkBytes = 64 * 1024;
    TruncatingJob job(file, 1, 4096);
    requireChangedError(readCsvTable(store, file, options, job), file);
}

TEST_CASE("a file truncated during a sequential parse gives an error, not SIGBUS", "[csv][guard]") {
    TempDir dir;
    auto file = writeRows(dir, 200000);
    ObjectStore store(dir / "objects");
    ImportOptions options;
    options.threads = 1;
    options.chunkBytes = 64 * 1024;
    TruncatingJob job(file, 2, 70000);
    requireChangedError(readCsvTable(store, file, options, job), file);
}

TEST_CASE("the same file, left alone, imports", "[csv][guard]") {
    TempDir dir;
    auto file = writeRows(dir, 200000);
    ObjectStore store(dir / "objects");
    ImportOptions options;
    options.threads = 2;
    options.chunkBytes = 64 * 1024;
    TruncatingJob job(file, -1, 0);
    auto r = readCsvTable(store, file, options, job);
    REQUIRE(r);
    CHECK(r->manifest.rows == 200000);
}

TEST_CASE("a FIFO, a device and a folder are refused without blocking", "[csv][guard]") {
    TempDir dir;
    ObjectStore store(dir / "objects");
    NullJobContext job;
    auto fifo = dir / "pipe.csv";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    auto r = readCsvTable(store, fifo, {}, job);  // would block forever in open() before
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::InvalidArgument);
    CHECK(r.error().message.find("FIFO") != std::string::npos);
    CHECK(r.error().context == fifo.string());
    auto device = readCsvTable(store, "/dev/zero", {}, job);
    REQUIRE_FALSE(device);
    CHECK(device.error().message.find("device") != std::string::npos);
    auto folder = readCsvTable(store, dir.path(), {}, job);
    REQUIRE_FALSE(folder);
    CHECK(folder.error().message.find("folder") != std::string::npos);
}
