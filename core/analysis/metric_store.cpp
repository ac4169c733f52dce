#include "core/analysis/metric_store.h"
#include "core/analysis/metric_summary.h"
#include "core/store/migrations.h"

#include <algorithm>
#include <map>
#include <cmath>
#include <limits>
#include <thread>

namespace kiln {

namespace {

constexpr const char* kSeriesSql =
    "SELECT step, epoch, value, wall_time FROM metrics "
    "WHERE run_id = ? AND key = ? AND step BETWEEN ? AND ? ORDER BY step";

// Step bounds pushed into the index scan when the view is zoomed on the step axis.
std::pair<std::int64_t, std::int64_t> stepBounds(const SeriesRequest& r) {
    std::int64_t lo = std::numeric_limits<std::int64_t>::min();
    std::int64_t hi = std::numeric_limits<std::int64_t>::max();
    if (r.axis != MetricAxis::Step) return {lo, hi};
    if (r.xMin && *r.xMin > -9e18) lo = std::int64_t(std::ceil(*r.xMin));
    if (r.xMax && *r.xMax < 9e18) hi = std::int64_t(std::floor(*r.xMax));
    return {lo, hi};
}

}  // namespace

Result<MetricAxis> parseMetricAxis(const std::string& name) {
    if (name == "step") return MetricAxis::Step;
    if (name == "epoch") return MetricAxis::Epoch;
    if (name == "time" || name == "wall" || name == "wall_time") return MetricAxis::WallTime;
    return makeError(ErrorCode::InvalidArgument,
                     "unknown x axis '" + name + "' (expected step, epoch or time)");
}

namespace {

Result<std::vector<SeriesPoint>> readOne(Statement& st, const std::string& runId,
                                         const std::string& key, const SeriesRequest& request) {
    auto [lo, hi] = stepBounds(request);
    if (auto r = st.reset(); !r) return r.error();
    if (auto b = st.bind({runId, key, lo, hi}); !b) return b.error();
    std::vector<SeriesPoint> points;
    double origin = std::numeric_limits<double>::quiet_NaN();
    for (auto row = st.step();; row = st.step()) {
        if (!row) return row.error();
        if (!*row) break;
        double x = 0;
        switch (request.axis) {
            case MetricAxis::Step: x = double(st.columnInt(0)); break;
            case MetricAxis::Epoch: x = double(st.columnInt(1)); break;
            case MetricAxis::WallTime:
                if (std::isnan(origin)) origin = st.columnDouble(3);
                x = st.columnDouble(3) - origin;
                break;
        }
        if ((request.xMin && x < *request.xMin) || (request.xMax && x > *request.xMax)) continue;
        points.push_back({x, st.columnDouble(2)});
    }
    return points;
}

// One (run, key) pair of a request.
struct SeriesName {
    const std::string* runId;
    const std::string* key;
};

// Reads `names` (a slice of the request's pairs) through `catalog`, in order.
Result<std::vector<MetricSeries>> readSeries(Catalog& catalog, const SeriesRequest& request,
                                             const SeriesName* names, std::size_t count) {
    auto st = catalog.prepare(kSeriesSql);
    if (!st) return st.error();
    std::vector<MetricSeries> out;
    SummaryReader summaries(catalog);
    for (const SeriesName* name = names; name < names + count; ++name) {
        const std::string& runId = *name->runId;
        const std::string& key = *name->key;
        if (request.useSummary) {
            auto summary = summaries.read(runId, key, request);
            if (!summary) return summary.error();
            if (*summary) {
                MetricSeries series{runId, key, {}, (*summary)->storedPoints};
                series.points = downsample((*summary)->points, request.pixelWidth, request.method);
                out.push_back(std::move(series));
                continue;
            }
        }
        auto points = readOne(*st, runId, key, request);
        if (!points) return points.error();
        if (points->empty()) continue;
        MetricSeries series{runId, key, {}, points->size()};
        series.points = request.pixelWidth > 0
                            ? downsample(*points, request.pixelWidth, request.method)
                            : std::move(*points);
        out.push_back(std::move(series));
    }
    return out;
}

// How many threads read a compare of `series` series: for a plot of many long series, one per 16
// series, up to 16, whatever the cores. A compare read from a cold page cache spends most of its
// time waiting on the disk for pyramid pages scattered through kiln.db (300 series: 0.67 s on one
// thread per core, 0.20 s on 16 here); warm, 16 readers cost what one per core does. A reader
// pays for opening a connection, about a millisecond, so a short compare stays on this thread.
unsigned readerThreads(Catalog& catalog, const SeriesRequest& request, std::size_t series) {
    constexpr std::size_t kSeriesPerThread = 16;
    constexpr std::size_t kMaxReaders = 16;
    if (request.pixelWidth <= 0 || catalog.inTransaction() || catalog.file().empty() ||
        catalog.file() == ":memory:")
        return 1;
    return unsigned(std::min<std::size_t>(kMaxReaders, std::max<std::size_t>(1, series / kSeriesPerThread)));
}

}  // namespace

Result<std::vector<MetricSeries>> MetricStore::read(const SeriesRequest& request) {
    std::vector<SeriesName> names;
    for (const auto& runId : request.runIds)
        for (const auto& key : request.keys) names.push_back({&runId, &key});
    const unsigned threads = readerThreads(m_catalog, request, names.size());
    if (threads <= 1) return readSeries(m_catalog, request, names.data(), names.size());
    // Contiguous slices, so that the parts join in run and key order.
    std::vector<std::optional<Result<std::vector<MetricSeries>>>> parts(threads);
    auto slice = [&](unsigned t) {
        return std::pair{names.size() * t / threads, names.size() * (t + 1) / threads};
    };
    std::vector<std::thread> helpers;
    for (unsigned t = 1; t < threads; ++t)
        helpers.emplace_back([&, t] {
            auto [from, to] = slice(t);
            auto own = Catalog::open(m_catalog.file());
            parts[t] = own ? readSeries(**own, request, names.data() + from, to - from)
                           : Result<std::vector<MetricSeries>>(own.error());
        });
    auto [from, to] = slice(0);
    parts[0] = readSeries(m_catalog, request, names.data() + from, to - from);
    for (auto& h : helpers) h.join();
    std::vector<MetricSeries> out;
    for (auto& part : parts) {
        if (!*part) return part->error();
        for (auto& series : **part) out.push_back(std::move(series));
    }
    return out;
}

Result<std::vector<std::string>> MetricStore::keys(const std::vector<std::string>& runIds) {
    // A skip scan: the next key after `key` is one seek in the (run_id, key, step) index.
    auto st = m_catalog.prepare(
        "SELECT key FROM metrics WHERE run_id = ? AND key > ? ORDER BY key LIMIT 1");
    if (!st) return st.error();
    std::vector<std::string> keys;
    for (const auto& runId : runIds) {
        std::string key;
        for (;;) {
            (void)st->reset();
            if (auto b = st->bind({runId, key}); !b) return b.error();
            auto row = st->step();
            if (!row) return row.error();
            if (!*row) break;
            key = st->columnText(0);
            keys.push_back(key);
        }
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

// ---- MetricWriter ----

MetricWriter::MetricWriter(Catalog& catalog, std::size_t batchSize)
    : m_catalog(catalog), m_batchSize(std::max<std::size_t>(batchSize, 1)) {
    m_buffer.reserve(m_batchSize);
}

MetricWriter::~MetricWriter() { (void)flush(); }

Status MetricWriter::add(MetricPoint point) {
    m_buffer.push_back(std::move(point));
    if (m_buffer.size() >= m_batchSize) return flush();
    return {};
}

Status MetricWriter::flush() {
    if (m_buffer.empty()) return {};
    if (!m_insert) {
        auto st = m_catalog.prepare(
            "INSERT OR IGNORE INTO metrics (run_id, key, step, epoch, value, wall_time) "
            "VALUES (?, ?, ?, ?, ?, ?) RETURNING 1");
        if (!st) return st.error();
        m_insert.emplace(std::move(*st));
    }
    if (!m_last) {
        auto st = m_catalog.prepare(kUpsertMetricLast);
        if (!st) return st.error();
        m_last.emplace(std::move(*st));
    }
    if (auto st = m_catalog.begin(); !st) return st;
    std::map<std::pair<std::string, std::string>, const MetricPoint*> last;
    // Steps `st` once; true when it gave a row (the insert's RETURNING: the point was new).
    auto run = [&](Statement& st, std::initializer_list<SqlValue> values) -> Result<bool> {
        (void)st.reset();
        auto bound = st.bind(values);
        auto row = bound ? st.step() : Result<bool>(bound.error());
        (void)st.reset();  // a statement left on its row would block the commit
        return row;
    };
    SummaryAccumulator summary(m_catalog);
    for (const auto& p : m_buffer) {
        auto inserted = run(*m_insert, {p.runId, p.key, p.step, p.epoch, p.value, p.wallTime});
        if (!inserted) {
            m_catalog.rollback();
            return inserted.error();
        }
        if (*inserted) summary.add(p.runId, p.key, {p.step, p.epoch, p.wallTime, p.value});
        const MetricPoint*& kept = last[{p.runId, p.key}];
        if (!kept || p.step > kept->step) kept = &p;
    }
    for (const auto& [series, p] : last)
        if (auto st = run(*m_last, {p->runId, p->key, p->step, p->epoch, p->value}); !st) {
            m_catalog.rollback();
            return st.error();
        }
    if (auto st = summary.write(); !st) {
        m_catalog.rollback();
        return st;
    }
    if (auto st = m_catalog.commit(); !st) {
        m_catalog.rollback();
        return st;
    }
    m_written += m_buffer.size();
    m_buffer.clear();
    return {};
}

}  // namespace kiln
