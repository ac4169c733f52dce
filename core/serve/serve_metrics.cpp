#include "core/serve/serve_metrics.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>
#include <sstream>

namespace kiln {

namespace {

constexpr std::size_t kRecentLatencies = 2048;
constexpr std::size_t kLastRequests = 50;

double percentile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    double pos = q * double(v.size() - 1);
    auto lo = std::size_t(pos);
    auto hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (pos - double(lo));
}

// A label value in Prometheus text: backslash, quote and line feed escaped.
std::string labelValue(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '\\' || c == '"') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

std::string number(double v) {
    std::ostringstream s;
    s.precision(10);
    s << v;
    return s.str();
}

}  // namespace

std::string isoTimeNow() {
    auto now = std::chrono::system_clock::now();
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
    std::time_t seconds = std::time_t(ms / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, int(ms % 1000));
    return buf;
}

void ServeMetrics::record(const RequestRecord& r) {
    std::lock_guard<std::mutex> lock(m_mutex);
    ++m_requests[{r.path, r.status}];
    if (r.status >= 400) ++m_errors;
    if (r.path != "/v1/predict") return;
    const double seconds = r.milliseconds / 1000;
    for (std::size_t b = 0; b < kBucketsSeconds.size(); ++b)
        if (seconds <= kBucketsSeconds[b]) ++m_buckets[b];
    ++m_latencyCount;
    m_latencySum += seconds;
    if (r.status == 200) {
        ++m_predictions;
        m_rows += r.rows;
        m_recentMs.push_back(r.milliseconds);
        if (m_recentMs.size() > kRecentLatencies) m_recentMs.pop_front();
    }
    m_last.push_front(r);
    if (m_last.size() > kLastRequests) m_last.pop_back();
}

void ServeMetrics::addBatches(std::size_t batches, std::size_t rows) {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_batches = batches;
    m_batchedRows = rows;
}

void ServeMetrics::setModel(const std::string& label, const std::string& sha256) {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_model = label;
    m_sha256 = sha256;
}

void ServeMetrics::countSwap(bool ok) {
    std::lock_guard<std::mutex> lock(m_mutex);
    ++(ok ? m_swaps : m_swapFailures);
}

void ServeMetrics::countTrafficSkipped(std::size_t rows) {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_trafficSkipped += rows;
}

std::string ServeMetrics::prometheusText() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    std::ostringstream out;
    auto head = [&](const char* name, const char* type, const char* help) {
        out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n';
    };
    head("kiln_requests_total", "counter", "Requests answered, by path and status code.");
    for (const auto& [key, count] : m_requests)
        out << "kiln_requests_total{path=\"" << labelValue(key.first) << "\",code=\"" << key.second
            << "\"} " << count << '\n';
    head("kiln_request_errors_total", "counter", "Requests answered with a status of 400 or more.");
    out << "kiln_request_errors_total " << m_errors << '\n';
    head("kiln_rows_predicted_total", "counter", "Rows predicted in answered requests.");
    out << "kiln_rows_predicted_total " << m_rows << '\n';
    head("kiln_predict_duration_seconds", "histogram",
         "Time from a prediction request's arrival to its answer.");
    for (std::size_t b = 0; b < kBucketsSeconds.size(); ++b)
        out << "kiln_predict_duration_seconds_bucket{le=\"" << number(kBucketsSeconds[b]) << "\"} "
            << m_buckets[b] << '\n';
    out << "kiln_predict_duration_seconds_bucket{le=\"+Inf\"} " << m_latencyCount << '\n'
        << "kiln_predict_duration_seconds_sum " << number(m_latencySum) << '\n'
        << "kiln_predict_duration_seconds_count " << m_latencyCount << '\n';
    head("kiln_batches_total", "counter", "Executor calls, each carrying one or more requests.");
    out << "kiln_batches_total " << m_batches << '\n';
    head("kiln_batched_rows_total", "counter", "Rows the executor calls carried.");
    out << "kiln_batched_rows_total " << m_batchedRows << '\n';
    head("kiln_model_swaps_total", "counter", "New versions of the served stage switched to.");
    out << "kiln_model_swaps_total " << m_swaps << '\n';
    head("kiln_model_swap_failures_total", "counter",
         "New versions of the served stage that failed to load or verify (the old one kept).");
    out << "kiln_model_swap_failures_total " << m_swapFailures << '\n';
    head("kiln_traffic_rows_skipped_total", "counter",
         "Predicted rows left out of the traffic log by its sampling or its size limit.");
    out << "kiln_traffic_rows_skipped_total " << m_trafficSkipped << '\n';
    head("kiln_model_info", "gauge", "The model answering now (always 1).");
    out << "kiln_model_info{model=\"" << labelValue(m_model) << "\",sha256=\"" << labelValue(m_sha256)
        << "\"} 1\n";
    head("kiln_uptime_seconds", "gauge", "Seconds since the server started.");
    out << "kiln_uptime_seconds "
        << number(std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count())
        << '\n';
    return out.str();
}

nlohmann::json ServeMetrics::snapshot() {
    std::lock_guard<std::mutex> lock(m_mutex);
    using nlohmann::json;
    const auto now = std::chrono::steady_clock::now();
    const double span = std::max(1e-3, std::chrono::duration<double>(now - m_snapshotAt).count());
    json last = json::array();
    for (std::size_t i = 0; i < m_last.size() && i < 20; ++i) {
        const auto& r = m_last[i];
        last.push_back({{"time", r.time},
                        {"status", r.status},
                        {"rows", r.rows},
                        {"ms", r.milliseconds},
                        {"version", r.version},
                        {"summary", r.summary}});
    }
    std::vector<double> recent(m_recentMs.begin(), m_recentMs.end());
    std::uint64_t requests = 0;
    for (const auto& [key, count] : m_requests)
        if (key.first == "/v1/predict") requests += count;
    json doc = {{"model", m_model},
                {"requests", requests},
                {"predictions", m_predictions},
                {"errors", m_errors},
                {"rows", m_rows},
                {"requests_per_s", double(m_predictions - m_snapshotPredictions) / span},
                {"rows_per_s", double(m_rows - m_snapshotRows) / span},
                {"p50_ms", percentile(recent, 0.5)},
                {"p99_ms", percentile(recent, 0.99)},
                {"batches", m_batches},
                {"swaps", m_swaps},
                {"swap_failures", m_swapFailures},
                {"traffic_rows_skipped", m_trafficSkipped},
                {"last", last}};
    m_snapshotAt = now;
    m_snapshotPredictions = m_predictions;
    m_snapshotRows = m_rows;
    return doc;
}

}  // namespace kiln
