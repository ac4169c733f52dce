#pragma once

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

namespace kiln {

// How Kiln writes a double into JSON, the same in every --json output and every stored
// document: a finite value as a number, NaN (a missing value) as null, and +inf and -inf as the
// strings "Infinity" and "-Infinity" (JSON has no literal for them; Python's float() and
// JavaScript's Number() read these strings back as infinities, and a reader can tell them apart
// from missing).
inline nlohmann::json jsonNumber(double x) {
    if (std::isfinite(x)) return x;
    if (std::isnan(x)) return nullptr;
    return x > 0 ? "Infinity" : "-Infinity";
}

// Reads what jsonNumber() writes: a number, "Infinity" or "-Infinity"; anything else is NaN.
inline double numberFromJson(const nlohmann::json& j) {
    if (j.is_number()) return j.get<double>();
    if (j.is_string()) {
        const auto& s = j.get_ref<const std::string&>();
        if (s == "Infinity") return std::numeric_limits<double>::infinity();
        if (s == "-Infinity") return -std::numeric_limits<double>::infinity();
    }
    return std::numeric_limits<double>::quiet_NaN();
}

}  // namespace kiln
