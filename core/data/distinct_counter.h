#pragma once

#include <array>
#include <cstdint>

namespace kiln {

// HyperLogLog with 2^14 registers: estimates how many distinct 64-bit keys were added, with a
// standard error of about 0.8%. Not thread-safe; merge per-thread counters instead.
class DistinctCounter {
public:
    void add(std::uint64_t key);
    void addDouble(double value);  // -0.0 and 0.0 count as one value
    void merge(const DistinctCounter& other);
    std::uint64_t estimate() const;

    static std::uint64_t mix(std::uint64_t key);  // a 64-bit hash finaliser (splitmix64)

private:
    static constexpr int kBits = 14;
    std::array<std::uint8_t, 1u << kBits> m_registers{};
};

}  // namespace kiln
