#include "core/serve/served_model.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/export/batch_predict.h"
#include "core/export/model_registry.h"
#include "core/store/sha256.h"

namespace kiln {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string metadataText(const OnnxExecutor& exec, const char* key) {
    auto it = exec.metadata().find(key);
    return it == exec.metadata().end() ? std::string() : it->second;
}

// The inputs in graph order, each with the kind the export's kiln.inputs recorded.
std::vector<ServedInput> describeInputs(const OnnxExecutor& exec) {
    json recorded = json::parse(metadataText(exec, "kiln.inputs"), nullptr, false);
    std::vector<ServedInput> inputs;
    for (const auto& name : exec.inputNames()) {
        ServedInput in{name, exec.inputType(name), ""};
        if (recorded.is_array())
            for (const auto& r : recorded)
                if (r.is_object() && r.value("name", "") == name) in.kind = r.value("kind", "");
        inputs.push_back(std::move(in));
    }
    return inputs;
}

// One row of missing values: NaN numbers and dates, empty categories, a black picture.
std::map<std::string, HostTensor> missingRow(const ServedModel& m) {
    std::map<std::string, HostTensor> row;
    for (const auto& in : m.inputs) {
        HostTensor t;
        t.shape = {1, 1};
        if (in.type == "uint8") {
            t.type = HostTensor::Type::UInt8;
            t.shape = {1, m.imageSize, m.imageSize, m.imageChannels};
            t.bytes.assign(std::size_t(m.imageSize * m.imageSize * m.imageChannels), 0);
        } else if (in.type == "string") {
            t.type = HostTensor::Type::String;
            t.strings = {""};
        } else if (in.type == "double") {
            t.type = HostTensor::Type::Double;
            t.doubles = {std::nan("")};
        } else {
            t.floats = {std::nanf("")};
        }
        row[in.name] = std::move(t);
    }
    return row;
}

}  // namespace

std::string ServedModel::label() const {
    return version > 0 ? name + "@" + std::to_string(version) : name;
}

json ServedModel::describe() const {
    json inputList = json::array();
    for (const auto& in : inputs)
        inputList.push_back({{"name", in.name}, {"type", in.type}, {"kind", in.kind}});
    json doc = {{"model", name},
                {"version", version},
                {"stage", stage},
                {"sha256", sha256},
                {"task", task},
                {"target", target},
                {"inputs", inputList},
                {"outputs", classification ? json::array({"label", "probabilities"}) : json::array({"value"})},
                {"lineage",
                 {{"run_id", runId},
                  {"dataset", dataset},
                  {"dataset_version", datasetVersion},
                  {"dataset_version_hash", datasetHash}}}};
    if (classification) doc["classes"] = classes;
    if (images())
        doc["image"] = {{"size", imageSize},
                        {"channels", imageChannels},
                        {"send", "a PNG, JPEG, BMP, TIFF or WebP file as the body (Content-Type image/…), or "
                                 "base64 in JSON rows: {\"rows\": [{\"" + inputs.front().name + "\": \"BASE64\"}]}"}};
    return doc;
}

Result<std::shared_ptr<const ServedModel>> loadServedFile(const fs::path& file,
                                                          const std::string& expectedSha256) {
    auto sha = sha256OfFile(file);
    if (!sha) return sha.error();
    if (!expectedSha256.empty() && *sha != expectedSha256)
        return makeError(ErrorCode::Corrupt,
                         "the model file changed since it was registered (sha256 " +
                             sha->substr(0, 12) + "…, the registry recorded " +
                             expectedSha256.substr(0, 12) + "…)",
                         file.string());
    auto exec = OnnxExecutor::load(file);
    if (!exec) return exec.error();
    PredictionTable outputs;
    if (auto st = describeKilnOutputs(*exec, outputs); !st)
        return makeError(st.error().code, st.error().message, file.string());
    auto m = std::make_shared<ServedModel>(*exec);
    m->inputs = describeInputs(*exec);
    const bool images = std::any_of(m->inputs.begin(), m->inputs.end(), [](const ServedInput& in) { return in.type == "uint8"; });
    if (images) {
        if (m->inputs.size() != 1)
            return makeError(ErrorCode::Corrupt, "not a model exported by Kiln: an image input beside others",
                             file.string());
        auto coding = modelImageCoding(*exec);
        if (!coding) return makeError(coding.error().code, coding.error().message, file.string());
        m->imageSize = coding->first;
        m->imageChannels = coding->second;
    }
    m->name = file.stem().string();
    m->sha256 = *sha;
    m->file = fs::absolute(file).string();
    m->classification = outputs.classification;
    m->classes = outputs.classes;
    m->runId = metadataText(*exec, "kiln.run_id");
    m->task = metadataText(*exec, "kiln.task");
    m->target = metadataText(*exec, "kiln.target");
    m->dataset = metadataText(*exec, "kiln.dataset");
    m->datasetHash = metadataText(*exec, "kiln.dataset_version_hash");
    auto check = exec->run(missingRow(*m));
    if (!check)
        return makeError(ErrorCode::Corrupt,
                         "the model loads but does not run on a row of missing values: " +
                             check.error().message,
                         file.string());
    return std::shared_ptr<const ServedModel>(std::move(m));
}

Result<std::shared_ptr<const ServedModel>> loadServedVersion(const ModelLocation& l) {
    auto loaded = loadServedFile(l.file, l.sha256);
    if (!loaded) return loaded.error();
    auto m = std::make_shared<ServedModel>(**loaded);
    m->name = l.model;
    m->version = l.version;
    m->stage = l.stage;
    m->runId = l.runId;
    m->dataset = l.dataset;
    m->datasetVersion = l.datasetVersion;
    if (!l.datasetHash.empty()) m->datasetHash = l.datasetHash;
    return std::shared_ptr<const ServedModel>(std::move(m));
}

}  // namespace kiln
