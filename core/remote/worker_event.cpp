#include "core/remote/worker_event.h"

#include <chrono>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "core/base/json_number.h"

namespace kiln {

namespace {

using nlohmann::json;

template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

// A number field; `fallback` when absent or null (a non-finite value is written as null).
double number(const json& e, const char* key, double fallback) {
    auto it = e.find(key);
    if (it == e.end() || it->is_null()) return fallback;
    return it->get<double>();  // throws type_error for a string or an object
}

WorkerEvent::Body readBody(const std::string& kind, const json& e) {
    if (kind == "hello") return event::Hello{integerField(e, "protocol", 0), e.value("kiln", "")};
    if (kind == "started") {
        event::Started s;
        s.runId = e.value("run_id", "");
        s.pid = integerField(e, "pid", std::int64_t(0));
        s.resume = e.value("resume", false);
        s.device = e.value("device", "");
        s.deviceReason = e.value("device_reason", "");
        if (auto env = e.find("environment"); env != e.end() && env->is_object())
            s.environmentJson = env->dump();
        return s;
    }
    if (kind == "progress")
        return event::Progress{integerField(e, "epoch", 0), integerField(e, "step", std::int64_t(0)),
                               integerField(e, "steps_per_epoch", std::int64_t(0))};
    if (kind == "metric")
        return event::Metric{
            e.value("key", ""), number(e, "value", std::numeric_limits<double>::quiet_NaN()),
            integerField(e, "step", std::int64_t(0)), integerField(e, "epoch", 0), number(e, "wall_time", 0)};
    if (kind == "log") return event::Log{e.value("level", "info"), e.value("message", "")};
    if (kind == "artifact")
        return event::Artifact{e.value("kind", ""), e.value("path", ""), e.value("sha256", ""),
                               integerField(e, "bytes", std::int64_t(0))};
    if (kind == "finished") {
        event::Finished f;
        f.status = e.value("status", "failed");
        f.error = e.value("error", "");
        f.epochs = integerField(e, "epochs", 0);
        f.bestEpoch = integerField(e, "best_epoch", 0);
        f.earlyStopped = e.value("early_stopped", false);
        if (auto m = e.find("metrics"); m != e.end() && m->is_object()) f.metricsJson = m->dump();
        return f;
    }
    return event::Unknown{kind};
}

json objectOr(const std::string& text) {
    auto j = json::parse(text, nullptr, false);
    return j.is_object() ? j : json::object();
}

json writeBody(const WorkerEvent::Body& body) {
    return std::visit(
        Overloaded{
            [](const event::Hello& h) {
                return json{{"event", "hello"}, {"protocol", h.protocol}, {"kiln", h.kiln}};
            },
            [](const event::Started& s) {
                return json{{"event", "started"},
                            {"run_id", s.runId},
                            {"pid", s.pid},
                            {"resume", s.resume},
                            {"device", s.device},
                            {"device_reason", s.deviceReason},
                            {"environment", objectOr(s.environmentJson)}};
            },
            [](const event::Progress& p) {
                return json{{"event", "progress"},
                            {"epoch", p.epoch},
                            {"step", p.step},
                            {"steps_per_epoch", p.stepsPerEpoch}};
            },
            [](const event::Metric& m) {
                json j{{"event", "metric"},
                       {"key", m.key},
                       {"value", m.value},
                       {"step", m.step},
                       {"epoch", m.epoch}};
                if (m.wallTime != 0) j["wall_time"] = m.wallTime;
                return j;
            },
            [](const event::Log& l) {
                return json{{"event", "log"}, {"level", l.level}, {"message", l.message}};
            },
            [](const event::Artifact& a) {
                return json{{"event", "artifact"},
                            {"kind", a.kind},
                            {"path", a.path},
                            {"sha256", a.sha256},
                            {"bytes", a.bytes}};
            },
            [](const event::Finished& f) {
                return json{{"event", "finished"},
                            {"status", f.status},
                            {"error", f.error},
                            {"epochs", f.epochs},
                            {"best_epoch", f.bestEpoch},
                            {"early_stopped", f.earlyStopped},
                            {"metrics", objectOr(f.metricsJson)}};
            },
            [](const event::Unknown& u) {
                return json{{"event", u.kind}};
            },
        },
        body);
}

double wallTimeNow() {
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count();
}

}  // namespace

std::string WorkerEvent::kind() const {
    return std::visit(Overloaded{
                          [](const event::Hello&) { return std::string("hello"); },
                          [](const event::Started&) { return std::string("started"); },
                          [](const event::Progress&) { return std::string("progress"); },
                          [](const event::Metric&) { return std::string("metric"); },
                          [](const event::Log&) { return std::string("log"); },
                          [](const event::Artifact&) { return std::string("artifact"); },
                          [](const event::Finished&) { return std::string("finished"); },
                          [](const event::Unknown& u) { return u.kind; },
                      },
                      body);
}

Result<WorkerEvent> parseWorkerEvent(std::string_view line) {
    auto e = json::parse(line, nullptr, false);
    auto kind = e.is_object() ? e.find("event") : e.end();
    if (!e.is_object() || kind == e.end() || !kind->is_string())
        return makeError(ErrorCode::InvalidArgument, "not a worker event",
                         std::string(line.substr(0, 200)));
    try {
        WorkerEvent out;
        out.time = number(e, "time", 0);
        out.body = readBody(kind->get<std::string>(), e);
        return out;
    } catch (const json::exception& ex) {
        return makeError(ErrorCode::Corrupt, std::string("malformed worker event: ") + ex.what(),
                         std::string(line.substr(0, 200)));
    }
}

std::string serialiseWorkerEvent(const WorkerEvent& event) {
    json j = writeBody(event.body);
    if (event.time != 0) j["time"] = event.time;
    return j.dump();
}

std::string workerEventLine(WorkerEvent::Body body) {
    return serialiseWorkerEvent(WorkerEvent{wallTimeNow(), std::move(body)});
}

}  // namespace kiln
