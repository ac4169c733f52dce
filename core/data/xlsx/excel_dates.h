#pragma once

#include <optional>
#include <string>

namespace kiln {

// What a cell's number format makes of its number.
enum class DateKind { None, Date, DateTime, Time };

// The kind of number format `id` (built-in: 14–17 dates, 22 date and time, 18–21 and 45–47
// times) or, for a custom format, of its `code`: date parts (d, m, y) and time parts (h, s)
// counted outside quoted text, [brackets], escapes and padding.
DateKind classifyNumberFormat(int id, const std::string& code);

// An Excel serial number as ISO text: "2024-01-31" (Date), "2024-01-31T12:00:00" with ".250"
// when there are milliseconds (DateTime), "12:00:00" (Time). The 1900 system keeps Excel's
// phantom 1900-02-29 (serial 60), which has no date: nullopt, as for a serial out of range.
std::optional<std::string> excelSerialToIso(double serial, DateKind kind, bool date1904);

}  // namespace kiln
