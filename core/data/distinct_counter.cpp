#include "core/data/distinct_counter.h"

#include <algorithm>
#include <cmath>

namespace kiln {

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
