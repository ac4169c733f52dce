#pragma once

#include <cstddef>
#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"

namespace kiln {

// One element of a calendar component's list, as systemd.time(7) writes it: `5` (start only),
// `1..5` (a range, repeat 1), `0/15` (every 15 from 0 to the field's end), `9..17/2`.
struct CalendarRange {
    int start = 0;
    int stop = -1;   // -1: no end but the field's own
    int repeat = 0;  // 0: the start alone

    bool operator==(const CalendarRange& o) const {
        return start == o.start && stop == o.stop && repeat == o.repeat;
    }
};

// An empty list is `*` (every value of the field).
using CalendarComponent = std::vector<CalendarRange>;

// The fields of a calendar event after parsing and systemd's normalisation (lists sorted, without
// duplicates, ranges cut to a multiple of their repeat).
struct CalendarFields {
    unsigned weekdays = 0;  // bit 0 Monday … bit 6 Sunday; 0: any day
    CalendarComponent year, month, day, hour, minute, second;
    bool utc = false;       // a trailing UTC; otherwise local time
};

// A systemd calendar event ("Mon *-*-* 03:00", "Mon..Fri *-*-1,15 9/2:30", "quarterly"), as
// systemd.time(7) defines it: an optional weekday list, a date (YYYY-MM-DD or MM-DD, each part
// `*`, a list, a range `a..b` or a repetition `a/n`), a time HH:MM[:SS] of the same kind, the
// shorthands (minutely … semiannually) and a trailing UTC. Local time otherwise, as the timer
// itself runs. Not taken: `~` (days from the month's end), fractions of a second, `@EPOCH` and
// named time zones; each is refused saying so. Values are immutable; any thread.
class CalendarSpec {
public:
    // Parses `expression`. InvalidArgument saying what and where:
    // "schedule 'Mon *-*-* 25:00': hour 25 is out of range 0-23".
    static Result<CalendarSpec> parse(const std::string& expression);

    const std::string& original() const { return m_original; }
    const CalendarFields& fields() const { return m_fields; }

    // The form `systemd-analyze calendar` prints as "Normalized form" ("Mon *-*-* 03:00:00").
    std::string normalized() const;

    // The first elapse strictly after `after` (seconds since the epoch); nullopt when it never
    // elapses again (a date in the past, "*-02-30"). Local times that do not exist (in a
    // daylight-saving gap) are skipped, as systemd skips them.
    std::optional<std::time_t> next(std::time_t after) const;

    // The elapses t with from < t <= to, oldest first, at most `limit` of them.
    std::vector<std::time_t> elapsesBetween(std::time_t from, std::time_t to, std::size_t limit) const;

    // The five time fields of a crontab line ("0 3 * * 1") when cron can say the same thing;
    // Unsupported otherwise, naming why (seconds, years, UTC, a weekday together with days of the
    // month, which cron joins with "or").
    Result<std::string> toCron() const;

private:
    CalendarSpec(std::string original, CalendarFields fields)
        : m_original(std::move(original)), m_fields(std::move(fields)) {}

    std::string m_original;
    CalendarFields m_fields;
};

// Parses `expression` into its fields (calendar_parse.cpp); messages start with "schedule 'EXPR': ".
Result<CalendarFields> parseCalendarFields(const std::string& expression);

}  // namespace kiln
