#include "core/analysis/metric_summary.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/analysis/metric_store.h"
#include "core/store/migrations.h"

namespace kiln {

namespace {

const char* const kInsertSummary =
    "INSERT INTO metric_summary (run_id, key, level, bucket, points, min_step, min_epoch, min_wall, "
    "min_value, max_step, max_epoch, max_wall, max_value) ";

std::string bucketSql() {
    return std::string(kInsertSummary) + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" +
           kUpsertMetricSummaryMerge;
}

void fold(std::int64_t& points, SummaryPoint& min, SummaryPoint& max, const SummaryPoint& p) {
    if (points == 0 || p.value < min.value) min = p;
    if (points == 0 || p.value > max.value) max = p;
    ++points;
}

// One row of `SELECT step, epoch, value, wall_time` as a summary point.
SummaryPoint rawPoint(const Statement& st) {
    return {st.columnInt(0), st.columnInt(1), st.columnDouble(3), st.columnDouble(2)};
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

const std::string& upsertMetricSummaryPointSql() {
    // A point that is the lowest and the highest of its bucket, at every level (?1…?6).
    static const std::string sql =
        "WITH levels (level) AS (VALUES (0), (1), (2), (3), (4), (5), (6), (7)) " +
        std::string(kInsertSummary) +
        "SELECT ?1, ?2, level, ?3 >> (6 + 2 * level), 1, ?3, ?4, ?5, ?6, ?3, ?4, ?5, ?6 FROM levels "
        "WHERE true" + kUpsertMetricSummaryMerge;
    return sql;
}

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
        Bucket*& hot = m_last->hot[level];
        if (!hot || m_last->hotIndex[level] != index) {
            hot = &m_last->levels[level][index];
            m_last->hotIndex[level] = index;
        }
        fold(hot->points, hot->min, hot->max, point);
    }
}

Status SummaryAccumulator::write() {
    if (m_series.empty()) return {};
    if (!m_upsert) {
        auto st = m_catalog.prepare(bucketSql());
        if (!st) return st.error();
        m_upsert.emplace(std::move(*st));
    }
    for (const auto& [id, series] : m_series)
        for (int level = 0; level < kSummaryLevels; ++level)
            for (const auto& [bucket, b] : series.levels[level]) {
                (void)m_upsert->reset();
                auto bound = m_upsert->bind({series.runId, series.key, std::int64_t(level), bucket, b.points,
                                             b.min.step, b.min.epoch, b.min.wallTime, b.min.value,
                                             b.max.step, b.max.epoch, b.max.wallTime, b.max.value});
                auto stepped = bound ? m_upsert->step() : Result<bool>(bound.error());
                if (!stepped) return stepped.error();
            }
    m_series.clear();
    m_last = nullptr;
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
    // Only the columns the axis needs: decoding columns is most of the cost of a compare.
    static const char* const kAxisColumns[] = {"", ", min_epoch, max_epoch", ", min_wall, max_wall"};
    const int axis = request.axis == MetricAxis::Step ? 0 : request.axis == MetricAxis::Epoch ? 1 : 2;
    auto& st = m_buckets[axis];
    if (auto p = prepareOnce(m_catalog, st,
                             std::string("SELECT points, min_step, min_value, max_step, max_value") +
                                 kAxisColumns[axis] +
                                 " FROM metric_summary WHERE run_id = ? AND key = ? AND level = ? AND "
                                 "bucket BETWEEN ? AND ? ORDER BY bucket");
        !p)
        return p.error();
    (void)st->reset();
    if (auto b = st->bind({runId, key, std::int64_t(level), (*first)->step >> shift, (*last)->step >> shift}); !b)
        return b.error();
    std::vector<SummaryPoint> points{**first};
    SummarySeries out;
    auto keep = [&](const SummaryPoint& p) {
        if (p.step > points.back().step && p.step < (*last)->step) points.push_back(p);
    };
    for (auto row = st->step();; row = st->step()) {
        if (!row) return row.error();
        if (!*row) break;
        out.storedPoints += std::size_t(st->columnInt(0));
        SummaryPoint min{st->columnInt(1), 0, 0, st->columnDouble(2)};
        SummaryPoint max{st->columnInt(3), 0, 0, st->columnDouble(4)};
        if (axis == 1) min.epoch = st->columnInt(5), max.epoch = st->columnInt(6);
        if (axis == 2) min.wallTime = st->columnDouble(5), max.wallTime = st->columnDouble(6);
        if (min.step > max.step) std::swap(min, max);
        keep(min);
        keep(max);
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
