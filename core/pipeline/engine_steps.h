#pragma once

#include "core/pipeline/pipeline_steps.h"

namespace kiln {

// Every kind of step: the base ones plus what needs the engines — an import of an image folder,
// the gate (both models scored by Kiln's ONNX executor on the new run's held-out rows), export,
// promote (the model registry) and monitor (core/monitor). kiln_pipeline_engine, linked by
// kiln-engine only.
StepRunners allStepRunners();

// The gate's comparison, for tests and the pipeline page: the new model and the production one
// measured on the same rows. `metric` is accuracy, r2, rmse or mae ("test_" in front is allowed).
struct GateScores {
    std::string metric;
    bool higherIsBetter = true;
    double candidate = 0;
    std::optional<double> production;
    std::size_t rows = 0;
    std::string part;  // test, validation or training rows of the new run
};
Result<GateScores> scoreForGate(Workspace& workspace, const std::string& runId, const std::string& metric,
                                const std::filesystem::path& candidateFile,
                                const std::filesystem::path& productionFile);

}  // namespace kiln
