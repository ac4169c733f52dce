#include "core/serve/model_server.h"

#include <sys/socket.h>

#include <httplib.h>
#include <openssl/crypto.h>

#include <atomic>
#include <charconv>
#include <cstdlib>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/base/logger.h"
#include "core/export/model_registry.h"
#include "core/export/onnx_executor.h"
#include "core/serve/prediction_batcher.h"
#include "core/serve/serve_metrics.h"
#include "core/serve/served_model.h"
#include "core/store/sha256.h"
#include "core/store/workspace.h"

namespace kiln {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

// Per request thread: when the request arrived and what its handler found, for the logger
// that runs after the handler on the same thread.
thread_local Clock::time_point t_arrived{};
thread_local RequestRecord t_record;

// A float as the shortest decimal that reads back as it ("0.8", not 0.800000011920929).
double shortestDouble(float f) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, f);
    if (ec != std::errc()) return double(f);
    *end = '\0';
    return std::strtod(buf, nullptr);
}

json jsonFloat(float f) { return std::isfinite(f) ? json(shortestDouble(f)) : json(nullptr); }

std::array<std::uint8_t, 32> digestOf(const std::string& text) {
    Sha256 h;
    h.update(text);
    return h.digest();
}

// Compares digests of both in constant time: neither the length nor the first differing byte
// of a guess shows in the time it takes.
bool sameSecret(const std::string& given, const std::string& expected) {
    const auto a = digestOf(given), b = digestOf(expected);
    return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

void sendJson(httplib::Response& res, int status, const json& body) {
    res.status = status;
    res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json");
}

void sendError(httplib::Response& res, int status, const std::string& message, const std::string& where = "") {
    json body = {{"error", message}};
    if (!where.empty()) body["where"] = where;
    sendJson(res, status, body);
    t_record.summary = message;
}

int statusFor(const Error& e) {
    switch (e.code) {
    case ErrorCode::InvalidArgument:
    case ErrorCode::NotFound:
    case ErrorCode::Corrupt: return 400;
    case ErrorCode::Busy: return 503;
    default: return 500;
    }
}

}  // namespace

bool isLoopbackHost(const std::string& host) {
    return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

struct ModelServer::Impl {
    ServeSource source;
    ServeOptions options;
    httplib::Server http;
    std::unique_ptr<PredictionBatcher> batcher;
    std::unique_ptr<TrafficLog> traffic;
    fs::path trafficFolder;
    ServeMetrics metrics;
    mutable std::mutex modelMutex;
    std::shared_ptr<const ServedModel> current;
    int port = 0;
    std::thread listener, watcher;
    std::mutex watchMutex;
    std::condition_variable watchWake;
    bool stopping = false;
    std::unique_ptr<Workspace> watchWorkspace;  // the watcher thread's own
    std::function<void(const json&)> onEvent;
    std::string lastWatchError;

    std::shared_ptr<const ServedModel> model() const {
        std::lock_guard<std::mutex> lock(modelMutex);
        return current;
    }
    void setModel(std::shared_ptr<const ServedModel> m) {
        metrics.setModel(m->label(), m->sha256);
        std::lock_guard<std::mutex> lock(modelMutex);
        current = std::move(m);
    }
    bool watches() const {
        if (source.reference.empty()) return false;
        auto at = source.reference.find('@');
        return at == std::string::npos || source.reference.substr(at + 1) == "production" ||
               source.reference.substr(at + 1) == "staging";
    }

    void routes();
    void predict(const httplib::Request& req, httplib::Response& res);
    json answer(const ServedModel& m, const BatchAnswer& a, const PredictRequest& r) const;
    void logTraffic(const ServedModel& m, const BatchAnswer& a, const PredictRequest& r, const json& predictions);
    Result<bool> checkForNewVersion();
    void watchLoop();
};

json ModelServer::Impl::answer(const ServedModel& m, const BatchAnswer& a, const PredictRequest& r) const {
    json predictions = json::array();
    if (m.classification) {
        const auto& labels = a.outputs.at("label").int64s;
        const auto& probs = a.outputs.at("probabilities").floats;
        const std::size_t k = m.classes.size();
        for (std::size_t i = 0; i < r.rows; ++i) {
            json p = json::object();
            for (std::size_t c = 0; c < k; ++c) p[m.classes[c]] = jsonFloat(probs[i * k + c]);
            auto l = std::size_t(labels[i]);
            predictions.push_back({{"label", l < k ? m.classes[l] : std::to_string(l)}, {"probabilities", p}});
        }
    } else {
        const auto& values = a.outputs.at("value").floats;
        for (std::size_t i = 0; i < r.rows; ++i) predictions.push_back({{"value", jsonFloat(values[i])}});
    }
    return predictions;
}

void ModelServer::Impl::logTraffic(const ServedModel& m, const BatchAnswer& a, const PredictRequest& r,
                                   const json& predictions) {
    if (!traffic) return;
    json outputs = json::object();
    if (m.classification) {
        json labels = json::array(), probabilities = json::array();
        for (const auto& p : predictions) {
            labels.push_back(p["label"]);
            json row = json::array();
            for (const auto& c : m.classes) row.push_back(p["probabilities"][c]);
            probabilities.push_back(std::move(row));
        }
        outputs = {{"label", labels}, {"probabilities", probabilities}};
    } else {
        json values = json::array();
        for (const auto& p : predictions) values.push_back(p["value"]);
        outputs = {{"value", values}};
    }
    json line = {{"time", isoTimeNow()},    {"model", m.name},    {"version", m.version},
                 {"sha256", m.sha256},      {"rows", r.rows},     {"inputs", r.columns},
                 {"outputs", outputs},      {"batch_rows", a.batchRows}};
    if (!traffic->append(line, r.rows)) metrics.countTrafficSkipped(r.rows);
}

void ModelServer::Impl::predict(const httplib::Request& req, httplib::Response& res) {
    auto m = model();
    const std::string type = req.get_header_value("Content-Type");
    const bool csv = type.rfind("text/csv", 0) == 0;
    const bool picture = type.rfind("image/", 0) == 0;
    // curl -d without a Content-Type says form-urlencoded: its body is read as JSON.
    const bool jsonBody = type.empty() || type.rfind("application/json", 0) == 0 ||
                          type.rfind("application/x-www-form-urlencoded", 0) == 0;
    if (!csv && !jsonBody && !picture)
        return sendError(res, 415,
                         "the body is '" + type + "'; send application/json (rows or columns), text/csv" +
                             (m->images() ? " or a picture (image/png, image/jpeg, …)" : ""));
    auto parsed = picture ? parseImageRequest(*m, req.body)
                  : csv   ? parseCsvRequest(*m, req.body, options.limits)
                          : parseJsonRequest(*m, req.body, options.limits);
    if (!parsed) return sendError(res, 400, parsed.error().message, parsed.error().context);
    if (parsed->rows == 0) return sendError(res, 400, "the request holds no rows", "rows");
    const std::size_t rows = parsed->rows;
    auto answered = batcher->predict(m, parsed->inputs, rows);
    if (!answered) return sendError(res, statusFor(answered.error()), answered.error().message);
    const ServedModel& by = *answered->model;
    json predictions = answer(by, *answered, *parsed);
    json body = {{"model", by.name}, {"version", by.version}, {"sha256", by.sha256}, {"predictions", predictions}};
    if (!parsed->warnings.empty()) body["warnings"] = parsed->warnings;
    sendJson(res, 200, body);
    t_record.rows = rows;
    t_record.version = by.label();
    const json& first = predictions.front();
    t_record.summary = first.contains("label") ? first["label"].get<std::string>() : first["value"].dump();
    logTraffic(by, *answered, *parsed, predictions);
}

void ModelServer::Impl::routes() {
    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        t_arrived = Clock::now();
        t_record = RequestRecord{};
        if (options.token.empty() || req.path == "/healthz") return httplib::Server::HandlerResponse::Unhandled;
        const std::string auth = req.get_header_value("Authorization");
        const std::string prefix = "Bearer ";
        if (auth.rfind(prefix, 0) == 0 && sameSecret(auth.substr(prefix.size()), options.token))
            return httplib::Server::HandlerResponse::Unhandled;
        res.set_header("WWW-Authenticate", "Bearer");
        sendError(res, 401, "this server needs its token: send the header 'Authorization: Bearer TOKEN'");
        return httplib::Server::HandlerResponse::Handled;
    });
    http.Post("/v1/predict", [this](const httplib::Request& req, httplib::Response& res) { predict(req, res); });
    http.Get("/v1/model", [this](const httplib::Request&, httplib::Response& res) {
        sendJson(res, 200, model()->describe());
    });
    http.Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
        sendJson(res, 200, {{"status", "ok"}, {"model", model()->label()}});
    });
    http.Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
        res.set_content(metrics.prometheusText(), "text/plain; version=0.0.4; charset=utf-8");
    });
    auto wrongMethod = [](const char* allowed) {
        return [allowed](const httplib::Request& req, httplib::Response& res) {
            res.set_header("Allow", allowed);
            sendError(res, 405, req.method + " is not answered at " + req.path + "; use " + allowed);
        };
    };
    http.Get("/v1/predict", wrongMethod("POST"));
    for (const char* path : {"/v1/model", "/healthz", "/metrics"}) {
        http.Post(path, wrongMethod("GET"));
        http.Put(path, wrongMethod("GET"));
        http.Delete(path, wrongMethod("GET"));
    }
    http.Put("/v1/predict", wrongMethod("POST"));
    http.Delete("/v1/predict", wrongMethod("POST"));
    http.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return;
        if (res.status == 404)
            sendError(res, 404, "nothing is served at " + req.path +
                                    "; the routes are POST /v1/predict, GET /v1/model, GET /healthz, GET /metrics");
        else if (res.status == 413)
            sendError(res, 413, "the body is larger than " + std::to_string(options.maxBodyBytes) + " bytes");
        else if (res.status == 400)
            sendError(res, 400, "the request could not be read in full (cut off, malformed, or slower than the " +
                                    std::to_string(options.readTimeoutSeconds) + " s read timeout)");
        else
            sendError(res, res.status, "the request was refused (" + std::to_string(res.status) + ")");
    });
    http.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
        RequestRecord r = t_record;
        r.time = isoTimeNow();
        r.method = req.method;
        r.path = req.path == "/v1/predict" || req.path == "/v1/model" || req.path == "/healthz" || req.path == "/metrics"
                     ? req.path
                     : std::string("other");
        r.status = res.status;
        r.milliseconds = t_arrived == Clock::time_point{}
                             ? 0
                             : std::chrono::duration<double, std::milli>(Clock::now() - t_arrived).count();
        t_arrived = Clock::time_point{};
        metrics.record(r);
    });
}

Result<bool> ModelServer::Impl::checkForNewVersion() {
    if (!watches()) return false;
    if (!watchWorkspace) {
        auto ws = Workspace::open(source.workspace);
        if (!ws) return ws.error();
        watchWorkspace = std::move(*ws);
    }
    auto located = ModelRegistry(*watchWorkspace).locate(source.reference);
    if (!located) return located.error();
    auto now = model();
    if (located->version == now->version && located->sha256 == now->sha256) return false;
    auto loaded = loadServedVersion(*located);
    metrics.countSwap(bool(loaded));
    if (!loaded) {
        if (onEvent)
            onEvent({{"event", "swap_failed"},
                     {"version", located->model + "@" + std::to_string(located->version)},
                     {"error", loaded.error().toString()}});
        return loaded.error();
    }
    const std::string from = now->label();
    setModel(*loaded);
    if (onEvent) onEvent({{"event", "swapped"}, {"from", from}, {"to", (*loaded)->label()}});
    return true;
}

void ModelServer::Impl::watchLoop() {
    std::unique_lock<std::mutex> lock(watchMutex);
    while (!stopping) {
        watchWake.wait_for(lock, options.watchInterval, [&] { return stopping; });
        if (stopping) break;
        lock.unlock();
        auto checked = checkForNewVersion();
        if (!checked && checked.error().toString() != lastWatchError) {
            lastWatchError = checked.error().toString();
            log::warning("serve: keeping " + model()->label() + ": " + lastWatchError);
        } else if (checked) {
            lastWatchError.clear();
        }
        lock.lock();
    }
}

Result<std::unique_ptr<ModelServer>> ModelServer::start(const ServeSource& source, const ServeOptions& options) {
    if (!isLoopbackHost(options.host) && options.token.empty())
        return makeError(ErrorCode::InvalidArgument,
                         "serving on " + options.host + " makes the model reachable from other machines; "
                         "give a token (--token-file FILE) or serve on 127.0.0.1");
    auto impl = std::make_unique<Impl>();
    impl->source = source;
    impl->options = options;
    auto ws = Workspace::open(source.workspace);
    if (!ws) return ws.error();
    std::shared_ptr<const ServedModel> model;
    if (!source.reference.empty()) {
        auto located = ModelRegistry(**ws).locate(source.reference);
        if (!located) return located.error();
        auto loaded = loadServedVersion(*located);
        if (!loaded) return loaded.error();
        model = *loaded;
        impl->trafficFolder = kiln::trafficFolder(**ws, model->name);
    } else {
        auto loaded = loadServedFile(source.file);
        if (!loaded) return loaded.error();
        model = *loaded;
        impl->trafficFolder = kiln::trafficFolderForFile(**ws, model->name, model->sha256);
    }
    impl->setModel(model);
    if (options.logTraffic) {
        auto log = TrafficLog::open(impl->trafficFolder, options.traffic);
        if (!log) return log.error();
        impl->traffic = std::move(*log);
    }
    OnnxExecutor::setThreads(1);  // whole batches side by side, not threads inside each node
    impl->batcher = std::make_unique<PredictionBatcher>(
        PredictionBatcher::Options{options.workers, 512, options.maxQueueWait});
    auto& http = impl->http;
    const std::size_t threads = std::size_t(std::max(2, options.httpThreads));
    http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    http.set_payload_max_length(options.maxBodyBytes);
    http.set_read_timeout(options.readTimeoutSeconds, 0);
    http.set_write_timeout(options.readTimeoutSeconds, 0);
    http.set_keep_alive_max_count(100000);
    http.set_keep_alive_timeout(5);
    http.set_tcp_nodelay(true);
    // cpp-httplib listens with a backlog of 5, fixed when Debian compiled it: clients opening a
    // connection per request (thousands a second) then lose a few to the kernel, unanswered and
    // never seen by a handler. The listening socket is taken here and given the system's
    // backlog once bound (Linux lets listen() be called again on it).
    int listening = -1;
    http.set_socket_options([&listening](int fd) {
        int yes = 1;
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        listening = fd;
    });
    impl->routes();
    if (options.port == 0) {
        impl->port = http.bind_to_any_port(options.host);
        if (impl->port < 0) impl->port = 0;
    } else if (http.bind_to_port(options.host, options.port)) {
        impl->port = options.port;
    }
    if (impl->port <= 0)
        return makeError(ErrorCode::Io,
                         "cannot listen on " + options.host + ":" + std::to_string(options.port) +
                             " (in use, or not an address of this machine)",
                         "choose another --port or --host");
    if (listening >= 0) ::listen(listening, SOMAXCONN);
    http.set_socket_options(httplib::default_socket_options);  // `listening` is this frame's
    impl->listener = std::thread([raw = impl.get()] { raw->http.listen_after_bind(); });
    while (!impl->http.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    if (impl->watches()) impl->watcher = std::thread([raw = impl.get()] { raw->watchLoop(); });
    return std::unique_ptr<ModelServer>(new ModelServer(std::move(impl)));
}

ModelServer::ModelServer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

ModelServer::~ModelServer() { stop(); }

void ModelServer::stop() {
    if (!m_impl) return;
    {
        std::lock_guard<std::mutex> lock(m_impl->watchMutex);
        m_impl->stopping = true;
    }
    m_impl->watchWake.notify_all();
    if (m_impl->watcher.joinable()) m_impl->watcher.join();
    m_impl->http.stop();  // in-flight requests finish: the pool joins its threads
    if (m_impl->listener.joinable()) m_impl->listener.join();
    if (m_impl->batcher) m_impl->batcher->stop();
    if (m_impl->traffic) m_impl->traffic->flush();
}

int ModelServer::port() const { return m_impl->port; }
const std::string& ModelServer::host() const { return m_impl->options.host; }
std::string ModelServer::address() const {
    const std::string& h = m_impl->options.host;
    return "http://" + (h.find(':') != std::string::npos ? "[" + h + "]" : h) + ":" + std::to_string(m_impl->port);
}
std::shared_ptr<const ServedModel> ModelServer::model() const { return m_impl->model(); }
const fs::path& ModelServer::trafficFolder() const { return m_impl->trafficFolder; }
json ModelServer::snapshot() {
    m_impl->metrics.addBatches(m_impl->batcher->batches(), m_impl->batcher->batchedRows());
    return m_impl->metrics.snapshot();
}
std::string ModelServer::metricsText() const {
    m_impl->metrics.addBatches(m_impl->batcher->batches(), m_impl->batcher->batchedRows());
    return m_impl->metrics.prometheusText();
}
void ModelServer::onEvent(std::function<void(const json&)> listener) { m_impl->onEvent = std::move(listener); }
Result<bool> ModelServer::checkForNewVersion() { return m_impl->checkForNewVersion(); }

}  // namespace kiln
