#pragma once

#include <QString>
#include <QStringList>

#include <vector>

#include "core/analysis/metric_store.h"
#include "core/analysis/run_query.h"

namespace kiln {
namespace widgets {

// What the Compare tab reads for a set of runs: the runs (in the order asked), every metric
// key they recorded, and the series of the one metric shown; or why they could not be read.
struct CompareData {
    kiln::RunTable runs;
    QStringList keys;
    std::vector<kiln::MetricSeries> series;
    QString error;
};

// Reads `ids` from the workspace at `dir`: the series of `metric` (else val_loss, loss or the
// first key) on `axis`, thinned to `pixelWidth` and, when `zoomed`, limited to x in [low, high].
// Blocks on I/O: run it in the pool. Never throws (an exception becomes `error`).
CompareData readCompare(const QString& dir, const QStringList& ids, const QString& metric,
                        kiln::MetricAxis axis, int pixelWidth, bool zoomed, double low,
                        double high);

}  // namespace widgets
}  // namespace kiln
