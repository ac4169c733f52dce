#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace kiln {

// One answered request, as the last-requests list shows it.
struct RequestRecord {
    std::string time;  // ISO 8601, UTC, milliseconds
    std::string method, path;
    int status = 0;
    std::size_t rows = 0;
    double milliseconds = 0;
    std::string version;  // "wine@3" for a prediction
    std::string summary;  // the first row's label or value, or the error
};

// What a server counts, safe to update from every request thread: requests by path and status,
// rows predicted, a latency histogram (Prometheus buckets) and the last latencies for exact
// percentiles, the last requests.
class ServeMetrics {
public:
    static constexpr std::array<double, 14> kBucketsSeconds = {
        0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5};

    void record(const RequestRecord& r);
    void addBatches(std::size_t batches, std::size_t rows);
    void setModel(const std::string& label, const std::string& sha256);
    void countSwap(bool ok);
    void countTrafficSkipped(std::size_t rows);

    // The Prometheus text exposition (format 0.0.4).
    std::string prometheusText() const;

    // A snapshot for status lines and Studio: requests, errors, rows, rates over the last
    // second(s) since the previous snapshot, p50/p99 of the last 2,048 predictions, the last
    // requests (newest first).
    nlohmann::json snapshot();

private:
    mutable std::mutex m_mutex;
    std::map<std::pair<std::string, int>, std::uint64_t> m_requests;  // (path, status)
    std::array<std::uint64_t, kBucketsSeconds.size()> m_buckets{};
    std::uint64_t m_latencyCount = 0;
    double m_latencySum = 0;
    std::uint64_t m_rows = 0, m_errors = 0, m_predictions = 0;
    std::uint64_t m_batches = 0, m_batchedRows = 0;
    std::uint64_t m_swaps = 0, m_swapFailures = 0, m_trafficSkipped = 0;
    std::deque<double> m_recentMs;
    std::deque<RequestRecord> m_last;
    std::string m_model, m_sha256;
    std::chrono::steady_clock::time_point m_started = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point m_snapshotAt = m_started;
    std::uint64_t m_snapshotPredictions = 0, m_snapshotRows = 0;
};

// "2026-12-03T14:05:09.123Z" for now.
std::string isoTimeNow();

}  // namespace kiln
