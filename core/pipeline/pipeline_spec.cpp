// Pipeline files: YAML read with yaml-cpp into PipelineSpec, every mistake named with its line.
#include "core/pipeline/pipeline_spec.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/base/names.h"
#include "core/store/sha256.h"
#include "core/train/train_params.h"

namespace kiln {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

Error badFile(const fs::path& file, int line, const std::string& message, const std::string& hint = {}) {
    Error e = makeError(ErrorCode::InvalidArgument,
                        file.filename().string() + (line > 0 ? ":" + std::to_string(line) : "") + ": " + message);
    e.hint = hint;
    return e;
}

int lineOf(const YAML::Node& node) { return node.Mark().line + 1; }

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

// A plain scalar as YAML 1.2's core schema reads it (booleans, integers, floats, else text); a
// quoted one is always text.
json scalarValue(const YAML::Node& node) {
    const std::string& text = node.Scalar();
    if (node.Tag() == "!") return text;
    if (text == "true" || text == "True" || text == "TRUE") return true;
    if (text == "false" || text == "False" || text == "FALSE") return false;
    if (text == "null" || text == "~" || text.empty()) return nullptr;
    char* end = nullptr;
    errno = 0;
    const long long i = std::strtoll(text.c_str(), &end, 10);
    if (*end == '\0' && errno == 0) return i;
    const double d = std::strtod(text.c_str(), &end);
    if (*end == '\0' && text.find_first_of("0123456789") != std::string::npos) return d;
    return text;
}

Result<json> toJson(const YAML::Node& node, const fs::path& file) {
    switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        return json(nullptr);
    case YAML::NodeType::Scalar:
        return scalarValue(node);
    case YAML::NodeType::Sequence: {
        json out = json::array();
        for (const auto& item : node) {
            auto v = toJson(item, file);
            if (!v) return v.error();
            out.push_back(std::move(*v));
        }
        return out;
    }
    case YAML::NodeType::Map: {
        json out = json::object();
        for (const auto& item : node) {
            if (!item.first.IsScalar())
                return badFile(file, lineOf(item.first), "a key must be a plain word");
            auto v = toJson(item.second, file);
            if (!v) return v.error();
            out[item.first.Scalar()] = std::move(*v);
        }
        return out;
    }
    }
    return json(nullptr);
}

// A step's parameter written with - or _ reads the same (max-depth, max_depth).
std::string canonicalKey(std::string key) {
    std::replace(key.begin(), key.end(), '-', '_');
    return key;
}

const std::map<std::string, std::vector<std::string>>& parametersByKind() {
    static const std::map<std::string, std::vector<std::string>> kinds = [] {
        std::map<std::string, std::vector<std::string>> k = {
            {"import", {"path", "newest", "dataset", "format", "sheet", "folder", "db", "table", "query"}},
            {"validate", {"dataset", "against", "model", "max_missing", "max_drift_psi", "allow_schema_changes"}},
            {"train", {"dataset", "exclude", "on"}},
            {"gate", {"metric", "at_least", "beat", "by", "model", "from"}},
            {"export", {"onnx", "from"}},
            {"promote", {"model", "stage", "from"}},
            {"monitor", {"model", "dataset", "max_drifted_share", "features"}},
        };
        for (const auto& p : trainParamNames()) k["train"].push_back(canonicalKey(p));
        return k;
    }();
    return kinds;
}

Result<PipelineStep> readStep(const YAML::Node& node, const fs::path& file) {
    const int line = lineOf(node);
    if (!node.IsMap() || node.size() != 1)
        return badFile(file, line, "each step is one kind with its settings, such as `- train: {dataset: wine}`",
                       "step kinds: " + joined(pipelineStepKinds()));
    const auto entry = *node.begin();
    PipelineStep step;
    step.kind = entry.first.Scalar();
    step.line = line;
    const auto known = parametersByKind().find(step.kind);
    if (known == parametersByKind().end())
        return badFile(file, line, "unknown step kind '" + step.kind + "'",
                       "step kinds: " + joined(pipelineStepKinds()));
    if (!entry.second.IsMap() && !entry.second.IsNull())
        return badFile(file, line, "the " + step.kind + " step's settings must be a mapping (key: value)");
    auto params = toJson(entry.second, file);
    if (!params) return params.error();
    step.params = json::object();
    if (params->is_object())
        for (auto& [key, value] : params->items()) {
            const std::string k = canonicalKey(key);
            if (k == "name") {
                if (!value.is_string()) return badFile(file, line, "a step's name must be text");
                step.name = value.get<std::string>();
                continue;
            }
            if (std::find(known->second.begin(), known->second.end(), k) == known->second.end())
                return badFile(file, line, "the " + step.kind + " step has no setting '" + key + "'",
                               step.kind + " takes: " + joined(known->second));
            step.params[k] = value;
        }
    return step;
}

// Names the unnamed steps after their kind (train, train-2) and refuses a name used twice.
Status nameSteps(std::vector<PipelineStep>& steps, const fs::path& file) {
    std::set<std::string> taken;
    for (const auto& s : steps)
        if (!s.name.empty() && !taken.insert(s.name).second)
            return badFile(file, s.line, "two steps are named '" + s.name + "'");
    std::map<std::string, int> used;
    for (auto& s : steps) {
        if (!s.name.empty()) continue;
        std::string name = s.kind;
        for (int n = ++used[s.kind]; taken.count(name); name = s.kind + "-" + std::to_string(++n)) {}
        taken.insert(name);
        s.name = name;
    }
    return {};
}

// `from:` names an earlier step of the right kind.
Status checkReferences(const PipelineSpec& spec) {
    for (std::size_t i = 0; i < spec.steps.size(); ++i) {
        const auto& s = spec.steps[i];
        auto from = s.params.find("from");
        if (from == s.params.end()) continue;
        if (!from->is_string()) return badFile(spec.file, s.line, "`from` names an earlier step");
        const std::string wanted = from->get<std::string>();
        bool found = false;
        for (std::size_t j = 0; j < i; ++j) found = found || spec.steps[j].name == wanted;
        if (!found)
            return badFile(spec.file, s.line,
                           "step '" + s.name + "' takes its model from '" + wanted + "', which is not an earlier step");
    }
    return {};
}

Status readTopLevel(const YAML::Node& root, PipelineSpec& spec) {
    for (const auto& item : root) {
        const std::string key = item.first.Scalar();
        const int line = lineOf(item.first);
        if (key == "name") {
            spec.name = item.second.IsScalar() ? item.second.Scalar() : "";
            if (auto st = checkName(spec.name, "pipeline"); !st) return badFile(spec.file, line, st.error().message);
        } else if (key == "schedule") {
            if (!item.second.IsScalar()) return badFile(spec.file, line, "the schedule is one calendar expression, such as \"Mon *-*-* 03:00\"");
            spec.schedule = item.second.Scalar();
        } else if (key == "pause_after_failures") {
            auto v = scalarValue(item.second);
            if (!item.second.IsScalar() || !v.is_number_integer() || v.get<long long>() < 1 || v.get<long long>() > 1000)
                return badFile(spec.file, line, "pause_after_failures is a count from 1 to 1000");
            spec.pauseAfterFailures = int(v.get<long long>());
        } else if (key == "steps") {
            if (!item.second.IsSequence()) return badFile(spec.file, line, "steps is a list: each line `- KIND: {…}`");
            for (const auto& node : item.second) {
                auto step = readStep(node, spec.file);
                if (!step) return step.error();
                spec.steps.push_back(std::move(*step));
            }
        } else {
            return badFile(spec.file, line, "unknown key '" + key + "'",
                           "a pipeline file has name, steps, schedule and pause_after_failures");
        }
    }
    return {};
}

}  // namespace

const std::vector<std::string>& pipelineStepKinds() {
    static const std::vector<std::string> kinds = {"import", "validate", "train", "gate", "export", "promote", "monitor"};
    return kinds;
}

const std::vector<std::string>& stepParameters(const std::string& kind) {
    static const std::vector<std::string> none;
    auto it = parametersByKind().find(kind);
    return it == parametersByKind().end() ? none : it->second;
}

const PipelineStep* PipelineSpec::step(const std::string& stepName) const {
    for (const auto& s : steps)
        if (s.name == stepName) return &s;
    return nullptr;
}

fs::path PipelineSpec::resolve(const std::string& path) const {
    fs::path p(path);
    if (!path.empty() && path[0] == '~')
        if (const char* home = std::getenv("HOME")) p = fs::path(home) / path.substr(path.size() > 1 ? 2 : 1);
    return (p.is_absolute() ? p : folder() / p).lexically_normal();
}

Result<PipelineSpec> parsePipeline(std::string_view yaml, const fs::path& file) {
    PipelineSpec spec;
    std::error_code ec;
    spec.file = fs::absolute(file, ec).lexically_normal();
    spec.specHash = Sha256::hashHex(yaml);
    YAML::Node root;
    try {
        root = YAML::Load(std::string(yaml));
    } catch (const YAML::Exception& e) {
        return badFile(spec.file, e.mark.line + 1,
                       "column " + std::to_string(e.mark.column + 1) + ": " + e.msg + " (not valid YAML)");
    }
    if (!root.IsMap())
        return badFile(spec.file, 0, "a pipeline file is a mapping with name and steps",
                       "see examples/pipelines/ for one to start from");
    try {
        if (auto st = readTopLevel(root, spec); !st) return st.error();
    } catch (const YAML::Exception& e) {
        return badFile(spec.file, e.mark.line + 1, e.msg);
    }
    if (spec.name.empty()) return badFile(spec.file, 0, "the pipeline has no name", "add `name: my-pipeline` at the top");
    if (spec.steps.empty()) return badFile(spec.file, 0, "the pipeline has no steps");
    if (auto st = nameSteps(spec.steps, spec.file); !st) return st.error();
    if (auto st = checkReferences(spec); !st) return st.error();
    return spec;
}

Result<PipelineSpec> loadPipeline(const fs::path& file) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec))
        return makeError(ErrorCode::NotFound, "no pipeline file " + file.string());
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) return makeError(ErrorCode::Io, "cannot read " + file.string());
    return parsePipeline(text.str(), file);
}

}  // namespace kiln
