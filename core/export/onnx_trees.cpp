// The tree part of an exported ONNX graph: every tree of model.xgb.json in one ai.onnx.ml
// TreeEnsembleRegressor (thresholds, BRANCH_LT, missing-value directions and leaf weights as
// XGBoost holds them), then the sigmoid or softmax and the label, or the de-standardised value.
#include "core/export/onnx_trees.h"

#include "core/export/onnx_writer.h"
#include "core/export/trained_model.h"
#include "core/export/tree_ensemble.h"

namespace kiln {
namespace onnx_build {

namespace {

onnx::AttributeProto* attribute(onnx::NodeProto& n, const char* name,
                                onnx::AttributeProto::AttributeType type) {
    auto* a = n.add_attribute();
    a->set_name(name);
    a->set_type(type);
    return a;
}

// The node and target attributes of the ensemble, tree by tree in the model's order. XGBoost
// sends a row left when value < threshold and a missing value where default_left says: the
// left child is ONNX's true branch, default_left its missing_value_tracks_true.
void writeTrees(onnx::NodeProto& n, const TreeEnsemble& e) {
    using A = onnx::AttributeProto;
    auto* treeIds = attribute(n, "nodes_treeids", A::INTS);
    auto* nodeIds = attribute(n, "nodes_nodeids", A::INTS);
    auto* featureIds = attribute(n, "nodes_featureids", A::INTS);
    auto* values = attribute(n, "nodes_values", A::FLOATS);
    auto* modes = attribute(n, "nodes_modes", A::STRINGS);
    auto* trueIds = attribute(n, "nodes_truenodeids", A::INTS);
    auto* falseIds = attribute(n, "nodes_falsenodeids", A::INTS);
    auto* missingTrue = attribute(n, "nodes_missing_value_tracks_true", A::INTS);
    auto* targetTrees = attribute(n, "target_treeids", A::INTS);
    auto* targetNodes = attribute(n, "target_nodeids", A::INTS);
    auto* targetIds = attribute(n, "target_ids", A::INTS);
    auto* weights = attribute(n, "target_weights", A::FLOATS);
    for (std::size_t t = 0; t < e.trees.size(); ++t) {
        const auto& tree = e.trees[t];
        for (std::size_t id = 0; id < tree.nodes.size(); ++id) {
            const auto& node = tree.nodes[id];
            treeIds->add_ints(std::int64_t(t));
            nodeIds->add_ints(std::int64_t(id));
            featureIds->add_ints(node.leaf() ? 0 : node.feature);
            values->add_floats(node.leaf() ? 0.f : node.threshold);
            modes->add_strings(node.leaf() ? "LEAF" : "BRANCH_LT");
            trueIds->add_ints(node.leaf() ? 0 : node.left);
            falseIds->add_ints(node.leaf() ? 0 : node.right);
            missingTrue->add_ints(!node.leaf() && node.defaultLeft ? 1 : 0);
            if (!node.leaf()) continue;
            targetTrees->add_ints(std::int64_t(t));
            targetNodes->add_ints(std::int64_t(id));
            targetIds->add_ints(tree.target);
            weights->add_floats(node.weight);
        }
    }
}

std::string constantFloat(GraphBuilder& b, const char* hint, double v) {
    return b.scalar(hint, float(v));
}

}  // namespace

std::string treeMargins(GraphBuilder& b, const std::string& x, const TrainedModel& m) {
    const TreeEnsemble& e = *m.trees;
    auto& n = b.node("TreeEnsembleRegressor", {x}, kTreeMarginsValue);
    n.set_domain("ai.onnx.ml");
    setInt(n, "n_targets", e.margins);
    setString(n, "aggregate_function", "SUM");
    setString(n, "post_transform", "NONE");
    auto* base = attribute(n, "base_values", onnx::AttributeProto::FLOATS);
    for (int c = 0; c < e.margins; ++c) base->add_floats(e.baseMargin);
    writeTrees(n, e);
    return kTreeMarginsValue;
}

void addTreeOutputs(GraphBuilder& b, onnx::GraphProto& g, const TrainedModel& m,
                    const std::string& margins, bool plain, bool exposeMargins) {
    if (exposeMargins) {
        b.node("Identity", {margins}, "margin");
        declare(g.add_output(), "margin", onnx::TensorProto::FLOAT, {-1, m.trees->margins});
    }
    if (!m.classification()) {
        auto scaled =
            b.op("Mul", {margins, constantFloat(b, "target_scale", m.recipe.target.scale)});
        b.node("Add", {scaled, constantFloat(b, "target_mean", m.recipe.target.mean)}, "value");
        declare(g.add_output(), "value", onnx::TensorProto::FLOAT, {-1, 1});
        return;
    }
    if (m.trees->margins == 1) {  // binary: P(class 1) = sigmoid(margin), as XGBoost's output
        auto p = b.op("Sigmoid", {margins});
        auto q = b.op("Sub", {constantFloat(b, "one", 1.0), p});
        setInt(b.node("Concat", {q, p}, "probabilities"), "axis", 1);
    } else {
        setInt(b.node("Softmax", {margins}, "probabilities"), "axis", 1);
    }
    declare(g.add_output(), "probabilities", onnx::TensorProto::FLOAT, {-1, m.outputs});
    if (plain) return;
    auto& arg = b.node("ArgMax", {"probabilities"}, "label");
    setInt(arg, "axis", 1);
    setInt(arg, "keepdims", 0);
    declare(g.add_output(), "label", onnx::TensorProto::INT64, {-1});
}

}  // namespace onnx_build
}  // namespace kiln
