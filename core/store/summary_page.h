// The summary pyramid's storage (table metric_summary_pages, schema 5): the buckets of one level
// of one metric series are kept eight to a row, as one BLOB, so a compare of a hundred long runs
// steps through tens of thousands of rows instead of half a million. A bucket holds how many
// points it stands for and its lowest and highest point, each with its step, epoch and wall time
// (core/analysis/metric_summary.h says how the levels are laid out and read).
#pragma once

#include <array>
#include <cstdint>
#include <string>

struct sqlite3;

namespace kiln {

// One stored metric point as the pyramid sees it.
struct SummaryPoint {
    std::int64_t step = 0;
    std::int64_t epoch = 0;
    double wallTime = 0;
    double value = 0;
};

// One bucket: `points` == 0 is a bucket no point has reached.
struct SummaryBucket {
    std::int64_t points = 0;
    SummaryPoint min, max;

    // Folds one point in: the first lowest and the first highest are kept.
    void add(const SummaryPoint& p);
    // Folds another bucket of the same steps in: the counts add up, the strictly lower minimum
    // and the strictly higher maximum win, with their steps.
    void merge(const SummaryBucket& other);
};

constexpr int kBucketsPerPage = 8;
constexpr std::int64_t pageOf(std::int64_t bucket) { return bucket >> 3; }
constexpr int slotOf(std::int64_t bucket) { return int(bucket & 7); }

// A row's BLOB: kBucketsPerPage buckets of nine little-endian 8-byte fields each
// (points; min step, epoch, wall, value; max step, epoch, wall, value).
using SummaryPage = std::array<SummaryBucket, kBucketsPerPage>;
constexpr std::size_t kSummaryPageBytes = kBucketsPerPage * 9 * 8;

std::string encodeSummaryPage(const SummaryPage& page);
// False when `bytes` is not a page (a damaged catalog); `page` is then left empty.
bool decodeSummaryPage(const void* bytes, std::size_t size, SummaryPage& page);

// Registers kiln_summary_page(slot, points, min_step, min_epoch, min_wall, min_value, max_step,
// max_epoch, max_wall, max_value): the aggregate that gathers a page's buckets into its BLOB, for
// the migration from schema 4's row per bucket. SQLite's result code.
int registerSummaryPageFunction(sqlite3* db);

}  // namespace kiln
