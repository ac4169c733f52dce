// The ONNX executor's tree op: ai.onnx.ml TreeEnsembleRegressor. When the graph loads, the
// node's attributes become flat arrays (each branch's two children side by side, so a step is
// one compare and one add); a run walks blocks of rows through every tree on all LibTorch
// threads.
#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "core/export/onnx_ops.h"

namespace kiln {
namespace onnx_exec {

namespace {

// One node of the flattened ensemble (16 bytes). A step from node i goes to child + 0 (true)
// or child + 1 (false): true when value < threshold, or when the value is NaN and nanTrue. A
// leaf is a node that steps to itself (threshold NaN, so never true; child = its index - 1),
// which lets every row take the same number of steps through a tree, without branches.
struct FlatNode {
    float threshold = std::numeric_limits<float>::quiet_NaN();
    std::int32_t feature = 0;
    std::int32_t child = -1;
    std::int32_t nanTrue = 0;
};

struct LeafWeight {
    std::int32_t target;
    float weight;
};

struct Ensemble {
    std::vector<FlatNode> nodes;
    std::vector<std::int32_t> roots, depths;  // per tree: its root and its deepest leaf's depth
    std::vector<std::int32_t> leafBegin;      // per node: its first entry in weights (leaves)
    std::vector<std::uint16_t> leafCount;     // per node: its number of weights (0: a branch)
    std::vector<LeafWeight> weights;
    std::vector<float> base;  // per target
    int targets = 1;
    bool average = false;
    int features = 0;  // 1 + the largest input index a branch reads
};

// The attribute lists a tree ensemble is made of, by name (empty when absent).
struct Lists {
    const Node& n;
    std::vector<std::int64_t> ints(const char* name) const { return n.ints(name); }
    std::vector<float> floats(const char* name) const {
        auto it = n.attrs.find(name);
        if (it == n.attrs.end()) return {};
        return {it->second.floats().begin(), it->second.floats().end()};
    }
    std::vector<std::string> strings(const char* name) const {
        auto it = n.attrs.find(name);
        if (it == n.attrs.end()) return {};
        return {it->second.strings().begin(), it->second.strings().end()};
    }
};

using Key = std::pair<std::int64_t, std::int64_t>;  // (tree id, node id)
struct KeyHash {
    std::size_t operator()(const Key& k) const {
        // unsigned: ids come from the file, and a signed product could overflow
        return std::hash<std::uint64_t>()(std::uint64_t(k.first) * 1000003u + std::uint64_t(k.second));
    }
};

// The ONNX node attributes, one entry per node, as read.
struct RawNodes {
    std::vector<std::int64_t> tree, id, feature, yes, no, missing;
    std::vector<float> value;
    std::vector<std::string> mode;
};

RawNodes readNodes(const Lists& l) {
    RawNodes r{l.ints("nodes_treeids"),      l.ints("nodes_nodeids"),
               l.ints("nodes_featureids"),   l.ints("nodes_truenodeids"),
               l.ints("nodes_falsenodeids"), l.ints("nodes_missing_value_tracks_true"),
               l.floats("nodes_values"),     l.strings("nodes_modes")};
    const auto n = r.tree.size();
    if (n == 0) throw std::runtime_error("TreeEnsembleRegressor: the ensemble has no nodes");
    if (r.value.empty() && l.n.attrs.count("nodes_values_as_tensor"))
        throw std::runtime_error("TreeEnsembleRegressor: nodes_values_as_tensor is not supported");
    if (r.missing.empty()) r.missing.assign(n, 0);
    for (auto* v : {&r.id, &r.feature, &r.yes, &r.no, &r.missing})
        if (v->size() != n)
            throw std::runtime_error("TreeEnsembleRegressor: node lists differ in length");
    if (r.value.size() != n || r.mode.size() != n)
        throw std::runtime_error("TreeEnsembleRegressor: node lists differ in length");
    return r;
}

// A branch's compare as value < threshold: LEQ compares with the next float up (the same for
// every finite value), GT and GTE become LEQ and LT with the children swapped.
void setCompare(FlatNode& f, const std::string& mode, float threshold, bool missingTrue,
                bool& swap) {
    swap = mode == "BRANCH_GT" || mode == "BRANCH_GTE";
    if (mode == "BRANCH_LT" || mode == "BRANCH_GTE")
        f.threshold = threshold;
    else if (mode == "BRANCH_LEQ" || mode == "BRANCH_GT")
        f.threshold = std::nextafter(threshold, std::numeric_limits<float>::infinity());
    else
        throw std::runtime_error("TreeEnsembleRegressor: node mode " + mode + " is not supported");
    f.nanTrue = missingTrue != swap;
}

// Lays out one tree from its root, breadth first, each branch's children side by side.
void flattenTree(
    Ensemble& e, const RawNodes& r, std::size_t root,
    const std::unordered_map<Key, std::size_t, KeyHash>& index,
    const std::unordered_map<Key, std::pair<std::size_t, std::size_t>, KeyHash>& leafRanges,
    const std::vector<LeafWeight>& leafWeights, std::size_t treeSize) {
    struct Pending {
        std::size_t raw, at;
        std::int32_t depth;
    };
    std::vector<Pending> queue = {{root, e.nodes.size(), 0}};
    e.roots.push_back(std::int32_t(e.nodes.size()));
    e.depths.push_back(0);
    e.nodes.emplace_back();
    for (std::size_t q = 0; q < queue.size(); ++q) {
        if (q > treeSize) throw std::runtime_error("TreeEnsembleRegressor: a tree has a cycle");
        const Pending p = queue[q];
        FlatNode f;
        const Key key{r.tree[p.raw], r.id[p.raw]};
        if (r.mode[p.raw] == "LEAF") {
            f.child = std::int32_t(p.at) - 1;  // steps to itself
            e.nodes[p.at] = f;
            e.depths.back() = std::max(e.depths.back(), p.depth);
            continue;
        }
        bool swap = false;
        setCompare(f, r.mode[p.raw], r.value[p.raw], r.missing[p.raw] != 0, swap);
        if (r.feature[p.raw] < 0 || r.feature[p.raw] >= std::numeric_limits<std::int32_t>::max())
            throw std::runtime_error("TreeEnsembleRegressor: a feature id is out of range");
        f.feature = std::int32_t(r.feature[p.raw]);
        e.features = std::max(e.features, f.feature + 1);
        auto yes = index.find({key.first, swap ? r.no[p.raw] : r.yes[p.raw]});
        auto no = index.find({key.first, swap ? r.yes[p.raw] : r.no[p.raw]});
        if (yes == index.end() || no == index.end())
            throw std::runtime_error("TreeEnsembleRegressor: a branch names a node its tree lacks");
        f.child = std::int32_t(e.nodes.size());
        e.nodes.emplace_back();
        e.nodes.emplace_back();
        queue.push_back({yes->second, std::size_t(f.child), p.depth + 1});
        queue.push_back({no->second, std::size_t(f.child) + 1, p.depth + 1});
        e.nodes[p.at] = f;
    }
    e.leafBegin.resize(e.nodes.size(), 0);
    e.leafCount.resize(e.nodes.size(), 0);
    for (const auto& p : queue) {
        auto it = leafRanges.find({r.tree[p.raw], r.id[p.raw]});
        if (r.mode[p.raw] != "LEAF" || it == leafRanges.end()) continue;
        e.leafBegin[p.at] = std::int32_t(e.weights.size());
        for (auto k = it->second.first; k < it->second.second; ++k)
            e.weights.push_back(leafWeights[k]);
        e.leafCount[p.at] = std::uint16_t(it->second.second - it->second.first);
    }
}

std::shared_ptr<const void> prepareEnsemble(const Node& n) {
    Lists l{n};
    auto e = std::make_shared<Ensemble>();
    e->targets = int(n.i("n_targets", 1));
    const std::string aggregate = n.str("aggregate_function", "SUM");
    if (aggregate != "SUM" && aggregate != "AVERAGE")
        throw std::runtime_error("TreeEnsembleRegressor: aggregate_function " + aggregate +
                                 " is not supported");
    e->average = aggregate == "AVERAGE";
    if (n.str("post_transform", "NONE") != "NONE")
        throw std::runtime_error("TreeEnsembleRegressor: only post_transform NONE is supported");
    e->base = l.floats("base_values");
    if (e->base.empty()) e->base.assign(std::size_t(e->targets), 0.f);
    if (e->targets < 1 || e->base.size() != std::size_t(e->targets))
        throw std::runtime_error("TreeEnsembleRegressor: base_values do not match n_targets");
    RawNodes r = readNodes(l);
    std::unordered_map<Key, std::size_t, KeyHash> index;
    std::vector<std::size_t>
        roots;  // the first node listed for each tree, as ONNX Runtime takes it
    std::unordered_map<std::int64_t, std::size_t> treeSizes;
    for (std::size_t i = 0; i < r.tree.size(); ++i) {
        if (!index.emplace(Key{r.tree[i], r.id[i]}, i).second)
            throw std::runtime_error("TreeEnsembleRegressor: a node id repeats within its tree");
        if (treeSizes[r.tree[i]]++ == 0) roots.push_back(i);
    }
    auto tt = l.ints("target_treeids"), tn = l.ints("target_nodeids"), ti = l.ints("target_ids");
    auto tw = l.floats("target_weights");
    if (tn.size() != tt.size() || ti.size() != tt.size() || tw.size() != tt.size())
        throw std::runtime_error("TreeEnsembleRegressor: target lists differ in length");
    std::vector<std::size_t> order(tt.size());  // weights grouped by leaf
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return Key{tt[a], tn[a]} < Key{tt[b], tn[b]};
    });
    std::vector<LeafWeight> leafWeights;
    std::unordered_map<Key, std::pair<std::size_t, std::size_t>, KeyHash> leafRanges;
    for (auto k : order) {
        if (ti[k] < 0 || ti[k] >= e->targets)
            throw std::runtime_error("TreeEnsembleRegressor: a target id is out of range");
        auto& range =
            leafRanges.try_emplace(Key{tt[k], tn[k]}, leafWeights.size(), leafWeights.size())
                .first->second;
        leafWeights.push_back({std::int32_t(ti[k]), tw[k]});
        range.second = leafWeights.size();
    }
    for (auto root : roots)
        flattenTree(*e, r, root, index, leafRanges, leafWeights, treeSizes[r.tree[root]]);
    return e;
}

// Rows [begin, end) of x [rows, width] into y [rows, targets]. A block of rows goes through
// one tree at a time (its nodes stay in cache), eight rows in step so their walks overlap.
void predictRows(const Ensemble& e, const float* x, std::int64_t width, float* y,
                 std::int64_t begin, std::int64_t end) {
    constexpr std::int64_t kBlock = 64;
    constexpr int kLanes = 8;
    const auto T = std::size_t(e.targets);
    const FlatNode* nodes = e.nodes.data();
    std::vector<float> sums(std::size_t(kBlock) * T);
    for (std::int64_t b = begin; b < end; b += kBlock) {
        const std::int64_t rows = std::min(kBlock, end - b);
        for (std::int64_t r = 0; r < rows; ++r)
            for (std::size_t t = 0; t < T; ++t)  // XGBoost's order: the base, then each tree
                sums[std::size_t(r) * T + t] = e.average ? 0.f : e.base[t];
        for (std::size_t tree = 0; tree < e.roots.size(); ++tree) {
            const std::int32_t root = e.roots[tree], depth = e.depths[tree];
            for (std::int64_t r0 = 0; r0 < rows; r0 += kLanes) {
                const int lanes = int(std::min<std::int64_t>(kLanes, rows - r0));
                std::int32_t at[kLanes];
                const float* row[kLanes];
                for (int k = 0; k < kLanes; ++k) {  // spare lanes repeat the block's last row
                    at[k] = root;
                    row[k] = x + (b + r0 + std::min(k, lanes - 1)) * width;
                }
                for (std::int32_t d = 0; d < depth; ++d)
                    for (int k = 0; k < kLanes; ++k) {
                        const FlatNode& n = nodes[at[k]];
                        const float v = row[k][n.feature];
                        const std::int32_t yes = std::int32_t(v < n.threshold) |
                                                 (n.nanTrue & std::int32_t(std::isnan(v)));
                        at[k] = n.child + 1 - yes;
                    }
                for (int k = 0; k < lanes; ++k) {
                    float* s = sums.data() + std::size_t(r0 + k) * T;
                    const LeafWeight* w = e.weights.data() + e.leafBegin[std::size_t(at[k])];
                    for (std::uint16_t c = 0; c < e.leafCount[std::size_t(at[k])]; ++c)
                        s[w[c].target] += w[c].weight;
                }
            }
        }
        const float scale = e.average ? 1.f / float(std::max<std::size_t>(1, e.roots.size())) : 1.f;
        for (std::int64_t r = 0; r < rows; ++r)
            for (std::size_t t = 0; t < T; ++t) {
                float s = sums[std::size_t(r) * T + t];
                y[std::size_t(b + r) * T + t] = e.average ? s * scale + e.base[t] : s;
            }
    }
}

Value treeEnsembleRegressor(const Node& n, const Inputs& v) {
    const auto& e = *static_cast<const Ensemble*>(n.prepared.get());
    auto x = in(v, 0);
    if (x.dim() == 1) x = x.unsqueeze(0);
    if (x.dim() != 2) throw std::runtime_error("TreeEnsembleRegressor: X must be [N, F]");
    x = x.to(torch::kFloat).contiguous();
    const std::int64_t rows = x.size(0), width = x.size(1);
    if (width < e.features)
        throw std::runtime_error("TreeEnsembleRegressor: the trees read input " +
                                 std::to_string(e.features - 1) + " but X has " +
                                 std::to_string(width) + " columns");
    auto y = torch::empty({rows, e.targets}, torch::kFloat);
    const float* px = x.data_ptr<float>();
    float* py = y.data_ptr<float>();
    // Enough rows per task that a thread's share outweighs starting it (about 50k node visits).
    const auto grain =
        std::max<std::int64_t>(64, 50000 / std::max<std::int64_t>(1, std::int64_t(e.roots.size())));
    at::parallel_for(0, rows, grain, [&](std::int64_t b, std::int64_t end) {
        predictRows(e, px, width, py, b, end);
    });
    return tensor(y);
}

}  // namespace

void addTreeOps(OpTable& table, PrepareTable& prepare) {
    table.insert({{"ai.onnx.ml.TreeEnsembleRegressor", treeEnsembleRegressor}});
    prepare.insert({{"ai.onnx.ml.TreeEnsembleRegressor", prepareEnsemble}});
}

}  // namespace onnx_exec
}  // namespace kiln
