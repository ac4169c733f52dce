// How `kiln pipeline` prints plans, steps and runs.
#include "app/cli/pipeline_output.h"

#include <cstdio>
#include <iostream>

#include "core/base/names.h"

namespace kiln::cli {

namespace {

using nlohmann::json;

std::string text(const json& o, const char* key) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return {};
    return it->is_string() ? it->get<std::string>() : it->dump();
}

std::string figure(const json& o, const char* key) {
    auto it = o.find(key);
    if (it == o.end() || !it->is_number()) return "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", it->get<double>());
    return buf;
}

// The one thing a person wants to see of a step's outputs (outputs are JSON a step wrote, read
// without trusting their shape).
std::string outputSummary(const StepRecord& s) {
    const json& o = s.outputs;
    if (!o.is_object()) return {};
    if (s.kind == "import" && o.contains("dataset"))
        return text(o, "dataset") + "@" + text(o, "version") + (o.value("created", false) && s.status == StepStatus::Ran ? " (new)" : "") + ", " +
               text(o, "rows") + " rows";
    if (s.kind == "train" && o.contains("run")) {
        std::string out = "run " + text(o, "run");
        const json metrics = o.value("metrics", json::object());
        for (const char* k : {"test_accuracy", "test_r2"})
            if (metrics.contains(k)) out += std::string(", ") + k + " " + figure(metrics, k);
        return out;
    }
    if (s.kind == "gate") return text(o, "message");
    if (s.kind == "export") return text(o, "file");
    if (s.kind == "promote" && o.contains("model"))
        return text(o, "model") + "@" + text(o, "version") + " → " + text(o, "stage");
    if (s.kind == "monitor")
        return o.contains("drifted_share") ? "drifted share " + figure(o, "drifted_share") + " (" + text(o, "model") + ")"
                                           : text(o, "note");
    if (s.kind == "validate") return o.value("passed", false) ? "passed" : "";
    return {};
}

void stepLine(const std::string& name, const std::string& status, const std::string& text) {
    std::printf("  %-12s %-8s %s\n", printable(name).c_str(), status.c_str(), printable(text).c_str());
}

}  // namespace

void printPlan(const PipelinePlan& plan, const std::string& file) {
    int reuse = 0;
    for (const auto& s : plan.steps) reuse += s.action == PlannedStep::Action::Reuse;
    std::cout << "Pipeline " << printable(plan.pipeline) << " (" << printable(file) << "): " << plan.steps.size()
              << " steps, " << reuse << " to reuse\n";
    for (const auto& s : plan.steps) stepLine(s.name, plannedActionName(s.action), s.reason);
}

void printStepEnd(const StepRecord& s) {
    std::string text = s.status == StepStatus::Ran || s.status == StepStatus::Cached ? outputSummary(s) : s.reason;
    if (s.status == StepStatus::Cached) text += (text.empty() ? "" : " — ") + s.reason;
    stepLine(s.name, stepStatusName(s.status), text);
}

void printRunSummary(const PipelineRunRecord& r) {
    std::cout << "Run " << r.number << " of " << printable(r.pipeline) << " (" << r.trigger << ", " << r.startedAt
              << "): " << pipelineRunStatusName(r.status) << (r.message.empty() ? "" : " — " + printable(r.message))
              << "\n";
    for (const auto& s : r.steps) printStepEnd(s);
}

}  // namespace kiln::cli
