#include "core/data/cell_parser.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace kiln {

std::string_view trimSpaces(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = char(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = char(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

// Reads minDigits..maxDigits decimal digits at s[i] into `out`.
bool readNumber(std::string_view s, std::size_t& i, int minDigits, int maxDigits, int& out) {
    int n = 0, value = 0;
    while (i < s.size() && n < maxDigits && s[i] >= '0' && s[i] <= '9')
        value = value * 10 + (s[i++] - '0'), ++n;
    out = value;
    return n >= minDigits;
}


// " HH:MM[:SS[.fff]][Z]" or "THH:MM…" at s[i]; true when the rest of the cell is a valid time.
bool readTime(std::string_view s, std::size_t i, ParsedDate& out) {
    if (i == s.size()) return true;
    if (s[i] != 'T' && s[i] != ' ') return false;
    ++i;
    int h = 0, m = 0, sec = 0, ms = 0;
    if (!readNumber(s, i, 1, 2, h) || i >= s.size() || s[i++] != ':' || !readNumber(s, i, 2, 2, m))
        return false;
    if (i < s.size() && s[i] == ':') {
        ++i;
        if (!readNumber(s, i, 2, 2, sec)) return false;
        if (i < s.size() && s[i] == '.') {
            ++i;
            int digits = 0;
            while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
                if (digits < 3) ms = ms * 10 + (s[i] - '0');
                ++digits, ++i;
            }
            if (digits == 0) return false;
            for (; digits < 3; ++digits) ms *= 10;
        }
    }
    if (i < s.size() && s[i] == 'Z') ++i;
    if (i != s.size() || h > 23 || m > 59 || sec > 60) return false;
    out.hasTime = true;
    out.msOfDay = ((h * 60 + m) * 60 + sec) * 1000LL + ms;
    return true;
}

}  // namespace

bool isValidDate(int y, int m, int d) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1) return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= kDays[m - 1] + (m == 2 && leap);
}

bool parseGroupedNumber(std::string_view cell, char thousands, char decimal, double& out) {
    cell = trimSpaces(cell);
    std::string plain;
    std::size_t i = 0;
    if (i < cell.size() && (cell[i] == '-' || cell[i] == '+')) plain += cell[i++];
    const std::size_t intStart = i;
    std::size_t group = 0;  // digits since the last separator
    bool grouped = false;
    for (; i < cell.size() && cell[i] != decimal; ++i) {
        if (cell[i] >= '0' && cell[i] <= '9') {
            plain += cell[i], ++group;
        } else if (cell[i] == thousands && group > 0 && (grouped ? group == 3 : group <= 3)) {
            grouped = true, group = 0;
        } else {
            return false;
        }
    }
    if (i == intStart || group == 0 || (grouped && group != 3)) return false;
    if (i < cell.size()) {  // the decimal mark: digits only after it
        plain += '.';
        if (++i == cell.size()) return false;
        for (; i < cell.size(); ++i) {
            if (cell[i] < '0' || cell[i] > '9') return false;
            plain += cell[i];
        }
    }
    return parseDouble(plain, false, out);
}

bool hasDigitGroups(std::string_view cell, char thousands) {
    double x;
    return cell.find(thousands) != std::string_view::npos &&
           parseGroupedNumber(cell, thousands, thousands == ',' ? '.' : ',', x);
}

bool hasLeadingZero(std::string_view cell) {
    cell = trimSpaces(cell);
    if (cell.size() < 2 || cell[0] != '0') return false;
    for (char c : cell)
        if (c < '0' || c > '9') return false;
    return true;
}

bool isMissingMarker(std::string_view cell) {
    if (!cell.empty() && cell.front() >= '0' && cell.front() <= '9') return false;  // most cells
    cell = trimSpaces(cell);
    if (cell.empty() || cell == "-" || cell == "?") return true;
    // "-nan" is what C's printf (and so many exporters) writes for a NaN with its sign bit set.
    return equalsIgnoreCase(cell, "na") || equalsIgnoreCase(cell, "n/a") ||
           equalsIgnoreCase(cell, "null") || equalsIgnoreCase(cell, "nan") ||
           equalsIgnoreCase(cell, "-nan") || equalsIgnoreCase(cell, "+nan");
}

ParseOutcome parseInt64(std::string_view cell, std::int64_t& out) {
    cell = trimSpaces(cell);
    if (!cell.empty() && cell.front() == '+') cell.remove_prefix(1);
    if (cell.empty()) return ParseOutcome::Invalid;
    auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), out);
    if (end != cell.data() + cell.size()) return ParseOutcome::Invalid;
    if (ec == std::errc::result_out_of_range) return ParseOutcome::Overflow;
    return ec == std::errc() ? ParseOutcome::Ok : ParseOutcome::Invalid;
}

bool parseDouble(std::string_view cell, bool decimalComma, double& out) {
    cell = trimSpaces(cell);
    if (!cell.empty() && cell.front() == '+') cell.remove_prefix(1);
    if (cell.empty() || cell.size() > 64) return false;
    char buffer[64];
    const char* text = cell.data();
    if (decimalComma) {
        for (std::size_t i = 0; i < cell.size(); ++i) {
            if (cell[i] == '.') return false;
            buffer[i] = cell[i] == ',' ? '.' : cell[i];
        }
        text = buffer;
    }
    auto [end, ec] = std::from_chars(text, text + cell.size(), out);
    if (ec == std::errc::result_out_of_range) {  // from_chars refuses huge/tiny magnitudes
        std::string copy(text, cell.size());
        out = std::strtod(copy.c_str(), nullptr);
        return true;
    }
    return ec == std::errc() && end == text + cell.size() && !std::isnan(out);
}

bool parseBoolean(std::string_view cell, std::uint8_t& out) {
    cell = trimSpaces(cell);
    if (equalsIgnoreCase(cell, "true") || equalsIgnoreCase(cell, "yes")) return out = 1, true;
    if (equalsIgnoreCase(cell, "false") || equalsIgnoreCase(cell, "no")) return out = 0, true;
    return false;
}

std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + std::int64_t(doe) - 719468;
}

bool parseDate(std::string_view cell, DateOrder order, ParsedDate& out) {
    cell = trimSpaces(cell);
    out = ParsedDate{};
    std::size_t i = 0;
    int a = 0, b = 0, c = 0, y, m, d;
    if (!readNumber(cell, i, 1, 4, a) || i >= cell.size()) return false;
    const std::size_t firstDigits = i;
    char sep = cell[i];
    if (sep != '-' && sep != '/' && sep != '.') return false;
    ++i;
    if (!readNumber(cell, i, 1, 2, b) || i >= cell.size() || cell[i++] != sep) return false;
    if (firstDigits == 4) {  // year first: YYYY-MM-DD or YYYY/MM/DD
        if (!readNumber(cell, i, 1, 2, c)) return false;
        y = a, m = b, d = c;
    } else {
        if (sep == '-' || !readNumber(cell, i, 4, 4, c)) return false;
        out.slashed = true, out.first = a, out.second = b;
        y = c;
        m = order == DateOrder::DayFirst ? b : a;
        d = order == DateOrder::DayFirst ? a : b;
    }
    if (!isValidDate(y, m, d) || !readTime(cell, i, out)) return false;
    out.days = daysFromCivil(y, unsigned(m), unsigned(d));
    return true;
}

std::string formatDate(std::int64_t days) {
    std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = std::int64_t(yoe) + era * 400 + (m <= 2);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
    return buffer;
}

std::string formatDateTime(std::int64_t ms) {
    std::int64_t days = ms >= 0 ? ms / 86400000 : -((-ms + 86399999) / 86400000);
    std::int64_t rest = ms - days * 86400000;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "T%02d:%02d:%02d", int(rest / 3600000),
                  int(rest / 60000 % 60), int(rest / 1000 % 60));
    std::string out = formatDate(days) + buffer;
    if (rest % 1000) {
        std::snprintf(buffer, sizeof buffer, ".%03d", int(rest % 1000));
        out += buffer;
    }
    return out;
}

}  // namespace kiln
