// kiln export RUN --onnx FILE, kiln predict MODEL.onnx DATA [--out FILE].
#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "app/cli/cli_app.h"
#include "app/cli/run_follow.h"
#include "core/export/batch_predict.h"
#include "core/export/exporter.h"
#include "core/store/output_file.h"
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

// --threads N for predict: a count from 1 to 256, as for train.
bool parseThreads(const std::string& text, int& threads) {
    if (text.empty() || text.size() > 3 ||
        text.find_first_not_of("0123456789") != std::string::npos)
        return false;
    threads = std::stoi(text);
    return threads >= 1 && threads <= 256;
}

std::size_t rowsWithout(const PredictionTable& t) {
    return std::size_t(std::count_if(t.errors.begin(), t.errors.end(),
                                     [](const std::string& e) { return !e.empty(); }));
}

int writePredictionsFile(const Arguments& args, const PredictionTable& t,
                         const std::filesystem::path& target) {
    auto writer = AtomicFileWriter::create(target);
    if (!writer) return reportError(writer.error());
    writePredictionsCsv(t, (*writer)->stream());
    if (auto st = (*writer)->commit(); !st) return reportError(st.error());
    std::size_t without = rowsWithout(t);
    json summary = {{"rows", t.rows()},
                    {"rows_without_prediction", without},
                    {"out", target.string()},
                    {"read_seconds", t.readSeconds},
                    {"infer_seconds", t.inferSeconds},
                    {"warnings", t.warnings}};
    if (args.json) {
        std::cout << summary.dump(2) << "\n";
        return kExitOk;
    }
    std::cout << "predicted " << (without ? std::to_string(t.rows() - without) + " of " : "")
              << t.rows() << " rows into " << target.string() << " (read " << t.readSeconds
              << " s, inference " << t.inferSeconds << " s)"
              << (without ? "; the others have no prediction, see the warning" : "") << "\n";
    return kExitOk;
}

void printPredictionsJson(const PredictionTable& t) {
    json rows = json::array();
    std::size_t k = t.classes.size();
    for (std::size_t i = 0; i < t.rows(); ++i) {
        json r = {{"row", t.ids[i]}};
        if (i < t.errors.size() && !t.errors[i].empty()) {
            r["error"] = t.errors[i];
        } else if (t.classification) {
            auto l = std::size_t(t.labels[i]);
            r["label"] = l < k ? t.classes[l] : std::to_string(l);
            r["probabilities"] = std::vector<float>(t.probabilities.begin() + long(i * k),
                                                    t.probabilities.begin() + long((i + 1) * k));
        } else {
            r["value"] = t.values[i];
        }
        rows.push_back(r);
    }
    json doc = {{"classes", t.classes}, {"predictions", rows}, {"warnings", t.warnings}};
    std::cout << doc.dump(2) << "\n";
}

int runPredict(const Arguments& args) {
    PredictOptions options;
    if (auto t = args.value("threads"); t && !parseThreads(*t, options.threads))
        return reportUsageError("--threads needs a count from 1 to 256, not '" + *t + "'");
    std::optional<std::filesystem::path> target;
    if (auto out = args.value("out")) {  // refused before any work is done
        auto checked = checkOutputPath(*out, workspacePath(args));
        if (!checked) return reportError(checked.error());
        std::error_code ec;
        for (const auto& input : {args.positionals[0], args.positionals[1]})
            if (std::filesystem::weakly_canonical(input, ec) == *checked)
                return reportUsageError("--out " + *out + " would replace the input " + input +
                                        "; write the predictions to another file");
        target = *checked;
    }
    auto table = predictFile(args.positionals[0], args.positionals[1], options);
    if (!table) return reportError(table.error());
    for (const auto& w : table->warnings) std::cerr << "kiln: warning: " << w << "\n";
    if (target) return writePredictionsFile(args, *table, *target);
    if (args.json)
        printPredictionsJson(*table);
    else
        writePredictionsCsv(*table, std::cout);
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
        "or ±inf for missing, categories as strings [N,1], dates as double days since 1970-01-01)\n"
        "or raw uint8 images [N,H,W,C], with the fitted preprocessing inside. Before the file is\n"
        "called done, the ONNX checker (with shape inference) must pass and the file, read back,\n"
        "must reproduce the trained model on the held-out rows (max |Δ probability| ≤ 1e-4 and\n"
        "the same labels; regression: relative 1e-4); a split without held-out rows is checked\n"
        "on its training rows, and says so. Tree models (boosted, forest, tree) become one\n"
        "ai.onnx.ml TreeEnsembleRegressor (opset 3) with Sigmoid or Softmax, and are checked\n"
        "against XGBoost's own predictions, margins included (relative 1e-4). FILE must be\n"
        "outside the workspace; it is written through a temporary file renamed into place.";
    c.options = {{"onnx", "FILE", "where to write the model (outside the workspace)"}};
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
        "writes it to --out. Runs batched on every core (--threads N to limit).\n"
        "Infinite numbers are predicted as missing values, with a warning naming the rows; a\n"
        "row whose cell is not a number or a date (or an image that does not decode) gets no\n"
        "prediction and a message in an `error` column. Text is quoted as RFC 4180 says, and a\n"
        "text that a spreadsheet would run as a formula starts with a single quote.";
    c.options = {{"out", "FILE", "write the predictions as CSV to FILE"},
                 {"threads", "N", "CPU threads, 1 to 256 (default: every core)"}};
    c.minPositionals = 2;
    c.maxPositionals = 2;
    c.run = runPredict;
    return c;
}

}  // namespace kiln::cli
