#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace kiln {

// Items 0 … count-1 made on worker threads in any order and taken on the calling thread in
// order: for work whose parts can be computed apart but must be consumed in sequence (parsed
// chunks of a file appended to a table). Workers stay at most `window` items ahead of the
// consumer, so at most that many finished items wait in memory. Run once.
template <class Item>
class ParallelPass {
public:
    // Makes item k on a worker thread. A std::exception it throws stops the pass.
    using Produce = std::function<Item(std::size_t k)>;
    // Takes item k on the calling thread; false stops the pass (no later item is taken).
    using Consume = std::function<bool(std::size_t k, Item& item)>;

    ParallelPass(std::size_t count, Produce produce, std::size_t window = 4)
        : m_produce(std::move(produce)), m_slots(count), m_window(window) {}

    // Starts `threads` workers, consumes the items in order, then joins the workers. Returns
    // the message of the exception that stopped a worker (the item it was making and every
    // later one are not consumed), or nothing when every item was consumed or consume stopped.
    std::optional<std::string> run(unsigned threads, const Consume& consume) {
        std::vector<std::thread> workers;
        for (unsigned t = 0; t < threads; ++t) workers.emplace_back([this] { work(); });
        auto failure = consumeAll(consume);
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_cv.notify_all();
        for (auto& w : workers) w.join();
        return failure;
    }

private:
    // One worker: takes the next item number, waits until it is inside the window, makes it.
    void work() {
        for (;;) {
            std::size_t k = m_next++;
            if (k >= m_slots.size()) return;
            {
                std::unique_lock lock(m_mutex);
                m_cv.wait(lock, [&] { return m_stop || k < m_consumed + m_window; });
                if (m_stop) return;
            }
            Item item;
            try {
                item = m_produce(k);
            } catch (const std::exception& e) {
                std::lock_guard lock(m_mutex);
                m_failure = e.what();
                m_stop = true;
                m_cv.notify_all();
                return;
            }
            std::lock_guard lock(m_mutex);
            m_slots[k] = std::move(item);
            m_cv.notify_all();
        }
    }

    std::optional<std::string> consumeAll(const Consume& consume) {
        for (std::size_t k = 0; k < m_slots.size(); ++k) {
            Item item;
            {
                std::unique_lock lock(m_mutex);
                m_cv.wait(lock, [&] { return m_slots[k].has_value() || m_stop; });
                if (!m_slots[k]) return m_failure;
                item = std::move(*m_slots[k]);
                m_slots[k].reset();
                m_consumed = k + 1;
            }
            m_cv.notify_all();
            if (!consume(k, item)) return std::nullopt;
        }
        return std::nullopt;
    }

    Produce m_produce;
    std::vector<std::optional<Item>> m_slots;  // made, not yet consumed
    std::size_t m_window;
    std::atomic<std::size_t> m_next{0};
    std::size_t m_consumed = 0;
    bool m_stop = false;
    std::string m_failure;  // what stopped a worker
    std::mutex m_mutex;
    std::condition_variable m_cv;
};

}  // namespace kiln
