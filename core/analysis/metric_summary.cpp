#include "core/analysis/metric_summary.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/analysis/metric_store.h"
#include "core/store/migrations.h"

namespace kiln {

namespace {

// One row of `SELECT step, epoch, value, wall_time` as a summary point.
SummaryPoint rawPoint(const Statement& st) {
    return {st.columnInt(0), st.columnInt(1), st.columnDouble(3), st.columnDouble(2)};
}

// A stored page that is not a page: the catalog is damaged.
Error damagedPage(const std::string& runId) {
    return makeError(ErrorCode::Corrupt, "a metric summary page of run " + runId + " is damaged",
                     "kiln.db; restore the workspace from a backup");
}

// Prepares `sql` into `slot` the first time.
Status prepareOnce(Catalog& c, std::optional<Statement>& slot, const std::string& sql) {
    if (slot) return {};
    auto st = c.prepare(sql);
    if (!st) return st.error();
    slot.emplace(std::move(*st));
    return {};
}

}  // namespace

void SummaryAccumulator::add(const std::string& runId, const std::string& key, const SummaryPoint& point) {
    if (std::isnan(point.value)) return;
    // Points come series by series in step order: the last series and bucket are the usual hit.
    if (!m_last || m_last->runId != runId || m_last->key != key) {
        std::string id = runId;
        id += '\0';
        id += key;
        m_last = &m_series[id];
        if (m_last->runId.empty()) m_last->runId = runId, m_last->key = key;
    }
    for (int level = 0; level < kSummaryLevels; ++level) {
        const std::int64_t index = point.step >> summaryShift(level);
        SummaryBucket*& hot = m_last->hot[level];
        if (!hot || m_last->hotIndex[level] != index) {
            hot = &m_last->levels[level][index];
            m_last->hotIndex[level] = index;
        }
        hot->add(point);
    }
}

Status SummaryAccumulator::write() {
    Status status = writeAll();
    m_series.clear();  // written or rolled back by the caller: never merged twice
    m_last = nullptr;
    return status;
}

Status SummaryAccumulator::writeAll() {
    for (const auto& [id, series] : m_series)
        for (int level = 0; level < kSummaryLevels; ++level) {
            // The buckets come in order, so a page's buckets are neighbours.
            const auto& buckets = series.levels[level];
            for (auto it = buckets.begin(); it != buckets.end();) {
                const std::int64_t page = pageOf(it->first);
                SummaryPage fresh;
                for (; it != buckets.end() && pageOf(it->first) == page; ++it) fresh[slotOf(it->first)] = it->second;
                if (auto st = writePage(series, level, page, fresh); !st) return st;
            }
        }
    return {};
}

// Merges `fresh` (the new points' buckets of one page) into the page stored, and stores it.
Status SummaryAccumulator::writePage(const Series& series, int level, std::int64_t page, SummaryPage& fresh) {
    if (auto p = prepareOnce(m_catalog, m_select,
                             "SELECT buckets FROM metric_summary_pages WHERE run_id = ? AND key = ? AND "
                             "level = ? AND page = ?");
        !p)
        return p;
    if (auto p = prepareOnce(m_catalog, m_upsert,
                             "INSERT INTO metric_summary_pages (run_id, key, level, page, buckets) "
                             "VALUES (?, ?, ?, ?, ?) ON CONFLICT (run_id, key, level, page) "
                             "DO UPDATE SET buckets = excluded.buckets");
        !p)
        return p;
    (void)m_select->reset();
    if (auto b = m_select->bind({series.runId, series.key, std::int64_t(level), page}); !b) return b;
    auto row = m_select->step();
    if (!row) return row.error();
    SummaryPage stored;
    if (*row) {
        const std::string_view bytes = m_select->columnBlob(0);
        if (!decodeSummaryPage(bytes.data(), bytes.size(), stored)) return damagedPage(series.runId);
    }
    (void)m_select->reset();
    for (int slot = 0; slot < kBucketsPerPage; ++slot) stored[slot].merge(fresh[slot]);
    (void)m_upsert->reset();
    auto bound = m_upsert->bind({series.runId, series.key, std::int64_t(level), page});
    if (bound) bound = m_upsert->bindBlob(5, encodeSummaryPage(stored));
    auto stepped = bound ? m_upsert->step() : Result<bool>(bound.error());
    (void)m_upsert->reset();
    if (!stepped) return stepped.error();
    return {};
}

// The series' first (or last) point with a step in [lo, hi].
Result<std::optional<SummaryPoint>> SummaryReader::endPoint(const std::string& runId, const std::string& key,
                                                            std::int64_t lo, std::int64_t hi, bool last) {
    auto& st = last ? m_last : m_first;
    if (auto p = prepareOnce(m_catalog, st,
                             std::string("SELECT step, epoch, value, wall_time FROM metrics WHERE run_id = ? "
                                         "AND key = ? AND step BETWEEN ? AND ? ORDER BY step ") +
                                 (last ? "DESC " : "") + "LIMIT 1");
        !p)
        return p.error();
    (void)st->reset();
    if (auto b = st->bind({runId, key, lo, hi}); !b) return b.error();
    auto row = st->step();
    if (!row) return row.error();
    std::optional<SummaryPoint> point;
    if (*row) point = rawPoint(*st);
    (void)st->reset();
    return point;
}

Result<std::optional<SummarySeries>> SummaryReader::read(const std::string& runId, const std::string& key,
                                                         const SeriesRequest& request) {
    const std::optional<SummarySeries> raw;
    if (request.pixelWidth <= 0) return raw;
    const bool zoomed = request.xMin || request.xMax;
    if (zoomed && request.axis != MetricAxis::Step) return raw;
    std::int64_t lo = std::numeric_limits<std::int64_t>::min(), hi = std::numeric_limits<std::int64_t>::max();
    if (request.xMin && *request.xMin > -9e18) lo = std::int64_t(std::ceil(*request.xMin));
    if (request.xMax && *request.xMax < 9e18) hi = std::int64_t(std::floor(*request.xMax));
    if (lo > hi) return raw;
    auto first = endPoint(runId, key, lo, hi, false);
    if (!first) return first.error();
    auto last = *first ? endPoint(runId, key, lo, hi, true) : first;
    if (!last) return last.error();
    if (!*first || !*last) return raw;
    // The coarsest level that still gives every pixel at least one bucket.
    const std::int64_t span = (*last)->step - (*first)->step + 1;
    int level = -1;
    while (level + 1 < kSummaryLevels &&
           (std::int64_t(1) << summaryShift(level + 1)) * request.pixelWidth <= span)
        ++level;
    if (level < 0) return raw;

    const int shift = summaryShift(level);
    auto& st = m_pages;
    if (auto p = prepareOnce(m_catalog, st,
                             "SELECT page, buckets FROM metric_summary_pages WHERE run_id = ? AND key = ? AND "
                             "level = ? AND page BETWEEN ? AND ? ORDER BY page");
        !p)
        return p.error();
    const std::int64_t firstBucket = (*first)->step >> shift, lastBucket = (*last)->step >> shift;
    (void)st->reset();
    if (auto b = st->bind({runId, key, std::int64_t(level), pageOf(firstBucket), pageOf(lastBucket)}); !b)
        return b.error();
    std::vector<SummaryPoint> points{**first};
    SummarySeries out;
    auto keep = [&](const SummaryPoint& p) {
        if (p.step > points.back().step && p.step < (*last)->step) points.push_back(p);
    };
    SummaryPage page;
    for (auto row = st->step();; row = st->step()) {
        if (!row) return row.error();
        if (!*row) break;
        const std::int64_t pageIndex = st->columnInt(0);
        const std::string_view bytes = st->columnBlob(1);
        if (!decodeSummaryPage(bytes.data(), bytes.size(), page)) return damagedPage(runId);
        for (int slot = 0; slot < kBucketsPerPage; ++slot) {
            const std::int64_t bucket = pageIndex * kBucketsPerPage + slot;
            SummaryBucket& b = page[std::size_t(slot)];
            if (b.points == 0 || bucket < firstBucket || bucket > lastBucket) continue;
            out.storedPoints += std::size_t(b.points);
            if (b.min.step > b.max.step) std::swap(b.min, b.max);
            keep(b.min);
            keep(b.max);
        }
    }
    (void)st->reset();
    if (out.storedPoints == 0) return raw;  // no summary for this series
    if ((*last)->step != (*first)->step) points.push_back(**last);

    const double origin = points.front().wallTime;  // unzoomed here: the series' first point
    out.points.reserve(points.size());
    for (const auto& p : points) {
        double x = request.axis == MetricAxis::Step    ? double(p.step)
                   : request.axis == MetricAxis::Epoch ? double(p.epoch)
                                                       : p.wallTime - origin;
        out.points.push_back({x, p.value});
    }
    return std::optional<SummarySeries>(std::move(out));
}

}  // namespace kiln
