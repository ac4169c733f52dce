#include "core/train/tree_report.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

namespace kiln {

namespace {

using nlohmann::json;

// The input index of a dumped split ("f12" → 12).
int featureIndex(const json& node) {
    const std::string name = node.value("split", std::string());
    return name.size() > 1 && name[0] == 'f' ? std::atoi(name.c_str() + 1) : -1;
}

template <class F>
void forEachNode(const json& node, F&& f) {
    f(node);
    if (node.contains("children"))
        for (const auto& child : node.at("children")) forEachNode(child, f);
}

// Which recipe step (input column) makes each model input.
std::vector<std::size_t> stepOfInput(const FeatureRecipe& recipe) {
    std::vector<std::size_t> owner;
    for (std::size_t i = 0; i < recipe.steps.size(); ++i)
        for (std::size_t k = 0; k < recipe.steps[i].outputs.size(); ++k) owner.push_back(i);
    return owner;
}

std::vector<std::string> inputNames(const FeatureRecipe& recipe) {
    std::vector<std::string> names;
    for (const auto& s : recipe.steps) names.insert(names.end(), s.outputs.begin(), s.outputs.end());
    return names;
}

// Training rows and their targets reaching each node of tree `t`: leaves counted, splits
// summed from their children. `value` is what a person reads at a node: the share of the
// tree's class among its rows (classification), the mean target in its units (regression).
struct NodeStats {
    double samples = 0, sum = 0;
};

std::map<int, NodeStats> statsPerNode(const json& tree, const std::vector<float>& leaves,
                                      std::size_t trees, std::size_t t,
                                      const std::vector<double>& targets) {
    std::map<int, NodeStats> stats;
    for (std::size_t r = 0; r < targets.size(); ++r) {
        auto& n = stats[int(leaves[r * trees + t])];
        n.samples += 1;
        n.sum += targets[r];
    }
    std::function<NodeStats(const json&)> total = [&](const json& node) -> NodeStats {
        if (!node.contains("children")) return stats[node.at("nodeid").get<int>()];
        NodeStats sum;
        for (const auto& child : node.at("children")) {
            auto c = total(child);
            sum.samples += c.samples;
            sum.sum += c.sum;
        }
        return stats[node.at("nodeid").get<int>()] = sum;
    };
    total(tree);
    return stats;
}

void addNodes(const json& node, int depth, const std::map<int, NodeStats>& stats,
              const std::vector<std::string>& names, json& nodes) {
    int id = node.at("nodeid");
    NodeStats st = stats.count(id) ? stats.at(id) : NodeStats{};
    json out = {{"id", id},
                {"depth", depth},
                {"samples", st.samples},
                {"value", st.samples > 0 ? json(st.sum / st.samples) : json(nullptr)}};
    if (node.contains("leaf")) {
        out["leaf"] = node.at("leaf");
    } else {
        int f = featureIndex(node);
        out["feature"] = f >= 0 && std::size_t(f) < names.size() ? names[std::size_t(f)]
                                                                  : node.value("split", "");
        out["threshold"] = node.at("split_condition");
        out["left"] = node.at("yes");
        out["right"] = node.at("no");
        out["missing"] = node.at("missing") == node.at("yes") ? "left" : "right";
        out["gain"] = node.value("gain", 0.0);
    }
    nodes.push_back(out);
    if (node.contains("children"))
        for (const auto& child : node.at("children")) addNodes(child, depth + 1, stats, names, nodes);
}

}  // namespace

std::vector<json> dumpedTrees(const xgb::Booster& model) {
    std::vector<json> trees;
    for (const auto& text : xgb::dumpTrees(model)) trees.push_back(json::parse(text));
    return trees;
}

json gainImportance(const std::vector<json>& trees, const FeatureRecipe& recipe) {
    auto owner = stepOfInput(recipe);
    std::vector<double> gain(recipe.steps.size(), 0.0);
    for (const auto& tree : trees)
        forEachNode(tree, [&](const json& node) {
            int f = featureIndex(node);
            if (f >= 0 && std::size_t(f) < owner.size())
                gain[owner[std::size_t(f)]] += node.value("gain", 0.0);
        });
    std::vector<std::size_t> order(gain.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return gain[a] > gain[b]; });
    json out = json::array();
    for (auto i : order) out.push_back({{"feature", recipe.steps[i].column}, {"value", gain[i]}});
    return out;
}

json drawableTrees(const xgb::Booster& model, const std::vector<json>& trees,
                   const xgb::Matrix& train, const SplitArrays& rows, const FeatureRecipe& recipe,
                   int classes) {
    std::size_t width = 0;
    auto leaves = xgb::predictLeaves(model, train, width);
    width = std::max<std::size_t>(width, 1);
    const auto names = inputNames(recipe);
    const bool classify = recipe.target.task == TaskKind::Classification;
    json out = json::array();
    for (std::size_t t = 0; t < trees.size(); ++t) {
        // A tree's values are the share of its class (a binary model's second class).
        std::size_t cls = classes > 2 ? t % std::size_t(classes) : 1;
        std::vector<double> targets;
        for (std::size_t r = 0; r < rows.rows; ++r)
            targets.push_back(classify ? double(rows.labels[r] == long(cls))
                                       : rows.targets[r] * recipe.target.scale + recipe.target.mean);
        auto stats = statsPerNode(trees[t], leaves, width, t, targets);
        json nodes = json::array();
        addNodes(trees[t], 0, stats, names, nodes);
        std::sort(nodes.begin(), nodes.end(),
                  [](const json& a, const json& b) { return a["id"] < b["id"]; });
        out.push_back({{"class", classify ? json(recipe.target.classes[cls]) : json(nullptr)},
                       {"nodes", nodes}});
    }
    return {{"trees", out}};
}

}  // namespace kiln
