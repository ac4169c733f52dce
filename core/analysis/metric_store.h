#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/analysis/downsample.h"
#include "core/base/result.h"
#include "core/store/catalog.h"

namespace kiln {

// What a metric curve is drawn against.
enum class MetricAxis {
    Step,      // the metric's step (for epoch-level metrics, the epoch)
    Epoch,     // the epoch the point was recorded in
    WallTime,  // seconds since the run's first point of that metric
};

// Which metric curves to read and how many points to keep of each.
struct SeriesRequest {
    std::vector<std::string> runIds;
    std::vector<std::string> keys;  // metric keys ("val_loss"); every (run, key) pair is read
    MetricAxis axis = MetricAxis::Step;
    int pixelWidth = 0;  // 0: every point; else thinned for a plot this many pixels wide
    DownsampleMethod method = DownsampleMethod::MinMax;
    std::optional<double> xMin, xMax;  // a zoomed view: only points with x in [xMin, xMax]
    // false: every point in range is read even where the summary pyramid would do (as before
    // schema 4), for checks and benchmarks that compare the two.
    bool useSummary = true;
};

// One (run, key) curve as read and thinned.
struct MetricSeries {
    std::string runId;
    std::string key;
    std::vector<SeriesPoint> points;  // x order
    std::size_t storedPoints = 0;     // points read before thinning
};

// Reads metric curves from the catalog. Each (run, key) series is one range scan of the metrics
// primary key (run_id, key, step), so reading is proportional to the points read, never to the
// size of the table. A compare of many series reads them on several threads, each with a
// connection of its own to the same catalog file (SQLite's WAL lets readers run side by side),
// when the catalog has no transaction open. Borrows the catalog; use it on the catalog's thread.
class MetricStore {
public:
    explicit MetricStore(Catalog& catalog) : m_catalog(catalog) {}

    // The requested series, in run order then key order; a (run, key) pair with no points gives
    // no series. Errors are the catalog's (Io, Corrupt).
    Result<std::vector<MetricSeries>> read(const SeriesRequest& request);

    // The distinct metric keys of `runIds`, sorted. Skips through the primary key one key at a
    // time, so a run with a million points costs a handful of index seeks.
    Result<std::vector<std::string>> keys(const std::vector<std::string>& runIds);

private:
    Catalog& m_catalog;
};

// One metric point to record.
struct MetricPoint {
    std::string runId;
    std::string key;
    std::int64_t step = 0;
    std::int64_t epoch = 0;
    double value = 0;
    double wallTime = 0;  // seconds since the Unix epoch
};

// Records many metric points fast: points are buffered and written by one prepared statement in
// one transaction per batch (INSERT OR IGNORE: a point already recorded at that step is kept).
// Do not hold another transaction open on the catalog while a batch is written. Borrows the
// catalog; one thread. The destructor writes what is still buffered (errors are then lost: call
// flush() to see them).
class MetricWriter {
public:
    // `batchSize`: points buffered before add() writes them.
    explicit MetricWriter(Catalog& catalog, std::size_t batchSize = 4096);
    ~MetricWriter();
    MetricWriter(const MetricWriter&) = delete;
    MetricWriter& operator=(const MetricWriter&) = delete;

    // Buffers one point; writes the batch when it is full.
    Status add(MetricPoint point);
    // Writes every buffered point in one transaction (a no-op when none is buffered).
    Status flush();
    std::size_t buffered() const { return m_buffer.size(); }
    std::uint64_t written() const { return m_written; }

private:
    Catalog& m_catalog;
    std::size_t m_batchSize;
    std::vector<MetricPoint> m_buffer;
    std::optional<Statement> m_insert;
    std::optional<Statement> m_last;  // metric_last's upsert
    std::uint64_t m_written = 0;
};

// The axis named "step", "epoch" or "time"/"wall" (InvalidArgument otherwise).
Result<MetricAxis> parseMetricAxis(const std::string& name);

}  // namespace kiln
