// Step keys, what changed since the last run, and the plan of a pipeline run.
#include "core/pipeline/pipeline_plan.h"

#include "core/base/build_info.h"
#include "core/pipeline/pipeline_steps.h"
#include "core/store/sha256.h"
#include "core/store/workspace.h"

namespace kiln {

namespace {

using nlohmann::json;

std::string shortText(const json& v) {
    if (v.is_null()) return "none";
    if (v.is_string()) return v.get<std::string>();
    if (v.is_object() && v.contains("dataset") && v.contains("version"))
        return v["dataset"].get<std::string>() + "@" + std::to_string(v["version"].get<std::int64_t>());
    if (v.is_object() && v.contains("model") && v.contains("version"))
        return v["model"].get<std::string>() + "@" + std::to_string(v["version"].get<std::int64_t>());
    if (v.is_object() && v.contains("file")) return v["file"].get<std::string>();
    std::string text = v.dump();
    return text.size() > 60 ? text.substr(0, 57) + "..." : text;
}

std::string describeInput(const std::string& name, const json& before, const json& now) {
    if (now.is_object() && now.contains("file") && before.is_object() && before.contains("file")) {
        if (before["file"] != now["file"])
            return "the newest file is now " + shortText(now["file"]) + " (was " + shortText(before["file"]) + ")";
        return shortText(now["file"]) + " changed (its size or time)";
    }
    if (now.is_object() && now.contains("listing")) return "files were added, removed or changed in " + shortText(now["folder"]);
    if (now.is_object() && now.contains("read_at")) return "a database is read on every run";
    if (name == "run") return "the trained model changed (run " + shortText(before) + " → " + shortText(now) + ")";
    if (name == "production") return "the production model changed (" + shortText(before) + " → " + shortText(now) + ")";
    if (name == "reference") return "the reference data changed (" + shortText(before) + " → " + shortText(now) + ")";
    return "the " + name + " changed (" + shortText(before) + " → " + shortText(now) + ")";
}

}  // namespace

json stepKeyParts(const PipelineStep& step, const json& inputs) {
    return {{"kind", step.kind}, {"params", step.params}, {"inputs", inputs}, {"kiln", build::kKilnVersion}};
}

std::string stepKey(const json& keyParts) { return Sha256::hashHex(keyParts.dump()); }

std::string describeKeyChange(const json& before, const json& now) {
    if (!before.is_object() || before.empty()) return "it never ran";
    std::vector<std::string> why;
    if (before.value("kiln", "") != now.value("kiln", ""))
        why.push_back("Kiln changed (" + before.value("kiln", "") + " → " + now.value("kiln", "") + ")");
    const json& p0 = before.value("params", json::object());
    const json& p1 = now.value("params", json::object());
    std::string settings;
    for (auto& [k, v] : p1.items())
        if (!p0.contains(k) || p0[k] != v)
            settings += (settings.empty() ? "" : ", ") + k + " " + (p0.contains(k) ? paramText(p0[k]) : "unset") + " → " + paramText(v);
    for (auto& [k, v] : p0.items())
        if (!p1.contains(k)) settings += (settings.empty() ? "" : ", ") + k + " " + paramText(v) + " → unset";
    if (!settings.empty()) why.push_back("its settings changed (" + settings + ")");
    const json& i0 = before.value("inputs", json::object());
    const json& i1 = now.value("inputs", json::object());
    if (i1.is_object() && i0.is_object() && !(i1.contains("file") || i1.contains("listing") || i1.contains("read_at"))) {
        for (auto& [k, v] : i1.items())
            if (!i0.contains(k) || i0[k] != v) why.push_back(describeInput(k, i0.value(k, json()), v));
    } else if (i0 != i1) {
        why.push_back(describeInput("input", i0, i1));
    }
    if (why.empty()) return "its key changed";
    std::string out;
    for (const auto& w : why) out += (out.empty() ? "" : "; ") + w;
    return out;
}

std::string pendingInput(const json& inputs) {
    if (inputs.is_object()) {
        if (inputs.size() == 1 && inputs.contains("pending") && inputs["pending"].is_string())
            return inputs["pending"].get<std::string>();
        for (auto& [k, v] : inputs.items())
            if (auto p = pendingInput(v); !p.empty()) return p;
    }
    if (inputs.is_array())
        for (const auto& v : inputs)
            if (auto p = pendingInput(v); !p.empty()) return p;
    return {};
}

const char* plannedActionName(PlannedStep::Action a) {
    switch (a) {
    case PlannedStep::Action::Reuse: return "reuse";
    case PlannedStep::Action::Run: return "run";
    case PlannedStep::Action::RunIfChanged: return "run-if-changed";
    case PlannedStep::Action::Fail: return "fail";
    }
    return "run";
}

json PipelinePlan::toJson() const {
    json steps = json::array();
    for (const auto& s : this->steps) {
        json step = {{"name", s.name}, {"kind", s.kind}, {"action", plannedActionName(s.action)},
                     {"reason", s.reason}, {"key", s.key}};
        if (s.action == PlannedStep::Action::Reuse) step["from_run"] = s.fromRun, step["outputs"] = s.outputs;
        steps.push_back(std::move(step));
    }
    return {{"pipeline", pipeline}, {"steps", steps}};
}

PlannedStep planStep(Workspace& ws, const PipelineSpec& spec, std::size_t index,
                     const std::map<std::string, json>& outputs, const PlanOptions& options) {
    const PipelineStep& step = spec.steps[index];
    PlannedStep p;
    p.name = step.name;
    p.kind = step.kind;
    StepContext context{ws, spec, step, outputs, 0, false, {}};
    auto inputs = stepInputs(context);
    if (!inputs) {
        p.action = PlannedStep::Action::Fail;
        p.reason = inputs.error().toString();
        return p;
    }
    if (auto waiting = pendingInput(*inputs); !waiting.empty()) {
        p.action = PlannedStep::Action::RunIfChanged;
        p.reason = "after '" + waiting + "' runs: reused if what it makes is unchanged";
        return p;
    }
    p.keyParts = stepKeyParts(step, *inputs);
    p.key = stepKey(p.keyParts);
    bool forced = options.noCache;
    if (!options.rerunFrom.empty())
        for (std::size_t i = 0; i <= index; ++i) forced = forced || spec.steps[i].name == options.rerunFrom;
    if (forced) {
        p.reason = options.noCache ? "--no-cache" : "--rerun-from " + options.rerunFrom;
        return p;
    }
    PipelineStore store(ws.catalog());
    if (auto cached = store.cachedStep(spec.name, step.name, p.key)) {
        if (auto there = outputsStillThere(ws, step.kind, cached->outputs); !there) {
            p.reason = "its output is gone (" + there.error().message + "): made again";
            return p;
        }
        p.action = PlannedStep::Action::Reuse;
        p.outputs = cached->outputs;
        p.fromRun = cached->runNumber;
        p.reason = "unchanged since run " + std::to_string(cached->runNumber);
        return p;
    }
    auto last = store.lastStep(spec.name, step.name);
    if (last && last->status == StepStatus::Failed && last->key == p.key)
        p.reason = "it failed in run " + std::to_string(last->runNumber) + ": " + last->reason;
    else
        p.reason = describeKeyChange(last ? last->keyParts : json::object(), p.keyParts);
    return p;
}

Result<PipelinePlan> planPipeline(Workspace& ws, const PipelineSpec& spec, const PlanOptions& options) {
    PipelinePlan plan;
    plan.pipeline = spec.name;
    std::map<std::string, json> outputs;
    for (std::size_t i = 0; i < spec.steps.size(); ++i) {
        PlannedStep p = planStep(ws, spec, i, outputs, options);
        if (p.action == PlannedStep::Action::Reuse) outputs[p.name] = p.outputs;
        plan.steps.push_back(std::move(p));
    }
    return plan;
}

}  // namespace kiln
