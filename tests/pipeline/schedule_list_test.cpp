// `kiln pipeline list`'s reading: next elapse, last run, and the scheduled runs that did not happen.
#include <catch2/catch.hpp>

#include "core/pipeline/schedule/calendar_spec.h"
#include "core/pipeline/schedule/schedule_list.h"
#include "pipeline_fixture.h"

using namespace kiln;

TEST_CASE("list: missed elapses between the last scheduled start and now", "[schedule]") {
    ScopedEnv tz("TZ", std::string("UTC"));
    const auto daily = *CalendarSpec::parse("*-*-* 03:00");
    bool more = false;
    // Last run on the 1st at 03:00:05; now the 4th at 12:00: the 2nd, 3rd and 4th did not happen.
    auto missed = missedElapses(daily, utcTime(2026, 12, 1, 3, 0, 5), utcTime(2026, 12, 4, 12, 0), 20, more);
    REQUIRE(missed.size() == 3);
    CHECK(missed.front() == utcTime(2026, 12, 2, 3, 0));
    CHECK_FALSE(more);
    // An elapse a minute ago may be starting now: not missed yet.
    missed = missedElapses(daily, utcTime(2026, 12, 3, 3, 0, 5), utcTime(2026, 12, 4, 3, 1), 20, more);
    CHECK(missed.empty());
    // A capped count says there were more.
    missed = missedElapses(daily, utcTime(2026, 1, 1), utcTime(2026, 12, 4), 5, more);
    CHECK(missed.size() == 5);
    CHECK(more);
}

TEST_CASE("list: each pipeline with its schedule, next, last and missed runs", "[schedule]") {
    FakeTools tools(true);
    PipelineFixture f("*-*-* 03:00");
    f.recordRun(PipelineRunStatus::Completed, "manual");
    auto listing = listPipelines(f.catalog(), std::time(nullptr));
    REQUIRE(listing.ok());
    REQUIRE(listing->size() == 1);
    CHECK_FALSE((*listing)[0].schedule);
    CHECK_FALSE((*listing)[0].next);
    REQUIRE((*listing)[0].lastRun);
    CHECK((*listing)[0].lastRun->status == "completed");
    CHECK((*listing)[0].lastRun->trigger == "manual");

    REQUIRE(f.installer().install(f.spec, f.options).ok());
    const std::time_t now = std::time(nullptr);
    listing = listPipelines(f.catalog(), now);
    REQUIRE(listing.ok());
    const auto& l = (*listing)[0];
    REQUIRE(l.schedule);
    CHECK(l.schedule->calendar == "*-*-* 03:00:00");
    REQUIRE(l.next);
    CHECK(*l.next > now);
    CHECK(*l.next - now <= 24 * 3600);
    CHECK(l.missed.empty());  // installed just now
    // Four days on without a scheduled run: four (or, at the day's edge, three) runs missed.
    listing = listPipelines(f.catalog(), now + 4 * 24 * 3600);
    REQUIRE(listing.ok());
    CHECK((*listing)[0].missed.size() >= 3);
    CHECK((*listing)[0].missed.size() <= 4);
    const auto doc = (*listing)[0].toJson();
    CHECK(doc["schedule"]["backend"] == "systemd");
    CHECK(doc["missed"].size() == (*listing)[0].missed.size());

    SECTION("a paused schedule has no next run and counts none missed") {
        REQUIRE(f.installer().pause(f.spec.name, "2 runs failed in a row").ok());
        listing = listPipelines(f.catalog(), now + 4 * 24 * 3600);
        REQUIRE(listing.ok());
        CHECK((*listing)[0].schedule->paused);
        CHECK_FALSE((*listing)[0].next);
        CHECK((*listing)[0].missed.empty());
    }
}
