#pragma once
// Internal to core/train: K-fold cross-validation of one family on a run's non-test rows.

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/result.h"
#include "core/train/trainer.h"
#include "core/train/training_data.h"

namespace kiln {

class ObjectStore;

// The rows cross-validation deals into folds: the training and validation rows of the run's
// split (the test rows never take part) with their classes for stratifying.
struct CvRows {
    std::vector<std::vector<std::uint64_t>> folds;  // disjoint, sorted, together every non-test row
    std::map<std::uint64_t, int> label;             // classification: the class of each row
};

// The folds of `data`'s non-test rows, stratified for classification, seeded.
CvRows makeCvRows(const TrainingData& data, int folds, std::uint64_t seed);

// One family's cross-validation.
struct CvResult {
    std::string family;
    nlohmann::json folds = nlohmann::json::array();  // [{"fold", "train_rows", "rows", "metrics"}]
    nlohmann::json mean = nlohmann::json::object();  // per metric, over the folds
    nlohmann::json std = nlohmann::json::object();   // sample standard deviation
    double score = 0, scoreStd = 0;                   // the primary metric (accuracy or R²)
    std::vector<int> bestEpochs;  // each fold's best epoch or boosting round (early stopping's)
    bool cancelled = false;
};

// Trains `spec`'s family once per fold (on the other folds, 15 % of them kept back for early
// stopping) in `workDir`/fold-K and scores it on the fold it did not see. Each fold's recipe is
// fitted on its own training rows. `listener` hears one log line per fold and is asked about
// cancels; the folds' own events are not passed on.
Result<CvResult> crossValidate(const RunSpec& spec, const ObjectStore& store, const CvRows& rows,
                               const std::filesystem::path& workDir, TrainListener& listener);

// Report.json's "cv" for a result: the folds, mean and std of every metric.
nlohmann::json cvReport(const CvResult& result, const CvRows& rows);

// A family as people name it in notes ("boosted trees", "MLP").
std::string familyTitle(const std::string& family);

}  // namespace kiln
