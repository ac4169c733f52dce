// Moments for people (local, systemd's format) and for the catalog and JSON (UTC, ISO 8601).
#include "core/pipeline/schedule/schedule_time.h"

#include <cstdio>

namespace kiln {

std::string formatLocalTime(std::time_t t) {
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%a %Y-%m-%d %H:%M:%S %Z", &tm);
    return buf;
}

std::string isoUtc(std::time_t t) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::optional<std::time_t> parseCatalogTime(const std::string& text) {
    std::tm tm{};
    char separator = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2d%c%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &separator,
                    &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 7 ||
        (separator != 'T' && separator != ' '))
        return std::nullopt;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    const std::time_t t = timegm(&tm);
    if (t == std::time_t(-1)) return std::nullopt;
    return t;
}

}  // namespace kiln
