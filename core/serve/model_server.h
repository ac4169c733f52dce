#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "core/base/result.h"
#include "core/serve/predict_request.h"
#include "core/serve/traffic_log.h"

namespace kiln {

struct ServedModel;

// What to serve: a registered model (NAME, NAME@VER or NAME@STAGE in the workspace) or an
// exported file. The workspace also holds the traffic log.
struct ServeSource {
    std::filesystem::path workspace;
    std::string reference;       // a registered model; empty when `file` is served
    std::filesystem::path file;  // an .onnx file outside the registry
};

struct ServeOptions {
    std::string host = "127.0.0.1";
    int port = 8080;               // 0: a free port, chosen when the server binds
    std::string token;             // bearer token; required when `host` is not loopback
    int workers = 0;               // executor threads (0: every core)
    int httpThreads = 64;          // connections served at once
    std::size_t maxBodyBytes = 8u << 20;
    RequestLimits limits;
    std::chrono::milliseconds maxQueueWait{10000};
    int readTimeoutSeconds = 5;    // a client slower than this between bytes is cut off
    std::chrono::milliseconds watchInterval{1000};  // how often a served stage is checked
    bool logTraffic = true;
    TrafficLog::Options traffic;
};

// Whether `host` is a loopback address (127.0.0.0/8, ::1, localhost).
bool isLoopbackHost(const std::string& host);

// An HTTP/1.1 server (cpp-httplib) answering predictions of one model:
//   POST /v1/predict  JSON rows or columns, or a CSV body → labels and probabilities (or values),
//                     with the model, version and sha256 that answered; 400 naming the row and
//                     column of a bad value, 401 without the token, 413 for a body over the
//                     limit, 415 for another content type, 503 when no worker was free in time;
//   GET  /v1/model    inputs and their types, classes, lineage;
//   GET  /healthz     {"status": "ok"} (no token needed);
//   GET  /metrics     Prometheus text.
// Requests from all clients are batched (PredictionBatcher). A served stage (NAME@production,
// or NAME for the newest version) is checked every watchInterval: a new version is loaded,
// verified and switched to between requests, none dropped. No request path reaches the file
// system: only the four routes answer.
class ModelServer {
public:
    // Loads the model, binds and starts listening on a thread of its own; returns once requests
    // are answered. InvalidArgument for a host off loopback without a token; Io when the port
    // cannot be bound; the model's load error otherwise.
    static Result<std::unique_ptr<ModelServer>> start(const ServeSource& source, const ServeOptions& options);
    ~ModelServer();  // stop()

    int port() const;
    const std::string& host() const;
    std::string address() const;  // "http://127.0.0.1:8080"
    std::shared_ptr<const ServedModel> model() const;
    const std::filesystem::path& trafficFolder() const;

    // A metrics snapshot (ServeMetrics::snapshot) and the Prometheus text.
    nlohmann::json snapshot();
    std::string metricsText() const;

    // Called from the watcher's thread with {"event": "swapped"|"swap_failed", …}.
    void onEvent(std::function<void(const nlohmann::json&)> listener);

    // Checks the served stage now; true when it switched to a new version.
    Result<bool> checkForNewVersion();

    // Stops accepting connections, answers the requests in flight, writes the traffic log.
    void stop();

    struct Impl;

private:
    explicit ModelServer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace kiln
