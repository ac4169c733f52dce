// The self-description of an exported ONNX model: producer, opsets and the kiln.* metadata a
// deploying engineer (and Kiln's own verification) reads back.
#include "core/export/onnx_metadata.h"

#include <nlohmann/json.hpp>

#include "core/base/build_info.h"
#include "core/export/onnx_writer.h"
#include "core/export/trained_model.h"
#include "core/export/tree_ensemble.h"

namespace kiln {
namespace onnx_build {

namespace {

using nlohmann::json;
constexpr int kOpset = 13;

json recipeSummary(const TrainedModel& m) {
    json steps = json::array();
    for (const auto& s : m.recipe.steps) {
        json j = {{"column", s.column}, {"kind", s.kind}, {"outputs", s.outputs.size()}};
        if (s.kind == "numeric" || s.kind == "date")
            j.update({{"fill", s.fill},
                      {"mean", s.mean},
                      {"scale", s.scale},
                      {"missing_indicator", s.indicator},
                      {"keep_missing", s.keepMissing}});
        if (s.kind == "categorical") j["categories"] = s.categories;
        steps.push_back(j);
    }
    json r = {{"steps", steps}, {"width", m.inputWidth}};
    if (m.treeModel())
        r["trees"] = {{"engine", "xgboost"},
                      {"objective", m.trees->objectiveName},
                      {"trees", m.trees->trees.size()},
                      {"nodes", m.trees->nodeCount()},
                      {"base_margin", m.trees->baseMargin}};
    if (m.images())
        r["image"] = {{"size", m.recipe.image.size},
                      {"channels", m.recipe.image.channels},
                      {"mean", m.recipe.image.mean},
                      {"std", m.recipe.image.std},
                      {"resize", "bilinear to size x size (training used area interpolation)"}};
    return r;
}

}  // namespace

void describeModel(onnx::ModelProto& model, const TrainedModel& m, const OnnxExportOptions& o) {
    model.set_ir_version(8);
    model.set_producer_name("kiln");
    model.set_producer_version(build::kKilnVersion);
    model.set_doc_string("Kiln run " + m.runId + ": " + taskName(m.spec.task) + " of '" +
                         m.recipe.targetColumn + "' with a " + m.spec.model.family +
                         (o.plain ? (m.treeModel() ? " (trees only, preprocessed inputs)"
                                                   : " (plain network, preprocessed inputs)")
                                  : " (raw inputs, preprocessing inside)"));
    auto* opset = model.add_opset_import();
    opset->set_domain("");
    opset->set_version(kOpset);
    auto* ml = model.add_opset_import();
    ml->set_domain("ai.onnx.ml");
    ml->set_version(m.treeModel() ? 3 : 2);  // TreeEnsembleRegressor-3; LabelEncoder stays 2
}

void addMetadata(onnx::ModelProto& model, const TrainedModel& m, const OnnxExportOptions& o) {
    json inputs = json::array();
    if (o.plain)
        inputs.push_back({{"name", m.images() ? "image" : "features"},
                          {"meaning", m.images() ? "normalised float NCHW pixels"
                                                 : "the recipe's preprocessed features"}});
    else
        for (const auto& in : onnxInputsFor(m))
            inputs.push_back({{"name", in.name},
                              {"column", in.column},
                              {"type", hostTypeName(in.type)},
                              {"kind", in.kind},
                              {"meaning", in.meaning}});
    std::vector<std::pair<std::string, std::string>> props = {
        {"kiln.version", build::kKilnVersion},
        {"kiln.run_id", m.runId},
        {"kiln.dataset", o.datasetName.empty() ? m.spec.dataset : o.datasetName},
        {"kiln.dataset_version_hash", o.datasetHash.empty() ? m.spec.datasetHash : o.datasetHash},
        {"kiln.task", taskName(m.spec.task)},
        {"kiln.model_family", m.spec.model.family},
        {"kiln.target", m.recipe.targetColumn},
        {"kiln.inputs", inputs.dump()},
        {"kiln.classes", json(m.recipe.target.classes).dump()},
        {"kiln.recipe", recipeSummary(m).dump()},
        {"kiln.variant", o.plain ? "plain" : "raw-inputs"}};
    for (auto& [k, v] : props) {
        auto* p = model.add_metadata_props();
        p->set_key(k);
        p->set_value(v);
    }
}

}  // namespace onnx_build
}  // namespace kiln
