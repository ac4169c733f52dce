#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/base/result.h"
#include "core/export/host_tensor.h"

namespace kiln {

struct ServedModel;

// What one request got back: its rows' outputs, the model that computed them and how many rows
// the executor call that carried it held (its own and other clients').
struct BatchAnswer {
    std::map<std::string, HostTensor> outputs;
    std::shared_ptr<const ServedModel> model;
    std::size_t batchRows = 0;
};

// Runs requests from many clients on a few executor threads, batching them: an idle worker
// takes a request at once (a lone request waits for nothing), and while every worker is busy
// the requests that arrive queue up and the next free worker runs all of them, up to
// `maxBatchRows`, in one executor call. Requests for different models (a hot swap) never share
// a call. A request that waits longer than `maxWait` is answered Busy and never run.
class PredictionBatcher {
public:
    struct Options {
        int workers = 0;                 // executor threads (0: every core)
        std::size_t maxBatchRows = 512;  // rows in one executor call at most
        std::chrono::milliseconds maxWait{10000};
    };

    explicit PredictionBatcher(Options options);
    ~PredictionBatcher();  // stop()
    PredictionBatcher(const PredictionBatcher&) = delete;
    PredictionBatcher& operator=(const PredictionBatcher&) = delete;

    // Blocks until the rows are predicted. Busy after maxWait or once stopped; the executor's
    // error otherwise.
    Result<BatchAnswer> predict(std::shared_ptr<const ServedModel> model,
                                std::map<std::string, HostTensor> inputs, std::size_t rows);

    // Runs what is queued, then ends the workers. Later predict() calls are Busy.
    void stop();

    // Executor calls made and rows they held, since the start.
    std::size_t batches() const;
    std::size_t batchedRows() const;

private:
    struct Pending;
    void work();
    std::vector<std::shared_ptr<Pending>> takeBatch(std::unique_lock<std::mutex>& lock);
    void run(const std::vector<std::shared_ptr<Pending>>& batch);

    Options m_options;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::shared_ptr<Pending>> m_queue;
    bool m_stopping = false;
    std::size_t m_batches = 0, m_batchedRows = 0;
    std::vector<std::thread> m_workers;
};

}  // namespace kiln
