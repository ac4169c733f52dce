// The summary pyramid kept beside every metric series, so a compare of long curves reads a few
// thousand buckets instead of every point. Level L has one bucket per 2^(6+2L) steps (64, 256, …
// about a million): how many points it holds, and its lowest and its highest point with their
// step, epoch and wall time, stored eight buckets to a row (core/store/summary_page.h, schema 5).
// A plot drawn from the buckets keeps every bucket's extremes, so each spike and each minimum is
// drawn, at its own x.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/analysis/downsample.h"
#include "core/base/result.h"
#include "core/store/catalog.h"
#include "core/store/summary_page.h"

namespace kiln {

struct SeriesRequest;

constexpr int kSummaryLevels = 8;
constexpr int summaryShift(int level) { return 6 + 2 * level; }

// Folds newly stored points into the buckets of every level and merges them into the stored
// pages: what MetricWriter does per batch and the run recorder per event.
class SummaryAccumulator {
public:
    explicit SummaryAccumulator(Catalog& catalog) : m_catalog(catalog) {}
    // A point the metrics table took (not one INSERT OR IGNORE kept out). NaN is left out.
    void add(const std::string& runId, const std::string& key, const SummaryPoint& point);
    // Merges every bucket into its stored page, in the caller's transaction (a page is read,
    // merged and written back), and forgets them.
    Status write();

private:
    struct Series {
        std::string runId, key;
        std::map<std::int64_t, SummaryBucket> levels[kSummaryLevels];
        SummaryBucket* hot[kSummaryLevels] = {};  // the bucket the last point went to, per level
        std::int64_t hotIndex[kSummaryLevels] = {};
    };
    Status writeAll();
    Status writePage(const Series& series, int level, std::int64_t page, SummaryPage& buckets);

    Catalog& m_catalog;
    std::unordered_map<std::string, Series> m_series;  // node-based: pointers into it stay valid
    Series* m_last = nullptr;
    std::optional<Statement> m_select, m_upsert;
};

// A series drawn from its pyramid: its points (x on the request's axis, in step order, ready to
// be downsampled) and how many stored points the buckets read stand for.
struct SummarySeries {
    std::vector<SeriesPoint> points;
    std::size_t storedPoints = 0;
};

// Reads series from the pyramid when that is worth it: a plot of fewer pixels than the series has
// buckets of 64 steps in range, zoomed (if at all) on the step axis. Its statements are prepared
// once, for the many series of one compare. Borrows the catalog; the catalog's thread.
class SummaryReader {
public:
    explicit SummaryReader(Catalog& catalog) : m_catalog(catalog) {}
    // nullopt when the raw points should be read instead (a short series, a zoom on epochs or
    // time, or a series with no summary). The series' first and last points in range are read
    // from the metrics themselves.
    Result<std::optional<SummarySeries>> read(const std::string& runId, const std::string& key,
                                              const SeriesRequest& request);

private:
    Result<std::optional<SummaryPoint>> endPoint(const std::string& runId, const std::string& key,
                                                 std::int64_t lo, std::int64_t hi, bool last);
    Catalog& m_catalog;
    std::optional<Statement> m_first, m_last, m_pages;
};

}  // namespace kiln
