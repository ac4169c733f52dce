#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/data/drift.h"

namespace kiln {

class Workspace;
class JobContext;

// What a served model's traffic looks like against what it was trained and tested on.
struct TrafficReport {
    std::string model;                  // the version compared against ("wine@3")
    std::string dataset;                // its training data ("wine@2")
    std::vector<std::string> versions;  // the versions that answered the logged requests
    std::size_t requests = 0, rows = 0, skippedLines = 0;
    std::string firstTime, lastTime;
    DriftReport inputs;                       // live inputs against the training data
    std::optional<ColumnDrift> predictions;   // live predictions against the test-set predictions
    std::size_t testRows = 0;                 // the test-set predictions' rows
    std::string toJson(int indent = -1) const;
};

// Reads the traffic log of MODEL (NAME, NAME@VER or NAME@STAGE: the version whose training
// data and test set are the reference) and compares: every input column with the same column
// of the run's dataset version (PSI, KS, as the Drift tab does; an image model's pictures are
// not compared, only its predictions), and the predicted labels (or values) with the model's
// own predictions on its held-out rows. NotFound when no traffic was
// logged; InvalidArgument when the log holds no rows for the model's inputs.
Result<TrafficReport> monitorTraffic(Workspace& workspace, const std::string& model, JobContext& job);

}  // namespace kiln
