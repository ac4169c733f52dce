#include "core/export/system_evaluation.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "core/base/parallel.h"
#include "core/export/batch_predict.h"
#include "core/export/held_out.h"
#include "core/export/onnx_executor.h"
#include "core/export/trained_model.h"
#include "core/store/object_store.h"

namespace kiln {

namespace {

using Clock = std::chrono::steady_clock;

double score(const TrainedModel& m, const HeldOutData& h, const std::map<std::string, HostTensor>& out) {
    if (m.classification()) {
        const auto& labels = out.at("label").int64s;
        std::size_t right = 0;
        for (std::size_t i = 0; i < h.count(); ++i) right += labels[i] == h.labels[i];
        return h.count() ? double(right) / double(h.count()) : 0;
    }
    const auto& v = out.at("value").floats;
    double mean = 0, ssRes = 0, ssTot = 0;
    for (double y : h.targets) mean += y / double(h.count());
    for (std::size_t i = 0; i < h.count(); ++i) {
        ssRes += (h.targets[i] - v[i]) * (h.targets[i] - v[i]);
        ssTot += (h.targets[i] - mean) * (h.targets[i] - mean);
    }
    return ssTot > 0 ? 1 - ssRes / ssTot : 0;
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, std::size_t(p * double(v.size())))];
}

}  // namespace

nlohmann::json SystemEvaluation::toJson() const {
    return {{"metric", metric},
            {"value", value},
            {"rows", rows},
            {"rows_from", part},
            {"latency_ms", {{"batch", 1}, {"p50", p50Ms}, {"p95", p95Ms}, {"p99", p99Ms}}},
            {"throughput", {{"batch", 64}, {"rows_per_s", rowsPerSecond}}},
            {"threads", threads},
            {"runtime", "kiln onnx executor (libonnx + LibTorch, CPU)"}};
}

Result<SystemEvaluation> evaluateSystem(const std::filesystem::path& root, const std::string& runId,
                                        const std::filesystem::path& onnxFile, int threads) {
    auto model = loadTrainedModel(root / "runs" / runId);
    if (!model) return model.error();
    ObjectStore store(root / "objects");
    auto h = loadHeldOut(*model, store);
    if (!h) return h.error();
    if (h->count() == 0) return makeError(ErrorCode::InvalidArgument, "the run has no held-out rows");
    auto exec = OnnxExecutor::load(onnxFile);
    if (!exec) return exec.error();
    OnnxExecutor::setThreads(threads);
    SystemEvaluation e;
    e.threads = threads > 0 ? threads : defaultThreadCount();
    e.rows = h->count();
    e.part = h->part;
    e.metric = model->classification() ? "accuracy" : "r2";
    auto out = exec->run(h->rawInputs);
    if (!out) return out.error();
    e.value = score(*model, *h, *out);
    std::vector<double> ms;
    for (std::size_t i = 0; i < 200; ++i) {
        auto one = sliceRows(h->rawInputs, i % h->count(), 1);
        auto t0 = Clock::now();
        if (auto r = exec->run(one); !r) return r.error();
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    e.p50Ms = percentile(ms, 0.50);
    e.p95Ms = percentile(ms, 0.95);
    e.p99Ms = percentile(ms, 0.99);
    std::size_t done = 0, batch = std::min<std::size_t>(64, h->count());
    auto t0 = Clock::now();
    double elapsed = 0;
    for (std::size_t b = 0; elapsed < 1.0 || done < 640; b = (b + batch) % (h->count() - batch + 1)) {
        if (auto r = exec->run(sliceRows(h->rawInputs, b, batch)); !r) return r.error();
        done += batch;
        elapsed = std::chrono::duration<double>(Clock::now() - t0).count();
    }
    e.rowsPerSecond = double(done) / elapsed;
    return e;
}

}  // namespace kiln
