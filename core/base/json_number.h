#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

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

// An integer field of a JSON object read from outside (a worker's line, a host's answer, a model
// file's metadata): `fallback` when absent or null, the value when it is an integer, or a float
// with an integral value, that T holds. Anything else throws nlohmann's type_error, as a value of
// the wrong type does (nlohmann's own get<int>() on 1e300 would be undefined behaviour).
template <class T>
T integerField(const nlohmann::json& object, const char* key, T fallback) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return fallback;
    using Limits = std::numeric_limits<T>;
    if (it->is_number_unsigned()) {
        auto v = it->template get<std::uint64_t>();
        if (v <= std::uint64_t(Limits::max())) return T(v);
    } else if (it->is_number_integer()) {
        auto v = it->template get<std::int64_t>();
        if (v >= std::int64_t(Limits::min()) && (v < 0 || std::uint64_t(v) <= std::uint64_t(Limits::max())))
            return T(v);
    } else if (it->is_number_float()) {
        double v = it->template get<double>();
        // Limits::max() + 1 is a power of two, exact as a double, unlike Limits::max() itself.
        double above = std::ldexp(1.0, Limits::digits);
        if (std::trunc(v) == v && v >= double(Limits::min()) && v < above) return T(v);
    }
    throw nlohmann::json::type_error::create(
        302, std::string("\"") + key + "\" must be an integer in range, not " + it->dump(), nullptr);
}

}  // namespace kiln
