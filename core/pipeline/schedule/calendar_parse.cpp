// Parsing systemd calendar events (systemd.time(7)) into CalendarFields, with systemd's own
// normalisation so normalized() prints what `systemd-analyze calendar` prints.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <sstream>
#include <tuple>

#include "core/pipeline/schedule/calendar_spec.h"

namespace kiln {

namespace {

// A field's name (for messages) and its valid values.
struct FieldLimits {
    const char* name;
    int min, max;
};
constexpr FieldLimits kYear{"year", 1970, 2199};  // systemd's own limits
constexpr FieldLimits kMonth{"month", 1, 12};
constexpr FieldLimits kDay{"day", 1, 31};
constexpr FieldLimits kHour{"hour", 0, 23};
constexpr FieldLimits kMinute{"minute", 0, 59};
constexpr FieldLimits kSecond{"second", 0, 59};

constexpr unsigned kAllWeekdays = 0x7f;

std::string lower(std::string s) {
    for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(s);
    while (std::getline(in, part, sep)) parts.push_back(part);
    if (!s.empty() && s.back() == sep) parts.emplace_back();
    return parts;
}

std::vector<std::string> words(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

bool startsWithLetter(const std::string& s) {
    return !s.empty() && std::isalpha(static_cast<unsigned char>(s[0]));
}

CalendarComponent single(int v) { return {CalendarRange{v, -1, 0}}; }

// The shorthands systemd.time(7) lists, as the fields they stand for.
bool applyShorthand(const std::string& word, CalendarFields& f) {
    const std::string w = lower(word);
    const auto midnight = [&f] {
        f.hour = single(0);
        f.minute = single(0);
        f.second = single(0);
    };
    if (w == "minutely") f.second = single(0);
    else if (w == "hourly") f.minute = single(0), f.second = single(0);
    else if (w == "daily") midnight();
    else if (w == "weekly") f.weekdays = 1, midnight();
    else if (w == "monthly") f.day = single(1), midnight();
    else if (w == "yearly" || w == "annually") f.month = single(1), f.day = single(1), midnight();
    else if (w == "quarterly")
        f.month = {{1, -1, 0}, {4, -1, 0}, {7, -1, 0}, {10, -1, 0}}, f.day = single(1), midnight();
    else if (w == "semiannually" || w == "semi-annually" || w == "biannually" || w == "bi-annually")
        f.month = {{1, -1, 0}, {7, -1, 0}}, f.day = single(1), midnight();
    else return false;
    return true;
}

// Two-digit years, as systemd reads them: 24 is 2024, 99 is 1999.
int fullYear(int y) { return y < 70 ? y + 2000 : y < 100 ? y + 1900 : y; }

// systemd's normalize_chain: a range's end cut to a multiple of its repeat, a range that cannot
// repeat (or starts where it stops) made a single value, then sorted without duplicates.
void normalizeComponent(CalendarComponent& c) {
    for (auto& r : c) {
        if (r.stop > r.start && r.repeat > 0) r.stop -= (r.stop - r.start) % r.repeat;
        if ((r.stop > r.start && r.start + r.repeat > r.stop) || r.start == r.stop) r.repeat = 0, r.stop = -1;
    }
    std::sort(c.begin(), c.end(), [](const CalendarRange& a, const CalendarRange& b) {
        return std::tie(a.start, a.stop, a.repeat) < std::tie(b.start, b.stop, b.repeat);
    });
    c.erase(std::unique(c.begin(), c.end()), c.end());
}

class CalendarParser {
public:
    explicit CalendarParser(const std::string& expression) : m_expression(expression) {}

    Result<CalendarFields> parse() {
        std::string text = trim(m_expression);
        if (text.empty()) return fail("it is empty; write a calendar event such as \"Mon *-*-* 03:00\"");
        if (text[0] == '@') return fail("'@' timestamps name one moment, not a schedule");
        if (lower(text).size() > 4 && lower(text).substr(text.size() - 4) == " utc") {
            m_fields.utc = true;
            text = trim(text.substr(0, text.size() - 4));
        }
        auto parts = words(text);
        if (parts.size() == 1 && applyShorthand(parts[0], m_fields)) return m_fields;
        if (auto st = checkLastWord(parts); !st) return st.error();
        std::size_t next = 0;
        if (startsWithLetter(parts[0])) {
            if (auto st = parseWeekdays(parts[0]); !st) return st.error();
            ++next;
        }
        if (auto st = parseDateAndTime({parts.begin() + long(next), parts.end()}); !st) return st.error();
        for (auto* c : {&m_fields.year, &m_fields.month, &m_fields.day, &m_fields.hour, &m_fields.minute,
                        &m_fields.second})
            normalizeComponent(*c);
        return m_fields;
    }

private:
    Error fail(const std::string& problem) const {
        return makeError(ErrorCode::InvalidArgument, "schedule '" + m_expression + "': " + problem);
    }

    // A word at the end that starts with a letter is a time zone (systemd takes any), or a second
    // weekday list.
    Status checkLastWord(const std::vector<std::string>& parts) const {
        if (parts.size() < 2 || !startsWithLetter(parts.back())) return {};
        unsigned ignored = 0;
        if (weekdayBits(parts.back(), ignored).empty())
            return fail("'" + parts.back() + "' stands where the date or time goes: weekdays are one list at the start, "
                        "such as Mon,Tue or Mon..Fri");
        return fail("time zone '" + parts.back() +
                    "' is not supported: Kiln's schedules run in local time, or in UTC with a trailing UTC");
    }

    Status parseWeekdays(const std::string& word) {
        unsigned bits = 0;
        if (auto problem = weekdayBits(word, bits); !problem.empty()) return fail(problem);
        m_fields.weekdays = bits == kAllWeekdays ? 0 : bits;
        return {};
    }

    // The days `word` names ("Mon..Fri,Sun", "monday", "Mon-Wed"): what is wrong, or "" and `bits`.
    static std::string weekdayBits(const std::string& word, unsigned& bits) {
        static const char* const kNames[] = {"monday", "mon", "tuesday", "tue", "wednesday", "wed", "thursday",
                                             "thu", "friday", "fri", "saturday", "sat", "sunday", "sun"};
        const std::string w = lower(word);
        int rangeFrom = -1;
        std::size_t i = 0;
        while (i < w.size()) {
            int day = -1;
            for (int k = 0; k < 14 && day < 0; ++k)
                if (w.compare(i, std::strlen(kNames[k]), kNames[k]) == 0 &&
                    (i + std::strlen(kNames[k]) == w.size() || std::strchr(",.-", w[i + std::strlen(kNames[k])]))) {
                    day = k / 2;
                    i += std::strlen(kNames[k]);
                }
            if (day < 0) {
                const std::string token = word.substr(i, word.find_first_of(",.-", i) - i);
                return "'" + token + "' is not a weekday (Mon … Sun, or Monday … Sunday)";
            }
            if (rangeFrom > day) return "the weekday range in '" + word + "' goes backwards: ranges run from Mon to Sun";
            for (int d = rangeFrom < 0 ? day : rangeFrom; d <= day; ++d) bits |= 1u << d;
            rangeFrom = -1;
            if (w.compare(i, 2, "..") == 0 || (i < w.size() && w[i] == '-')) {
                i += w[i] == '-' ? 1 : 2;
                if (i == w.size()) return "the weekday range in '" + word + "' has no end";
                rangeFrom = day;
            } else if (i < w.size()) {
                if (w[i] != ',') return "unexpected '" + word.substr(i, 1) + "' in the weekdays '" + word + "'";
                ++i;  // systemd takes a trailing comma
            }
        }
        return {};
    }

    Status parseDateAndTime(const std::vector<std::string>& rest) {
        if (rest.size() > 2)
            return fail("too many parts: a calendar event is [WEEKDAYS] [DATE] [TIME], such as \"Mon *-*-* 03:00\"");
        const bool hasTime = rest.size() == 2 || (rest.size() == 1 && rest[0].find(':') != std::string::npos);
        const bool hasDate = rest.size() == 2 || (rest.size() == 1 && !hasTime);
        if (hasDate)
            if (auto st = parseDate(rest[0]); !st) return st;
        if (hasTime) return parseTime(rest.back());
        m_fields.hour = single(0);
        m_fields.minute = single(0);
        m_fields.second = single(0);
        return {};
    }

    Status parseDate(const std::string& text) {
        if (text.find('~') != std::string::npos)
            return fail("days counted from the end of the month ('~') are not supported; list the days instead");
        auto parts = split(text, '-');
        if (parts.size() < 2 || parts.size() > 3)
            return fail("'" + text + "' is neither a date (YYYY-MM-DD or MM-DD) nor a time (HH:MM)");
        std::size_t i = 0;
        if (parts.size() == 3) {
            auto year = component(parts[i++], kYear);
            if (!year) return year.error();
            m_fields.year = *year;
        }
        auto month = component(parts[i++], kMonth);
        if (!month) return month.error();
        auto day = component(parts[i], kDay);
        if (!day) return day.error();
        m_fields.month = *month, m_fields.day = *day;
        return {};
    }

    Status parseTime(const std::string& text) {
        auto parts = split(text, ':');
        if (parts.size() < 2 || parts.size() > 3) return fail("'" + text + "' is not a time: write HH:MM or HH:MM:SS");
        auto hour = component(parts[0], kHour);
        if (!hour) return hour.error();
        auto minute = component(parts[1], kMinute);
        if (!minute) return minute.error();
        Result<CalendarComponent> second = parts.size() == 3 ? component(parts[2], kSecond) : single(0);
        if (!second) return second.error();
        m_fields.hour = *hour, m_fields.minute = *minute, m_fields.second = *second;
        return {};
    }

    // One field: `*`, or a comma list of values, ranges and repetitions, each checked against `f`.
    Result<CalendarComponent> component(const std::string& text, const FieldLimits& f) const {
        if (text == "*") return CalendarComponent{};
        if (text.empty()) return fail(std::string("the ") + f.name + " is empty");
        if (text[0] == '*')
            return fail("'" + text + "' in the " + f.name + ": a repetition starts from a number, such as 0/15");
        CalendarComponent out;
        for (const auto& item : split(text, ',')) {
            auto r = range(item, text, f);
            if (!r) return r.error();
            out.push_back(*r);
        }
        return out;
    }

    Result<CalendarRange> range(const std::string& item, const std::string& text, const FieldLimits& f) const {
        if (item.empty()) return fail(std::string("an empty item in the ") + f.name + " '" + text + "'");
        std::size_t i = 0;
        CalendarRange r;
        auto start = number(item, i, f);
        if (!start) return start.error();
        r.start = *start;
        if (item.compare(i, 2, "..") == 0) {
            i += 2;
            auto stop = number(item, i, f);
            if (!stop) return stop.error();
            r.stop = *stop, r.repeat = 1;
        }
        if (i < item.size() && item[i] == '/') {
            ++i;
            auto repeat = number(item, i, f);
            if (!repeat) return repeat.error();
            r.repeat = *repeat;
            if (r.repeat == 0) return fail(std::string("the ") + f.name + " repetition '" + item + "' repeats every 0");
        }
        if (i < item.size())
            return fail("unexpected '" + item.substr(i, 1) + "' in the " + f.name + " '" + text + "'");
        if (&f == &kYear) r.start = fullYear(r.start), r.stop = r.stop < 0 ? -1 : fullYear(r.stop);
        if (auto st = checkRange(r, item, f); !st) return st.error();
        return r;
    }

    Result<int> number(const std::string& item, std::size_t& i, const FieldLimits& f) const {
        const std::size_t begin = i;
        while (i < item.size() && std::isdigit(static_cast<unsigned char>(item[i]))) ++i;
        if (i == begin) {
            const std::string what = i < item.size() ? "'" + item.substr(i, 1) + "'" : "the end";
            return fail("expected a number in the " + std::string(f.name) + " '" + item + "', found " + what);
        }
        if (&f == &kSecond && i + 1 < item.size() && item[i] == '.' && item[i + 1] != '.')
            return fail("fractions of a second ('" + item + "') are not supported");
        if (i - begin > 6) return fail(std::string(f.name) + " " + item.substr(begin, i - begin) + " is out of range");
        return std::stoi(item.substr(begin, i - begin));
    }

    // systemd's chain_valid: values inside the field, ranges forwards, a repetition that can
    // happen at least once.
    Status checkRange(const CalendarRange& r, const std::string& item, const FieldLimits& f) const {
        const std::string bounds = std::to_string(f.min) + "-" + std::to_string(f.max);
        for (int v : {r.start, r.stop})
            if (v != -1 && (v < f.min || v > f.max))
                return fail(std::string(f.name) + " " + std::to_string(v) + " is out of range " + bounds);
        if (r.stop >= 0 && r.stop < r.start)
            return fail(std::string("the ") + f.name + " range " + item + " goes backwards");
        if (r.repeat > 0 && r.start + r.repeat > f.max)
            return fail(std::string("the ") + f.name + " repetition " + item + " never repeats: " +
                        std::to_string(r.start) + " + " + std::to_string(r.repeat) + " is past " + std::to_string(f.max));
        return {};
    }

    const std::string& m_expression;
    CalendarFields m_fields;
};

}  // namespace

Result<CalendarFields> parseCalendarFields(const std::string& expression) {
    return CalendarParser(expression).parse();
}

}  // namespace kiln
