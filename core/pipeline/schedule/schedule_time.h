#pragma once

#include <ctime>
#include <optional>
#include <string>

namespace kiln {

// Moments as schedules show them. Any thread (they read the process's time zone).

// Local time as systemd prints it: "Mon 2024-03-11 03:00:00 CET".
std::string formatLocalTime(std::time_t t);

// UTC in ISO 8601, as the catalog and JSON write it: "2024-03-11T03:00:00Z".
std::string isoUtc(std::time_t t);

// A catalog timestamp ("2024-03-11T03:00:00.123Z", a space for the T and no Z taken too, all
// UTC); nullopt when it is not one.
std::optional<std::time_t> parseCatalogTime(const std::string& text);

}  // namespace kiln
