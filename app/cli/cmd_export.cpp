// kiln export RUN --onnx FILE, kiln predict MODEL.onnx DATA [--out FILE].
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/cli_app.h"
#include "app/cli/run_follow.h"
#include "core/export/batch_predict.h"
#include "core/export/exporter.h"
#include "core/store/workspace.h"

namespace kiln::cli {

namespace {

using nlohmann::json;

int runExport(const Arguments& args) {
    auto file = args.value("onnx");
    if (!file) return reportUsageError("kiln export needs --onnx FILE");
    auto workspace = openWorkspace(args, false);
    if (!workspace) return reportError(workspace.error());
    auto id = resolveRunId(**workspace, args.positionals[0]);
    if (!id) return reportError(id.error());
    auto status = (*workspace)->catalog().queryValue("SELECT status FROM runs WHERE id = ?", {*id});
    if (status && std::get<std::string>(*status) != "completed")
        return reportError(makeError(ErrorCode::InvalidArgument,
                                     "run " + *id + " is " + std::get<std::string>(*status) +
                                         "; only a completed run can be exported"));
    auto progress = [&](const std::string& stage) {
        if (!args.json) std::cout << stage << "…\n" << std::flush;
    };
    auto result = exportRun((*workspace)->root(), *id, *file, progress);
    if (!result) return reportError(result.error());
    if (args.json) {
        std::cout << result->toJson().dump(2) << "\n";
        return kExitOk;
    }
    const auto& v = result->verification;
    std::cout << v.checker << "\n"
              << v.message << "\n"
              << "wrote " << result->file.string() << " (" << result->bytes << " bytes, sha256 "
              << result->sha256.substr(0, 16) << "…) in " << result->seconds << " s\n";
    return kExitOk;
}

int runPredict(const Arguments& args) {
    PredictOptions options;
    if (auto t = args.value("threads")) {
        try {
            options.threads = std::stoi(*t);
        } catch (...) {
            return reportUsageError("--threads expects a number");
        }
    }
    auto table = predictFile(args.positionals[0], args.positionals[1], options);
    if (!table) return reportError(table.error());
    for (const auto& w : table->warnings) std::cerr << "kiln: warning: " << w << "\n";
    if (auto out = args.value("out")) {
        std::ofstream f(*out, std::ios::binary | std::ios::trunc);
        writePredictionsCsv(*table, f);
        if (!f) return reportError(makeError(ErrorCode::Io, "cannot write the predictions", *out));
        json summary = {{"rows", table->rows()},
                        {"out", *out},
                        {"read_seconds", table->readSeconds},
                        {"infer_seconds", table->inferSeconds},
                        {"warnings", table->warnings}};
        if (args.json)
            std::cout << summary.dump(2) << "\n";
        else
            std::cout << "predicted " << table->rows() << " rows into " << *out << " (read "
                      << table->readSeconds << " s, inference " << table->inferSeconds << " s)\n";
        return kExitOk;
    }
    if (!args.json) {
        writePredictionsCsv(*table, std::cout);
        return kExitOk;
    }
    json rows = json::array();
    std::size_t k = table->classes.size();
    for (std::size_t i = 0; i < table->rows(); ++i) {
        json r = {{"row", table->ids[i]}};
        if (!table->labels.empty()) {
            auto l = std::size_t(table->labels[i]);
            r["label"] = l < k ? table->classes[l] : std::to_string(l);
            r["probabilities"] = std::vector<float>(table->probabilities.begin() + long(i * k),
                                                    table->probabilities.begin() + long((i + 1) * k));
        } else {
            r["value"] = table->values[i];
        }
        rows.push_back(r);
    }
    std::cout << json{{"classes", table->classes}, {"predictions", rows}, {"warnings", table->warnings}}.dump(2)
              << "\n";
    return kExitOk;
}

}  // namespace

Command makeExportCommand() {
    Command c;
    c.name = "export";
    c.summary = "export a run as a verified ONNX model with its preprocessing inside";
    c.usage = "kiln export RUN --onnx FILE";
    c.description =
        "Writes one ONNX graph (opset 13) taking the raw columns (numbers as float [N,1] with NaN\n"
        "for missing, categories as strings [N,1], dates as double days since 1970-01-01) or raw\n"
        "uint8 images [N,H,W,C], with the fitted preprocessing inside. Before the file is called\n"
        "done, the ONNX checker (with shape inference) must pass and the file, read back, must\n"
        "reproduce the trained model on the held-out rows (max |Δ probability| ≤ 1e-4 and the\n"
        "same labels; regression: relative 1e-4).";
    c.options = {{"onnx", "FILE", "where to write the model"}};
    c.minPositionals = 1;
    c.maxPositionals = 1;
    c.run = runExport;
    return c;
}

Command makePredictCommand() {
    Command c;
    c.name = "predict";
    c.summary = "run an exported ONNX model on a CSV file or an image folder";
    c.usage = "kiln predict MODEL.onnx DATA.csv|IMAGE_FOLDER [--out FILE]";
    c.description =
        "Columns are matched to the model's inputs by name; missing values and unseen categories\n"
        "predict normally. Prints CSV (row, label, p_<class>… or row, value) in input order, or\n"
        "writes it to --out. Runs batched on every core (--threads N to limit).";
    c.options = {{"out", "FILE", "write the predictions as CSV to FILE"},
                 {"threads", "N", "CPU threads (default: every core)"}};
    c.minPositionals = 2;
    c.maxPositionals = 2;
    c.run = runPredict;
    return c;
}

}  // namespace kiln::cli
