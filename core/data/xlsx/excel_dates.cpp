#include "core/data/xlsx/excel_dates.h"

#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace kiln {

DateKind classifyNumberFormat(int id, const std::string& code) {
    if (id >= 14 && id <= 17) return DateKind::Date;
    if (id == 22) return DateKind::DateTime;
    if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) return DateKind::Time;
    if (code.empty()) return DateKind::None;  // other built-ins are numbers, text or currency
    bool date = false, time = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == '"') {
            const auto close = code.find('"', i + 1);
            if (close == std::string::npos) break;
            i = close;
        } else if (c == '[') {
            const auto close = code.find(']', i + 1);
            if (close == std::string::npos) break;
            i = close;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;  // the next character is literal (or padding)
        } else if (c == ';') {
            break;  // the first section decides
        } else {
            const char lower = char(std::tolower(static_cast<unsigned char>(c)));
            if (lower == 'd' || lower == 'y')
                date = true;
            else if (lower == 'h' || lower == 's')
                time = true;
            else if (lower == 'm')
                date = date || !time;  // "mm" after "h" is minutes
        }
    }
    if (date && time) return DateKind::DateTime;
    if (date) return DateKind::Date;
    if (time) return DateKind::Time;
    return DateKind::None;
}

namespace {

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm), and back.
void civilFromDays(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = std::int64_t(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) ++y;
}

constexpr std::int64_t kDays1899_12_30 = -25569;  // the 1900 system's day 0 for serials > 60
constexpr std::int64_t kDays1904_01_01 = -24107;

}  // namespace

std::optional<std::string> excelSerialToIso(double serial, DateKind kind, bool date1904) {
    if (!std::isfinite(serial) || serial < 0 || serial > 2958465.999999) return std::nullopt;
    auto ms = std::int64_t(std::llround(serial * 86400000.0));
    std::int64_t days = ms / 86400000;
    std::int64_t msOfDay = ms % 86400000;
    char buffer[48];
    const unsigned hh = unsigned(msOfDay / 3600000), mi = unsigned(msOfDay / 60000 % 60),
                   ss = unsigned(msOfDay / 1000 % 60), milli = unsigned(msOfDay % 1000);
    if (kind == DateKind::Time) {
        std::snprintf(buffer, sizeof buffer, "%02u:%02u:%02u", hh, mi, ss);
        return std::string(buffer);
    }
    std::int64_t epochDays;
    if (date1904) {
        epochDays = kDays1904_01_01 + days;
    } else {
        if (days == 60)
            return std::nullopt;  // 1900-02-29, which Excel counts and the calendar lacks
        epochDays = kDays1899_12_30 + days + (days < 60 ? 1 : 0);
    }
    std::int64_t y;
    unsigned m, d;
    civilFromDays(epochDays, y, m, d);
    if (kind == DateKind::Date) {
        std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
    } else if (milli) {
        std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02u:%02u:%02u.%03u",
                      static_cast<long long>(y), m, d, hh, mi, ss, milli);
    } else {
        std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02u:%02u:%02u",
                      static_cast<long long>(y), m, d, hh, mi, ss);
    }
    return std::string(buffer);
}

}  // namespace kiln
