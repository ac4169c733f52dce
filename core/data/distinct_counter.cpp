#include "core/data/distinct_counter.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace kiln {

std::uint64_t DistinctCounter::mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

void DistinctCounter::add(std::uint64_t key) {
    std::uint64_t h = mix(key);
    std::size_t index = std::size_t(h >> (64 - kBits));
    std::uint64_t rest = (h << kBits) | (1ULL << (kBits - 1));  // guard bit bounds the rank
    std::uint8_t rank = std::uint8_t(__builtin_clzll(rest) + 1);
    m_registers[index] = std::max(m_registers[index], rank);
}

void DistinctCounter::addDouble(double value) {
    if (value == 0) value = 0;  // folds -0.0 into 0.0
    std::uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    add(bits);
}

void DistinctCounter::merge(const DistinctCounter& other) {
    for (std::size_t i = 0; i < m_registers.size(); ++i)
        m_registers[i] = std::max(m_registers[i], other.m_registers[i]);
}

std::uint64_t DistinctCounter::estimate() const {
    const double m = double(m_registers.size());
    double sum = 0;
    int zeros = 0;
    for (std::uint8_t r : m_registers) {
        sum += std::ldexp(1.0, -int(r));
        zeros += r == 0;
    }
    double alpha = 0.7213 / (1.0 + 1.079 / m);
    double raw = alpha * m * m / sum;
    if (raw <= 2.5 * m && zeros > 0) raw = m * std::log(m / double(zeros));  // linear counting
    return std::uint64_t(std::llround(raw));
}

}  // namespace kiln
