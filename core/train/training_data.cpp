#include "core/train/training_data.h"

#include "core/features/imputation.h"

#include "core/data/table.h"
#include "core/store/object_store.h"

namespace kiln {

namespace {

Status fillTabular(const Table& table, const FeatureRecipe& recipe, SplitArrays& part) {
    const auto width = std::size_t(recipe.width());
    part.x.resize(part.rows * width);
    recipe.transformRows(table, part.rowIndex, part.x.data());
    return {};
}

Status fillPart(const Table& table, const ObjectStore& store, const FeatureRecipe& recipe,
                const std::vector<std::uint64_t>& rows, SplitArrays& part) {
    part.rows = rows.size();
    part.rowIndex = rows;
    bool classify = recipe.target.task == TaskKind::Classification;
    for (auto r : rows) {
        if (classify)
            part.labels.push_back(recipe.label(table, r));
        else
            part.targets.push_back(float(recipe.scaledTarget(table, r)));
    }
    if (!recipe.image.enabled) return fillTabular(table, recipe, part);
    auto pixels = loadImages(store, table, recipe.image, rows);
    if (!pixels) return pixels.error();
    part.pixels = std::move(*pixels);
    return {};
}

std::vector<double> balancedWeights(const std::vector<long>& labels, int classes) {
    std::vector<double> counts(std::size_t(classes), 0.0), w(std::size_t(classes), 1.0);
    for (long l : labels) counts[std::size_t(l)] += 1;
    for (std::size_t c = 0; c < w.size(); ++c)
        if (counts[c] > 0) w[c] = double(labels.size()) / (classes * counts[c]);
    return w;
}

Status checkSizes(const RunSpec& spec, const TrainingData& data) {
    std::string where = "dataset " + spec.dataset;
    if (data.train.rows < 2)
        return makeError(ErrorCode::InvalidArgument,
                         "too few rows to train on (" + std::to_string(data.train.rows) +
                             " in the training split)",
                         where);
    if (spec.task == TaskKind::Classification && data.outputs < 2)
        return makeError(
            ErrorCode::InvalidArgument,
            "target '" + spec.target + "' has a single class; classification needs two or more",
            where);
    if (data.inputWidth == 0 && !data.recipe.image.enabled)
        return makeError(ErrorCode::InvalidArgument, "no input features", where);
    return {};
}

}  // namespace

Result<TrainingData> prepareTrainingData(const RunSpec& spec, const ObjectStore& store,
                                         const DataSplit* split) {
    auto table = Table::open(store, spec.datasetHash);
    if (!table) return table.error();
    const Table& t = **table;
    if (t.columnIndex(spec.target) < 0)
        return makeError(ErrorCode::NotFound, "no column '" + spec.target + "' in the dataset",
                         spec.dataset);
    TrainingData data;
    // The split needs labels for stratification but the recipe needs the split: classes come
    // from the whole column first (they are names, not statistics, so nothing leaks).
    FeatureRecipe probe;
    probe.targetColumn = spec.target;
    probe.target.task = spec.task;
    if (spec.task == TaskKind::Classification) probe.target.classes = targetClasses(t, spec.target);
    auto rows = labelledRows(t, probe);
    const std::uint64_t withoutTarget = t.rows() - rows.size();
    // "drop": rows with a missing feature take no part in training or evaluation (trees keep
    // missing values, so they keep their rows too).
    std::uint64_t incomplete = 0;
    if (spec.imputation == "drop" && !isTreeFamily(spec.model.family) && spec.datasetKind != "images") {
        const std::size_t before = rows.size();
        rows = rowsWithEveryFeature(t, spec.features, rows);
        incomplete = before - rows.size();
    }
    std::vector<int> labels;
    for (auto r : rows)
        labels.push_back(spec.task == TaskKind::Classification ? probe.label(t, r) : 0);
    data.split = split ? *split
                       : makeSplit(rows, spec.task == TaskKind::Classification ? &labels : nullptr,
                                   spec.split);
    auto recipe = FeatureRecipe::fit(t, spec, data.split.train);
    if (!recipe) return recipe.error();
    data.recipe = std::move(*recipe);
    if (std::uint64_t dropped = withoutTarget; dropped > 0)
        data.recipe.notes.push_back(
            std::to_string(dropped) + " row" + (dropped == 1 ? "" : "s") + " with a missing " +
            (spec.task == TaskKind::Classification ? "" : "or infinite ") + "target ('" +
            spec.target + "') " + (dropped == 1 ? "is" : "are") + " left out");
    if (incomplete > 0)
        data.recipe.notes.push_back(std::to_string(incomplete) + " row" + (incomplete == 1 ? "" : "s") +
                                    " with a missing feature " + (incomplete == 1 ? "is" : "are") +
                                    " left out (imputation: drop)");
    data.inputWidth = data.recipe.width();
    data.outputs =
        spec.task == TaskKind::Classification ? int(data.recipe.target.classes.size()) : 1;
    for (auto [part, idx] : {std::pair{&data.train, &data.split.train},
                             {&data.val, &data.split.val},
                             {&data.test, &data.split.test}})
        if (auto s = fillPart(t, store, data.recipe, *idx, *part); !s) return s.error();
    if (data.recipe.image.enabled) fitImageNormalisation(data.recipe.image, data.train.pixels);
    if (spec.classWeights == "balanced")
        data.classWeights = balancedWeights(data.train.labels, data.outputs);
    if (auto s = checkSizes(spec, data); !s) return s.error();
    return data;
}

}  // namespace kiln
