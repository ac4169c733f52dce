// Tables wider than the open-file limit allows one spill file per array (issue 11 item 16):
// their arrays share one temporary file, and the stored bytes and hashes do not change.
#include <sys/resource.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>

#include "core/data/csv_import.h"
#include "core/data/table.h"
#include "core/store/object_store.h"
#include "temp_dir.h"

using namespace kiln;
namespace fs = std::filesystem;

namespace {

// `columns` columns of every kind (float, integer with a missing cell, category, text) x 400 rows.
fs::path writeWide(const TempDir& dir, int columns) {
    auto path = dir / "wide.csv";
    std::ofstream out(path, std::ios::binary);
    for (int c = 0; c < columns; ++c) out << (c ? "," : "") << "c" << c;
    out << "\n";
    for (int r = 0; r < 400; ++r) {
        for (int c = 0; c < columns; ++c) {
            out << (c ? "," : "");
            switch (c % 4) {
                case 0:
                    out << (r * c % 1000) / 7.0;
                    break;
                case 1:
                    if (r != c) out << (r + c) % 100;
                    break;
                case 2:
                    out << "k" << (r * c) % 5;
                    break;
                default:
                    out << "t" << r << "_" << c;
                    break;
            }
        }
        out << "\n";
    }
    return path;
}

// Sets the soft open-file limit for the scope of the object, then restores it.
class OpenFileLimit {
public:
    explicit OpenFileLimit(rlim_t soft) {
        ::getrlimit(RLIMIT_NOFILE, &m_saved);
        struct rlimit lowered = m_saved;
        lowered.rlim_cur = std::min(soft, m_saved.rlim_max);
        REQUIRE(::setrlimit(RLIMIT_NOFILE, &lowered) == 0);
    }
    ~OpenFileLimit() { ::setrlimit(RLIMIT_NOFILE, &m_saved); }

private:
    struct rlimit m_saved {};
};

Result<TableImportResult> importWith(const ObjectStore& store, const fs::path& file,
                                   unsigned threads) {
    NullJobContext job;
    ImportOptions options;
    options.threads = threads;
    return readCsvTable(store, file, options, job);
}

}  // namespace

TEST_CASE("a table wider than the open-file limit imports with the same hashes", "[csv][wide]") {
    TempDir dir;
    auto file = writeWide(dir, 60);
    ObjectStore roomy(dir / "roomy");
    Result<TableImportResult> reference = makeError(ErrorCode::Internal, "not run");
    {
        OpenFileLimit limit(1024);  // 105 arrays, each a file of its own (up to 128)
        reference = importWith(roomy, file, 2);
    }
    REQUIRE(reference);
    ObjectStore tight(dir / "tight");
    Result<TableImportResult> narrow = makeError(ErrorCode::Internal, "not run");
    {
        OpenFileLimit limit(64);  // 16 arrays get a file of their own, 89 share one
        narrow = importWith(tight, file, 2);
    }
    REQUIRE(narrow);
    CHECK(narrow->manifestHash == reference->manifestHash);
    CHECK(narrow->manifest.rows == 400);
    REQUIRE(narrow->manifest.columns.size() == 60);
    CHECK(narrow->manifest.columns[1].type == ColumnType::Integer);
    CHECK(narrow->manifest.columns[1].missing == 1);
    auto table = Table::open(tight, narrow->manifestHash);
    REQUIRE(table);
}

TEST_CASE("a wide table imports under a low open-file limit", "[csv][wide]") {
    TempDir dir;
    auto file = writeWide(dir, 300);
    ObjectStore store(dir / "objects");
    OpenFileLimit limit(64);  // fewer than the 300 columns: failed with EMFILE before
    auto r = importWith(store, file, 1);
    REQUIRE(r);
    CHECK(r->manifest.columns.size() == 300);
}
