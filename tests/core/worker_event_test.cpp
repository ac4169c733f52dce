// The typed worker protocol: every event kind survives a round trip, unknown kinds are kept,
// torn lines and bad fields are told apart.
#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/remote/worker_event.h"

using namespace kiln;

namespace {

WorkerEvent roundTrip(WorkerEvent::Body body) {
    WorkerEvent e{1764590000.25, std::move(body)};
    auto back = parseWorkerEvent(serialiseWorkerEvent(e));
    REQUIRE(back.ok());
    CHECK(back->time == e.time);
    CHECK(back->kind() == e.kind());
    return *back;
}

}  // namespace

TEST_CASE("every worker event kind survives serialise and parse", "[worker_event]") {
    auto hello = roundTrip(event::Hello{kWorkerProtocol, "0.9.0"});
    CHECK(hello.as<event::Hello>()->protocol == 1);
    CHECK(hello.as<event::Hello>()->kiln == "0.9.0");

    event::Started s{"20261201-120000-abcd", 4242, true, "cpu", "no CUDA", R"({"os":"Debian"})"};
    auto started = roundTrip(s);
    REQUIRE(started.is<event::Started>());
    CHECK(started.as<event::Started>()->pid == 4242);
    CHECK(started.as<event::Started>()->resume);
    CHECK(nlohmann::json::parse(started.as<event::Started>()->environmentJson)["os"] == "Debian");

    auto progress = roundTrip(event::Progress{3, 17, 40});
    CHECK(progress.as<event::Progress>()->stepsPerEpoch == 40);

    auto metric = roundTrip(event::Metric{"val_loss", 0.125, 80, 2, 1764590001.5});
    CHECK(metric.as<event::Metric>()->value == 0.125);
    CHECK(metric.as<event::Metric>()->wallTime == 1764590001.5);

    auto log = roundTrip(event::Log{"warning", "ünïcode \"quoted\"\nline"});
    CHECK(log.as<event::Log>()->message == "ünïcode \"quoted\"\nline");

    auto artifact = roundTrip(event::Artifact{"model", "model.pt", std::string(64, 'a'), 1234});
    CHECK(artifact.as<event::Artifact>()->bytes == 1234);

    event::Finished f;
    f.status = "completed";
    f.epochs = 5;
    f.bestEpoch = 4;
    f.earlyStopped = true;
    f.metricsJson = R"({"test_accuracy":0.9})";
    auto finished = roundTrip(f);
    CHECK(finished.as<event::Finished>()->bestEpoch == 4);
    CHECK(finished.as<event::Finished>()->earlyStopped);
    CHECK(nlohmann::json::parse(finished.as<event::Finished>()->metricsJson)["test_accuracy"] ==
          0.9);
}

TEST_CASE("the parser reads protocol-1 lines as the worker writes them", "[worker_event]") {
    auto e = parseWorkerEvent(
        R"({"epoch":1,"event":"metric","key":"train_loss","step":10,"time":5.5,"value":null,"wall_time":5.5})");
    REQUIRE(e.ok());
    REQUIRE(e->is<event::Metric>());
    CHECK(std::isnan(e->as<event::Metric>()->value));  // a non-finite loss is written as null
    CHECK(e->time == 5.5);

    auto unknown = parseWorkerEvent(R"({"event":"gpu_memory","bytes":1})");
    REQUIRE(unknown.ok());  // protocol 1: a newer worker's kinds are tolerated
    CHECK(unknown->kind() == "gpu_memory");
    CHECK(unknown->is<event::Unknown>());

    auto finished = parseWorkerEvent(R"({"event":"finished"})");
    REQUIRE(finished.ok());  // absent fields take their defaults
    CHECK(finished->as<event::Finished>()->status == "failed");
    CHECK(finished->time == 0);
}

TEST_CASE("torn lines and bad fields are told apart", "[worker_event]") {
    for (const char* torn : {"", "{\"event\":\"met", "[1,2]", "{\"kind\":\"metric\"}", "{\"event\":3}"}) {
        auto e = parseWorkerEvent(torn);
        REQUIRE_FALSE(e.ok());
        CHECK(e.error().code == ErrorCode::InvalidArgument);
    }
    auto bad = parseWorkerEvent(R"({"event":"metric","key":"x","epoch":"two","value":1})");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == ErrorCode::Corrupt);
}
