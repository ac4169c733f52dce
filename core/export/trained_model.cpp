// Loads a finished run's network with LibTorch, or a tree run's trees. One of the few export
// files that include LibTorch; everything else sees ModelLayer weights as plain floats.
#include <torch/torch.h>

#include <fstream>
#include <sstream>

#include "core/export/trained_model.h"
#include "core/export/tree_ensemble.h"
#include "core/train/tree_model.h"

namespace kiln {

// The rebuilt network, kept behind the header's forward declaration.
struct TorchNetwork {
    torch::nn::Sequential seq{nullptr};
};

namespace {

namespace fs = std::filesystem;

Result<std::string> readFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return makeError(ErrorCode::NotFound, "cannot read " + file.filename().string(),
                         file.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

#include "core/train/network_layout.inc"

std::vector<float> floatsOf(const torch::Tensor& t) {
    auto c = t.detach().to(torch::kFloat).contiguous();
    return {c.data_ptr<float>(), c.data_ptr<float>() + c.numel()};
}

template <class Norm>
ModelLayer batchNormLayer(const Norm& bn) {
    ModelLayer l;
    l.kind = ModelLayer::Kind::BatchNorm;
    l.weight = floatsOf(bn->weight);
    l.bias = floatsOf(bn->bias);
    l.runningMean = floatsOf(bn->running_mean);
    l.runningVar = floatsOf(bn->running_var);
    l.eps = bn->options.eps();
    return l;
}

// The layers of the loaded module, weights copied out.
std::vector<ModelLayer> describe(const torch::nn::Sequential& seq) {
    std::vector<ModelLayer> layers;
    for (const auto& child : seq->children()) {
        ModelLayer l;
        if (auto lin = child->as<torch::nn::Linear>()) {
            l.weightShape = lin->weight.sizes().vec();
            l.weight = floatsOf(lin->weight);
            l.bias = floatsOf(lin->bias);
        } else if (auto conv = child->as<torch::nn::Conv2d>()) {
            l.kind = ModelLayer::Kind::Conv;
            l.weightShape = conv->weight.sizes().vec();
            l.weight = floatsOf(conv->weight);
            l.bias = floatsOf(conv->bias);
            l.kernel = int(l.weightShape.at(2));
            l.padding = 1;
        } else if (auto bn1 = child->as<torch::nn::BatchNorm1d>()) {
            l = batchNormLayer(bn1);
        } else if (auto bn2 = child->as<torch::nn::BatchNorm2d>()) {
            l = batchNormLayer(bn2);
        } else if (child->as<torch::nn::MaxPool2d>()) {
            l.kind = ModelLayer::Kind::MaxPool;
            l.kernel = l.stride = 2;
        } else if (child->as<torch::nn::Flatten>()) {
            l.kind = ModelLayer::Kind::Flatten;
        } else if (child->as<torch::nn::GELU>()) {
            l.kind = ModelLayer::Kind::Gelu;
        } else if (child->as<torch::nn::Tanh>()) {
            l.kind = ModelLayer::Kind::Tanh;
        } else if (child->as<torch::nn::ReLU>()) {
            l.kind = ModelLayer::Kind::Relu;
        } else {
            continue;  // dropout: the identity at inference
        }
        layers.push_back(std::move(l));
    }
    return layers;
}

Status readRunFiles(TrainedModel& m) {
    auto spec = readFile(m.runDir / "spec.json");
    auto recipe = readFile(m.runDir / "recipe.json");
    auto split = readFile(m.runDir / "split.json");
    for (auto* r : {&spec, &recipe, &split})
        if (!*r) return r->error();
    auto s = RunSpec::fromJson(*spec);
    if (!s) return s.error();
    auto rc = FeatureRecipe::fromJson(*recipe);
    if (!rc) return rc.error();
    auto sp = DataSplit::fromJson(*split);
    if (!sp) return sp.error();
    m.spec = std::move(*s);
    m.recipe = std::move(*rc);
    m.split = std::move(*sp);
    m.spec.task = m.recipe.target.task;
    return {};
}

// The network of a non-tree run, rebuilt from the spec and loaded from model.pt.
Status loadNetwork(TrainedModel& m) {
    try {
        auto net = std::make_shared<TorchNetwork>();
        if (m.images()) {
            auto cnn = buildCnn(m.spec.model, m.recipe.image, m.outputs);
            if (!cnn) return cnn.error();
            net->seq = *cnn;
        } else {
            net->seq = buildTabular(m.spec.model, m.inputWidth, m.outputs);
        }
        torch::load(net->seq, (m.runDir / "model.pt").string());
        net->seq->eval();
        m.layers = describe(net->seq);
        m.network = std::move(net);
    } catch (const c10::Error& e) {
        return makeError(ErrorCode::Corrupt,
                         std::string("model.pt does not match the run's spec and recipe: ") +
                             e.what_without_backtrace(),
                         (m.runDir / "model.pt").string());
    }
    return {};
}

// The trees of a tree run, checked against the recipe: as many inputs as the recipe makes, one
// margin per class (one for two classes and for regression).
Status loadTrees(TrainedModel& m) {
    auto file = m.runDir / "model.xgb.json";
    auto trees = readXgboostModel(file);
    if (!trees) return trees.error();
    using Objective = TreeEnsemble::Objective;
    bool fits = m.classification() ? (m.outputs == 2 ? trees->objective == Objective::Binary
                                                     : trees->objective == Objective::Multiclass &&
                                                           trees->margins == m.outputs)
                                   : trees->objective == Objective::Regression;
    if (!fits)
        return makeError(ErrorCode::Corrupt,
                         "model.xgb.json's objective " + trees->objectiveName +
                             " does not fit the "
                             "recipe's " +
                             (m.classification() ? std::to_string(m.outputs) + " classes"
                                                 : std::string("regression target")),
                         file.string());
    if (trees->features > m.inputWidth)
        return makeError(ErrorCode::Corrupt,
                         "model.xgb.json reads " + std::to_string(trees->features) +
                             " inputs; the recipe makes " + std::to_string(m.inputWidth),
                         file.string());
    m.trees = std::make_shared<const TreeEnsemble>(std::move(*trees));
    return {};
}

}  // namespace

Result<TrainedModel> loadTrainedModel(const fs::path& runDir) {
    TrainedModel m;
    m.runDir = runDir;
    m.runId = runDir.filename().string();
    bool network = fs::exists(runDir / "model.pt");
    if (!network && !fs::exists(runDir / "model.xgb.json"))
        return makeError(ErrorCode::NotFound,
                         "run " + m.runId +
                             " has no trained model (model.pt or model.xgb.json); "
                             "only a completed run can be exported",
                         runDir.string());
    if (auto st = readRunFiles(m); !st) return st.error();
    m.inputWidth = m.recipe.width();
    m.outputs = m.classification() ? int(m.recipe.target.classes.size()) : 1;
    bool trees = isTreeFamily(m.spec.model.family);
    if (trees && !fs::exists(runDir / "model.xgb.json"))
        return makeError(ErrorCode::NotFound,
                         "run " + m.runId + " trained " + m.spec.model.family +
                             " trees but has no model.xgb.json",
                         runDir.string());
    if (!trees && !network)
        return makeError(ErrorCode::NotFound,
                         "run " + m.runId +
                             " has no trained model (model.pt); only a completed "
                             "run can be exported",
                         runDir.string());
    if (auto st = trees ? loadTrees(m) : loadNetwork(m); !st) return st.error();
    return m;
}

namespace {

Result<ReferenceOutputs> networkPredictions(const TrainedModel& model, const std::vector<float>& x,
                                            const std::vector<std::uint8_t>& pixels,
                                            std::size_t rows) {
    try {
        torch::NoGradGuard noGrad;
        auto n = std::int64_t(rows);
        torch::Tensor input;
        if (model.images()) {
            const auto& im = model.recipe.image;
            auto shape = std::vector<std::int64_t>{1, im.channels, 1, 1};
            auto mean = torch::tensor(im.mean, torch::kFloat).view(shape);
            auto std = torch::tensor(im.std, torch::kFloat).view(shape);
            auto raw = torch::from_blob(const_cast<std::uint8_t*>(pixels.data()),
                                        {n, im.channels, im.size, im.size}, torch::kUInt8);
            input = (raw.to(torch::kFloat) / 255.0 - mean) / std;
        } else {
            input = torch::from_blob(const_cast<float*>(x.data()), {n, model.inputWidth});
        }
        auto out = model.network->seq->forward(input);
        if (model.classification())
            out = torch::softmax(out, 1);
        else
            out = out * model.recipe.target.scale + model.recipe.target.mean;
        return ReferenceOutputs{floatsOf(out), {}, 0};
    } catch (const c10::Error& e) {
        return makeError(ErrorCode::Internal,
                         std::string("LibTorch failed on the trained model: ") +
                             e.what_without_backtrace());
    }
}

}  // namespace

Result<ReferenceOutputs> referencePredictions(const TrainedModel& model,
                                              const std::vector<float>& x,
                                              const std::vector<std::uint8_t>& pixels,
                                              std::size_t rows) {
    if (!model.treeModel()) return networkPredictions(model, x, pixels, rows);
    auto p = predictTrees(model.runDir / "model.xgb.json", model.recipe, x, rows);
    if (!p) return p.error();
    return ReferenceOutputs{std::move(p->output), std::move(p->margin), p->marginWidth};
}

Result<std::vector<float>> referenceOutputs(const TrainedModel& model, const std::vector<float>& x,
                                            const std::vector<std::uint8_t>& pixels,
                                            std::size_t rows) {
    auto r = referencePredictions(model, x, pixels, rows);
    if (!r) return r.error();
    return std::move(r->outputs);
}

}  // namespace kiln
