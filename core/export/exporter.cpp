#include "core/export/exporter.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <fstream>
#include <sstream>

#include "core/export/held_out.h"
#include "core/export/onnx_executor.h"
#include "core/export/onnx_writer.h"
#include "core/export/trained_model.h"
#include "core/runs/run_store.h"
#include "core/store/object_store.h"
#include "core/store/output_file.h"
#include "core/store/sha256.h"
#include "core/store/workspace.h"

namespace kiln {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

std::string figure(double v) {
    std::ostringstream s;
    s.precision(3);
    s << v;
    return s.str();
}

void compareClassification(const TrainedModel& m, const std::vector<float>& ref,
                           const std::map<std::string, HostTensor>& out, VerificationReport& r) {
    const auto& probs = out.at("probabilities").floats;
    const auto& labels = out.at("label").int64s;
    const auto k = std::size_t(m.outputs);
    for (std::size_t i = 0; i < r.rows; ++i) {
        std::size_t best = 0;
        for (std::size_t c = 0; c < k; ++c) {
            double d = std::fabs(double(probs[i * k + c]) - double(ref[i * k + c]));
            r.maxAbsDiff =
                std::max(r.maxAbsDiff, std::isnan(d) ? HUGE_VAL : d);  // NaN never passes
            if (ref[i * k + c] > ref[i * k + best]) best = c;
        }
        if (std::size_t(labels[i]) != best) ++r.labelMismatches;
    }
    r.passed = r.maxAbsDiff <= r.tolerance && r.labelMismatches == 0;
}

void compareRegression(const TrainedModel& m, const std::vector<float>& ref,
                       const std::map<std::string, HostTensor>& out, VerificationReport& r) {
    const auto& values = out.at("value").floats;
    double scale = std::fabs(m.recipe.target.scale);
    for (std::size_t i = 0; i < r.rows; ++i) {
        double d = std::fabs(double(values[i]) - double(ref[i]));
        if (std::isnan(d)) d = HUGE_VAL;  // a NaN output never passes
        r.maxAbsDiff = std::max(r.maxAbsDiff, d);
        r.maxRelDiff = std::max(r.maxRelDiff, d / std::max(std::fabs(double(ref[i])), scale));
    }
    r.passed = r.maxRelDiff <= r.tolerance;
}

// Tree models: the graph's margins against XGBoost's, relative to max(|margin|, 1).
void compareMargins(const ReferenceOutputs& ref, const HostTensor& margins, VerificationReport& r) {
    if (margins.floats.size() != ref.margins.size()) {
        r.maxMarginDiff = HUGE_VAL;
        r.passed = false;
        return;
    }
    for (std::size_t i = 0; i < ref.margins.size(); ++i) {
        double d = std::fabs(double(margins.floats[i]) - double(ref.margins[i]));
        d /= std::max(1.0, std::fabs(double(ref.margins[i])));
        r.maxMarginDiff = std::max(r.maxMarginDiff, std::isnan(d) ? HUGE_VAL : d);
    }
    r.passed = r.passed && r.maxMarginDiff <= r.tolerance;
}

// "held-out rows", or "training rows" when the split held nothing out.
std::string rowsName(const std::string& part) {
    return part == "training" ? "training rows" : "held-out rows";
}

std::string describe(const TrainedModel& m, const VerificationReport& r) {
    std::string what = m.classification()
                           ? "max |Δ probability| " + figure(r.maxAbsDiff) + ", " +
                                 std::to_string(r.labelMismatches) + " label(s) differ"
                           : "max relative |Δ value| " + figure(r.maxRelDiff) +
                                 " (absolute " + figure(r.maxAbsDiff) + ")";
    if (m.treeModel()) what += ", max relative |Δ margin| " + figure(r.maxMarginDiff);
    return (r.passed ? "verified on " : "MISMATCH on ") + std::to_string(r.rows) + " " +
           rowsName(r.part) + (r.part == "training" ? " (no held-out rows in this split)" : "") +
           (m.treeModel() ? " against XGBoost" : "") + ": " + what + " (tolerance " +
           figure(r.tolerance) + ")";
}

}  // namespace

nlohmann::json VerificationReport::toJson() const {
    return {{"passed", passed},
            {"checker", checker},
            {"rows", rows},
            {"rows_from", part},
            {"max_abs_diff", maxAbsDiff},
            {"max_rel_diff", maxRelDiff},
            {"label_mismatches", labelMismatches},
            {"max_margin_diff", maxMarginDiff},
            {"reference", reference},
            {"tolerance", tolerance},
            {"runtime", "kiln onnx executor (libonnx + LibTorch)"},
            {"seconds", seconds},
            {"message", message}};
}

nlohmann::json ExportResult::toJson() const {
    return {{"run_id", runId},   {"file", file.string()},
            {"sha256", sha256},  {"bytes", bytes},
            {"seconds", seconds}, {"verification", verification.toJson()}};
}

Result<VerificationReport> verifyOnnxFile(const TrainedModel& m, const HeldOutData& h,
                                          const fs::path& file) {
    auto started = Clock::now();
    VerificationReport r;
    r.rows = h.count();
    r.part = h.part;
    if (m.treeModel()) r.reference = "XGBoost";
    if (r.rows == 0) {  // a file checked on nothing is not verified
        r.message = "no rows to verify the exported file on";
        r.seconds = secondsSince(started);
        return r;
    }
    auto check = checkOnnxFile(file);
    if (!check) {
        r.checker = check.error().message;
        r.message = "the ONNX checker failed: " + check.error().message;
        r.seconds = secondsSince(started);
        return r;
    }
    r.checker = "onnx checker + shape inference passed (" + check->opsetSummary + ", " +
                std::to_string(check->nodes) + " nodes)";
    auto exec = OnnxExecutor::load(file);
    if (!exec) return exec.error();
    std::vector<std::string> inner;
    if (m.treeModel()) inner.push_back(kTreeMarginsValue);
    auto out = exec->run(h.rawInputs, inner);
    if (!out)
        return makeError(out.error().code, "the exported file does not run: " + out.error().message,
                         out.error().context);
    auto ref = referencePredictions(m, h.features, h.pixels, h.count());
    if (!ref) return ref.error();
    if (m.classification())
        compareClassification(m, ref->outputs, *out, r);
    else
        compareRegression(m, ref->outputs, *out, r);
    if (m.treeModel()) compareMargins(*ref, out->at(kTreeMarginsValue), r);
    r.message = describe(m, r);
    r.seconds = secondsSince(started);
    return r;
}

namespace {

// Writes the verified export of `runId` to `target` (already checked) through a temporary.
// Only a completed run has a final model: a cancelled or interrupted one holds a checkpoint.
Status checkCompleted(const fs::path& root, const std::string& runId) {
    auto ws = Workspace::open(root, false);
    if (!ws) return ws.error();
    auto status = RunStore((*ws)->catalog()).status(runId);
    if (!status) return status.error();
    if (*status == RunStatus::Completed) return {};
    Error refused = makeError(ErrorCode::InvalidArgument, "run " + runId + " is " +
                                                              runStatusName(*status) +
                                                              "; only a completed run can be exported");
    if (isResumable(*status)) refused.hint = "`kiln resume " + runId + "` finishes it first";
    return refused;
}

Result<ExportResult> exportTo(const fs::path& root, const std::string& runId,
                              const fs::path& target,
                              const std::function<void(const std::string&)>& progress) {
    auto started = Clock::now();
    auto say = [&](const std::string& stage) {
        if (progress) progress(stage);
    };
    say("loading run " + runId);
    auto model = loadTrainedModel(root / "runs" / runId);
    if (!model) return model.error();
    ObjectStore store(root / "objects");
    auto heldOut = loadHeldOut(*model, store, 20000);
    if (!heldOut) return heldOut.error();
    say("writing " + target.string());
    OnnxExportOptions options;
    auto bytes = buildOnnxModel(*model, options);
    if (!bytes) return bytes.error();
    auto writer = AtomicFileWriter::create(target);
    if (!writer) return writer.error();
    (*writer)->write(*bytes);
    if (auto st = (*writer)->flush(); !st) return st.error();
    say("verifying on " + std::to_string(heldOut->count()) + " " + rowsName(heldOut->part));
    auto report = verifyOnnxFile(*model, *heldOut, (*writer)->temporaryPath());
    if (!report) return report.error();
    if (!report->passed)
        return makeError(ErrorCode::Corrupt, "export verification failed: " + report->message,
                         report->checker);
    if (auto st = (*writer)->commit(); !st) return st.error();
    ExportResult result{runId, target, "", std::int64_t(bytes->size()), *report, 0};
    result.sha256 = Sha256::hashHex(*bytes);
    result.seconds = secondsSince(started);
    return result;
}

}  // namespace

Result<ExportResult> exportRun(const fs::path& root, const std::string& runId, const fs::path& file,
                               const std::function<void(const std::string&)>& progress) {
    if (auto st = checkCompleted(root, runId); !st) return st.error();
    auto target = checkOutputPath(file, root);
    if (!target) return target.error();
    return exportTo(root, runId, *target, progress);
}

Result<ExportResult> exportRunIntoWorkspace(
    const fs::path& root, const std::string& runId,
    const std::function<void(const std::string&)>& progress) {
    if (auto st = checkCompleted(root, runId); !st) return st.error();
    std::error_code ec;
    fs::path target = fs::absolute(root / "runs" / runId / "model.onnx", ec);
    if (fs::is_symlink(fs::symlink_status(target, ec)) ||
        (fs::exists(target, ec) && !fs::is_regular_file(target, ec)))
        return makeError(ErrorCode::Corrupt, "the run's model.onnx is not a regular file",
                         target.string());
    return exportTo(root, runId, target, progress);
}

}  // namespace kiln
