// Calendar events: their normalised text, their next elapse (a search over the fields from the
// year down, as systemd's find_next does) and their crontab form.
#include "core/pipeline/schedule/calendar_spec.h"

#include <array>
#include <cstdio>

namespace kiln {

namespace {

using Civil = std::array<int, 6>;  // year, month (1-12), day, hour, minute, second

constexpr std::array<int, 6> kMin = {1970, 1, 1, 0, 0, 0};
constexpr std::array<int, 6> kMax = {2199, 12, 31, 23, 59, 59};

std::string padded(int v, int width) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%0*d", width, v);
    return buf;
}

// systemd's format_chain. `second`: a lone 0/1 (every second) prints as "*", as systemd does.
std::string formatComponent(const CalendarComponent& c, int width, bool second) {
    if (c.empty() || (second && c.size() == 1 && c[0] == CalendarRange{0, -1, 1})) return "*";
    std::string out;
    for (const auto& r : c) {
        if (!out.empty()) out += ',';
        out += padded(r.start, width);
        if (r.stop > 0) out += ".." + padded(r.stop, width);
        if (r.repeat > 0 && !(r.stop > 0 && r.repeat == 1)) out += "/" + std::to_string(r.repeat);
    }
    return out;
}

// systemd's format_weekdays: runs of three or more days as a range ("Mon..Wed"), two as a list.
std::string formatWeekdays(unsigned bits) {
    static const char* const kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    std::string out;
    for (int d = 0; d < 7; ++d) {
        if (!(bits & (1u << d))) continue;
        int end = d;
        while (end + 1 < 7 && (bits & (1u << (end + 1)))) ++end;
        out += (out.empty() ? "" : ",") + std::string(kDays[d]);
        if (end > d) out += (end > d + 1 ? ".." : ",") + std::string(kDays[end]);
        d = end;
    }
    return out;
}

// The values of [min, max] a component lets through, ascending.
std::vector<int> allowedValues(const CalendarComponent& c, int min, int max) {
    std::vector<bool> on(std::size_t(max - min + 1), c.empty());
    for (const auto& r : c) {
        const int last = r.repeat == 0 ? r.start : (r.stop >= 0 ? r.stop : max);
        for (int v = r.start; v <= last && v <= max; v += r.repeat == 0 ? 1 : r.repeat) on[std::size_t(v - min)] = true;
    }
    std::vector<int> out;
    for (int v = min; v <= max; ++v)
        if (on[std::size_t(v - min)]) out.push_back(v);
    return out;
}

bool leapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int daysInMonth(int y, int m) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leapYear(y) ? 29 : kDays[m - 1];
}

// 0 Monday … 6 Sunday (Sakamoto's method gives 0 for Sunday).
int weekday(int y, int m, int d) {
    static const int kOffsets[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    if (m < 3) y -= 1;
    const int sundayFirst = (y + y / 4 - y / 100 + y / 400 + kOffsets[m - 1] + d) % 7;
    return (sundayFirst + 6) % 7;
}

Civil civilOf(std::time_t t, bool utc) {
    std::tm tm{};
    if (utc) gmtime_r(&t, &tm);
    else localtime_r(&t, &tm);
    return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec};
}

// The moment a civil time names; nullopt for a local time that does not exist (a DST gap:
// mktime moves it, and the fields read back differ).
std::optional<std::time_t> momentOf(const Civil& c, bool utc) {
    std::tm tm{};
    tm.tm_year = c[0] - 1900;
    tm.tm_mon = c[1] - 1;
    tm.tm_mday = c[2];
    tm.tm_hour = c[3];
    tm.tm_min = c[4];
    tm.tm_sec = c[5];
    tm.tm_isdst = -1;
    const std::time_t t = utc ? timegm(&tm) : std::mktime(&tm);
    if (t == std::time_t(-1) || civilOf(t, utc) != c) return std::nullopt;
    return t;
}

// The smallest civil time at or after `start` whose fields all match, that exists and is after
// `after`: the fields from the year down, each from the start's value while the ones above
// equal the start's, else from its smallest allowed value.
class ElapseSearch {
public:
    ElapseSearch(const CalendarFields& f, std::time_t after) : m_fields(f), m_after(after) {
        const CalendarComponent* components[] = {&f.year, &f.month, &f.day, &f.hour, &f.minute, &f.second};
        for (int i = 0; i < 6; ++i) m_allowed[std::size_t(i)] = allowedValues(*components[i], kMin[i], kMax[i]);
        m_start = civilOf(after + 1, f.utc);
    }

    std::optional<std::time_t> find() {
        search(0, true);
        return m_found;
    }

private:
    bool search(std::size_t level, bool bounded) {
        for (int v : m_allowed[level]) {
            if (bounded && v < m_start[level]) continue;
            m_at[level] = v;
            if (level == 2 && !dayMatches()) continue;
            if (level == 5) {
                auto t = momentOf(m_at, m_fields.utc);
                if (!t || *t <= m_after) continue;
                m_found = t;
                return true;
            }
            if (search(level + 1, bounded && v == m_start[level])) return true;
        }
        return false;
    }

    bool dayMatches() const {
        if (m_at[2] > daysInMonth(m_at[0], m_at[1])) return false;
        return m_fields.weekdays == 0 || (m_fields.weekdays & (1u << weekday(m_at[0], m_at[1], m_at[2])));
    }

    const CalendarFields& m_fields;
    std::time_t m_after;
    std::array<std::vector<int>, 6> m_allowed;
    Civil m_start{}, m_at{};
    std::optional<std::time_t> m_found;
};

// A component as a crontab field: "*", "5", "1-5", "*/15", "9-17/2", lists joined by ",".
std::string cronField(const CalendarComponent& c, int min, int max) {
    if (c.empty()) return "*";
    std::string out;
    for (const auto& r : c) {
        if (!out.empty()) out += ',';
        if (r.repeat == 0) out += std::to_string(r.start);
        else if (r.stop >= 0) out += std::to_string(r.start) + "-" + std::to_string(r.stop);
        else if (r.start == min) out += "*";
        else out += std::to_string(r.start) + "-" + std::to_string(max);
        if (r.repeat > 1) out += "/" + std::to_string(r.repeat);
    }
    return out;
}

// Weekday bits (bit 0 Monday) as cron's day-of-week field (0 Sunday … 6 Saturday).
std::string cronWeekdays(unsigned bits) {
    if (bits == 0) return "*";
    std::vector<int> days;
    if (bits & (1u << 6)) days.push_back(0);
    for (int d = 0; d < 6; ++d)
        if (bits & (1u << d)) days.push_back(d + 1);
    std::string out;
    for (std::size_t i = 0; i < days.size(); ++i) {
        std::size_t end = i;
        while (end + 1 < days.size() && days[end + 1] == days[end] + 1) ++end;
        out += (out.empty() ? "" : ",") + std::to_string(days[i]);
        if (end >= i + 2) {
            out += "-" + std::to_string(days[end]);
            i = end;
        }
    }
    return out;
}

}  // namespace

Result<CalendarSpec> CalendarSpec::parse(const std::string& expression) {
    auto fields = parseCalendarFields(expression);
    if (!fields) return fields.error();
    return CalendarSpec(expression, std::move(*fields));
}

std::string CalendarSpec::normalized() const {
    const auto& f = m_fields;
    std::string out = f.weekdays ? formatWeekdays(f.weekdays) + " " : "";
    out += formatComponent(f.year, 4, false) + "-" + formatComponent(f.month, 2, false) + "-" +
           formatComponent(f.day, 2, false) + " " + formatComponent(f.hour, 2, false) + ":" +
           formatComponent(f.minute, 2, false) + ":" + formatComponent(f.second, 2, true);
    return f.utc ? out + " UTC" : out;
}

std::optional<std::time_t> CalendarSpec::next(std::time_t after) const {
    return ElapseSearch(m_fields, after).find();
}

std::vector<std::time_t> CalendarSpec::elapsesBetween(std::time_t from, std::time_t to, std::size_t limit) const {
    std::vector<std::time_t> out;
    for (auto t = next(from); t && *t <= to && out.size() < limit; t = next(*t)) out.push_back(*t);
    return out;
}

Result<std::string> CalendarSpec::toCron() const {
    const auto& f = m_fields;
    const auto refuse = [this](const std::string& why) {
        Error e = makeError(ErrorCode::Unsupported, "schedule '" + m_original + "': cron cannot run it: " + why);
        e.hint = "use the systemd backend (--backend systemd), or a schedule cron can say";
        return e;
    };
    if (!(f.second == CalendarComponent{CalendarRange{0, -1, 0}}))
        return refuse("cron starts jobs on whole minutes, and this schedule names seconds (" +
                      formatComponent(f.second, 2, true) + ")");
    if (!f.year.empty()) return refuse("cron has no years, and this schedule names some (" + formatComponent(f.year, 4, false) + ")");
    if (f.utc) return refuse("cron runs in local time; drop the trailing UTC");
    if (f.weekdays != 0 && !f.day.empty())
        return refuse("cron starts a job when the day of the month or the weekday matches, systemd only when both do");
    return cronField(f.minute, 0, 59) + " " + cronField(f.hour, 0, 23) + " " + cronField(f.day, 1, 31) + " " +
           cronField(f.month, 1, 12) + " " + cronWeekdays(f.weekdays);
}

}  // namespace kiln
