#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/analysis/run_query.h"
#include "core/base/result.h"
#include "core/train/run_spec.h"

namespace kiln {

// How a swept parameter's values are drawn.
enum class ParamDistribution {
    Uniform,     // a real in [low, high]
    LogUniform,  // a real whose logarithm is uniform in [log low, log high]; low > 0
    IntUniform,  // a whole number in [low, high]
    Choice,      // one of `choices`
};

// One swept parameter: "lr=log:1e-4:1e-1", "dropout=uniform:0:0.5", "batch_size=int:16:128",
// "hidden=choice:64|128,64" or a fixed "seed=3" (a choice of one).
struct ParamDomain {
    std::string name;  // one of sweepableParams()
    ParamDistribution distribution = ParamDistribution::Choice;
    double low = 0, high = 0;
    std::vector<std::string> choices;
};

// The parameter names a sweep can vary, as `--param` spells them.
const std::vector<std::string>& sweepableParams();

// Parses "NAME=KIND:…" (see ParamDomain). Dashes in names count as underscores.
// InvalidArgument names what is wrong and the accepted forms.
Result<ParamDomain> parseParamDomain(const std::string& text);

enum class SearchKind { Grid, Random };

// Values for each swept parameter of one trial, as text ("0.00316", "128,64"), in the sweep's
// parameter order.
using Assignment = std::vector<std::pair<std::string, std::string>>;

// A hyper-parameter sweep over a base run spec.
struct SweepSpec {
    RunSpec base;
    std::vector<ParamDomain> params;
    SearchKind search = SearchKind::Random;
    int trials = 0;      // the run budget; 0 with grid: the whole grid
    int parallel = 0;    // trials at once; 0: one per GPU when CUDA is available, else 1
    int gridPoints = 3;  // grid search: values taken from each continuous range
    std::uint64_t seed = 0;  // random search draws
    std::string metric = "val_loss";  // the metric that names the best trial
    bool maximize = false;
    MetricReduce reduce = MetricReduce::Best;  // a trial's value: its best epoch or its last
    bool medianStopping = false;  // stop a trial worse than the median of finished ones
    int medianMinTrials = 3;      // finished trials needed before the median rule applies
    int medianMinEpochs = 2;      // epochs a trial runs before the median rule may stop it
    int gpus = 0;      // CUDA devices available (the caller fills this from the environment)
    int cpuCores = 0;  // cores available, to split CPU threads between parallel trials

    // Checks the budget, the parameters and the metric (every problem, one per line).
    Status validate() const;
    // The trials run at once: `parallel`, or the default for the hardware.
    int effectiveParallel() const;
    // The spec as JSON (the base spec included), for the sweep's record.
    std::string toJson() const;
    // Reads what toJson wrote (the sweep's record, for --resume); Corrupt when it cannot.
    static Result<SweepSpec> fromJson(const std::string& json);
};

// The trials' assignments: grid search walks the cartesian product (last parameter fastest)
// up to the budget; random search draws `trials` assignments from a generator seeded by `seed`.
std::vector<Assignment> sweepAssignments(const SweepSpec& sweep);

// The base spec with an assignment applied (seed also moves the split seed, as `kiln train`
// does). InvalidArgument for a value that does not fit its parameter.
Result<RunSpec> applyAssignment(const RunSpec& base, const Assignment& assignment);

// A new sweep id: "sw-" and a run-id-like stamp.
std::string newSweepId();

}  // namespace kiln
