// Reading a set of runs for the Compare tab (in the pool): the runs, their metric keys and the
// series of the metric shown.
#include "widgets/compare_reader.h"

#include "core/store/workspace.h"
#include "widgets/compare_common.h"

namespace kiln {
namespace widgets {

namespace {

// Keep the order the runs were asked in.
void keepAskedOrder(kiln::RunTable& table, const QStringList& ids) {
    std::vector<kiln::RunRow> ordered;
    for (const QString& id : ids)
        for (auto& row : table.rows)
            if (row.id == id.toStdString()) ordered.push_back(row);
    table.rows = std::move(ordered);
}

// The metric to read: the asked one, else val_loss, loss or the first key (empty when none).
QString shownMetric(const QStringList& keys, const QString& metric) {
    QString key = metric;
    for (const QString& k : {metric, QStringLiteral("val_loss"), QStringLiteral("loss")})
        if (keys.contains(k)) {
            key = k;
            break;
        }
    if (!keys.contains(key)) key = keys.value(0);
    return key;
}

}  // namespace

CompareData readCompare(const QString& dir, const QStringList& ids, const QString& metric,
                        kiln::MetricAxis axis, int pixelWidth, bool zoomed, double low,
                        double high) {
    CompareData d;
    try {
        auto ws = kiln::Workspace::open(dir.toStdString(), false);
        if (!ws) {
            d.error = q(ws.error().message);
            return d;
        }
        kiln::RunQuery query;
        for (const QString& id : ids) query.filter.runIds.push_back(id.toStdString());
        auto table = kiln::queryRuns((*ws)->catalog(), query);
        if (!table) {
            d.error = q(table.error().message);
            return d;
        }
        keepAskedOrder(*table, ids);
        d.runs = std::move(*table);
        kiln::MetricStore store((*ws)->catalog());
        auto keys = store.keys(query.filter.runIds);
        if (!keys) {
            d.error = q(keys.error().message);
            return d;
        }
        for (const auto& k : *keys) d.keys << q(k);
        // Only the metric shown is read.
        const QString key = shownMetric(d.keys, metric);
        kiln::SeriesRequest request;
        request.runIds = query.filter.runIds;
        if (!key.isEmpty()) request.keys = {key.toStdString()};
        request.axis = axis;
        request.pixelWidth = pixelWidth;
        if (zoomed) {
            request.xMin = low;
            request.xMax = high;
        }
        auto series = store.read(request);
        if (!series) {
            d.error = q(series.error().message);
            return d;
        }
        d.series = std::move(*series);
    } catch (const std::exception& e) {
        d.error = QString::fromUtf8(e.what());
    }
    return d;
}

}  // namespace widgets
}  // namespace kiln
