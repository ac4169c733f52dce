#pragma once

#include "core/base/result.h"
#include "core/monitor/data_monitor.h"

namespace kiln {

class JobContext;
class OnnxExecutor;
class Table;

// How far a model's predictions moved: the model (a Kiln export) run on an even sample of at
// most options.predictionRows rows of each table, predicted labels compared as categories
// (chi-squared or Jensen-Shannon) and predicted values as numbers (KS or Wasserstein), chosen by
// monitor_options.h's rule. The entry is named "prediction"; its p-value is its own (pAdjusted
// equals it). Rows the model gives no prediction for (a cell that is not a number) count as
// missing. NotFound naming the input columns a table lacks; Corrupt for a file that is not a
// Kiln export; Unsupported for an image model; Cancelled when the job is.
Result<ColumnMonitor> predictionDrift(const OnnxExecutor& model, const Table& reference,
                                      const Table& current, const MonitorOptions& options,
                                      JobContext& job);

}  // namespace kiln
