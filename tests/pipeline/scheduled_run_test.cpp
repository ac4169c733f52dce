// The end of a scheduled run: a desktop notification on failure (a fake notify-send records it),
// the schedule pausing itself after N failures in a row, and the promotion notice.
#include <catch2/catch.hpp>

#include "core/pipeline/schedule/desktop_notify.h"
#include "core/pipeline/schedule/scheduled_run.h"
#include "pipeline_fixture.h"

using namespace kiln;

namespace {

// A notify-send that appends its arguments, one per line, to `log`.
void fakeNotifySend(const FakeTools& tools) {
    writeScript(tools.bin() / "notify-send",
                "for a in \"$@\"; do echo \"$a\" >> '" + (tools.dir() / "notify-send.args").string() + "'; done\n");
}

}  // namespace

TEST_CASE("scheduled run: a failure notifies; the Nth in a row pauses the schedule", "[schedule]") {
    FakeTools tools(true);
    fakeNotifySend(tools);
    ScopedEnv notify("KILN_NO_NOTIFY", std::nullopt);
    PipelineFixture f;  // pause_after_failures: 2
    REQUIRE(f.installer().install(f.spec, f.options).ok());

    f.recordRun(PipelineRunStatus::Failed, "scheduled", "step train failed: the target column 'quality' is missing");
    auto first = followUpScheduledRun(f.catalog(), f.spec, PipelineRunStatus::Failed,
                                      "step train failed: the target column 'quality' is missing", f.env);
    REQUIRE(first.ok());
    CHECK(first->consecutiveFailures == 1);
    CHECK_FALSE(first->paused);
    CHECK(first->notified);
    CHECK_THAT(tools.args("notify-send"), Catch::Contains("--urgency=critical\n--\nKiln: pipeline wine-weekly failed\n"
                                                          "step train failed"));
    CHECK_FALSE(f.record()->paused);

    f.recordRun(PipelineRunStatus::Failed, "scheduled", "step train failed again");
    auto second = followUpScheduledRun(f.catalog(), f.spec, PipelineRunStatus::Failed, "step train failed again", f.env);
    REQUIRE(second.ok());
    CHECK(second->consecutiveFailures == 2);
    CHECK(second->paused);
    const auto record = f.record();
    CHECK(record->paused);
    CHECK_THAT(record->pausedReason, Catch::Contains("2 runs failed in a row") && Catch::Contains("failed again"));
    CHECK_THAT(tools.args("systemctl"), Catch::EndsWith("--user disable --now kiln-pipeline-wine-weekly.timer\n"));
    CHECK_THAT(tools.args("notify-send"), Catch::Contains("paused itself after 2 failures"));

    SECTION("a success in between starts the count again") {
        REQUIRE(f.installer().install(f.spec, f.options).ok());  // resumed
        f.recordRun(PipelineRunStatus::Completed);
        f.recordRun(PipelineRunStatus::Failed, "scheduled", "once more");
        auto third = followUpScheduledRun(f.catalog(), f.spec, PipelineRunStatus::Failed, "once more", f.env);
        REQUIRE(third.ok());
        CHECK(third->consecutiveFailures == 1);
        CHECK_FALSE(f.record()->paused);
    }
}

TEST_CASE("scheduled run: success, refusal and skipping raise nothing", "[schedule]") {
    FakeTools tools(true);
    fakeNotifySend(tools);
    PipelineFixture f;
    for (auto status : {PipelineRunStatus::Completed, PipelineRunStatus::Refused, PipelineRunStatus::Skipped}) {
        auto r = followUpScheduledRun(f.catalog(), f.spec, status, "", f.env);
        REQUIRE(r.ok());
        CHECK_FALSE(r->notified);
        CHECK(r->notes.empty());
    }
    CHECK(tools.args("notify-send").empty());
}

TEST_CASE("scheduled run: the promotion a run made is named for its notice", "[schedule]") {
    PipelineRunRecord run;
    StepRecord promote;
    promote.kind = "promote";
    promote.status = StepStatus::Ran;
    promote.outputs = {{"model", "wine"}, {"version", 3}, {"stage", "production"}};
    run.steps.push_back(promote);
    CHECK(promotionOf(run) == "wine@3 to production");
    run.steps[0].status = StepStatus::Cached;
    CHECK(promotionOf(run).empty());
}

TEST_CASE("notifications: notify-send first, else gdbus; KILN_NO_NOTIFY turns them off", "[schedule]") {
    FakeTools tools(true, true, /*keepSystemPath=*/false);
    ScopedEnv notify("KILN_NO_NOTIFY", std::nullopt);
    ScopedEnv bus("DBUS_SESSION_BUS_ADDRESS", std::string("unix:path=/nonexistent/bus"));  // no `env` prefix
    fakeNotifySend(tools);
    CHECK(notifyDesktop("Kiln: pipeline p failed", "it's \"broken\"", NotifyUrgency::Critical));
    CHECK(tools.args("notify-send") == "--app-name=Kiln\n--urgency=critical\n--\nKiln: pipeline p failed\nit's \"broken\"\n");
    {
        ScopedEnv off("KILN_NO_NOTIFY", std::string("1"));
        CHECK_FALSE(notifyDesktop("again", "not shown"));
        CHECK_THAT(tools.args("notify-send"), !Catch::Contains("again"));
    }
    std::filesystem::remove(tools.bin() / "notify-send");
    writeScript(tools.bin() / "gdbus", "for a in \"$@\"; do echo \"$a\" >> '" + (tools.dir() / "gdbus.args").string() +
                                           "'; done\necho '(uint32 7,)'\n");
    CHECK(notifyDesktop("Kiln: pipeline p promoted a model", "Run 4 promoted wine@3 to production."));
    const std::string args = tools.args("gdbus");
    CHECK_THAT(args, Catch::Contains("org.freedesktop.Notifications.Notify\n'kiln'\n0\n''\n"
                                     "'Kiln: pipeline p promoted a model'\n'Run 4 promoted wine@3 to production.'\n"));
    CHECK(gdbusNotifyArgv("a'b", "c\\d", NotifyUrgency::Low)[12] == "'a\\'b'");
    // Neither tool: not shown, and the run it follows is not failed for it.
    std::filesystem::remove(tools.bin() / "gdbus");
    CHECK_FALSE(notifyDesktop("nobody", "hears this"));
}
