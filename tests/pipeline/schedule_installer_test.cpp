// The installer against fake systemctl, loginctl and crontab first on PATH: which backend it
// takes, what it writes and runs, the record in the catalog, pause, resume and unschedule.
#include <catch2/catch.hpp>

#include "pipeline_fixture.h"

using namespace kiln;
namespace fs = std::filesystem;

using InstallerFixture = PipelineFixture;

TEST_CASE("installer: a systemd user timer when the user manager answers", "[schedule]") {
    FakeTools tools(true);
    InstallerFixture f;
    auto installed = f.installer().install(f.spec, f.options);
    INFO((installed ? "" : installed.error().toString()));
    REQUIRE(installed.ok());
    CHECK(installed->backend == ScheduleBackend::Systemd);
    CHECK(installed->unit == "kiln-pipeline-wine-weekly.timer");
    CHECK(installed->calendar == "Mon *-*-* 03:00:00");
    REQUIRE(installed->written.size() == 2);
    const std::string service = readText(f.env.unitFolder / "kiln-pipeline-wine-weekly.service");
    CHECK_THAT(service, Catch::Contains("ExecStart=" + f.options.kiln.string() + " pipeline run " +
                                        f.spec.file.string() + " --scheduled --workspace " + f.options.workspace.string()));
    CHECK_THAT(readText(f.env.unitFolder / "kiln-pipeline-wine-weekly.timer"), Catch::Contains("Persistent=true"));
    CHECK(tools.args("systemctl") == "--user show-environment\n--user daemon-reload\n"
                                     "--user enable --now kiln-pipeline-wine-weekly.timer\n");
    CHECK(tools.args("loginctl") == "show-user ada --property=Linger\n");
    CHECK_THAT(installed->lingerHint, Catch::Contains("loginctl enable-linger ada"));
    CHECK(installed->next.has_value());
    CHECK_FALSE(tools.hasCrontab());
    const auto record = f.record();
    REQUIRE(record);
    CHECK(record->backend == "systemd");
    CHECK(record->unit == "kiln-pipeline-wine-weekly.timer");
    CHECK(record->pauseAfter == 2);
    CHECK_FALSE(record->paused);
    CHECK(installed->toJson()["unit"] == "kiln-pipeline-wine-weekly.timer");

    SECTION("unschedule disables the timer and removes both files") {
        auto removed = f.installer().unschedule(f.spec.name);
        REQUIRE(removed.ok());
        CHECK(removed->removed.size() == 2);
        CHECK(removed->warnings.empty());
        CHECK_FALSE(fs::exists(f.env.unitFolder / "kiln-pipeline-wine-weekly.timer"));
        CHECK_FALSE(fs::exists(f.env.unitFolder / "kiln-pipeline-wine-weekly.service"));
        CHECK_THAT(tools.args("systemctl"), Catch::EndsWith("--user disable --now kiln-pipeline-wine-weekly.timer\n"
                                                            "--user daemon-reload\n"));
        CHECK_FALSE(f.record());
        CHECK(f.installer().unschedule(f.spec.name).error().code == ErrorCode::NotFound);
    }
    SECTION("pause disables the timer, keeps the files; scheduling again resumes it") {
        REQUIRE(f.installer().pause(f.spec.name, "2 runs failed in a row").ok());
        CHECK_THAT(tools.args("systemctl"), Catch::EndsWith("--user disable --now kiln-pipeline-wine-weekly.timer\n"));
        CHECK(fs::exists(f.env.unitFolder / "kiln-pipeline-wine-weekly.timer"));
        auto paused = f.record();
        REQUIRE(paused);
        CHECK(paused->paused);
        CHECK(paused->pausedReason == "2 runs failed in a row");
        auto again = f.installer().install(f.spec, f.options);
        REQUIRE(again.ok());
        CHECK(again->resumed);
        CHECK_FALSE(f.record()->paused);
    }
    SECTION("the same pipeline from another workspace is refused, this one untouched") {
        InstallerFixture other;
        auto refused = ScheduleInstaller(other.workspace->catalog(), f.env).install(other.spec, other.options);
        REQUIRE_FALSE(refused.ok());
        CHECK_THAT(refused.error().message, Catch::Contains("already scheduled") && Catch::Contains(f.options.workspace.string()));
        CHECK_THAT(readText(f.env.unitFolder / "kiln-pipeline-wine-weekly.service"),
                   Catch::Contains(f.options.workspace.string()));
    }
}

TEST_CASE("installer: a crontab block where systemd's user manager does not answer", "[schedule]") {
    FakeTools tools(false);
    tools.setCrontab("MAILTO=ada\n30 2 * * * /usr/bin/backup\n");
    InstallerFixture f;
    auto installed = f.installer().install(f.spec, f.options);
    INFO((installed ? "" : installed.error().toString()));
    REQUIRE(installed.ok());
    CHECK(installed->backend == ScheduleBackend::Cron);
    CHECK(installed->unit == "crontab");
    CHECK_FALSE(fs::exists(f.env.unitFolder));
    const std::string crontab = tools.crontab();
    CHECK_THAT(crontab, Catch::StartsWith("MAILTO=ada\n30 2 * * * /usr/bin/backup\n# kiln pipeline wine-weekly: begin"));
    CHECK_THAT(crontab, Catch::Contains("0 3 * * 1 cd " + f.spec.folder().string() + " && " + f.options.kiln.string() +
                                        " pipeline run "));
    CHECK_THAT(crontab, Catch::Contains(">> " + (f.options.workspace / "schedules" / "wine-weekly.log").string() + " 2>&1"));
    CHECK(fs::is_directory(f.options.workspace / "schedules"));
    CHECK(f.record()->backend == "cron");

    SECTION("scheduling again replaces the block, not a second one") {
        REQUIRE(f.installer().install(f.spec, f.options).ok());
        const std::string twice = tools.crontab();
        CHECK(twice == crontab);
    }
    SECTION("pause comments the line out, unschedule removes the block and nothing else") {
        REQUIRE(f.installer().pause(f.spec.name, "2 runs failed in a row").ok());
        CHECK_THAT(tools.crontab(), Catch::Contains("# paused: 2 runs failed in a row\n#0 3 * * 1 cd "));
        auto removed = f.installer().unschedule(f.spec.name);
        REQUIRE(removed.ok());
        CHECK(tools.crontab() == "MAILTO=ada\n30 2 * * * /usr/bin/backup\n");
    }
}

TEST_CASE("installer: what cron cannot say is refused before the crontab is touched", "[schedule]") {
    FakeTools tools(false);
    tools.setCrontab("MAILTO=ada\n");
    InstallerFixture f("Tue *-*-* 18:45:30");
    auto refused = f.installer().install(f.spec, f.options);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::Unsupported);
    CHECK_THAT(refused.error().message, Catch::Contains("seconds"));
    CHECK(tools.crontab() == "MAILTO=ada\n");
    CHECK_FALSE(f.record());
}

TEST_CASE("installer: with neither systemd nor cron it says how to schedule elsewhere", "[schedule]") {
    FakeTools tools(false, /*withCrontab=*/false, /*keepSystemPath=*/false);
    InstallerFixture f;
    auto refused = f.installer().install(f.spec, f.options);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::Unsupported);
    CHECK_THAT(refused.error().hint, Catch::Contains("--scheduled"));
    auto wanted = f.installer().chooseBackend(ScheduleBackend::Systemd);
    REQUIRE_FALSE(wanted.ok());
    CHECK_THAT(wanted.error().message, Catch::Contains("does not answer"));
}

TEST_CASE("installer: a file without a schedule, or a bad one, is refused naming the file", "[schedule]") {
    FakeTools tools(true);
    InstallerFixture f("Mon *-*-* 25:00");
    auto bad = f.installer().install(f.spec, f.options);
    REQUIRE_FALSE(bad.ok());
    CHECK_THAT(bad.error().message, Catch::Contains("25"));
    CHECK(bad.error().context == f.spec.file.string());
    f.spec.schedule.clear();
    auto none = f.installer().install(f.spec, f.options);
    REQUIRE_FALSE(none.ok());
    CHECK_THAT(none.error().message, Catch::Contains("no `schedule:`"));
    CHECK_FALSE(fs::exists(f.env.unitFolder));
}
