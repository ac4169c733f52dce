#pragma once

#include <string>

#include "core/base/result.h"
#include "core/monitor/data_monitor.h"

namespace kiln {

class JobContext;
class Workspace;

// `kiln monitor MODEL DATA`: the drift of dataset `dataRef` (DS, the newest version, or DS@VER)
// from the training data of the registered model `modelRef` (NAME, the newest version, NAME@VER
// or NAME@STAGE) — the dataset version the model version's run trained on — column by column
// (monitorTables; by default the model's input columns, never its target), and of the model's
// predictions on both (predictionDrift). The report names the model, both versions and the
// current data's hash, ready for saveMonitorReport. When the predictions cannot be compared (the
// data lacks a column the model takes) the report says why in its notes and the columns are
// still compared. NotFound for an unknown model or dataset, or training data no longer in the
// workspace; InvalidArgument for an empty dataset or a feature the training data lacks;
// Unsupported for image data; Cancelled when the job is. Errors say what and where and carry a
// hint. Uses `workspace` on the calling thread; the columns are compared on options.threads.
Result<MonitorReport> monitorModel(Workspace& workspace, const std::string& modelRef,
                                   const std::string& dataRef, const MonitorOptions& options,
                                   JobContext& job);

}  // namespace kiln
