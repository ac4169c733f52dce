// Reads XGBoost's JSON model into a TreeEnsemble: the trees, their classes and the base margin.
#include "core/export/tree_ensemble.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

namespace kiln {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// A JSON number XGBoost wrote as the shortest text that reads back as its float: read as a
// double, then narrowed, which gives that float exactly.
float asFloat(const json& v) {
    return float(v.get<double>());
}

// XGBoost writes some numbers as strings ("5E-1", "3").
double number(const json& v) {
    if (v.is_number()) return v.get<double>();
    return std::stod(v.get<std::string>());
}

Error corrupt(const fs::path& file, const std::string& what) {
    return makeError(ErrorCode::Corrupt, "the XGBoost model is inconsistent: " + what,
                     file.string());
}

// One tree's arrays → nodes; Corrupt when a child id is out of range or a node is reached twice.
Result<TreeEnsemble::Tree> readTree(const json& t, int target, const fs::path& file,
                                    std::size_t index) {
    const auto& left = t.at("left_children");
    const auto& right = t.at("right_children");
    const auto& feature = t.at("split_indices");
    const auto& cond = t.at("split_conditions");
    const auto& dflt = t.at("default_left");
    const std::size_t n = left.size();
    const std::string where = "tree " + std::to_string(index);
    if (n == 0 || right.size() != n || feature.size() != n || cond.size() != n || dflt.size() != n)
        return corrupt(file, where + " has arrays of different lengths");
    if (t.contains("split_type"))
        for (const auto& s : t.at("split_type"))
            if (s.get<int>() != 0)
                return makeError(
                    ErrorCode::Unsupported,
                    where + " has a categorical split, which the export does not write",
                    file.string());
    TreeEnsemble::Tree tree;
    tree.target = target;
    tree.nodes.resize(n);
    std::vector<int> parents(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        auto& node = tree.nodes[i];
        int l = left[i].get<int>(), r = right[i].get<int>();
        if (l < 0) {  // a leaf keeps its weight where a split keeps its threshold
            node.weight = asFloat(cond[i]);
            continue;
        }
        if (l >= int(n) || r < 0 || r >= int(n) || l == 0 || r == 0 ||
            ++parents[std::size_t(l)] > 1 || ++parents[std::size_t(r)] > 1)
            return corrupt(file, where + ", node " + std::to_string(i) + " has bad children");
        node.left = l;
        node.right = r;
        node.feature = feature[i].get<int>();
        node.threshold = asFloat(cond[i]);
        node.defaultLeft = dflt[i].is_boolean() ? dflt[i].get<bool>() : dflt[i].get<int>() != 0;
    }
    return tree;
}

Status readObjective(const json& learner, TreeEnsemble& e, const fs::path& file) {
    e.objectiveName = learner.at("objective").at("name").get<std::string>();
    const auto& param = learner.at("learner_model_param");
    float base = float(number(param.at("base_score")));
    if (e.objectiveName == "reg:squarederror") {
        e.objective = TreeEnsemble::Objective::Regression;
        e.baseMargin = base;
    } else if (e.objectiveName == "binary:logistic") {
        e.objective = TreeEnsemble::Objective::Binary;
        e.baseMargin = -std::log(1.0f / base - 1.0f);  // XGBoost's ProbToMargin, in float
    } else if (e.objectiveName == "multi:softprob" || e.objectiveName == "multi:softmax") {
        e.objective = TreeEnsemble::Objective::Multiclass;
        e.margins = int(number(param.at("num_class")));
        e.baseMargin = base;
        if (e.margins < 2) return corrupt(file, "a multi-class objective with num_class < 2");
    } else {
        return makeError(ErrorCode::Unsupported,
                         "the export does not write XGBoost's objective '" + e.objectiveName + "'",
                         file.string());
    }
    if (!std::isfinite(e.baseMargin)) return corrupt(file, "base_score is not a probability");
    e.features = int(number(param.at("num_feature")));
    return {};
}

Result<TreeEnsemble> parse(const json& j, const fs::path& file) {
    TreeEnsemble e;
    const auto& learner = j.at("learner");
    if (auto st = readObjective(learner, e, file); !st) return st.error();
    const auto& booster = learner.at("gradient_booster");
    if (booster.at("name").get<std::string>() != "gbtree")
        return makeError(ErrorCode::Unsupported,
                         "the export writes gbtree models only, not '" +
                             booster.at("name").get<std::string>() + "'",
                         file.string());
    const auto& model = booster.at("model");
    if (model.contains("gbtree_model_param") &&
        number(model["gbtree_model_param"].value("size_leaf_vector", json("0"))) != 0)
        return makeError(ErrorCode::Unsupported, "the export does not write vector-leaf trees",
                         file.string());
    const auto& trees = model.at("trees");
    const auto& info = model.at("tree_info");
    if (info.size() != trees.size()) return corrupt(file, "tree_info does not list every tree");
    for (std::size_t i = 0; i < trees.size(); ++i) {
        int target = info[i].get<int>();
        if (target < 0 || target >= e.margins)
            return corrupt(file, "tree " + std::to_string(i) + " belongs to no class");
        auto tree = readTree(trees[i], target, file, i);
        if (!tree) return tree.error();
        for (const auto& node : tree->nodes)
            if (!node.leaf() && (node.feature < 0 || node.feature >= e.features))
                return corrupt(file, "tree " + std::to_string(i) + " splits on input " +
                                         std::to_string(node.feature) + " of " +
                                         std::to_string(e.features));
        e.trees.push_back(std::move(*tree));
    }
    return e;
}

}  // namespace

std::size_t TreeEnsemble::nodeCount() const {
    std::size_t n = 0;
    for (const auto& t : trees) n += t.nodes.size();
    return n;
}

Result<TreeEnsemble> readXgboostModel(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return makeError(ErrorCode::NotFound, "cannot read the XGBoost model", file.string());
    try {
        return parse(json::parse(in), file);
    } catch (const json::exception& e) {
        return makeError(ErrorCode::Corrupt,
                         std::string("the XGBoost model does not parse: ") + e.what(),
                         file.string());
    } catch (const std::exception& e) {  // std::stod on a malformed number
        return makeError(ErrorCode::Corrupt,
                         std::string("the XGBoost model holds a malformed number: ") + e.what(),
                         file.string());
    }
}

}  // namespace kiln
