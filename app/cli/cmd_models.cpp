// kiln models, kiln model register|promote|evaluate.
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/cli_app.h"
#include "app/cli/run_follow.h"
#include "core/export/model_registry.h"
#include "core/store/workspace.h"

namespace kiln::cli {

namespace {

using nlohmann::json;

std::string metricText(const json& eval) {
    if (!eval.is_object() || !eval.contains("metric")) return "-";
    std::ostringstream s;
    s << eval["metric"].get<std::string>() << "=" << std::setprecision(4)
      << eval["value"].get<double>() << " p50=" << eval["latency_ms"]["p50"].get<double>() << "ms "
      << std::setprecision(6) << eval["throughput"]["rows_per_s"].get<double>() << " rows/s"
      << (eval.value("rows_from", "test") == "training" ? " (on training rows: none held out)"
                                                        : "");
    return s.str();
}

void printVersion(const json& v) {
    std::cout << std::left << std::setw(20)
              << (v["name"].get<std::string>() + "@" + std::to_string(v["version"].get<int>()))
              << std::setw(12) << v["stage"].get<std::string>() << std::setw(22)
              << v["lineage"]["run_id"].get<std::string>() << std::setw(16)
              << (v["lineage"]["dataset"].get<std::string>() + "@" +
                  std::to_string(v["lineage"]["dataset_version"].get<int>()))
              << (v["verification"].value("passed", false) ? "verified  " : "unverified  ")
              << metricText(v["system_evaluation"]) << "\n";
}

int runModels(const Arguments& args) {
    auto workspace = openWorkspace(args, false);
    if (!workspace) return reportError(workspace.error());
    auto list = ModelRegistry(**workspace).list();
    if (!list) return reportError(list.error());
    if (args.json) {
        std::cout << list->dump(2) << "\n";
        return kExitOk;
    }
    std::cout << std::left << std::setw(20) << "MODEL@VER" << std::setw(12) << "STAGE" << std::setw(22)
              << "RUN" << std::setw(16) << "DATASET" << "CHECKS\n";
    for (const auto& m : (*list)["models"])
        for (const auto& v : m["versions"]) printVersion(v);
    return kExitOk;
}

int runModel(const Arguments& args) {
    const auto& sub = args.positionals[0];
    auto workspace = openWorkspace(args, false);
    if (!workspace) return reportError(workspace.error());
    ModelRegistry registry(**workspace);
    Result<json> doc = makeError(ErrorCode::InvalidArgument, "");
    if (sub == "register") {
        auto name = args.value("name");
        if (!name) return reportUsageError("kiln model register needs --name NAME");
        auto id = resolveRunId(**workspace, args.positionals[1]);
        if (!id) return reportError(id.error());
        if (!args.json) std::cout << "exporting, verifying and evaluating run " << *id << "…\n";
        doc = registry.registerRun(*id, *name);
    } else if (sub == "promote") {
        auto stage = args.value("stage");
        if (!stage) return reportUsageError("kiln model promote needs --stage staging|production|archived");
        doc = registry.promote(args.positionals[1], *stage);
    } else if (sub == "evaluate") {
        doc = registry.evaluate(args.positionals[1]);
    } else {
        return reportUsageError("unknown subcommand 'model " + sub +
                                "' (try: register, promote, evaluate)");
    }
    if (!doc) return reportError(doc.error());
    if (args.json)
        std::cout << doc->dump(2) << "\n";
    else
        printVersion(*doc);
    return kExitOk;
}

}  // namespace

Command makeModelsCommand() {
    Command c;
    c.name = "models";
    c.summary = "list registered models: versions, stages, lineage, checks";
    c.usage = "kiln models";
    c.description = "Each version shows its stage, lineage (run → dataset version), verification\n"
                    "and system evaluation (accuracy or R², latency, throughput).";
    c.run = runModels;
    return c;
}

Command makeModelCommand() {
    Command c;
    c.name = "model";
    c.summary = "register a run as a model version, change its stage, re-evaluate it";
    c.usage = "kiln model register RUN --name NAME | kiln model promote NAME@VER --stage STAGE | "
              "kiln model evaluate NAME[@VER]";
    c.description =
        "register exports the run to runs/<id>/model.onnx (verified), measures it on the test\n"
        "split (accuracy or R², latency p50/p95/p99 at batch 1, throughput at batch 64, through\n"
        "Kiln's ONNX executor) and records it as the next version. promote sets the stage\n"
        "(none, staging, production, archived); a new production version archives the old one.";
    c.options = {{"name", "NAME", "model name (register)"},
                 {"stage", "STAGE", "none, staging, production or archived (promote)"}};
    c.minPositionals = 2;
    c.maxPositionals = 2;
    c.run = runModel;
    return c;
}

}  // namespace kiln::cli
