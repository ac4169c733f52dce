#include "core/serve/prediction_batcher.h"

#include <algorithm>
#include <optional>

#include "core/base/parallel.h"
#include "core/export/batch_predict.h"
#include "core/export/onnx_executor.h"
#include "core/serve/served_model.h"

namespace kiln {

struct PredictionBatcher::Pending {
    std::shared_ptr<const ServedModel> model;
    std::map<std::string, HostTensor> inputs;
    std::size_t rows = 0;
    bool taken = false, done = false, abandoned = false;
    std::optional<Result<BatchAnswer>> answer;
    std::condition_variable finished;
};

namespace {

// The requests' inputs one after another, as one [sum of rows, …] tensor per input.
std::map<std::string, HostTensor> concatenate(const std::vector<std::map<std::string, HostTensor>*>& parts) {
    std::map<std::string, HostTensor> all = *parts.front();
    for (std::size_t p = 1; p < parts.size(); ++p)
        for (auto& [name, t] : all) {
            const HostTensor& more = parts[p]->at(name);
            t.shape[0] += more.shape[0];
            t.floats.insert(t.floats.end(), more.floats.begin(), more.floats.end());
            t.doubles.insert(t.doubles.end(), more.doubles.begin(), more.doubles.end());
            t.int64s.insert(t.int64s.end(), more.int64s.begin(), more.int64s.end());
            t.bytes.insert(t.bytes.end(), more.bytes.begin(), more.bytes.end());
            t.strings.insert(t.strings.end(), more.strings.begin(), more.strings.end());
        }
    return all;
}

}  // namespace

PredictionBatcher::PredictionBatcher(Options options) : m_options(options) {
    const int workers = m_options.workers > 0 ? m_options.workers : defaultThreadCount();
    for (int i = 0; i < workers; ++i) m_workers.emplace_back([this] { work(); });
}

PredictionBatcher::~PredictionBatcher() { stop(); }

void PredictionBatcher::stop() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (auto& t : m_workers)
        if (t.joinable()) t.join();
}

std::size_t PredictionBatcher::batches() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_batches;
}

std::size_t PredictionBatcher::batchedRows() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_batchedRows;
}

Result<BatchAnswer> PredictionBatcher::predict(std::shared_ptr<const ServedModel> model,
                                               std::map<std::string, HostTensor> inputs,
                                               std::size_t rows) {
    auto p = std::make_shared<Pending>();
    p->model = std::move(model);
    p->inputs = std::move(inputs);
    p->rows = rows;
    std::unique_lock<std::mutex> lock(m_mutex);
    if (m_stopping) return makeError(ErrorCode::Busy, "the server is stopping");
    m_queue.push_back(p);
    m_wake.notify_one();
    const auto deadline = std::chrono::steady_clock::now() + m_options.maxWait;
    if (!p->finished.wait_until(lock, deadline, [&] { return p->done || p->taken; })) {
        p->abandoned = true;  // the worker that finds it skips it
        return makeError(ErrorCode::Busy, "the request waited " + std::to_string(m_options.maxWait.count()) +
                                              " ms for a free worker; try again");
    }
    p->finished.wait(lock, [&] { return p->done; });
    return std::move(*p->answer);
}

std::vector<std::shared_ptr<PredictionBatcher::Pending>> PredictionBatcher::takeBatch(
    std::unique_lock<std::mutex>&) {
    std::vector<std::shared_ptr<Pending>> batch;
    std::size_t rows = 0;
    while (!m_queue.empty()) {
        auto& next = m_queue.front();
        if (next->abandoned) {
            m_queue.pop_front();
            continue;
        }
        if (!batch.empty() && (next->model != batch.front()->model || rows + next->rows > m_options.maxBatchRows))
            break;
        rows += next->rows;
        next->taken = true;
        batch.push_back(next);
        m_queue.pop_front();
    }
    return batch;
}

void PredictionBatcher::run(const std::vector<std::shared_ptr<Pending>>& batch) {
    std::vector<std::map<std::string, HostTensor>*> parts;
    std::size_t total = 0;
    for (const auto& p : batch) {
        parts.push_back(&p->inputs);
        total += p->rows;
    }
    const ServedModel& model = *batch.front()->model;
    auto outputs = batch.size() == 1 ? model.executor.run(batch.front()->inputs)
                                     : model.executor.run(concatenate(parts));
    std::lock_guard<std::mutex> lock(m_mutex);
    ++m_batches;
    m_batchedRows += total;
    std::size_t begin = 0;
    for (const auto& p : batch) {
        if (!outputs)
            p->answer = Result<BatchAnswer>(outputs.error());
        else
            p->answer = BatchAnswer{batch.size() == 1 ? *outputs : sliceRows(*outputs, begin, p->rows),
                                    p->model, total};
        begin += p->rows;
        p->done = true;
        p->finished.notify_all();
    }
}

void PredictionBatcher::work() {
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
        if (m_queue.empty() && m_stopping) return;
        auto batch = takeBatch(lock);
        if (batch.empty()) continue;
        if (!m_queue.empty()) m_wake.notify_one();  // more than one batch's worth is waiting
        lock.unlock();
        run(batch);
        lock.lock();
    }
}

}  // namespace kiln
