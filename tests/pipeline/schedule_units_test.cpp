// The texts a schedule installs: the systemd units (read by `systemd-analyze verify` where this
// machine has it), their quoting, and the crontab block edited without touching other lines.
#include <catch2/catch.hpp>

#include "core/pipeline/schedule/schedule_units.h"
#include "schedule_support.h"

using namespace kiln;
namespace fs = std::filesystem;

namespace {

ScheduledCommand commandIn(const fs::path& root, const std::string& folder = "pipes") {
    ScheduledCommand c;
    c.pipeline = "wine-weekly";
    c.kiln = root / "bin" / "kiln";
    c.file = root / folder / "pipeline.yaml";
    c.workspace = root / "ws";
    c.cronLog = root / "ws" / "schedules" / "wine-weekly.log";
    return c;
}

}  // namespace

TEST_CASE("units: the service runs the pipeline with absolute paths, the timer is persistent", "[schedule]") {
    const auto c = commandIn("/home/ada");
    const std::string service = *serviceUnitText(c);
    CHECK_THAT(service, Catch::Contains("Type=oneshot"));
    CHECK_THAT(service, Catch::Contains("WorkingDirectory=/home/ada/pipes\n"));
    CHECK_THAT(service, Catch::Contains("ExecStart=/home/ada/bin/kiln pipeline run /home/ada/pipes/pipeline.yaml "
                                        "--scheduled --workspace /home/ada/ws\n"));
    CHECK(unitWorkspace(service) == "/home/ada/ws");
    const std::string timer = *timerUnitText(c.pipeline, "Mon *-*-* 03:00:00");
    CHECK_THAT(timer, Catch::Contains("OnCalendar=Mon *-*-* 03:00:00\n"));
    CHECK_THAT(timer, Catch::Contains("Persistent=true\n"));
    CHECK_THAT(timer, Catch::Contains("Unit=kiln-pipeline-wine-weekly.service\n"));
    CHECK_THAT(timer, Catch::Contains("WantedBy=timers.target"));
}

TEST_CASE("units: names and words escaped as systemd reads them", "[schedule]") {
    CHECK(*unitBaseName("wine-weekly") == "kiln-pipeline-wine-weekly");
    CHECK(*unitBaseName("wine weekly") == "kiln-pipeline-wine\\x20weekly");
    CHECK_FALSE(unitBaseName(std::string(300, 'a')).ok());
    CHECK(systemdQuote("/usr/bin/kiln") == "/usr/bin/kiln");
    CHECK(systemdQuote("/home/ada/my pipes/p.yaml") == "\"/home/ada/my pipes/p.yaml\"");
    CHECK(systemdQuote("/data/100%/$HOME") == "\"/data/100%%/$$HOME\"");
    CHECK(systemdQuote("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(shellWord("/usr/bin/kiln") == "/usr/bin/kiln");
    CHECK(shellWord("/home/ada/it's here") == "'/home/ada/it'\\''s here'");
    auto c = commandIn("/home/ada");
    c.file = "/home/ada/bad\nname/pipeline.yaml";
    CHECK_THAT(serviceUnitText(c).error().message, Catch::Contains("line break"));
    CHECK_FALSE(cronBlock(c, "0 3 * * 1").ok());
}

TEST_CASE("units: systemd-analyze verify accepts the units, spaces and % in the paths too", "[schedule]") {
    if (!haveSystemdAnalyze()) {
        WARN("systemd-analyze is not on PATH: the units are not verified by systemd");
        return;
    }
    TempDir dir;
    // A user manager needs a runtime folder; a test run by CI may have none.
    std::filesystem::create_directories(dir / "run");
    ::chmod((dir / "run").c_str(), 0700);
    ScopedEnv runtime("XDG_RUNTIME_DIR", (dir / "run").string());
    const auto c = commandIn(dir.path(), "my pipes 100%");
    writeScript(c.kiln, "exit 0\n");
    writeText(c.file, "name: wine-weekly\n");
    fs::create_directories(c.workspace);
    const fs::path units = dir / "units";
    const std::string base = *unitBaseName(c.pipeline);
    writeText(units / (base + ".service"), *serviceUnitText(c));
    writeText(units / (base + ".timer"), *timerUnitText(c.pipeline, "Mon *-*-* 03:00:00"));
    auto r = runTool({"systemd-analyze", "verify", "--user", (units / (base + ".timer")).string(),
                      (units / (base + ".service")).string()});
    REQUIRE(r.ok());
    INFO(r->out << r->err);
    CHECK(r->exitStatus == 0);
    // Whatever systemd complains about in the files Kiln wrote (other units' warnings aside).
    CHECK_THAT(r->err, !Catch::Contains(base));
}

TEST_CASE("crontab: the block is added, replaced and removed, every other line byte for byte", "[schedule]") {
    const auto c = commandIn("/home/ada", "my pipes");
    const std::string block = *cronBlock(c, "0 3 * * 1");
    CHECK_THAT(block, Catch::StartsWith("# kiln pipeline wine-weekly: begin"));
    CHECK_THAT(block, Catch::Contains("# workspace /home/ada/ws\n"));
    CHECK_THAT(block, Catch::Contains("0 3 * * 1 cd '/home/ada/my pipes' && /home/ada/bin/kiln pipeline run "
                                      "'/home/ada/my pipes/pipeline.yaml' --scheduled --workspace /home/ada/ws >> "
                                      "/home/ada/ws/schedules/wine-weekly.log 2>&1\n"));
    CHECK_THAT(block, Catch::EndsWith("# kiln pipeline wine-weekly: end\n"));
    CHECK(cronBlockWorkspace(block) == "/home/ada/ws");

    const std::string theirs = "MAILTO=ada\n# my backups\n30 2 * * * /usr/bin/backup --all  \n";
    const std::string once = *replaceCronBlock(theirs, c.pipeline, block);
    CHECK(once == theirs + block);
    CHECK(*findCronBlock(once, c.pipeline) == block);
    const std::string other = *cronBlock(commandIn("/home/bob"), "0 4 * * *");
    const std::string twice = *replaceCronBlock(once + "15 * * * * /usr/bin/other\n", c.pipeline, other);
    CHECK(twice == theirs + other + "15 * * * * /usr/bin/other\n");
    CHECK(*removeCronBlock(twice, c.pipeline) == theirs + "15 * * * * /usr/bin/other\n");
    // A last line without its line break gets one before the block.
    CHECK(*replaceCronBlock("30 2 * * * /usr/bin/backup", c.pipeline, block) == "30 2 * * * /usr/bin/backup\n" + block);
    // Another pipeline's block, and one whose name starts the same, are not this one's.
    auto second = commandIn("/home/bob");
    second.pipeline = "wine-weekly-2";
    const std::string neighbour = *replaceCronBlock(theirs, "wine-weekly-2", *cronBlock(second, "0 4 * * *"));
    CHECK_FALSE(findCronBlock(neighbour, c.pipeline));
    CHECK(*removeCronBlock(neighbour, c.pipeline) == neighbour);
    // A begin line without its end: refused, nothing rewritten.
    auto broken = replaceCronBlock(theirs + "# kiln pipeline wine-weekly: begin\n0 3 * * 1 x\n", c.pipeline, block);
    REQUIRE_FALSE(broken.ok());
    CHECK_THAT(broken.error().message, Catch::Contains("end line"));
}

TEST_CASE("crontab: a paused block keeps its place with its command commented out", "[schedule]") {
    const auto c = commandIn("/home/ada");
    const std::string block = *cronBlock(c, "0 3 * * 1");
    const std::string paused = pausedCronBlock(block, "3 scheduled runs failed in a row");
    CHECK_THAT(paused, Catch::Contains("# paused: 3 scheduled runs failed in a row\n#0 3 * * 1 cd "));
    CHECK(*findCronBlock("MAILTO=ada\n" + paused, c.pipeline) == paused);
    CHECK(cronBlockWorkspace(paused) == "/home/ada/ws");
    const auto cron = "% in a path: cron reads an unescaped % as a line break";
    INFO(cron);
    auto percent = commandIn("/data/100%");
    CHECK_THAT(*cronBlock(percent, "0 3 * * 1"), Catch::Contains("cd /data/100\\%/pipes"));
}
