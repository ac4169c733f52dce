#include "core/train/tree_model.h"

#include <fstream>
#include <sstream>
#include <thread>

#include "core/train/xgboost_api.h"

namespace kiln {

namespace {

std::string readFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

TreePredictions predict(const std::string& bytes, const FeatureRecipe& recipe,
                        const std::vector<float>& x, std::size_t rows) {
    const int width = recipe.width();
    const int threads = int(std::max(1u, std::thread::hardware_concurrency()));
    auto m = xgb::denseMatrix(x.data(), rows, width, threads);
    auto booster = xgb::newBooster({&m});
    xgb::loadFromBuffer(booster, bytes);
    xgb::setParam(booster, "nthread", std::to_string(threads));
    bst_ulong features = 0;
    xgb::check(XGBoosterGetNumFeature(booster.get(), &features), "reading the model");
    if (int(features) > width)
        throw xgb::Failure("the model reads " + std::to_string(features) +
                           " inputs but the recipe makes " + std::to_string(width));
    TreePredictions p;
    std::size_t columns = 0;
    p.margin = xgb::predict(booster, m, true, columns);
    p.marginWidth = int(columns);
    auto out = xgb::predict(booster, m, false, columns);
    const bool classify = recipe.target.task == TaskKind::Classification;
    if (classify && recipe.target.classes.size() == 2) {
        p.output.resize(rows * 2);
        for (std::size_t r = 0; r < rows; ++r) {
            p.output[2 * r] = 1 - out[r];
            p.output[2 * r + 1] = out[r];
        }
    } else if (classify) {
        p.output = std::move(out);
    } else {
        for (float v : out) p.output.push_back(float(v * recipe.target.scale + recipe.target.mean));
    }
    return p;
}

}  // namespace

Result<TreePredictions> predictTrees(const std::filesystem::path& modelFile,
                                     const FeatureRecipe& recipe, const std::vector<float>& x,
                                     std::size_t rows) {
    std::string bytes = readFile(modelFile);
    if (bytes.empty())
        return makeError(ErrorCode::NotFound, "no tree model", modelFile.string());
    try {
        return predict(bytes, recipe, x, rows);
    } catch (const xgb::Failure& e) {
        return makeError(ErrorCode::Corrupt, std::string("cannot use the tree model: ") + e.what(),
                         modelFile.string());
    }
}

}  // namespace kiln
