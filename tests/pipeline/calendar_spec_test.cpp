// Calendar events: parsing, normalised form, next elapses and crontab fields, checked against
// systemd-analyze's own reading of the same expressions where this machine has it.
#include <catch2/catch.hpp>

#include <regex>

#include "core/pipeline/schedule/calendar_spec.h"
#include "core/pipeline/schedule/schedule_time.h"
#include "schedule_support.h"

using namespace kiln;

namespace {

CalendarSpec parsed(const std::string& expression) {
    auto c = CalendarSpec::parse(expression);
    INFO(expression << ": " << (c ? "" : c.error().message));
    REQUIRE(c.ok());
    return *c;
}

std::string refusal(const std::string& expression) {
    auto c = CalendarSpec::parse(expression);
    REQUIRE_FALSE(c.ok());
    return c.error().message;
}

// systemd-analyze's normalised form and next elapses from `base` (UTC), as "YYYY-MM-DD HH:MM:SS".
struct SystemdReading {
    std::string normalized;
    std::vector<std::string> elapses;
};

SystemdReading systemdReading(const std::string& expression, const std::string& base, int iterations) {
    auto r = kiln::runTool({"systemd-analyze", "calendar", "--base-time=" + base, "--iterations=" + std::to_string(iterations),
                            expression});
    REQUIRE(r.ok());
    INFO(expression << ": " << r->err);
    REQUIRE(r->exitStatus == 0);
    SystemdReading out;
    std::smatch m;
    const std::regex normalized(R"(Normalized form: (.*))");
    const std::regex elapse(R"((?:Next elapse|Iter\. #\d+): \w+ (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d))");
    std::istringstream lines(r->out);
    for (std::string line; std::getline(lines, line);) {
        if (std::regex_search(line, m, normalized)) out.normalized = m[1];
        else if (std::regex_search(line, m, elapse)) out.elapses.push_back(m[1]);
    }
    return out;
}

std::string utcText(std::time_t t) {
    std::string iso = isoUtc(t);  // 2024-03-11T03:00:00Z
    iso[10] = ' ';
    return iso.substr(0, 19);
}

}  // namespace

TEST_CASE("calendar: the issue's schedule and the shorthands normalise as systemd writes them", "[schedule]") {
    CHECK(parsed("Mon *-*-* 03:00").normalized() == "Mon *-*-* 03:00:00");
    CHECK(parsed("daily").normalized() == "*-*-* 00:00:00");
    CHECK(parsed("weekly").normalized() == "Mon *-*-* 00:00:00");
    CHECK(parsed("hourly").normalized() == "*-*-* *:00:00");
    CHECK(parsed("Mon..Fri *-*-1,15 9/2:30").normalized() == "Mon..Fri *-*-01,15 09/2:30:00");
    CHECK(parsed("Sat,Sun 12:00 UTC").normalized() == "Sat,Sun *-*-* 12:00:00 UTC");
}

TEST_CASE("calendar: a bad expression is refused saying what and where", "[schedule]") {
    CHECK_THAT(refusal("Mon *-*-* 25:00"), Catch::Contains("hour") && Catch::Contains("25"));
    CHECK_THAT(refusal("Mon *-13-* 03:00"), Catch::Contains("month"));
    CHECK_THAT(refusal("Funday 03:00"), Catch::Contains("Funday"));
    CHECK_THAT(refusal(""), Catch::Contains("schedule"));
    CHECK_THAT(refusal("*-*~01 03:00"), Catch::Contains("~"));
    CHECK_THAT(refusal("03:00 Europe/Berlin"), Catch::Contains("Europe/Berlin"));
}

TEST_CASE("calendar: next elapses in UTC", "[schedule]") {
    ScopedEnv tz("TZ", std::string("UTC"));
    const auto weekly = parsed("Mon *-*-* 03:00");
    const std::time_t friday = utcTime(2026, 12, 4, 8, 0);
    REQUIRE(weekly.next(friday));
    CHECK(*weekly.next(friday) == utcTime(2026, 12, 7, 3, 0));
    // Strictly after: an elapse at `after` itself is not the next one.
    CHECK(*weekly.next(utcTime(2026, 12, 7, 3, 0)) == utcTime(2026, 12, 14, 3, 0));
    const auto between = weekly.elapsesBetween(utcTime(2026, 11, 1), utcTime(2026, 12, 1), 10);
    CHECK(between.size() == 5);  // Mondays of November 2026: 2, 9, 16, 23, 30
    CHECK(parsed("2020-01-01 00:00").next(friday) == std::nullopt);
    CHECK(parsed("*-02-29 12:00").next(friday) == utcTime(2028, 2, 29, 12, 0));
}

TEST_CASE("calendar: the same reading as systemd-analyze, normalised form and next elapses", "[schedule]") {
    if (!haveSystemdAnalyze()) {
        WARN("systemd-analyze is not on PATH: the comparison with systemd is skipped");
        return;
    }
    ScopedEnv tz("TZ", std::string("UTC"));
    const std::string base = "2026-12-04 08:51:00 UTC";
    const std::time_t baseTime = utcTime(2026, 12, 4, 8, 51);
    for (const std::string expression :
         {"Mon *-*-* 03:00", "daily", "weekly", "monthly", "quarterly", "semiannually", "yearly", "hourly", "minutely",
          "Mon..Fri *-*-1,15 9/2:30", "Sat,Sun 12:00", "*-*-* 00/15:00", "*:0/10", "Tue,Thu *-*-* 18:45:30",
          "*-02-29 12:00", "2027-*-* 06:00", "*-1/3-1 00:00", "Wed..Sat,Mon 07:00", "*-*-31 23:59", "12:00 UTC"}) {
        INFO(expression);
        const auto ours = parsed(expression);
        const auto theirs = systemdReading(expression, base, 4);
        CHECK(ours.normalized() == theirs.normalized);
        std::vector<std::string> elapses;
        for (auto t = ours.next(baseTime); t && elapses.size() < theirs.elapses.size(); t = ours.next(*t))
            elapses.push_back(utcText(*t));
        CHECK(elapses == theirs.elapses);
    }
}

TEST_CASE("calendar: crontab fields when cron can say it, a reason when it cannot", "[schedule]") {
    CHECK(*parsed("Mon *-*-* 03:00").toCron() == "0 3 * * 1");
    CHECK(*parsed("daily").toCron() == "0 0 * * *");
    CHECK(*parsed("Mon..Fri 09:30").toCron() == "30 9 * * 1-5");
    CHECK(*parsed("Sat,Sun 12:00").toCron() == "0 12 * * 0,6");
    CHECK(*parsed("*-*-1,15 9/2:30").toCron() == "30 9-23/2 1,15 * *");
    CHECK(*parsed("*:0/15").toCron() == "*/15 * * * *");
    CHECK_THAT(parsed("Tue 18:45:30").toCron().error().message, Catch::Contains("seconds"));
    CHECK_THAT(parsed("2027-*-* 06:00").toCron().error().message, Catch::Contains("years"));
    CHECK_THAT(parsed("12:00 UTC").toCron().error().message, Catch::Contains("UTC"));
    CHECK_THAT(parsed("Mon *-*-1 03:00").toCron().error().message, Catch::Contains("both"));
}
