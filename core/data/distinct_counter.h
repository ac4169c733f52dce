#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace kiln {

// HyperLogLog with 2^14 registers: estimates how many distinct 64-bit keys were added, with a
// standard error of about 0.8%. Not thread-safe; merge per-thread counters instead.
class DistinctCounter {
public:
    void add(std::uint64_t key) {
        std::uint64_t h = mix(key);
        std::size_t index = std::size_t(h >> (64 - kBits));
        std::uint64_t rest = (h << kBits) | (1ULL << (kBits - 1));  // guard bit bounds the rank
        auto rank = std::uint8_t(__builtin_clzll(rest) + 1);
        m_registers[index] = std::max(m_registers[index], rank);
    }
    void addDouble(double value) {  // -0.0 and 0.0 count as one value
        if (value == 0) value = 0;
        std::uint64_t bits;
        std::memcpy(&bits, &value, sizeof bits);
        add(bits);
    }
    void merge(const DistinctCounter& other);
    std::uint64_t estimate() const;

    // A 64-bit hash finaliser (splitmix64).
    static std::uint64_t mix(std::uint64_t x) {
        x += 0x9e3779b97f4a7c15ULL;
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
        return x ^ (x >> 31);
    }

private:
    static constexpr int kBits = 14;
    std::array<std::uint8_t, 1u << kBits> m_registers{};
};

}  // namespace kiln
