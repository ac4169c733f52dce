#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/data/column_type.h"

namespace kiln {

// Parsers for one cell of text, as CSV import reads them. Pure functions, thread-safe.

// True for the missing-value markers: empty (or spaces), NA, N/A, null, NaN, -, ? (any case).
bool isMissingMarker(std::string_view cell);

enum class ParseOutcome { Ok, Invalid, Overflow };

// A decimal integer with optional sign and surrounding spaces. Overflow beyond int64.
ParseOutcome parseInt64(std::string_view cell, std::int64_t& out);
// A decimal or scientific number; with `decimalComma`, "3,14" reads as 3.14 (and '.' is refused).
bool parseDouble(std::string_view cell, bool decimalComma, double& out);
// A number written with digit groups: `thousands` between groups of three digits (1,234,567)
// and `decimal` before the fraction (1,234.5 with ',' and '.'; 1.234,5 with '.' and ','); digits
// without separators read too. Optional sign and surrounding spaces.
bool parseGroupedNumber(std::string_view cell, char thousands, char decimal, double& out);
// True when `cell` holds `thousands` between digit groups (as parseGroupedNumber reads it).
bool hasDigitGroups(std::string_view cell, char thousands);
// True for digit strings with a leading zero, like ZIP code 08123 (not "0" itself).
bool hasLeadingZero(std::string_view cell);

// true/false, yes/no (any case), as 1/0.
bool parseBoolean(std::string_view cell, std::uint8_t& out);

// How the day and month of slashed dates are ordered. ISO dates (2024-01-31) read in any order.
enum class DateOrder { DayFirst, MonthFirst };

// A date or date-time: days since 1970-01-01 and milliseconds since midnight.
struct ParsedDate {
    std::int64_t days = 0;
    std::int64_t msOfDay = 0;
    bool hasTime = false;
    // Slashed forms only: the first two numbers, to decide the day/month order.
    int first = 0, second = 0;
    bool slashed = false;
};
// ISO `2024-01-31`, `2024-01-31T12:00:00(.123)(Z)`, `2024-01-31 12:00`, and `31/01/2024`,
// `01/31/2024`, `31.01.2024` (with an optional time) read in `order`. False when not a valid date.
bool parseDate(std::string_view cell, DateOrder order, ParsedDate& out);
// Whether day `d` of month `m` (1-12) exists in year `y` (leap years as Gregorian).
bool isValidDate(int y, int m, int d);
// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d);
// "2024-01-31" and "2024-01-31T12:00:00.000" (milliseconds shown only when not zero).
std::string formatDate(std::int64_t days);
std::string formatDateTime(std::int64_t ms);

// `cell` without leading and trailing spaces and tabs.
std::string_view trimSpaces(std::string_view cell);

}  // namespace kiln
